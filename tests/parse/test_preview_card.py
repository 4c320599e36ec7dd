"""A card announcing the story printed right above it: "Title" / "Jane Doe, The Canadian
Press 4 minute read Preview" / "Title" / the byline with its stamp / the story (split.py
`_drop_preview_cards`). Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

PAGE = (
    "World\n\n"
    "Manila says it will open a consulate in Palau to deepen island ties\n\n"
    "The Associated Press 2 minute read Preview\n\n"
    "Manila says it will open a consulate in Palau to deepen island ties\n\n"
    "The Associated Press 2 minute read Wednesday, Jun. 4, 2025\n\n"
    "MANILA, Philippines (AP) — The Philippines will open a consulate in Palau next year, the "
    "foreign ministry said Friday, its first mission in the western Pacific islands.\n\n"
    "The ministry said the office would help some 5,000 Filipino workers in the islands.\n\n"
    "Seoul court orders retrial in decades-old spy case\n\n"
    "Mina Choi, The Associated Press 3 minute read Preview\n\n"
    "Seoul court orders retrial in decades-old spy case\n\n"
    "Mina Choi, The Associated Press 3 minute read Wednesday, Jun. 4, 2025\n\n"
    "SEOUL, South Korea (AP) — A Seoul court on Wednesday ordered a retrial for a man jailed "
    "as a spy in 1981, saying his confession had been forced.\n"
)


def test_each_story_keeps_one_title_and_the_card_is_furniture() -> None:
    dump = parse_bytes(PAGE.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        "Manila says it will open a consulate in Palau to deepen island ties",
        "Seoul court orders retrial in decades-old spy case",
    ]
    assert [s.dateline.place for s in dump.stories if s.dateline] == ["Manila", "Seoul"]
    assert all(s.agencies == ("AP",) and not s.is_teaser for s in dump.stories)
    assert "Mina Choi, The Associated Press 3 minute read Preview" in dump.leftover


def test_a_preview_line_under_a_title_not_repeated_is_left_alone() -> None:
    """Without the title printed again below it the line is no card of the story below."""
    page = PAGE.replace(
        "Seoul court orders retrial in decades-old spy case\n\nMina Choi, The Associated Press "
        "3 minute read Wednesday",
        "Mina Choi, The Associated Press 3 minute read Wednesday",
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert "Seoul court orders retrial in decades-old spy case" not in dump.leftover
