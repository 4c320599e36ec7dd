"""A live ticker's entries: "+++ 16.19 Uhr: Title +++" over the entry's text, each its own
story (split.py `_TICKER_TITLE`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes

PAGE = (
    "Nachrichten von heute im Ticker\n\n"
    "+++ 16.19 Uhr: Weniger Beschäftigte beteiligen sich am Streik der Bahn +++\n\n"
    "Am zwölften Streiktag haben nur noch rund zwölf Prozent der Beschäftigten die Arbeit "
    "niedergelegt, teilte das Unternehmen am Nachmittag mit.\n\n\n\n"
    "+++ 16.04 Uhr: Bewährungsstrafe nach Angriff auf Feuerwehrleute +++\n\n"
    "Ein 21-Jähriger, der bei einem Einsatz zwei Feuerwehrleute angegriffen hatte, ist zu "
    "einer Bewährungsstrafe verurteilt worden.\n\n"
    "+++ 15.40 Uhr: Neuer Stausee soll Dürre im Süden lindern +++\n\n"
    "Die Landesregierung hat den Bau eines Speichersees genehmigt, der im Sommer Wasser für "
    "die Landwirtschaft liefern soll.\n"
)


def test_each_ticker_entry_is_a_story_under_its_line() -> None:
    dump = parse_bytes(PAGE.encode(), source="page.txt")
    heads = [s.headline for s in dump.stories]
    assert heads[-3:] == [
        "+++ 16.19 Uhr: Weniger Beschäftigte beteiligen sich am Streik der Bahn +++",
        "+++ 16.04 Uhr: Bewährungsstrafe nach Angriff auf Feuerwehrleute +++",
        "+++ 15.40 Uhr: Neuer Stausee soll Dürre im Süden lindern +++",
    ]
    assert [len(s.paragraphs) for s in dump.stories[-3:]] == [1, 1, 1]


@pytest.mark.parametrize("line", ["+++ Eilmeldung +++", "+++ 16.19 Uhr +++", "+++"])
def test_a_short_marker_line_is_no_entry(line: str) -> None:
    page = PAGE.replace("+++ 16.04 Uhr: Bewährungsstrafe nach Angriff auf Feuerwehrleute +++",
                        line)
    dump = parse_bytes(page.encode(), source="page.txt")
    assert line not in [s.headline for s in dump.stories]
