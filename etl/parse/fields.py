"""Labelled records: archive and database exports that print a story as fields.

Library databases and newspaper archives export stories as labelled fields, one per line
or run together on one line: "SOURCE: ... DATE: ... TITLE: ... AUTHOR: By ... PUBLISHER:
... TEXT: MOSCOW - ...", "HEADLINE: ... BYLINE: ... SECTION: ... LENGTH: ... BODY: ...".
The labels are the export's, not the story's: they go to leftover, and each field's value
becomes a line of its own, so the splitter reads the title as the headline, the author
as the byline and the text as the body. The record's DATE field dates the page.

Only a page with at least two different labels, written in capitals, is read this way:
one "DATE:" or "Source:" line on an ordinary page is furniture, handled elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.parse.pagedate import date_in

# Fields whose value is story text of some kind: kept as a line of its own.
_CONTENT = ("TITLE", "HEADLINE", "HEADLINES", "SUBTITLE", "AUTHOR", "AUTHORS", "BYLINE",
            "PUBLISHER", "DATELINE", "TEXT", "BODY", "FULL TEXT", "LEAD")  # fmt: skip
# Fields about the record: the whole field is leftover.
_META = ("SOURCE", "DATE", "PUBLICATION", "PUBLICATION-TYPE", "SECTION", "LENGTH", "WORDS",
         "WORD COUNT", "LOAD-DATE", "LANGUAGE", "DOCUMENT-TYPE", "GRAPHIC", "EDITION",
         "ISSUE", "PAGE", "COPYRIGHT", "ACCESSION NUMBER", "DOCUMENT ID")  # fmt: skip
_BYLINE_LABELS = frozenset(("AUTHOR", "AUTHORS", "BYLINE"))
_LABEL = "|".join(re.escape(label) for label in sorted(_CONTENT + _META, key=len, reverse=True))
_FIELD = re.compile(rf"(?P<label>{_LABEL}):(?=[ \t]|$)")
# Where a run-together record is cut: before each label, and around a rule of asterisks.
_CUT = re.compile(rf"[ \t]+(?=(?:{_LABEL}):(?:[ \t]|$))|[ \t]*[*=_]{{5,}}[ \t]*")
MIN_LABELS = 2


@dataclass(slots=True)
class Record:
    """A page read as a labelled record: its lines, the export's labels and fields (which
    are leftover), the author lines, and the record's date."""

    lines: list[str]
    chrome: set[str] = field(default_factory=set)
    bylines: set[str] = field(default_factory=set)
    date: dt.date | None = None


def _labels(line: str) -> set[str]:
    if ":" not in line:
        return set()  # (most lines of most pages: no label to look for)
    return {m.group("label") for m in _FIELD.finditer(line) if _at_word_start(line, m.start())}


def _at_word_start(line: str, at: int) -> bool:
    return at == 0 or line[at - 1] in " \t*"


def read_record(lines: list[str]) -> Record | None:
    """The page's lines with each field's label cut off its value, or None when the page
    is no labelled record."""
    found: set[str] = set()
    for line in lines:
        found |= _labels(line)
        if len(found) >= MIN_LABELS:
            break
    if len(found) < MIN_LABELS:
        return None
    record = Record(lines=[])
    for line in lines:
        for piece in _pieces(line):
            _add(record, piece)
    return record


def _pieces(line: str) -> list[str]:
    """The line cut before each label and around rules; whitespace between is dropped."""
    pieces: list[str] = []
    last = 0
    for cut in _CUT.finditer(line):
        if cut.start() > last:
            pieces.append(line[last : cut.start()])
        rule = cut.group(0).strip()
        if rule:
            pieces.append(rule)
        last = cut.end()
    if last < len(line):
        pieces.append(line[last:])
    return [p for p in pieces if p.strip()]


def _add(record: Record, piece: str) -> None:
    m = _FIELD.match(piece)
    if m is None:
        if piece.strip("*=_ ") == "":
            record.chrome.add(piece)  # a rule between fields
        record.lines.append(piece)
        return
    label, value = m.group("label"), piece[m.end() :].strip()
    if label in _META or not value:
        record.chrome.add(piece)
        record.lines.append(piece)
        if label == "DATE" and record.date is None:
            record.date = date_in(value)
        return
    head = piece[: len(piece) - len(piece[m.end() :].lstrip())].strip()  # "TITLE:"
    record.chrome.add(head)
    record.lines.extend((head, value))
    if label in _BYLINE_LABELS:
        record.bylines.add(value)
