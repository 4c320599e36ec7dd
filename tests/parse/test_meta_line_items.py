"""An author or section page that lists untitled items, each under a line of its date, its
writer and its section ("Thursday 30 March 2023 | Written by RNZ | Published in Fiji"): one
story per item, credited to the writer where the writer is an agency (split.py
`meta_line`). Our own words."""

from __future__ import annotations

from etl.parse.split import meta_line
from tests.parse.test_split import parse  # (checks that no line is lost, too)

LEDES = [
    "The regional development bank has opened a permanent office in the northern islands to "
    "manage its growing list of projects.",
    "The government says it will scrap a disputed broadcasting law passed a decade ago and "
    "replace it with a code written by the industry.",
    "Farmers on the southern atolls say a long dry spell has cut their taro harvest by half "
    "and they fear a hungry winter ahead.",
    "A former forum secretary general says island leaders must pay closer attention to the "
    "new security pacts being drawn up around them.",
]
PLACES = ["Palau, Regional", "Fiji, Regional", "Regional, Tuvalu", "Samoa, Regional"]


def page(writer: str) -> str:
    lines = []
    for day, (place, lede) in enumerate(zip(PLACES, LEDES, strict=True), start=20):
        lines += [f"Monday {day} March 2023 | Written by {writer} | Published in {place}", lede]
    lines.append("Friday 10 March 2023 | Written by RNZ | Published in Fiji, Re")  # cut off
    return "\n".join(lines) + "\n"



def test_each_item_under_its_date_and_writer_line_is_a_story() -> None:
    dump = parse(page("RNZ"))
    assert len(dump.stories) == 4
    assert [s.paragraphs[0].text for s in dump.stories] == LEDES
    assert all(s.agencies == ("RNZ",) for s in dump.stories)
    assert all(s.headline is None for s in dump.stories)


def test_a_writer_who_is_no_agency_parts_the_items_and_credits_no_one() -> None:
    dump = parse(page("Mere Tautahi"))
    assert len(dump.stories) == 4
    assert all(s.agencies == () for s in dump.stories)


def test_a_meta_line_needs_a_date_first_and_a_writer_field() -> None:
    assert meta_line("Thursday 30 March 2023 | Written by RNZ | Published in Fiji") == ("RNZ",)
    assert meta_line("Thursday 30 March 2023 | Published in Fiji") is None
    assert meta_line("Written by RNZ | Thursday 30 March 2023") is None
    assert meta_line("Thursday 30 March 2023 | By Ana Lomu") == ()
