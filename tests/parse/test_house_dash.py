"""A page's own "PLACE – Sentence" datelines (split.py `_house_dashes`, dateline.py
`house_dateline`), in our own words: where two or more of a page's briefs open with a known
place in capitals and a spaced dash, its other briefs in that form are datelined too, though
the gazetteer lacks their place."""

from __future__ import annotations

from etl.parse import parse_bytes
from etl.parse.dateline import caps_dash, house_dateline

ISLAND_BRIEFS = """SUVA – The island council agreed on Monday to keep the old ferry running \
through the cyclone season.

KOROVOU – Growers in the eastern valley say the late rains have cut their cane harvest \
by nearly a third this year.

PORT VILA – The new harbour master has promised shorter waits for cargo ships at the main \
wharf.

TANNAVALE – Villagers have rebuilt the school roof that a storm tore away last month, \
using timber from the old church.
"""


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="briefs.txt")


def test_unknown_places_take_the_page_s_dateline_form() -> None:
    dump = _parse(ISLAND_BRIEFS)
    places = [s.dateline.place if s.dateline else None for s in dump.stories]
    assert places == ["Suva", "Korovou", "Port Vila", "Tannavale"]
    assert dump.stories[1].dateline is not None
    assert dump.stories[1].dateline.country is None  # never guessed
    assert dump.stories[1].paragraphs[0].text.startswith("Growers in the eastern valley")


def test_one_known_place_is_no_house_form() -> None:
    """With only one place the gazetteer knows, an unknown word in capitals is not trusted."""
    text = ISLAND_BRIEFS.replace("PORT VILA – ", "The harbour: ")
    dump = _parse(text)
    places = [s.dateline.place for s in dump.stories if s.dateline]
    assert "Korovou" not in places and "Tannavale" not in places


def test_a_label_in_that_form_is_no_place() -> None:
    assert house_dateline(
        "UPDATE – The council has now confirmed that the ferry will run all season.",
        frozenset("—"),
        None,
    ) is None


def test_a_title_in_capitals_after_the_dash_is_no_sentence() -> None:
    line = "TANNAVALE – SCHOOL ROOF REBUILT BY VILLAGERS AFTER THE STORM OF LAST MONTH"
    assert house_dateline(line, frozenset("—"), None) is None


def test_only_the_page_s_own_dash_counts() -> None:
    line = "TANNAVALE - Villagers have rebuilt the school roof that a storm tore away."
    assert caps_dash(line) == ("TANNAVALE", "-")
    assert house_dateline(line, frozenset("—"), None) is None
    found = house_dateline(line, frozenset("-"), None)
    assert found is not None and found.dateline.place == "Tannavale"
    assert line[found.end :].startswith("Villagers")


def test_en_and_em_dashes_are_one_house_form() -> None:
    """Sites mix en and em dashes from brief to brief; both are the page's long dash."""
    text = ISLAND_BRIEFS.replace("SUVA –", "SUVA —").replace("TANNAVALE –", "TANNAVALE —")
    dump = _parse(text)
    places = [s.dateline.place if s.dateline else None for s in dump.stories]
    assert places == ["Suva", "Korovou", "Port Vila", "Tannavale"]
