"""A site's ticker of other stories printed on one line, titles joined by bullets ("Title
one  • Title two  • Title three"), is one teaser per title; above the story, under its
label ("Off the wire"), the titles come first in page order (unwrap.py `_ticker_titles`,
split.py `_lead_ticker`). Our own words."""

from __future__ import annotations

from etl.parse.unwrap import _ticker_titles
from tests.parse.test_split import parse  # (checks that no line is lost, too)

TITLES = [
    "Harbour cranes idle as dock strike enters third day",
    "Alpine pass reopens after week of snow: officials",
    "Cocoa futures slip on forecast of bigger harvest",
    "Museum returns carved doors to island council",
]
STORY = (
    "Rail link to northern port opens a year early\n\n"
    "Newswire, March 3, 2021 Adjust font size:\n\n"
    "A freight line linking the capital with the northern port opened on Wednesday, a year "
    "ahead of plan, the transport ministry said.\n\n"
    "The line will carry up to forty trains a day once the signalling work is finished, "
    "officials said.\n"
)



def test_a_ticker_above_the_story_is_one_teaser_per_title() -> None:
    page = "Off the wire\n" + "  • ".join(TITLES) + "\nYou are here:   Home\n\n" + STORY
    dump = parse(page)
    heads = [s.headline for s in dump.stories]
    assert heads[:4] == TITLES
    assert all(s.is_teaser and not s.paragraphs for s in dump.stories[:4])
    assert heads[4] == "Rail link to northern port opens a year early"
    assert not dump.stories[4].is_teaser
    assert "Off the wire" in dump.leftover


def test_bullets_inside_prose_are_no_ticker() -> None:
    line = (
        "The plan covers three things • faster trains on the coast line, which officials "
        "say is overdue • cheaper fares for students and pensioners, paid for by the city • "
        "and new stations."
    )
    assert _ticker_titles(line) is None
    assert _ticker_titles("Markets • Sport") is None  # two labels are a menu, not a ticker


def test_the_titles_are_cut_at_each_bullet() -> None:
    assert _ticker_titles("  • ".join(TITLES)) == TITLES
