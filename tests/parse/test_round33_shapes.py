"""Shapes from the own-words corpus's dev misses found in the 2.23 work, in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.dateline import match_dateline
from tests.parse.test_real_shapes import parse

D = dt.date(2019, 4, 18)


def test_a_byline_printed_twice_keeps_title_and_dateline_together() -> None:
    dump = parse(
        "Storm Floods Three Valley Towns\n\n"
        "By: Associated Press\n"
        "By: Associated Press\n\n"
        "DENVER (AP) -- Heavy rain flooded three towns in the valley on Monday, officials said.\n\n"
        "Crews worked through the night to clear the main roads.\n"
    )
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.headline == "Storm Floods Three Valley Towns"
    assert story.dateline is not None and story.dateline.place == "Denver"
    assert "By: Associated Press" in dump.leftover


def test_a_byline_printed_once_is_not_dropped() -> None:
    dump = parse(
        "Storm Floods Three Valley Towns\n\nBy: Associated Press\n\n"
        "DENVER (AP) -- Heavy rain flooded three towns in the valley on Monday, officials said.\n"
    )
    assert len(dump.stories) == 1
    assert dump.stories[0].byline is not None
    assert "By: Associated Press" not in dump.leftover


@pytest.mark.parametrize(
    ("line", "raw", "agencies"),
    [
        # the dash glued to a one-letter first word
        ("AFP -A fresh typhoon tore across the islands overnight, leaving one person dead.",
         "AFP", ("AFP",)),
        # a one-word credit, then a stop or a colon, then the sentence
        ("ArmInfo. The central bank plans to open a museum of coins in a spa town.",
         "ArmInfo", ("ArmInfo",)),
        ("BSS : The foreign minister left for Tokyo on Friday for talks on trade and aid.",
         "BSS", ("BSS",)),
        ("Reuters: The carmaker said on Monday it would cut two shifts at its plant.",
         "Reuters", ("Reuters",)),
        # wires now in the registry
        ("(Alliance News) - Stocks in London closed a little higher in thin holiday trade.",
         "(Alliance News)", ("Alliance News",)),
        ("(Teleborsa) - Seduta in lieve rialzo per la borsa di Tokyo all'apertura di oggi.",
         "(Teleborsa)", ("Teleborsa",)),
        ("STOCKHOLM (Direkt) Gruvbolaget redovisar i dag resultatet av sina första borrhål.",
         "STOCKHOLM (Direkt)", ("Direkt",)),
    ],
)
def test_bare_credit_shapes(line: str, raw: str, agencies: tuple[str, ...]) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.raw, found.dateline.agencies) == (raw, agencies)


@pytest.mark.parametrize(
    "line",
    [
        # a full name then a colon is a page's label, no credit
        "Anadolu Agency: News in English Directory - Previous Article - Next Article",
        # a short line after the credit is no sentence
        "Reuters: Top News",
        # "A" glued to the dash must start a word of its own
        "AFP -Abandoned",
    ],
)
def test_not_bare_credits(line: str) -> None:
    assert match_dateline(line, D) is None
