"""A crawl header whose title is a section or site label, not the story's headline."""

from __future__ import annotations

import pytest

from tests.parse.test_real_shapes import parse

BODY = (
    "A second county clerk has asked the state to delay new rules for ballot boxes until "
    "after the spring vote, saying staff cannot be trained in time.\n\n"
    "The rules were adopted last month after a review of how boxes are emptied at night.\n"
)


@pytest.mark.parametrize(
    "label",
    ["National Politics", "Left Menu", "IOWA LEGISLATURE", "AP-US-BALLOT-BOX-RULES-KANSAS"],
)
def test_a_label_on_the_header_gives_way_to_the_pages_own_title(label: str) -> None:
    page = (
        f" date 2017-08-28 {label}\n\n"
        "County clerks seek delay of ballot box rules\n\n"
        "The Associated Press\n\n"
        "August 28, 2017 9:44 AM\n\n"
        "TOPEKA, Kan. (AP) — " + BODY
    )
    story = parse(page).stories[0]
    assert story.headline == "County clerks seek delay of ballot box rules"
    assert story.dateline is not None and story.dateline.place == "Topeka"


def test_a_label_on_the_header_over_an_undatelined_story() -> None:
    page = " date 2021-08-13 Left Menu\n\nClerks ask for more time on ballot box rules\n\n" + BODY
    assert parse(page).stories[0].headline == "Clerks ask for more time on ballot box rules"


def test_a_headline_on_the_header_stays_the_headline() -> None:
    # The header names the story; the page's title-like line above the dateline is a
    # section's name, and the header's headline is kept.
    page = (
        " date 2017-08-28 County clerks seek delay of ballot box rules\n\n"
        "Kansas Elections Roundup\n\n"
        "TOPEKA, Kan. (AP) — " + BODY
    )
    story = parse(page).stories[0]
    assert story.headline == "County clerks seek delay of ballot box rules"


def test_a_label_on_the_header_stays_where_the_page_shows_no_title() -> None:
    page = " date 2017-08-28 Silver eases\n\nBengaluru: " + BODY
    assert parse(page).stories[0].headline == "Silver eases"
