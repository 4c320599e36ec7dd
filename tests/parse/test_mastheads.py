"""An agency's name alone at a page's top ("Xinhua News Agency", "AFP" over its author
page, "Reuters logo") credits the stories under it that credit no one; the same name
under a headline or a "By" line is a byline's, and a two-letter button is no masthead
(split.py `_masthead`). Our own words."""

from __future__ import annotations

import pytest

from tests.parse.test_split import parse  # (checks that no line is lost, too)

DIGEST = (
    "City Digest\n\n"
    "PUBLISHED : Saturday, 14 March, 2015, 12:00am\n\n"
    "Ferry timetable doubles on weekends\n\n"
    "Ferries to the outer islands will run twice as often on Saturdays and Sundays from "
    "April, the harbour bureau said on Friday, after complaints about crowded decks.\n\n"
    "Night market moves to old rail yard\n\n"
    "The city's biggest night market will move to a disused rail yard next month to make "
    "room for a metro station, district officials told the Evening Post.\n\n"
    "Library lends out fishing rods\n\n"
    "A branch library in the west of the city has begun lending fishing rods along with "
    "books, and all forty were booked within a day, its keeper said on Thursday.\n"
)



@pytest.mark.parametrize(
    ("masthead", "code"),
    [
        ("Xinhua News Agency", "Xinhua"),
        ("AFP", "AFP"),
        ("Reuters logo", "Reuters"),
        ("By The Canadian Press", "CP"),
        ("Agence France-Presse", "AFP"),
    ],
)
def test_a_masthead_credits_every_uncredited_story(masthead: str, code: str) -> None:
    dump = parse(f"{masthead}\n\n" + DIGEST)
    heads = [s.headline for s in dump.stories]
    assert heads[-2:] == ["Night market moves to old rail yard", "Library lends out fishing rods"]
    assert [s.agencies for s in dump.stories] == [(code,)] * len(dump.stories)


def test_furniture_may_stand_above_the_masthead() -> None:
    dump = parse("Advertisement\n\nAFP\n\n" + DIGEST)
    assert [s.agencies for s in dump.stories][-3:] == [("AFP",)] * 3


def test_a_story_with_its_own_credit_keeps_it() -> None:
    page = "Reuters logo\n\n" + DIGEST.replace(
        "A branch library", "BERLIN (dpa) - A branch library"
    )
    dump = parse(page)
    last = dump.stories[-1]
    assert last.headline == "Library lends out fishing rods"
    assert last.agencies == ("dpa",)


def test_a_name_under_a_by_line_is_the_first_story_s_byline() -> None:
    page = (
        "By HANNA VOSS and TOBIAS REIN\n"
        "Associated Press\n"
        "DENVER (AP) - Snowplows worked through the night to reopen the main highway over "
        "the pass after a storm dropped two feet of snow, state officials said Tuesday.\n"
        "Crews expect the road to stay open unless more snow falls this week.\n"
        "A ferry captain was praised for steering through fog to reach a stranded kayaker.More >>\n"
        "A bakery owner gave away bread for a week after winning the county lottery.More >>\n"
    )
    dump = parse(page)
    assert dump.stories[0].agencies == ("AP",)
    assert len(dump.stories) > 1
    assert all(s.agencies == () for s in dump.stories[1:])


def test_a_name_under_a_headline_is_that_story_s_byline() -> None:
    page = (
        "Veteran weather host on city radio dies at 84\n\n"
        "The Associated Press\n\n"
        "December 26, 2017 10:33 PM\n\n"
        "BUFFALO, N.Y.\n\n"
        "A voice that told the city when to dig out its cars for four decades has gone quiet, "
        "his family said on Tuesday.\n\n"
        "He joined the station as a night clerk and never left.\n\n"
        "Watch: the county fair's pie contest ends in an upset\n\n"
        "Watch: a comic recalls the radio job that made him\n"
    )
    dump = parse(page)
    assert dump.stories[0].headline == "Veteran weather host on city radio dies at 84"
    assert [s.agencies for s in dump.stories[1:]] == [()] * (len(dump.stories) - 1)


def test_a_two_letter_button_is_no_masthead() -> None:
    dump = parse("AA\n  • CITY.AT\n  • Politik\n\n" + DIGEST)
    assert all(s.agencies == () for s in dump.stories)
