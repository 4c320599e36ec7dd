"""A link to another story set inside a story's text ("Lea también: <title>", "READ MORE:
<title>") is a teaser of that story, placed after the one it was printed in (split.py
`_inline_link`, `_place_inline_links`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes

PAGE = (
    "Gobierno anuncia el cierre de la radio estatal\n\n"
    "El presidente anunció este viernes el cierre de la radio pública, que emplea a más de "
    "cuatrocientas personas en todo el país.\n\n"
    "\"Vamos a cerrar una emisora que solo genera pérdidas\", dijo el mandatario en un acto "
    "en la capital.\n\n"
    "Le puede interesar: Gobernadores del sur firman un acuerdo para compartir energía\n\n"
    "El mandatario no precisó cuándo se hará efectivo el cierre ni qué pasará con los "
    "trabajadores.\n\n"
    "Lea también: Productores de fruta piden ayuda por las heladas de octubre\n\n"
    "Los sindicatos convocaron una protesta para el lunes frente a la sede de la emisora.\n"
)


def test_each_inline_link_is_a_teaser_after_its_story() -> None:
    dump = parse_bytes(PAGE.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        "Gobierno anuncia el cierre de la radio estatal",
        "Le puede interesar: Gobernadores del sur firman un acuerdo para compartir energía",
        "Lea también: Productores de fruta piden ayuda por las heladas de octubre",
    ]
    main, *links = dump.stories
    assert not main.is_teaser and all(s.is_teaser and not s.paragraphs for s in links)
    # The story keeps its text on both sides of the links.
    assert len(main.paragraphs) == 4
    assert main.paragraphs[-1].text.startswith("Los sindicatos")


@pytest.mark.parametrize(
    "line",
    [
        "Read more: how we fact-check our stories.",  # a sentence, not a title
        "Related: 3",  # no title after it
    ],
)
def test_a_label_without_a_title_stays_out_of_the_stories(line: str) -> None:
    page = PAGE.replace(
        "Lea también: Productores de fruta piden ayuda por las heladas de octubre", line
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert line not in [s.headline for s in dump.stories]
