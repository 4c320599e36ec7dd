"""Shapes from the thirty-first gathering of real pages and this round's dev misses, in our
own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.agencies import signoff_agencies
from etl.parse.dateline import match_dateline

D = dt.date(2017, 11, 11)


@pytest.mark.parametrize(
    ("line", "place", "country", "agencies"),
    [
        # Kyiv's Interfax-Ukraine is an agency of its own, not Moscow's Interfax.
        ("KYIV, Oct 3 (Interfax-Ukraine) – The grid operator said two lines were back.",
         "Kyiv", "UA", ("Interfax-Ukraine",)),
        ("ISTANBUL (DHA) - Firefighters put out a blaze at a textile workshop overnight.",
         "Istanbul", "TR", ("DHA",)),
        ("BAKU (Turan) – The central bank left its main rate unchanged on Friday.",
         "Baku", "AZ", ("Turan",)),
        ("ANKARA (ANKA) - Opposition deputies walked out of the budget debate.",
         "Ankara", "TR", ("ANKA",)),
        ("KYIV (UNN) -- The city council approved a plan to repair school shelters.",
         "Kyiv", "UA", ("UNN",)),
    ],
)
def test_agencies_added_to_the_registry(
    line: str, place: str, country: str, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.place, found.dateline.country, found.dateline.agencies) == (
        place, country, agencies
    )


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        ("Two workers were hurt, the governor's office said. (DHA)", ("DHA",)),
        ("The talks resume on Monday. /ANKA/", ("ANKA",)),
        ("Rescuers are still searching the area. (UNN)", ("UNN",)),
        ("The bank will meet again in March. (Turan)", ("Turan",)),
    ],
)
def test_a_new_agency_signs_off(paragraph: str, codes: tuple[str, ...]) -> None:
    assert signoff_agencies(paragraph) == codes
