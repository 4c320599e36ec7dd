"""A crawl's header line that names an agency's digest (" date 2021-03-04 Kyodo News
Digest") credits the agency for every brief below and is no brief's title (split.py).
Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes

BRIEFS = (
    "Rail fares to rise in April\n"
    "TOKYO -- Major rail operators will raise fares by about 3 percent from April to pay "
    "for new safety barriers on platforms, the transport ministry said Thursday.\n"
    "Fishing fleet returns early as storm nears\n"
    "SAPPORO -- Hundreds of fishing boats returned to port a day early on Thursday as a "
    "strong storm approached the northern coast, local officials said.\n"
    "Museum reopens after two-year repair\n"
    "OSAKA -- The city's science museum reopened Thursday after two years of repairs to its "
    "roof and galleries, with free entry for children for a week.\n"
)


@pytest.mark.parametrize(
    ("title", "code"),
    [("Kyodo News Digest", "Kyodo"), ("Yonhap News Summary", "Yonhap"),
     ("Reuters World News Summary", "Reuters"),
     ("Temas del día de EFE Internacional del 4 de marzo (19.00 horas)", "EFE"),
     ("Resumen de noticias de Prensa Latina", "Prensa Latina")],
)
def test_a_digest_named_in_the_header_credits_each_brief(title: str, code: str) -> None:
    page = f" date 2021-03-04 {title}\n" + BRIEFS
    dump = parse_bytes(page.encode(), source="digest.txt")
    assert [s.headline for s in dump.stories] == [
        "Rail fares to rise in April",
        "Fishing fleet returns early as storm nears",
        "Museum reopens after two-year repair",
    ]
    assert all(s.agencies == (code,) for s in dump.stories)
    # the page's title: in the header line, or page text left over, never a story's
    assert title in dump.leftover or title in (dump.header or "")


def test_a_plain_header_title_stays_the_main_story_headline() -> None:
    page = " date 2021-03-04 Rail fares to rise in April\n" + BRIEFS.split("\n", 1)[1]
    dump = parse_bytes(page.encode(), source="story.txt")
    assert dump.stories[0].headline == "Rail fares to rise in April"
    assert dump.stories[0].agencies == ()


@pytest.mark.parametrize("title", ["Temas del día de hoy", "Temas del día de la semana"])
def test_a_topics_title_naming_no_agency_stays_the_headline(title: str) -> None:
    page = f" date 2021-03-04 {title}\n" + BRIEFS
    dump = parse_bytes(page.encode(), source="story.txt")
    assert dump.stories[0].headline == title
    assert all(s.agencies == () for s in dump.stories)
