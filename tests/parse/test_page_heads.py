"""What a page prints above its items: a source page's own name in a dateline's shape, and
a digest's title in capitals that dates every item under it. Our own words."""

from __future__ import annotations

import datetime as dt

from etl.parse import parse_bytes
from etl.parse.pagedate import dated_title

AUTHOR_PAGE = (
    "Agence-France-Presse . Perth\n\n"
    "  • Images\n\n"
    "    Dust storm grounds flights at regional airports\n\n"
    "    Agence-France-Presse . Perth | Updated at 10:12pm on March 4, 2021\n\n"
    "    Thick red dust swept across the wheat belt on Thursday, closing two regional "
    "airports and cutting visibility on highways to a few metres, officials said.\n\n"
    "  • Images\n\n"
    "    Shark sighting shuts popular city beach\n\n"
    "    Agence-France-Presse . Perth | Updated at 08:40pm on February 26, 2021\n\n"
    "    Lifeguards cleared swimmers from one of the city's busiest beaches on Friday after "
    "a large shark was seen close to the shore, the surf club said.\n\n"
    "  • Images\n\n"
    "    Ferry fares frozen for another year\n\n"
    "    Agence-France-Presse . Perth | Updated at 09:05pm on February 19, 2021\n\n"
    "    The state government said on Friday it would hold ferry fares at this year's level "
    "until next winter, citing pressure on household budgets.\n"
)


def test_a_source_page_name_shaped_like_its_items_datelines_is_no_story() -> None:
    dump = parse_bytes(AUTHOR_PAGE.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        "Dust storm grounds flights at regional airports",
        "Shark sighting shuts popular city beach",
        "Ferry fares frozen for another year",
    ]
    assert [(s.dateline.place, s.dateline.date, s.agencies) for s in dump.stories] == [
        ("Perth", dt.date(2021, 3, 4), ("AFP",)),
        ("Perth", dt.date(2021, 2, 26), ("AFP",)),
        ("Perth", dt.date(2021, 2, 19), ("AFP",)),
    ]
    assert "Agence-France-Presse . Perth" in dump.leftover


def test_a_dateline_alone_at_the_top_of_one_story_stays_its_dateline() -> None:
    page = (
        "Dust storm grounds flights at regional airports\n\n"
        "PERTH (AFP) -\n\n"
        "Thick red dust swept across the wheat belt on Thursday, closing two regional "
        "airports and cutting visibility on highways to a few metres, officials said.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert [(s.headline, s.dateline and s.dateline.place) for s in dump.stories] == [
        ("Dust storm grounds flights at regional airports", "Perth")
    ]


BRIEFS_IN_CAPITALS = (
    "ACTUALITÉS\n"
    "LE MONDE EN BREF DU MARDI 9 MARS 2021\n"
    "LISBONNE – Les pêcheurs du port ont obtenu mardi un report de la nouvelle taxe sur le "
    "gazole, après trois jours de blocage des quais.\n"
    "DAKAR – La compagnie des eaux a annoncé la fin des coupures dans les quartiers nord, "
    "où une conduite principale avait cédé la semaine dernière.\n"
    "QUITO – Une coulée de boue a coupé la route de la côte, selon les secours, qui n'ont "
    "signalé aucune victime.\n"
)


def test_a_digest_title_in_capitals_dates_every_brief_under_it() -> None:
    dump = parse_bytes(BRIEFS_IN_CAPITALS.encode(), source="page.txt")
    got = [(s.dateline.place, s.dateline.date) for s in dump.stories]
    assert got == [
        ("Lisbonne", dt.date(2021, 3, 9)),
        ("Dakar", dt.date(2021, 3, 9)),
        ("Quito", dt.date(2021, 3, 9)),
    ]


def test_dated_title_reads_a_title_in_capitals() -> None:
    assert dated_title("LE MONDE EN BREF DU MARDI 9 MARS 2021") == dt.date(2021, 3, 9)
    assert dated_title("NEWS SUMMARY FOR TUESDAY, MAY 24, 2022") == dt.date(2022, 5, 24)
    assert dated_title("RIOTS IN THE CAPITAL 9 MARS 2021") is None  # no lead word
