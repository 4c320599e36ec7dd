"""House styles parser 2.7.0 learned, in our own words.

Each case is a form an agency or a site prints, written with invented names and sentences.
The guard cases keep what must not change.
"""

from __future__ import annotations

import pytest

from tests.parse.test_real_shapes import parse


def _digest_page(lead: str, credit: str = "(Yonhap)") -> str:
    return (
        f"SEOUL, Nov. 3 {credit} -- {lead}\n\n"
        "Envoy to press partners on shipping curbs at regional forum\n\n"
        "WASHINGTON -- A senior envoy will urge partners to close gaps in shipping checks at a "
        "regional forum next week, officials said on Friday.\n\n"
        "Port city plans new ferry terminal by spring: officials\n\n"
        "SEOUL -- The port city will open a new ferry terminal by spring, city officials said on "
        "Thursday, as passenger numbers climb.\n\n"
        "Wire service adds desk in harbour town\n\n"
        "TOKYO (Kyodo) -- A wire service said on Thursday it would open a desk in the harbour "
        "town to follow the fishing season.\n"
    )


@pytest.mark.parametrize(
    "lead",
    [
        "Here are the week's main overseas stories concerning the peninsula.",
        "Following are the top stories at 5 PM:",
        "Below are the main stories the English desk expects to follow on Saturday.",
        "The following are the major news items of the day.",
        "Here is a summary of the day's news.",
    ],
)
def test_items_under_an_agencys_digest_lead_are_its_own(lead: str) -> None:
    stories = parse(_digest_page(lead)).stories
    assert [s.dateline.raw for s in stories if s.dateline] == [
        "SEOUL, Nov. 3 (Yonhap)", "WASHINGTON", "SEOUL", "TOKYO (Kyodo)"
    ]
    assert [s.agencies for s in stories] == [("Yonhap",), ("Yonhap",), ("Yonhap",), ("Kyodo",)]


@pytest.mark.parametrize(
    "lead",
    [
        "The minister said on Friday that talks on the shipping curbs would resume next week.",
        "Here in the capital, officials said the stories of the flood would be told for years.",
    ],
)
def test_items_under_an_ordinary_lead_keep_no_credit(lead: str) -> None:
    stories = parse(_digest_page(lead)).stories
    assert stories[0].agencies == ("Yonhap",)
    assert [s.agencies for s in stories[1:3]] == [(), ()]


def test_a_digest_lead_is_told_by_its_words() -> None:
    from etl.parse.agencies import digest_lead

    assert digest_lead("Following are the top stories at 5 PM: NATION: ...")
    assert digest_lead("Here are the main headlines of the day")
    assert not digest_lead("Here are five things to know about the vote.")
    assert not digest_lead("Following the vote, stories of fraud spread.")
