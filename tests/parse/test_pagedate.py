"""The page's own time stamp: which lines give it, which dates are not it."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_bytes
from etl.parse.pagedate import date_in, dated_title, stamp_date

OCT3 = dt.date(2019, 10, 3)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Updated: 03-10-2019 11:20 IST", OCT3),
        ("By Jane Doe | Oct. 3, 2019 at 10:30 AM", OCT3),
        ("Published 3 October 2019 10:32", OCT3),
        ("Thu, 10/03/2019 - 20:38", OCT3),  # slashes: the US order
        ("Oct 03 2019 | 10:30 AM", OCT3),
        ("2019-10-03", OCT3),
        ("Thursday, 3rd October, 2019", OCT3),
        ("Posted 25.12.2018", dt.date(2018, 12, 25)),  # a day over 12 settles the order
        ("October 3, 2019", OCT3),
        ("calendar>>October 3. 2019 Juche 108", OCT3),  # a stop after the day
    ],
)
def test_stamp_lines(line: str, want: dt.date) -> None:
    assert stamp_date(line) == want


@pytest.mark.parametrize(
    "line",
    [
        "Ministers met on Oct. 3, 2019 to sign a deal on river water sharing in the delta",
        "The 2019-10-03 talks were long and tiring for everyone who attended them",
        "Floods kill dozens",
        "",
        "Published by the ministry",
        "31/02/2019 10:00",  # no such day
    ],
)
def test_not_stamp_lines(line: str) -> None:
    assert stamp_date(line) is None


def test_date_in_takes_the_first_full_date() -> None:
    assert date_in("from 3 October 2019 to Nov 5, 2019") == OCT3
    assert date_in("no year: Oct 3") is None


def _story(text: str, name: str = "page.txt"):
    dump = parse_bytes(text.encode(), source=name)
    return dump.stories[0]


def test_stamp_gives_the_year_and_the_missing_date() -> None:
    page = (
        "Port reopens after storm damage\n"
        "By Ann Lee | Oct. 3, 2019 at 10:30 AM\n\n"
        "MOMBASA, Oct 2 (Reuters) - The port reopened on Wednesday after a storm.\n\n"
        "Shipping lines said delays would last a week.\n"
    )
    story = _story(page)
    assert story.dateline is not None
    assert (story.dateline.date, story.dateline.date_source) == (
        dt.date(2019, 10, 2), "inferred_year")
    undated = page.replace("MOMBASA, Oct 2 (Reuters) -", "MOMBASA —")
    story = _story(undated, "dump-2020-01-01.txt")
    assert story.dateline is not None
    assert (story.dateline.date, story.dateline.date_source) == (OCT3, "page_date")


def test_a_datelines_own_date_is_not_the_page_stamp() -> None:
    page = (
        "Port reopens after storm damage\n\n"
        "Mombasa (AFP) Oct 2, 2019\n\n"
        "The port reopened on Wednesday after a storm.\n\n"
        "Nairobi (AFP) Oct 1\n\n"
        "Matatu fares rose again this week ... read more\n"
    )
    dump = parse_bytes(page.encode(), source="page-2019-12-30.txt")
    teaser = dump.stories[1]
    assert teaser.dateline is not None
    # The year comes from the dump's date (no page stamp), not from the first dateline.
    assert (teaser.dateline.date, teaser.dateline.date_source) == (
        dt.date(2019, 10, 1), "inferred_year")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Updated: 04/03/2021 09:40 IST", dt.date(2021, 3, 4)),
        ("Last updated 04/03/2021 09:40 hrs IST", dt.date(2021, 3, 4)),
        ("04/03/2021 18:05 (AEDT)", dt.date(2021, 3, 4)),
        ("Updated: 04/03/2021 09:40 EDT", dt.date(2021, 4, 3)),
        ("Posted 04/03/2021 10:30 AM", dt.date(2021, 4, 3)),
    ],
)
def test_a_time_zone_outside_the_americas_reads_slashed_dates_day_first(
    line: str, want: dt.date
) -> None:
    assert stamp_date(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Agency main news for Thursday, October 3, 2019", OCT3),
        ("Wire news summary - October 3, 2019", OCT3),
        ("Daily digest of 3 October 2019", OCT3),
        ("Resumen de noticias del jueves 3 de octubre de 2019", OCT3),
    ],
)
def test_a_digests_title_ending_in_a_date_dates_the_page(line: str, want: dt.date) -> None:
    assert dated_title(line) == want


@pytest.mark.parametrize(
    "line",
    [
        "Floods cut roads in the north",
        "October 3, 2019 was the wettest day on record, forecasters say",  # no title's end
        "A long report on the floods that cut roads and bridges across the north, "
        "published on October 3, 2019",  # too long for a title
    ],
)
def test_other_lines_are_no_dated_title(line: str) -> None:
    assert dated_title(line) is None


def test_undated_briefs_under_a_dated_digest_title_take_its_date() -> None:
    page = (
        "Agency main news for Thursday, October 3, 2019\n\n"
        "DOHA -- The ministry opened a new desalination plant on the coast, officials said.\n\n"
        "MUSCAT -- The port authority said container traffic rose by a tenth in September.\n"
    )
    dump = parse_bytes(page.encode(), source="digest.txt")
    dated = [(s.dateline.date, s.dateline.date_source) for s in dump.stories if s.dateline]
    assert dated == [(OCT3, "page_date"), (OCT3, "page_date")]


def test_a_stamp_with_a_short_weekday_is_no_dateline() -> None:
    """"Updated: Mon, Oct 20, 2014" between a listing's title and its dateline: "Mon" is
    the stamp's weekday, not a place, so each item keeps its own title and dateline."""
    page = (
        "  \u2022 Port workers end strike after pay deal\n\n"
        "    Updated: Mon, Oct 20, 2014\n\n"
        "    LAGOS, Nigeria (AP) \u2014 Dock workers at the country's main port returned to "
        "work on Monday after the union accepted a new pay offer.\n\n"
        "  \u2022 Flights resume at island airport after storm\n\n"
        "    Updated: Mon, Oct 20, 2014\n\n"
        "    SUVA, Fiji (AP) \u2014 Flights resumed at the main airport on Monday, two days "
        "after a storm closed its runway.\n"
    )
    dump = parse_bytes(page.encode(), source="listing.txt")
    assert [(s.headline, s.dateline.place if s.dateline else None) for s in dump.stories] == [
        ("Port workers end strike after pay deal", "Lagos"),
        ("Flights resume at island airport after storm", "Suva"),
    ]
