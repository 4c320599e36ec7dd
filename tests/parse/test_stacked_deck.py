"""Two full titles stacked over a dateline: the upper is the headline, the lower its deck,
though no longer than it (lines.py `is_stacked_deck`). Our own words throughout."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.lines import is_stacked_deck


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="page.txt")


@pytest.mark.parametrize(
    ("title", "deck"),
    [
        (
            "Harbour Board Going Ahead With Fees on Cruise Ships",
            "The new Fees Come on Top of Berth Charges",
        ),
        (
            "Grain exporters warned over late shipments to Asia",
            "Buyers threaten to cancel contracts",
        ),
        (
            "Rail union and operator agree new pay deal after strike",
            "Trains to run normally from Monday",
        ),
    ],
)
def test_a_shorter_deck_under_a_full_title(title: str, deck: str) -> None:
    assert is_stacked_deck(title, deck)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("Politics & Diplomacy", "Minister denies any plan to close the border crossing"),
        ("AP Top News at 6:17 a.m. EST", "Senate heads for a vote on the budget bill"),
        ("The latest Container shipping News & Analysis", "Port strike ends after three weeks"),
        ("Sorted by date Results 1 - 25 of 44", "Court upholds ruling on river rights"),
        (
            "Hobart HOBART Reuters Australia ferry harbour",
            "Ferry timetable overhaul promises shorter waits",
        ),
        (
            "WIDGET MAKERS: Sued Over Faulty Hinges, Suit Says",
            "ACME FOODS: Recalls Peanut Snack Bars",
        ),
        ("Protein 6.7 gm Cow's milk: 3.2 gm", "Rice supply raised in city markets"),
        (
            "Kovac says he went back in July with a camera and found the",
            "Senator wants faster farm aid",
        ),
        ("Market report for Tuesday, March 3, 2020", "Wheat prices climb on dry weather"),
        ("Wheat prices climb on dry weather", "  • Dry spell lifts wheat prices again"),
        (
            "Membership asks for a record of work in seed research and ... Show Full Article",
            "Regional Library Group: Notes From a Busy Winter",
        ),
    ],
)
def test_a_label_or_a_listing_line_above_is_no_title(above: str, title: str) -> None:
    assert not is_stacked_deck(above, title)


MAIN = (
    "Author: Staff and wire reports\n\n"
    "Harbour Board Going Ahead With Fees on Cruise Ships\n\n"
    "The new Fees Come on Top of Berth Charges\n\n"
    "HALIFAX, Nova Scotia (CP) — The harbour board said Tuesday it will charge cruise lines a "
    "passenger fee from next season, on top of the berth charges they already pay.\n\n"
    "The fee will pay for a new terminal building, the board said.\n"
)

ITEMS = (
    "Author: Staff and wire reports\n\n"
    "Harbour Board Going Ahead With Fees on Cruise Ships\n\n"
    "The new Fees Come on Top of Berth Charges\n\n"
    "HALIFAX, Nova Scotia (CP) — The harbour board said Tuesday it will charge cruise lines a "
    "passenger fee from next season, on top of the berth charges they already pay.\n\n"
    "Health Officials Confirm Mumps Case at City School\n\n"
    "The Pupil had not Been Vaccinated Against Mumps\n\n"
    "MONCTON, New Brunswick (CP) — Health officials say a case of mumps has been confirmed in a "
    "pupil at a city primary school.\n\n"
    "Missing Hiker Found Safe in Provincial Park\n\n"
    "Rescuers Found Him Cold but Unhurt\n\n"
    "FREDERICTON, New Brunswick (CP) — A hiker missing for two nights has been found safe in a "
    "provincial park north of the city.\n"
)

STOLEN = (
    "Prairie Grower\n\n"
    "Envoy to Japan to leave post after trade pact is signed\n\n"
    "Beef access, rail delays among issues still open\n\n"
    "Ottawa | Reuters — Canada's envoy to Japan said on Monday he would leave his post in the "
    "spring, after two years spent on a farm trade pact that was signed last week.\n\n"
    "(Embassy handout)\n\n"
    "Canada shuts border to travellers from five countries\n\n"
    "New virus strain spurs the decision\n\n"
    "Ottawa | Reuters — Canada is closing its borders to foreign travellers who have recently "
    "been to five countries, the health minister said on Friday.\n"
)


def test_the_main_storys_headline_is_the_title_over_its_deck() -> None:
    dump = _parse(MAIN)
    assert dump.stories[0].headline == "Harbour Board Going Ahead With Fees on Cruise Ships"
    assert "The new Fees Come on Top of Berth Charges" in dump.leftover


def test_each_items_headline_is_the_title_over_its_deck() -> None:
    dump = _parse(ITEMS)
    assert [s.headline for s in dump.stories] == [
        "Harbour Board Going Ahead With Fees on Cruise Ships",
        "Health Officials Confirm Mumps Case at City School",
        "Missing Hiker Found Safe in Provincial Park",
    ]
    assert [s.dateline.place for s in dump.stories if s.dateline] == [
        "Halifax",
        "Moncton",
        "Fredericton",
    ]
    assert "Rescuers Found Him Cold but Unhurt" in dump.leftover


def test_a_title_and_deck_left_in_the_story_above_go_to_the_next() -> None:
    dump = _parse(STOLEN)
    assert [s.headline for s in dump.stories] == [
        "Envoy to Japan to leave post after trade pact is signed",
        "Canada shuts border to travellers from five countries",
    ]
    assert all(s.dateline is not None and s.agencies == ("Reuters",) for s in dump.stories)
    assert not any("New virus strain" in p.text for p in dump.stories[0].paragraphs)
