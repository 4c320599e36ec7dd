"""A story filed from two places, no credit: "Washington/Bangkok –" (dateline.py
`_resolves`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.dateline import match_dateline
from etl.parse.places import resolve_place


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


@pytest.mark.parametrize(
    ("line", "place", "country"),
    [
        ("Providence (EE.UU).- Las autoridades mantienen cerrada la zona mientras siguen "
         "las investigaciones.", "Providence", "US"),
        ("Santo Domingo (R.D.).- El gobierno anunció este martes un nuevo plan de obras "
         "para los barrios del norte.", "Santo Domingo", "DO"),
    ],
)
def test_a_country_in_brackets_by_its_initials(line: str, place: str, country: str) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.place, found.dateline.country) == (place, country)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Pekín", "CN"), ("Pékin", "CN"), ("Peking", "CN"), ("Rome", "IT"), ("Memphis", "US")],
)
def test_a_world_citys_other_name_outweighs_a_small_towns_own(name: str, country: str) -> None:
    assert resolve_place(name).country == country


def test_a_named_state_still_picks_the_small_town() -> None:
    found = match_dateline("HANOVER, N.H. (AP) — The college said on Monday it would "
                           "expand its aid program.", None)
    assert found is not None
    assert (found.dateline.country, found.dateline.region) == ("US", "New Hampshire")
