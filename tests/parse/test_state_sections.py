"""A round-up of the states: each state's name alone on a line over its brief, whose
dateline names only the town (split.py `_section_region`). Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

ROUND_UP = (
    "Across the nation\n\n"
    "News from every state\n\n"
    "ARIZONA\n\n"
    "Flagstaff: A late snowstorm closed the interstate north of the city for six hours on "
    "Tuesday, and crews cleared drifts as tall as a pickup, state officials said.\n\n"
    "ARKANSAS\n\n"
    "Little Rock: The state fair board picked a new director, a former county extension "
    "agent who ran the livestock shows for a decade, the board said Monday.\n\n"
    "COLORADO\n\n"
    "Pueblo: A library branch reopened after a year of repairs to its roof and its old "
    "heating system, and the first visitors queued before the doors opened.\n"
)


def test_each_brief_takes_the_state_of_the_label_above_it() -> None:
    dump = parse_bytes(ROUND_UP.encode(), source="page.txt")
    got = [(s.dateline.place, s.dateline.region, s.dateline.country) for s in dump.stories]
    assert got == [
        ("Flagstaff", "Arizona", "US"),
        ("Little Rock", "Arkansas", "US"),
        ("Pueblo", "Colorado", "US"),
    ]


def test_a_country_label_gives_no_region() -> None:
    page = (
        "TURKEY\n\n"
        "ANKARA – Officials will follow the talks on the new trade corridor with the "
        "visiting delegation from the Gulf.\n\n"
        "SPORTS\n\n"
        "ISTANBUL – The derby will be played on Sunday evening after a week's delay.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert [(s.dateline.place, s.dateline.region) for s in dump.stories] == [
        ("Ankara", None),
        ("Istanbul", None),
    ]
