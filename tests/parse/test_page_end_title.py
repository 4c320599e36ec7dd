"""A stored page breaks off where its copy stops, often right after the next item's title
(split.py `_title_cut_off`): that title is one more item. Our own words throughout."""

from __future__ import annotations

from etl.parse import parse_bytes

LISTING = (
    "Regional news\n\n"
    "Harbour ferry returns to its winter timetable\n"
    "March 3, 2021QUITO, Ecuador -- The harbour ferry will run every forty minutes from "
    "Monday, the port authority said, after a quiet summer season.\n"
    "Coffee growers ask for help after a dry spell\n"
    "March 2, 2021LIMA, Peru -- Growers in the northern valleys asked the ministry for "
    "emergency credit on Tuesday, saying the harvest would fall by a third.\n"
    "Teachers end three-week strike over pay\n"
    "March 1, 2021BOGOTA, Colombia -- Teachers in the capital returned to class on Monday "
    "after the city agreed to a new pay scale for junior staff.\n"
    "Miners reach deal on night-shift allowances\n"
)

TEASERS = (
    "Town council approves new library wing\n\n"
    "The town council voted on Tuesday to build a new wing on the central library, with room "
    "for a reading hall and a children's corner, after two years of debate.\n\n"
    "Work is due to start in the spring and to last about eighteen months, officials said.\n\n"
    "More from the region\n\n"
    "Bridge repairs close river road for a week\n\n"
    "Crews will close the river road from Monday while they replace the bridge's joints.\n\n"
    "Read more\n\n"
    "Farmers' market moves to the old station\n\n"
    "The Saturday market will set up its stalls in the old station yard from next month.\n\n"
    "Read more\n\n"
    "Volunteers clean up the lakeside pa\n"
)

SINGLE = (
    "Rail operator orders forty new carriages\n\n"
    "OSLO -- The state rail operator said on Wednesday it had ordered forty new carriages "
    "for its regional lines, to be delivered over three years.\n\n"
    "The order is the largest the operator has placed in a decade, its chief executive said.\n\n"
    "Passenger numbers on the regional lines rose by a fifth last year as fares were cut\n"
)

BRIEFS = (
    "World in brief\n\n"
    "Dockers vote to end port stoppage\n\n"
    "ROTTERDAM, Netherlands (AP) -- Dockers voted on Friday to end a two-day stoppage that "
    "had left dozens of ships waiting outside the port.\n\n"
    "The union said members would return to work on the night shift.\n\n"
    "Storm cuts power to coastal towns\n\n"
    "HALIFAX, Nova Scotia (AP) -- A late-season storm cut power to thousands of homes along "
    "the coast on Friday, the utility said.\n\n"
    "Crews from two neighbouring provinces were on their way to help restore lines\n"
)


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="page.txt")


def test_a_title_the_listing_breaks_off_after_is_one_more_item() -> None:
    dump = _parse(LISTING)
    assert [s.headline for s in dump.stories] == [
        "Harbour ferry returns to its winter timetable",
        "Coffee growers ask for help after a dry spell",
        "Teachers end three-week strike over pay",
        "Miners reach deal on night-shift allowances",
    ]
    last = dump.stories[-1]
    assert last.paragraphs == () and last.dateline is None
    assert dump.stories[-2].dateline is not None  # the line is no text of the item above
    assert len(dump.stories[-2].paragraphs) == 1
    assert last.is_teaser == dump.stories[-2].is_teaser


def test_a_cut_title_after_marked_teasers_is_a_teaser() -> None:
    dump = _parse(TEASERS)
    assert [s.headline for s in dump.stories[1:]] == [
        "Bridge repairs close river road for a week",
        "Farmers' market moves to the old station",
        "Volunteers clean up the lakeside pa",
    ]
    assert all(s.is_teaser for s in dump.stories[1:])
    assert not dump.stories[0].is_teaser
    assert "Volunteers clean up the lakeside pa" not in dump.leftover


def test_a_single_storys_cut_last_sentence_stays_its_own() -> None:
    dump = _parse(SINGLE)
    assert len(dump.stories) == 1
    assert dump.stories[0].paragraphs[-1].text.startswith("Passenger numbers")


def test_a_briefs_cut_body_line_is_no_title() -> None:
    """Briefs told in several paragraphs: a line cut off at the page's end is the last
    brief's text, however title-like it reads."""
    dump = _parse(BRIEFS)
    assert [s.headline for s in dump.stories] == [
        "Dockers vote to end port stoppage",
        "Storm cuts power to coastal towns",
    ]
    assert dump.stories[-1].paragraphs[-1].text.startswith("Crews from two")


def test_a_title_printed_again_as_its_link_is_no_item() -> None:
    """"Title" / its lede / "Title Read More »": the link repeats the item above it."""
    title = "Asian shares slip as a firmer yen weighs on exporters"
    page = (
        f"{title}\n"
        "SYDNEY, Nov 23 (Reuters) \u2013 Shares across Asia edged lower on Wednesday as a "
        "firmer yen weighed on Japanese exporters, and Tokyo's benchmark shed 0.5% after Wall "
        "Street \u2026\n"
        f"{title} Read More \u00bb\n"
    )
    dump = _parse(page)
    assert [s.headline for s in dump.stories] == [title]
