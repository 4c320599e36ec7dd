"""The own-words shape corpus (tests/fixtures/real_shapes): real pages' shapes, our words.

Each page keeps a real page's line order, datelines, stamps, credits and furniture with
every sentence rewritten, so it can live in the repository and run in CI. Two checks:
every page parses losing no line, and the corpus score (bench/real_pages.py, the same
scorer as the real pages) does not fall below the floor last measured: a parser change
that costs more than it gains on these shapes fails here, not only on the benchmark.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from etl.model import ParsedDump
from tests.parse.test_split import unaccounted

REPO = Path(__file__).resolve().parents[2]
# Raised when the parser gains; never lowered to let a regression through (only when a new
# round of harder pages joins the corpus, with both versions measured on it).
SCORE_FLOOR = 0.805  # 2.24 in work: 0.8055 on 4,713 pages, round 36 added; 2.23.0 0.8031 there
# (2.24 in work: 0.8066 on 4,551 pages, round 35 added; 2.23.0 0.8041 there)
# (2.23.0: 0.8063 on 4,385 pages, round 34 added; 2.22.0 0.8031 there)
# (2.23 in work: 0.8096 on 4,219 pages, round 33 added; 2.22.0 0.8069 there)
# (2.22.0: 0.8120 on 4,062 pages, 2.21.0 0.8081 there; 2.21.0: 0.8107 on 3,827)
# (0.8091 on 3,827 pages when round 30 was added)
# (2.20.0: 0.8079 on 3,710 pages, round 29 added)
# (2.20.0: 0.8072 on 3,599 pages, round 28 added; 2.19.0: 0.8024 there)
# (0.8069 on 3,484 pages, round 27 added; 2.19.0: 0.8025 there)
# (0.8077 on 3,374 pages, round 26 added; 2.19.0: 0.8032 there)
# (0.8086 on 3,264 pages, round 25 added; 2.19.0: 0.8045 there)
# (2.19.0: 0.8042 on 3,156 pages, rounds 22-24 added; 2.18.0: 0.7985 there)
# (round 16 added and scored blind by 2.15.0; 2.15.0: 0.8179 on the 2,216 before round 16,
# where 2.14.3 measures 0.8106;
# 2.14.1: 0.8098 on 2,121, 0.8154 on the 2,034 before round 14; 2.14.0: 0.8142 on 2,034,
# 0.8169 on 1,947; 2.13.1: 0.8151 on 1,947, 2.13.0 0.8148, 2.12.0 0.8105; 2.10.0: 0.805 on
# 1,458, where 2.9.0 measures 0.793; 2.9.0: 0.799 on 1,338; 2.8.0: 0.800
# on 1,071; 2.7.0: 0.797 on 939; 2.6.0: 0.797 on 798; 2.5.0: 0.804 on 535; the later
# gatherings hold harder pages: listing, tag and archive pages)


def _scorer() -> ModuleType:
    path = REPO / "bench" / "real_pages.py"
    spec = importlib.util.spec_from_file_location("bench_real_pages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()
PAGES: list[dict[str, Any]] = SCORER.load_shapes()


def test_the_corpus_is_there_and_labelled() -> None:
    assert len(PAGES) >= 500
    assert len({p["url"] for p in PAGES}) >= 0.9 * len(PAGES)
    for page in PAGES:
        lines = page["text_path"].read_text(encoding="utf-8").split("\n")
        for story in page["stories"]:
            line = story["headline_line"]
            assert line is None or 0 < line <= len(lines), page["id"]


@pytest.mark.parametrize("page", PAGES, ids=[p["id"] for p in PAGES])
def test_a_shape_page_loses_no_line(page: dict[str, Any]) -> None:
    text = page["text_path"].read_text(encoding="utf-8")
    result = SCORER.parse_page(SCORER.source_name(page["id"], page["url"]), text)
    assert isinstance(result, ParsedDump), result
    if result.format == "text":  # (markup, such as an RSS page, is checked as its text)
        assert unaccounted(text, result) == []


def test_the_corpus_score_holds_its_floor(capsys: pytest.CaptureFixture[str]) -> None:
    tallies = SCORER.run("shapes", False, False, SCORER.TEXTS)
    counts = [tally.overall() for tally in tallies.values()]
    right, total = sum(c[0] for c in counts), sum(c[1] for c in counts)
    capsys.readouterr()
    assert total > 1000
    assert right / total >= SCORE_FLOOR, f"shape corpus {right / total:.3f} < {SCORE_FLOOR}"
