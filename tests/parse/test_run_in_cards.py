"""A card list flattened one card a line, each title run into its dateline with only a
space between them ("News Title Place – Lede... Read more"; unwrap.py `_run_in_item`).
Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

CARDS = (
    "News Fishermen rescued after two days adrift off the coast Mombasa – Coastguards "
    "found three fishermen clinging to their upturned boat on Sunday, two days after a "
    "storm swept them out to... Read more 12 Mar, 2022\n"
    "Politics Opposition walks out of budget debate over fuel levy Lusaka – Opposition "
    "lawmakers left the chamber on Friday in protest at a new levy on petrol and diesel "
    "that the finance minister... Read more 12 Mar, 2022\n"
    "Business Central bank holds key rate as inflation eases Accra – The central bank "
    "kept its main lending rate unchanged on Monday, saying price rises had slowed for a "
    "third month in a row... Read more 11 Mar, 2022\n"
    "Sport Marathon champion to defend title despite knee injury Addis Ababa – The "
    "reigning champion said on Thursday she would run next month's city marathon even "
    "though a knee injury has cut... Read more 11 Mar, 2022\n"
)


def test_each_card_line_is_a_teaser_with_its_title_and_dateline() -> None:
    dump = parse_bytes(CARDS.encode(), source="page.txt")
    got = [(s.headline, s.dateline and s.dateline.place) for s in dump.stories]
    assert got == [
        ("News Fishermen rescued after two days adrift off the coast", "Mombasa"),
        ("Politics Opposition walks out of budget debate over fuel levy", "Lusaka"),
        ("Business Central bank holds key rate as inflation eases", "Accra"),
        ("Sport Marathon champion to defend title despite knee injury", "Addis Ababa"),
    ]
    assert all(s.is_teaser for s in dump.stories)


def test_prose_that_names_a_place_before_a_dash_is_not_cut() -> None:
    page = (
        "Rail strike ends\n\n"
        "Union leaders met ministers for a third time this week in Lusaka – and this "
        "time they signed a deal that ends the strike on the northern line.\n\n"
        "Trains will run a reduced timetable in Accra – the capital's commuter lines – "
        "until crews have finished their safety checks on Monday.\n\n"
        "Passengers were told to expect delays in Mombasa – especially on the coastal "
        "routes – for at least a week after the strike ends.\n"
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == ["Rail strike ends"]
    assert len(dump.stories[0].paragraphs) == 3
