"""A dateline's brackets credit sources the registry does not know ("(WKRN)", "(CNN)",
"(Capital FM)"): the archive keeps them by the name printed. And what sits after a
dateline's comma is a region only when it is one (dateline.py). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.dateline import match_dateline

SENTENCE = " The county board voted on Monday to close two rural clinics by the summer."


@pytest.mark.parametrize(
    ("head", "source"),
    [
        ("NASHVILLE, Tenn. (WKRN) --", "WKRN"),
        ("Accra, Ghana (CNN) -", "CNN"),
        ("KAMPALA, Feb 2, 2021 (Capital FM) –", "Capital FM"),
        ("Santiago de Cuba, 14 mayo (RHC).-", "RHC"),
        ("MOMBASA, 3rd MAY 2018, (PSCU)—", "PSCU"),
    ],
)
def test_an_unregistered_source_in_the_brackets_is_the_story_credit(
    head: str, source: str
) -> None:
    found = match_dateline(head + SENTENCE, None)
    assert found is not None
    assert found.dateline.agencies == (source,)


def test_a_registered_agency_keeps_its_code() -> None:
    found = match_dateline("FRANKFURT, June 3 (RTRS) -" + SENTENCE, None)
    assert found is not None
    assert found.dateline.agencies == ("Reuters",)


@pytest.mark.parametrize(
    "head",
    [
        "Kanpur (UP) -",  # a state's initials, not a source
        "QUITO, 4 Oct (Ecuador) -",  # the country
        "SENDAI, Japan (Miyagi) -",  # a prefecture (one word, not in capitals)
        "DAKAR, Nov 3 (Nov. 3) -",  # a date
        "LAGOS, Oct 3 (Chinese media) -",  # no source's name
    ],
)
def test_a_place_a_date_or_a_phrase_in_the_brackets_credits_nothing(head: str) -> None:
    found = match_dateline(head + SENTENCE, None)
    assert found is None or found.dateline.agencies == ()


def test_the_story_carries_the_unregistered_credit() -> None:
    page = (
        "Clinic closures approved\n\n"
        "NASHVILLE, Tenn. (WKRN) -- The county board voted on Monday to close two rural "
        "clinics by the summer, saying too few patients used them.\n"
    )
    dump = parse_bytes(page.encode(), source="story.txt")
    assert dump.stories[0].agencies == ("WKRN",)


def test_a_month_cut_from_its_day_is_no_region() -> None:
    found = match_dateline("HANOI, Jan.", None)
    assert found is not None
    assert found.dateline.place == "Hanoi"
    assert found.dateline.region is None
    assert found.dateline.country == "VN"


def test_a_reporter_and_agency_after_a_title_are_no_dateline() -> None:
    # "Lima" is a place, but "Lima, Reuters" names a reporter and the agency she writes
    # for: a region is never an agency.
    line = "Copper miners strike for a third week – Ana Lima, Reuters (Daily Post – May 2, 2012)"
    found = match_dateline(line, None, anywhere=True)
    assert found is None or found.dateline.region != "Reuters"


def test_a_real_region_after_the_comma_stays() -> None:
    found = match_dateline("AUGUSTA, Maine —" + SENTENCE, None)
    assert found is not None
    assert found.dateline.region == "Maine"
