"""A news summary whose items follow rules of hyphens on one line, each a title run into
a dateline in capitals (unwrap.py `_rule_items`). Our own words."""

from __future__ import annotations

import datetime as dt

from etl.parse import parse_bytes

SUMMARY = (
    "Wire Desk\n\n"
    "Kyodo news summary -2-\n"
    "[March 12, 2016]\n\n\n"
    "(Japan Economic Newswire) ---------- Rail operator to test driverless trains on "
    "rural line OSAKA - A regional railway will test trains without drivers on a quiet "
    "mountain line from next spring, the company said Saturday.\n\n"
    "Engineers will ride every test run for the first year, officials said.\n\n"
    "---------- Fishing fleets told to stay in port as storm nears NAHA, Japan - "
    "Fishermen across the southern islands were ordered to keep their boats in port "
    "through Sunday as a strong storm moved north, the coast guard said. ---------- "
    "Tokyo stocks open higher on exporters' gains TOKYO - Tokyo stocks rose in early "
    "trade on Saturday, led by carmakers after the yen weakened overnight.\n"
)


def test_each_item_after_a_rule_is_a_story_with_its_title_and_dateline() -> None:
    dump = parse_bytes(SUMMARY.encode(), source="page.txt")
    got = [(s.headline, s.dateline and s.dateline.place, s.agencies) for s in dump.stories]
    assert got == [
        ("Rail operator to test driverless trains on rural line", "Osaka", ("Kyodo",)),
        ("Fishing fleets told to stay in port as storm nears", "Naha", ("Kyodo",)),
        ("Tokyo stocks open higher on exporters' gains", "Tokyo", ("Kyodo",)),
    ]
    assert {s.dateline.date for s in dump.stories} == {dt.date(2016, 3, 12)}
    assert dump.stories[0].text.startswith("A regional railway")
    assert dump.stories[0].text.endswith("officials said.")


def test_a_rule_not_followed_by_a_title_and_dateline_cuts_nothing() -> None:
    page = (
        "Council approves budget\n\n"
        "LEEDS - The council approved its budget on Tuesday after a long debate. "
        "---------- The vote was 31 to 20, with two members away.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert len(dump.stories) == 1
    assert "The vote was 31 to 20" in dump.stories[0].text
