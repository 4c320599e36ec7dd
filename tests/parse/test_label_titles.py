"""Bare titles a line each under a list's label ("ALSO READ") after a story's text are one
teaser each, however the titles read ("UPDATE 1-...-sources"), up to the first line that
is no title (split.py `_label_titles`). Our own words."""

from __future__ import annotations

from tests.parse.test_split import parse  # (checks that no line is lost, too)

STORY = (
    "Port city opens its first desalination plant\n"
    "Karachi, Jan 9 (AFP) The city on Monday opened a plant that will turn sea water into "
    "drinking water for half a million homes, officials said.\n"
    "The plant cost about 90 million dollars and was paid for by a consortium of banks, "
    "with the first water due in the city's pipes within a week. (AFP) KRK\n"
    "(This story has not been edited by the site's staff and is auto-generated from a "
    "syndicated feed.)\n"
    "Download The Site News App for Latest News.\n"
)
TITLES = [
    "UPDATE 1-Crucial grain corridor talks set for Friday in Ankara -sources",
    "Silk Road Briefing: Regional port forum held in E Pakistan's Gwadar to boost shipping "
    "and customs links",
    "Pakistan plans to double canal flows from wet north to dry south",
    "Senators table bill to curb development bank loans to the region",
    "UPDATE 2-Aviation authority flagged worries to planemaker over engine changes",
]



def test_titles_under_also_read_are_teasers() -> None:
    dump = parse(STORY + "ALSO READ\n" + "\n".join(TITLES) + "\n")
    assert [s.headline for s in dump.stories] == [
        "Port city opens its first desalination plant", *TITLES
    ]
    assert not dump.stories[0].is_teaser
    assert all(s.is_teaser and not s.paragraphs for s in dump.stories[1:])
    assert dump.stories[0].dateline is not None and dump.stories[0].agencies == ("AFP",)


def test_the_list_ends_at_the_first_line_that_is_no_title() -> None:
    tail = (
        "Readers can write to the desk at any hour of the day, and letters are answered "
        "within a week by one of our editors.\n"
    )
    dump = parse(STORY + "ALSO READ\n" + "\n".join(TITLES) + "\n" + tail)
    texts = [p.text for s in dump.stories for p in s.paragraphs]
    assert tail.strip() in texts or tail.strip() in dump.leftover
    assert [s.headline for s in dump.stories][1:6] == TITLES


def test_two_titles_under_a_label_stay_out_of_this_rule() -> None:
    from etl.parse import split

    units = [split.Unit(t) for t in (STORY + "ALSO READ\n" + "\n".join(TITLES[:2])).split("\n")]
    splitter = split._Splitter(None, frozenset(), frozenset(), None)
    assert splitter._label_titles(units) == frozenset()
    units = [split.Unit(t) for t in (STORY + "ALSO READ\n" + "\n".join(TITLES)).split("\n")]
    assert len(splitter._label_titles(units)) == len(TITLES)
