"""A page that is only a list of titles, each set off by a dash ("- Title"): every line is a
teaser (listing.py `_item_text`, `_bare_title`). Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

TITLES = [
    "Port workers end strike after pay deal: union",
    "Asian shares edge higher as oil prices steady",
    "Coastal town counts the cost of record floods",
    "Veteran keeper retires after twenty seasons",
    "Court delays ruling in landmark climate case",
    "Rescue teams reach villages cut off by landslide",
]


def test_a_dash_list_of_titles_is_a_list_of_teasers() -> None:
    page = "\n".join(f"- {t}" for t in TITLES) + "\n- Ministers meet to discuss the fishing quo"
    dump = parse_bytes(page.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        *TITLES, "Ministers meet to discuss the fishing quo"
    ]
    assert all(s.is_teaser and not s.paragraphs for s in dump.stories)


def test_dash_lines_of_prose_stay_the_story_text() -> None:
    page = (
        "Ceasefire talks resume in Cairo\n\n"
        "CAIRO – Negotiators met again on Sunday to discuss a truce, officials said.\n\n"
        "– The talks were attended by envoys from four countries, a diplomat said.\n\n"
        "– A second round is planned for next week in the same venue.\n\n"
        "– Aid agencies urged both sides to let convoys through.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert len(dump.stories) == 1
    assert len(dump.stories[0].paragraphs) == 4
