"""Shapes from the nineteenth gathering of real pages (parser 2.18.0), each in our own words:
datelines a carrier strips or glues (dateline.py, places.py), credits that close a story
instead of opening it (split.py `_closing_credit`, agencies.py `copyright_agencies`), and
pages of items told apart by a copyright line, a time, a rule or a digest's intro."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.agencies import copyright_agencies, digest_agency
from etl.parse.dateline import match_dateline
from etl.parse.lines import web_byline
from etl.parse.places import resolve_place, river_town
from tests.parse.test_split import parse, texts

# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "place", "country"),
    [
        ("HONG KONG Thousands of residents marched through the city centre on Sunday to "
         "protest against the new rules", "Hong Kong", "HK"),
        ("CARACAS Venezuela's electoral council on Monday set a date for the vote that the "
         "opposition had demanded", "Caracas", "VE"),
        ("TOKYO Tea prices at the regional auctions eased on Wednesday as a wet spring lifted "
         "the harvest", "Tokyo", "JP"),
    ],
)
def test_a_city_in_capitals_run_into_its_sentence_is_a_dateline(
    line: str, place: str, country: str
) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.raw, found.dateline.place, found.dateline.country) == (
        place.upper(), place, country
    )
    assert line[found.end :].split()[0] == line.split()[len(place.split())]


@pytest.mark.parametrize(
    "line",
    [
        "TOKYO Olympics organisers meet again",  # a headline: too short for a sentence
        "US President Ada Moreno said on Monday that the talks would resume next week",
        "BREAKING NEWS Police said on Monday that three men had been held after the raid",
        "CHINA Daily reported on Monday that the factory would close its doors next year",
        "TEXAS Lawmakers said on Monday that the budget would be voted on before the end",
    ],
)
def test_capitals_that_are_no_city_before_a_sentence_are_no_dateline(line: str) -> None:
    assert match_dateline(line, None) is None


def test_an_agency_credit_with_its_dash_glued_to_the_sentence_is_a_dateline() -> None:
    line = "AFP -Storm Kalani tore through the islands overnight, flooding two coastal towns."
    found = match_dateline(line, None)
    assert found is not None and found.dateline.agencies == ("AFP",)
    assert line[found.end :].startswith("Storm Kalani")
    # A hyphenated word is no such credit.
    hyphenated = "AFP-Storm Kalani tore through the islands overnight, again."
    assert match_dateline(hyphenated, None) is None


@pytest.mark.parametrize(
    ("raw", "place"),
    [("Frankfurt/Main", "Frankfurt/Main"), ("FRANKFURT/MAIN", "Frankfurt/Main"),
     ("Frankfurt (Oder)", "Frankfurt (Oder)"), ("Halle/Saale", "Halle/Saale")],
)
def test_a_german_town_and_its_river_is_one_place(raw: str, place: str) -> None:
    assert river_town(raw)
    assert resolve_place(raw).place == place
    assert resolve_place(raw).country == "DE"


def test_a_town_and_its_river_make_a_dateline_and_two_towns_stay_two() -> None:
    line = "Frankfurt/Main - Der Leitindex schloss am Freitag etwas leichter."
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.place, found.dateline.country) == ("Frankfurt/Main", "DE")
    assert not river_town("Berlin/Moscow")
    assert not river_town("Lagos/Main")  # no German town of that name


# ---------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Dana Whitcombe 6 minute read Yesterday at 10:25 PM CST", "Dana Whitcombe"),
        ("Oren Baptiste 8 minute read Preview", "Oren Baptiste"),
        ("Lise Marchand 3 min read", "Lise Marchand"),
    ],
)
def test_a_name_then_its_reading_time_is_a_byline(line: str, author: str) -> None:
    found = web_byline(line)
    assert found is not None
    byline, rest = found
    assert byline.authors == (author,)
    assert "read" in rest


def test_a_headline_that_ends_in_a_reading_time_is_no_byline() -> None:
    assert web_byline("Prices climb again 5 min read") is None


# ---------------------------------------------------------------- closing credits


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("© Agence France-Presse. All rights are reserved.", ("AFP",)),
        ("Copyright © 2012, Radio New Zealand", ("RNZ",)),
        ("Copyright 2019 The Associated Press. All rights reserved.", ("AP",)),
        ("(c) 2021 Reuters", ("Reuters",)),
        ("© 2024 Harbour Daily Herald", ()),
        ("The Associated Press reported on Monday that talks had stalled", ()),
    ],
)
def test_the_owner_a_copyright_line_names(line: str, codes: tuple[str, ...]) -> None:
    assert copyright_agencies(line) == codes


STOCKS = (
    "Markets Today\n"
    "\n"
    "Tokyo Shares Edge Up at the Open\n"
    "\n"
    "Tokyo shares opened slightly higher on Tuesday after gains on Wall Street "
    "overnight.\n"
    "\n"
    "The Nikkei 225 index was up 0.3 percent in early trade while the dollar held "
    "steady.\n"
    "\n"
    "© Agence France-Presse. All rights are reserved.\n"
)


def test_a_copyright_line_under_the_text_credits_the_story() -> None:
    dump = parse(STOCKS)
    assert dump.stories[0].headline == "Tokyo Shares Edge Up at the Open"
    assert dump.stories[0].agencies == ("AFP",)


MOSCOW = (
    "Une explosion dans le sud de la ville a fait trois blessés, selon la police locale.\n"
    "MOSCOU-Les deux agents se sont approchés d'un véhicule suspect dans une rue du "
    "quartier.\n"
    "Les blessés ont été transportés à l'hôpital, où leur état est jugé stable.\n"
    "By Xinhua\n"
)

SPIEGEL = (
    "Streit um Haushalt Regierung vertagt Entscheidung\n"
    "\n"
    "Die Koalition hat die Abstimmung über den Haushalt erneut verschoben, wie am Abend "
    "bekannt wurde.\n"
    "\n"
    "Die Opposition kritisierte das Vorgehen scharf und forderte eine Sondersitzung.\n"
    "\n"
    "kfr/dpa/Reuters\n"
)


@pytest.mark.parametrize(
    ("page", "codes"),
    [(MOSCOW, ("Xinhua",)), (SPIEGEL, ("dpa", "Reuters"))],
)
def test_a_credit_alone_under_the_text_is_the_story_s_source(
    page: str, codes: tuple[str, ...]
) -> None:
    dump = parse(page)
    assert len(dump.stories) == 1
    assert dump.stories[0].agencies == codes
    assert all("Xinhua" not in t and "kfr/" not in t for t in texts(dump.stories[0]))


def test_a_credit_alone_leaves_a_story_that_has_its_own_as_it_is() -> None:
    dump = parse(MOSCOW.replace("MOSCOU-", "MOSCOU (AFP) -"))
    assert dump.stories[0].agencies == ("AFP",)


BLOG = (
    "Pacific News Daily\n"
    "\n"
    "Friday, August 31\n"
    "\n"
    "Minister opens new wharf on the northern coast\n"
    "\n"
    "The transport minister has opened a new wharf that will let larger cargo ships call "
    "at the island each week.\n"
    "Copyright © 2012, Radio New Zealand\n"
    "\n"
    "\n"
    "\n"
    "Island council signs water deal with neighbours\n"
    "\n"
    "The council has signed an agreement to share a desalination plant with two "
    "neighbouring islands for a decade.\n"
    "Copyright © 2012, Radio New Zealand\n"
    "\n"
    "\n"
    "\n"
    "Rugby side to tour Europe in November\n"
    "\n"
    "The national side will play three matches in Europe in November, including a test "
    "against a touring club side.\n"
)


def test_a_copyright_line_between_briefs_is_no_footer() -> None:
    dump = parse(BLOG)
    heads = [s.headline for s in dump.stories]
    assert heads == [
        "Minister opens new wharf on the northern coast",
        "Island council signs water deal with neighbours",
        "Rugby side to tour Europe in November",
    ]
    assert dump.stories[0].agencies == ("RNZ",)


def test_a_copyright_line_over_a_list_of_titles_still_ends_the_page() -> None:
    first = BLOG.split("\n\n\n\nIsland")[0]
    page = first + "\n\nMore stories\n\nTitle one of the day\n\nTitle two\n"
    dump = parse(page)
    assert [s.headline for s in dump.stories] == ["Minister opens new wharf on the northern coast"]


# ---------------------------------------------------------------- pages of items


CAPTIONED = (
    "Top stories\n"
    "\n"
    "Ministers meet at the harbour\n"
    "The fisheries minister speaks to reporters in Port Vila on Monday. — PTI Port Vila, "
    "October 29\n"
    "Soon after the reshuffle, the new minister promised to review the licences of "
    "foreign trawlers.\n"
    "\n"
    "\n"
    "Council weighs new bus routes\n"
    "Port Vila, October 29\n"
    "The council will decide next month whether to add three routes to the airport and "
    "the market.\n"
)


def test_a_caption_ended_by_a_dashed_credit_runs_into_the_story_s_dateline() -> None:
    dump = parse(CAPTIONED)
    assert [s.headline for s in dump.stories] == [
        "Ministers meet at the harbour", "Council weighs new bus routes",
    ]
    first = dump.stories[0]
    assert first.dateline is not None and first.dateline.raw == "Port Vila, October 29"
    assert texts(first)[0].startswith("Soon after the reshuffle")


AP_STATE = (
    "Coastal Digest, 1pm update\n"
    "\n"
    "Here’s a look at how AP’s general news coverage is shaping up for select Coastal "
    "stories. Questions about coverage plans are welcome.\n"
    "\n"
    "TOP STORIES:\n"
    "\n"
    "FERRY FIRE-HARBOR — Crews put out a fire on a passenger ferry tied up in the harbor "
    "overnight, officials said. SENT: 310 words.\n"
    "\n"
    "BRIDGE REPAIRS — PORT ELLIS, Maine — The state will close the old river bridge for "
    "three months of repairs starting in May. SENT: 420 words.\n"
)


def test_an_ap_state_digest_is_known_by_its_opening_line() -> None:
    intro = AP_STATE.split("\n")[2]
    assert digest_agency(intro) == "AP"
    assert digest_agency("Here's a look at how the city's budget is shaping up") is None
    dump = parse(AP_STATE)
    heads = [s.headline for s in dump.stories]
    assert heads[-2:] == ["FERRY FIRE-HARBOR", "BRIDGE REPAIRS"]
    assert all(s.agencies == ("AP",) for s in dump.stories[-2:])


LIVE = (
    "LIVE\n"
    "Wed, 07 June 2017\n"
    "\n"
    "Timeline  Refresh\n"
    "\n"
    "22:45   Governor says she will not be a rubber stamp for the council\n"
    "The governor said on Wednesday that she would go on reading every file sent to her "
    "office.\n"
    "\n"
    "She added that she had a duty to check how public money was spent.\n"
    "22:24   Opposition has many candidates for the top job, says party\n"
    "The party said on Wednesday that the opposition would field a candidate of its own.\n"
)


def test_timed_entries_of_a_live_page_are_its_stories() -> None:
    dump = parse(LIVE)
    heads = [s.headline for s in dump.stories]
    assert heads[-2:] == [
        "22:45   Governor says she will not be a rubber stamp for the council",
        "22:24   Opposition has many candidates for the top job, says party",
    ]
    assert texts(dump.stories[-2])[-1].startswith("She added")


SUMMARY = (
    "World news summary at 1530 GMT, May 9\n"
    "\n"
    "Agency, May 9, 2017 Adjust font size:\n"
    "\n"
    "At least four soldiers were killed in a roadside blast in the south of the country "
    "on Tuesday, an official said.\n"
    "\n"
    "- - - -\n"
    "\n"
    "OSLO -- Police arrested two men suspected of planning an attack, prosecutors said "
    "on Tuesday.\n"
    "\n"
    "The two were caught separately in the capital and in the north of the country. "
    "(Norway-Arrests)\n"
    "\n"
    "- - - -\n"
    "\n"
    "OSLO -- A soldier suspected of stealing weapons from a base was arrested, local "
    "media reported on Tuesday.\n"
    "\n"
    "Prosecutors named him only as Erik T. and said he had hidden the rifles at a farm. "
    "(Norway-Arrests)\n"
)


def test_a_rule_keeps_an_item_s_last_paragraph_its_own() -> None:
    dump = parse(SUMMARY, dump_date=dt.date(2017, 5, 9))
    oslo = [s for s in dump.stories if s.dateline and s.dateline.place == "Oslo"]
    assert len(oslo) == 2
    assert oslo[1].headline in (None, "")
    assert texts(oslo[0])[-1].startswith("The two were caught")
