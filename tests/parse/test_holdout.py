"""The first holdout, now a regression set: 30 invented pages compared field by field.

Dumps and expectations live in tests/fixtures/holdout/. They were written from DESIGN.md
alone, as a blind set, before most of the parser was written, then aligned with the
corpus's subset format and conventions (tests/fixtures/README.md). They are blind no longer:
this suite has run with every parser change since, so these pages shaped the parser just as
the corpus in tests/fixtures/dumps did, and a pass here says nothing about pages the parser
has never seen (that takes a new set nobody has tuned against; see docs/parser-rules.md,
"Test corpora"). What it catches now is regressions on page shapes the parser already
handles. A failing case is a regression or a finding for the parser, not a reason to edit
the expectation: change an expected file only when DESIGN.md shows it was wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.model import ParsedDump, Rejected
from etl.parse import parse_path
from tests.parse.test_corpus import compare_dump

HOLDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "holdout"
DUMPS = HOLDOUT / "dumps"
EXPECTED = HOLDOUT / "expected"
MIN_DUMPS = 30
MIN_HTML = 8


def _expected_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.json"))


@pytest.mark.parametrize("expected_file", _expected_files(), ids=lambda p: p.name[:-5])
def test_holdout_dump_matches_expected_parse(expected_file: Path) -> None:
    want = json.loads(expected_file.read_text(encoding="utf-8"))
    path = DUMPS / expected_file.name.removesuffix(".json")
    assert path.is_file(), f"{expected_file.name}: dump file {path} is missing"
    results = list(parse_path(path))
    assert len(results) == 1, f"{path.name}: expected one dump, parser yielded {len(results)}"
    (result,) = results
    if isinstance(result, Rejected):
        pytest.fail(f"{result.source} was rejected: {result.reason.value}: {result.detail}")
    assert isinstance(result, ParsedDump)
    problems = compare_dump(want, result.to_json())
    if problems:
        lines = "\n  ".join(problems)
        pytest.fail(f"{expected_file.name}: {len(problems)} mismatch(es)\n  {lines}")


def test_holdout_is_complete_and_paired() -> None:
    """Every holdout page has its expectation and back, and the set keeps its size and mix."""
    named = {p.name.removesuffix(".json") for p in _expected_files()}
    on_disk = {p.name for p in DUMPS.iterdir() if p.is_file()}
    assert sorted(on_disk - named) == [], "holdout dumps without an expected parse"
    assert sorted(named - on_disk) == [], "expected parses without a holdout dump"
    assert len(on_disk) >= MIN_DUMPS
    assert len([n for n in on_disk if n.endswith(".html")]) >= MIN_HTML


def test_holdout_pages_are_not_copied_into_the_corpus() -> None:
    """No holdout page is copied into the corpus (docs/parser-rules.md): the sets stay apart."""
    corpus = HOLDOUT.parent / "dumps"
    corpus_bytes = {p.read_bytes() for p in corpus.iterdir() if p.is_file()}
    for page in DUMPS.iterdir():
        assert page.read_bytes() not in corpus_bytes, f"{page.name} also sits in the corpus"
