"""The place-first gate in the dateline search changes what is tried, never what is found.

`_match_at` skips the shapes that open with a place where one match (`_HEAD_PUNCT`) says no
place there goes on as they need. These tests hold it to trying every shape: on every line
of the own-words corpus and the fixture dumps (at the line's start and at each place a
dateline may begin inside it), and on generated dateline-like lines.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.parse.dateline import _CANDIDATE, DateAnchors, _match_at, shapes_at, try_shapes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANCHORS = DateAnchors(page=None, dump=dt.date(2019, 10, 3))
INSIDE_REACH = 200  # candidate starts looked at inside a line, from its start


def _every_shape(line: str, pos: int, *, anywhere: bool) -> object:
    shapes, _ = shapes_at(line, pos, anywhere=anywhere)
    return try_shapes(shapes, line, pos, ANCHORS, anywhere=anywhere)


def _lines() -> list[str]:
    seen: set[str] = set()
    for folder in ("real_shapes", "dumps"):
        for path in sorted((FIXTURES / folder).rglob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
                if line.strip():
                    seen.add(line)
    return sorted(seen)


def test_the_corpus_gives_the_gate_lines_to_judge() -> None:
    lines = _lines()
    assert len(lines) > 10_000
    # (and among them lines the gate turns away and lines it lets through)
    sample = lines[::10]
    shut = sum(1 for line in sample if _gated(line, 0))
    assert 0.2 * len(sample) < shut < 0.9 * len(sample)


def _gated(line: str, pos: int) -> bool:
    from etl.parse.dateline import _HEAD_PUNCT

    shapes, fewer = shapes_at(line, pos, anywhere=False)
    return fewer is not shapes and _HEAD_PUNCT.match(line, pos) is None


@pytest.mark.parametrize("part", range(4))
def test_gate_finds_what_every_shape_finds_on_the_corpus(part: int) -> None:
    lines = _lines()[part::4]
    for line in lines:
        assert _match_at(line, 0, ANCHORS, anywhere=False) == _every_shape(
            line, 0, anywhere=False
        ), line
        for cand in _CANDIDATE.finditer(line, 1, min(len(line), INSIDE_REACH)):
            at = cand.start()
            assert _match_at(line, at, ANCHORS, anywhere=True) == _every_shape(
                line, at, anywhere=True
            ), (line, at)


# Lines built from the parts datelines are made of, in any order: places, agencies in
# brackets or bare, dates, separators, words.
_PARTS = st.sampled_from(
    [
        "PARIS", "Paris", "NEW YORK", "Cape Canaveral", "Fla.", "Lagos", "Nigeria", "The",
        "(AFP)", "(Reuters)", "AFP", "Xinhua", "/PRNewswire/", "[ANI]", "(dpa)", "Kyodo",
        "Nov 11", "Nov. 11, 2017", "11 November", "2019-10-03", "Tuesday", "le 3", "3 oct.",
        ",", ".", ":", " -", " --", " —", " –", "|", "/", "•", "(", ")", "and", "&",
        "said", "police", "on", "Monday", "Ministry", "Al-Qaim", "St.", "(Russia)", "DC",
    ]
)


@settings(max_examples=int(os.environ.get("WA_HYPOTHESIS_EXAMPLES", "150")) * 4, deadline=None)
@given(
    parts=st.lists(_PARTS, min_size=1, max_size=8),
    joins=st.lists(st.sampled_from([" ", "", "  ", "\t"]), min_size=8, max_size=8),
    tail=st.sampled_from(["", " Police said on Monday that", " the talks", "\u00a0Officials"]),
)
def test_gate_finds_what_every_shape_finds_on_built_lines(
    parts: list[str], joins: list[str], tail: str
) -> None:
    line = "".join(p + j for p, j in zip(parts, joins, strict=False)) + tail
    if not line.strip():
        return
    assert _match_at(line, 0, ANCHORS, anywhere=False) == _every_shape(line, 0, anywhere=False)
    for cand in _CANDIDATE.finditer(line, 1):
        at = cand.start()
        assert _match_at(line, at, ANCHORS, anywhere=True) == _every_shape(
            line, at, anywhere=True
        )
