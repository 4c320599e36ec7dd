"""A section's name in capitals, a word or three, over an item's title and dateline (a
front page of the Space Media Network's kind): the item's kicker (split.py `_caps_kicker`).
Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

PAGE_ONE = (
    "24/7 News Coverage\n"
    "March 14, 2024\n"
    "ORBITAL LOGISTICS\n"
    "Cargo ship undocks from the station after a month in orbit\n\n\n\n"
    "Beijing, China (SPX) Mar 13, 2024\n"
    "The cargo craft left the station on Wednesday and will burn up over the Pacific next "
    "week, the space agency said.\n\n"
    "MARSDAILY\n"
    "Rover finds layered rock at the edge of an ancient lake bed\n"
    "Pasadena CA (SPX) Mar 12, 2024\n"
    "The rover's cameras found thin layers of rock at the rim of a crater that once held "
    "water, the mission team said.\n"
    "SUPERPOWERS\n"
    "Envoys meet in Geneva as arms talks resume after a pause\n"
    "Geneva (AFP) Mar 13, 2024\n"
    "Envoys from the two powers met on Wednesday for the first arms talks in two years, "
    "diplomats said.\n"
)


def test_one_word_kickers_are_no_line_of_the_item_above() -> None:
    dump = parse_bytes(PAGE_ONE.encode(), source="pageone.txt")
    assert [s.headline for s in dump.stories] == [
        "Cargo ship undocks from the station after a month in orbit",
        "Rover finds layered rock at the edge of an ancient lake bed",
        "Envoys meet in Geneva as arms talks resume after a pause",
    ]
    assert all(len(s.paragraphs) == 1 for s in dump.stories)
    assert {"MARSDAILY", "SUPERPOWERS"} <= set(dump.leftover)


def test_a_sign_off_in_capitals_stays_the_credit_of_the_item_above() -> None:
    page = (
        "Germany charges eight over fake medicines ring\n\n"
        "BERLIN - Prosecutors charged eight people on Tuesday over a ring that sold fake "
        "medicines online.\n\n"
        "Investigators seized goods from warehouses in four states.\n\n"
        "- AP\n\n"
        "Court delays testimony of key witness\n\n"
        "PHNOM PENH, Cambodia - The tribunal postponed the testimony of a key witness on "
        "Tuesday after a dispute between lawyers.\n"
    )
    dump = parse_bytes(page.encode(), source="briefs.txt")
    assert dump.stories[0].agencies == ("AP",)
    assert "- AP" not in dump.leftover
