"""A story filed from two places, no credit: "Washington/Bangkok –" (dateline.py
`_resolves`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.dateline import match_dateline


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Washington/Bangkok – Los dos gobiernos anunciaron hoy una tregua de tres días.",
         "Washington/Bangkok"),
        ("Kiev/Moscú – Las delegaciones volvieron a reunirse este lunes en Estambul.",
         "Kiev/Moscú"),
        ("NEW YORK/LONDON - Shares slid on Monday as bond yields climbed again.",
         "New York/London"),
    ],
)
def test_two_known_places_and_a_dash(text: str, place: str) -> None:
    found = match_dateline(text, None)
    assert found is not None
    assert found.dateline.place == place
    assert found.dateline.country is None  # two countries: the dateline names neither alone


@pytest.mark.parametrize(
    "text",
    [
        "Him/Her – a film about two strangers opens this week.",
        "Washington/Zorblax – a name the gazetteer does not know.",
    ],
)
def test_a_slash_between_words_that_are_not_places_is_no_dateline(text: str) -> None:
    assert match_dateline(text, None) is None


def test_a_digest_item_filed_from_two_places_is_its_own_story() -> None:
    page = (
        "Temas del día\n\n"
        "TAILANDIA CAMBOYA\n\n"
        "Washington/Bangkok – Los ejércitos de los dos países cruzaron fuego este sábado "
        "en varios puntos de la frontera, según fuentes militares.\n\n"
        "ISRAEL PALESTINA\n\n"
        "Jerusalén – Las lluvias y el frío agravaron la situación de miles de familias "
        "desplazadas, informaron organizaciones humanitarias.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    places = [s.dateline.place for s in dump.stories if s.dateline]
    assert places == ["Washington/Bangkok", "Jerusalén"]
