"""Labelled records: archive exports that print a story as "TITLE: ... TEXT: ..." fields."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.fields import read_record
from tests.parse.test_real_shapes import parse

BODY = (
    "The regional council said on Thursday that it would extend the night bus service to "
    "the outer districts from next month, after a year of complaints from shift workers."
)
RECORD = (
    "SOURCE: The Harbour Times\n"
    "DATE: Issue #88, Friday, March 5, 2021\n"
    "TITLE: Night buses to run to the outer districts\n"
    "AUTHOR: By Ann Lee\n"
    "PUBLISHER: The Associated Press\n"
    "TEXT:\n"
    f"LEEDS - {BODY}\n\n"
    "The council will review the service after six months.\n"
)
LEXIS = (
    "HEADLINE: Night buses to run to the outer districts\n\n"
    "BYLINE: Ann Lee\n\n"
    "SECTION: NEWS; Pg. 4\n\n"
    "LENGTH: 412 words\n\n"
    "DATELINE: LEEDS\n\n"
    f"BODY:\n\n{BODY}\n\n"
    "The council will review the service after six months.\n\n"
    "LOAD-DATE: March 6, 2021\n\n"
    "LANGUAGE: ENGLISH\n"
)


def _flatten(text: str) -> str:
    return " ".join(line for line in text.split("\n") if line.strip()) + "\n"


@pytest.mark.parametrize("text", [RECORD, _flatten(RECORD).replace(" TITLE:", " ***** TITLE:")])
def test_a_record_export_reads_as_one_story(text: str) -> None:
    dump = parse(text, "export.txt")  # (parse checks that nothing is lost)
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.headline == "Night buses to run to the outer districts"
    assert story.byline is not None and story.byline.authors == ("Ann Lee",)
    assert story.agencies == ("AP",)
    assert story.dateline is not None and story.dateline.place == "Leeds"
    assert story.dateline.date == dt.date(2021, 3, 5)  # the record's DATE field
    assert story.dateline.date_source == "page_date"
    assert story.paragraphs[0].text.startswith("The regional council said")
    for label in ("TITLE:", "AUTHOR:", "TEXT:", "SOURCE: The Harbour Times"):
        assert label in dump.leftover


def test_a_database_export_with_headline_byline_and_body_fields() -> None:
    dump = parse(LEXIS, "export.txt")
    story = dump.stories[0]
    assert story.headline == "Night buses to run to the outer districts"
    assert story.byline is not None and story.byline.authors == ("Ann Lee",)
    assert [p.text for p in story.paragraphs][:1] == [BODY]
    assert "LENGTH: 412 words" in dump.leftover and "LANGUAGE: ENGLISH" in dump.leftover
    assert story.dateline is not None and story.dateline.place == "Leeds"
    assert story.dateline.date != dt.date(2021, 3, 6)  # the LOAD-DATE dates no story


@pytest.mark.parametrize(
    "lines",
    [
        ["Night buses to run to the outer districts", "DATE: March 5, 2021", BODY],
        ["Source: The Harbour Times", "Date: March 5, 2021", BODY],  # not in capitals
        ["The TEXT: field of the form was empty, the clerk said.", BODY],
    ],
)
def test_an_ordinary_page_is_no_record(lines: list[str]) -> None:
    assert read_record(lines) is None
