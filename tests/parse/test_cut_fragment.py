"""A stored page is a site's text from its beginning, cut at a length: a list of items
often ends in one more item's title and the first words of its text ("CHIBA, Japan –
Ja"). That title is one more item, the cut words its text or its dateline (split.py
`_cut_fragment`). Our own words."""

from __future__ import annotations

import pytest

from tests.parse.test_split import parse  # (checks that no line is lost, too)

ITEMS = (
    "Business digest\n\n"
    "Ferry operator adds night crossings\n\n"
    "HALIFAX - A ferry operator said on Tuesday it will add two night crossings a week from "
    "May to meet demand from freight hauliers.\n\n"
    "Bakery chain opens its tenth shop\n\n"
    "MONCTON - A family bakery chain opened its tenth shop on Tuesday and said it plans three "
    "more before the end of the year.\n\n"
    "Port authority names new chief\n\n"
    "SAINT JOHN - The port authority named a former shipping executive as its chief on "
    "Tuesday, ending a search that took most of a year.\n\n"
)



def test_a_title_and_its_cut_dateline_are_one_more_item() -> None:
    dump = parse(ITEMS + "Shipyard to hire 300 welders\n\nHALIFAX, Nova Scotia - Shi\n")
    last = dump.stories[-1]
    assert len(dump.stories) == 4
    assert last.headline == "Shipyard to hire 300 welders"
    assert last.dateline is not None and last.dateline.place == "Halifax"


def test_a_title_and_its_cut_text_are_one_more_item() -> None:
    dump = parse(ITEMS + "Shipyard to hire 300 welders\n\nThe yard\n")
    last = dump.stories[-1]
    assert len(dump.stories) == 4
    assert last.headline == "Shipyard to hire 300 welders"
    assert [p.text for p in last.paragraphs] == ["The yard"]


@pytest.mark.parametrize("tail", ["27.04.2015", "By JOHN", "* Required fields"])
def test_a_cut_stamp_byline_or_form_field_is_no_item_text(tail: str) -> None:
    dump = parse(ITEMS + "Shipyard to hire 300 welders\n\n" + tail + "\n")
    assert all(
        not (s.headline == "Shipyard to hire 300 welders" and s.paragraphs
             and s.paragraphs[0].text == tail)
        for s in dump.stories
    )


def test_a_single_story_s_last_lines_stay_its_own() -> None:
    page = (
        "Port authority names new chief\n\n"
        "SAINT JOHN - The port authority named a former shipping executive as its chief on "
        "Tuesday, ending a search that took most of a year.\n\n"
        "What comes next for the harbour\n\n"
        "The new chief\n"
    )
    assert len(parse(page).stories) == 1
