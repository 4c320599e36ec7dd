"""An item whose title ends in its date, on a listing of datelined ledes (pagedate.py
`title_date`, split.py `_date_from_titles`). Our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_bytes
from etl.parse.pagedate import title_date

PAGE = (
    "Ferry operators agree on winter timetable\n\n\n"
    "KABUL - Three ferry firms agreed on Monday to share a winter timetable for crossings "
    "on the river, the transport ministry said.\n\n"
    "Flooding closes mountain pass road 29 Jun 2015\n\n"
    "KABUL - Flash floods closed the main pass road north of the capital on Monday, "
    "stranding hundreds of trucks, a provincial spokesman said.\n\n\n"
    "Farmers count losses after late frost 28 Jun 2015\n\n"
    "HERAT, Afghanistan - Apricot growers in the north lost much of their crop "
    "to a late frost, local officials said on Sunday.\n\n"
    "Donors pledge new money for rural clinics 26 Jun 2015\n\n"
    "GENEVA - Donors pledged fresh funds on Friday for clinics in remote provinces, the "
    "World Health Organization said.\n"
)


def test_each_item_takes_the_date_its_title_ends_in() -> None:
    dump = parse_bytes(PAGE.encode(), source="page.txt")
    got = [(s.dateline.place, s.dateline.date) for s in dump.stories if s.dateline]
    assert got == [
        ("Kabul", None),
        ("Kabul", dt.date(2015, 6, 29)),
        ("Herat", dt.date(2015, 6, 28)),
        ("Geneva", dt.date(2015, 6, 26)),
    ]
    assert {s.dateline.date_source for s in dump.stories[1:]} == {"page_date"}


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Tea seized at northern border - 17/03/2016 MAP", dt.date(2016, 3, 17)),
        ("Minister opens new dialysis ward 3 March 2021", dt.date(2021, 3, 3)),
        ("Port strike ends after talks | Oct. 4, 2019", dt.date(2019, 10, 4)),
        ("Election results 2015", None),  # a year alone is no date
        ("Summit set for 12 May 2020 in Hanoi", None),  # the date is not at the end
        ("Update 12 May 2020", None),  # too few words before it for a title
    ],
)
def test_title_date(title: str, want: dt.date | None) -> None:
    assert title_date(title) == want
