"""An agency's digest of the day's topics ("Temas del día de EFE ..."): under each topic's
slug the first report opens with its dateline and each further report is a paragraph that
opens with a dash, its own story (listing.py `split_dash_items`); a dash glued to a
dateline ("-Valparaíso, 4 mar (EFE).-") is a bullet before it (dateline.py `_PRE`).
Our own words."""

from __future__ import annotations

import datetime as dt

from etl.parse.dateline import match_dateline
from tests.parse.test_split import parse  # (checks that no line is lost, too)

TITLE = "Temas del día de EFE Internacional del 4 de marzo de 2025 (13.00 horas)"
TOPICS = (
    "9 minutos\n\n"
    "CHILE LLUVIAS\n\n"
    "Santiago de Chile.- Las lluvias de la última semana dejaron sin luz a miles de hogares "
    "del centro del país y obligaron a cerrar tres pasos fronterizos con Argentina.\n\n"
    "(Texto) (Foto)\n\n"
    "-Valparaíso, 4 mar (EFE).- El puerto suspendió este martes la carga de contenedores por "
    "segundo día consecutivo a causa del temporal, informó la autoridad portuaria.\n\n"
    "(Texto)\n\n"
    "– El Gobierno anunció un bono de emergencia para las familias afectadas por las "
    "inundaciones en la región del Biobío, que se pagará antes de fin de mes.\n\n"
    "(Texto) (Vídeo)\n\n"
    "PERÚ MINERÍA\n\n"
    "Lima.- Las comunidades andinas levantaron el bloqueo de la carretera que lleva a la "
    "mayor mina de cobre del sur del país tras un acuerdo con el Ejecutivo.\n\n"
    "(Texto)\n"
)



def test_each_dashed_report_of_a_digest_is_its_own_story() -> None:
    dump = parse(f" date 2025-03-04 {TITLE}\n" + TOPICS)
    stories = dump.stories
    assert [s.headline for s in stories] == ["CHILE LLUVIAS", None, None, "PERÚ MINERÍA"]
    places = [s.dateline.place if s.dateline else None for s in stories]
    assert places == ["Santiago de Chile", "Valparaíso", None, "Lima"]
    assert stories[1].dateline is not None
    assert stories[1].dateline.date == dt.date(2025, 3, 4)
    assert stories[2].paragraphs[0].text.startswith("El Gobierno anunció un bono")
    assert all(s.agencies == ("EFE",) for s in stories)


def test_dashed_paragraphs_outside_a_digest_stay_in_their_story() -> None:
    page = " date 2025-03-04 Lluvias en Chile\n" + TOPICS.split("CHILE LLUVIAS\n\n", 1)[1]
    page = page.split("PERÚ MINERÍA", 1)[0]
    dump = parse(page)
    texts = [p.text for s in dump.stories for p in s.paragraphs]
    assert any(t.startswith("– El Gobierno anunció un bono") for t in texts)
    assert all(s.dateline is None or s.dateline.place != "" for s in dump.stories)


def test_a_short_dashed_line_in_a_digest_is_no_report() -> None:
    topics = TOPICS.replace(
        "– El Gobierno anunció un bono de emergencia para las familias afectadas por las "
        "inundaciones en la región del Biobío, que se pagará antes de fin de mes.",
        "– Bono de emergencia para el Biobío",
    )
    dump = parse(f" date 2025-03-04 {TITLE}\n" + topics)
    assert len(dump.stories) == 3


def test_a_dash_glued_to_a_dateline_is_a_bullet() -> None:
    found = match_dateline("-Valparaíso, 4 mar (EFE).- El puerto cerró.", dt.date(2025, 3, 4))
    assert found is not None
    assert found.dateline.raw == "Valparaíso, 4 mar (EFE)"
    assert found.dateline.agencies == ("EFE",)
    # a hyphen glued to a word in lower case, or a run of them, is no bullet
    assert match_dateline("-valparaíso, 4 mar (EFE).- El puerto.", dt.date(2025, 3, 4)) is None
