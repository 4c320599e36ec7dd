"""Parser accuracy on the hand-written expectations: a measurement, never pass/fail.

Usage: .venv/bin/python bench/parse_accuracy.py [--all-mismatches]

For each set (the corpus the parser was written against, and the two blind holdouts), every
dump is parsed with `etl.parse.parse_path` and compared with its expected subset
(tests/fixtures/README.md) field by field. One "field" is one compared value: a top-level
key, the number of stories, each story key, each byline / dateline sub-key and each
paragraph check. A story the parser did not produce counts all its expected fields wrong, so
a wrong split weighs what it costs a reader. Prints one row per set, then the mismatches of
holdout2 (of every set with --all-mismatches). Exits 0 unless the script itself crashes.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl.model import ParsedDump, Rejected  # noqa: E402
from etl.parse import parse_path  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
SETS: dict[str, Path] = {
    "corpus": FIXTURES,
    "holdout": FIXTURES / "holdout",
    "holdout2": FIXTURES / "holdout2",
}
TOP_FIELDS = ("dump_date", "format", "encoding", "leftover")
STORY_FIELDS = ("role", "is_teaser", "headline", "agencies")
DATELINE_FIELDS = ("raw", "place", "region", "country", "agencies", "date", "date_source")
PARAGRAPH_CHECKS = ("count", "subheads", "first_starts", "last_ends")


@dataclass
class Tally:
    """Fields compared and the readable mismatches of one dump."""

    compared: int = 0
    wrong: int = 0
    problems: list[str] = field(default_factory=list)

    def check(self, where: str, ok: bool, detail: str) -> None:
        self.compared += 1
        if not ok:
            self.wrong += 1
            self.problems.append(f"{where}: {detail}")

    def same(self, where: str, want: Any, got: Any) -> None:
        self.check(where, want == got, f"expected {want!r}, got {got!r}")


def _paragraphs(t: Tally, where: str, want: dict[str, Any], got: list[dict[str, Any]]) -> None:
    texts = [p.get("text") or "" for p in got]
    first, last = (texts[0], texts[-1]) if texts else ("", "")
    if "count" in want:
        t.same(f"{where}.paragraphs.count", want["count"], len(got))
    if "subheads" in want:
        subheads = [p.get("text") for p in got if p.get("kind") == "subhead"]
        t.same(f"{where}.paragraphs.subheads", want["subheads"], subheads)
    if "first_starts" in want:
        t.check(f"{where}.paragraphs[0]", first.startswith(want["first_starts"]),
                f"expected to start {want['first_starts']!r}, starts {first[:80]!r}")
    if "last_ends" in want:
        t.check(f"{where}.paragraphs[-1]", last.endswith(want["last_ends"]),
                f"expected to end {want['last_ends']!r}, ends {last[-80:]!r}")


def _story(t: Tally, i: int, want: dict[str, Any], got: dict[str, Any]) -> None:
    where = f"stories[{i}]"
    for key in STORY_FIELDS:
        if key in want:
            t.same(f"{where}.{key}", want[key], got.get(key))
    for key, subkeys in (("byline", ("raw", "authors")), ("dateline", DATELINE_FIELDS)):
        if key not in want:
            continue
        w, g = want[key], got.get(key)
        if w is None or g is None:
            t.same(f"{where}.{key}", w, g)
            continue
        for sub in subkeys:
            if sub in w:
                t.same(f"{where}.{key}.{sub}", w[sub], g.get(sub))
    if "paragraphs" in want:
        _paragraphs(t, where, want["paragraphs"], got.get("paragraphs") or [])


def compare(want: dict[str, Any], got: dict[str, Any] | None) -> Tally:
    """Field-by-field comparison; `got` None (rejected dump) makes every field wrong."""
    t = Tally()
    got = got or {}
    for key in TOP_FIELDS:
        if key in want:
            t.same(key, want[key], got.get(key, "<no parse>"))
    want_stories, got_stories = want.get("stories", []), got.get("stories") or []
    summary = [(s.get("role"), (s.get("dateline") or {}).get("raw")) for s in got_stories]
    t.check("stories", len(want_stories) == len(got_stories),
            f"expected {len(want_stories)}, got {len(got_stories)}: {summary}")
    for i, w in enumerate(want_stories):
        _story(t, i, w, got_stories[i] if i < len(got_stories) else {})
    return t


@functools.cache
def _parse(path: Path) -> tuple[ParsedDump | Rejected, ...]:
    return tuple(parse_path(path))


def _result(dumps: Path, expected_file: Path) -> ParsedDump | Rejected | str:
    """The parse an expected file describes, or why there is none."""
    name = expected_file.name.removesuffix(".json")
    bundle, bang, member = name.partition("!")
    path = dumps / (bundle if bang else name)
    if not path.is_file():
        return f"dump file {path.name} missing"
    results = _parse(path)
    found = [r for r in results if not bang or r.source.rpartition("!")[2] == member]
    return found[0] if len(found) == 1 else f"{len(found)} parses for {name}"


@dataclass
class SetScore:
    name: str
    dumps: int = 0
    right: int = 0
    compared: int = 0
    wrong: int = 0
    mismatches: dict[str, list[str]] = field(default_factory=dict)


def score_set(name: str, root: Path) -> SetScore:
    score = SetScore(name)
    for expected_file in sorted((root / "expected").glob("*.json")):
        want = json.loads(expected_file.read_text(encoding="utf-8"))
        result = _result(root / "dumps", expected_file)
        if isinstance(result, ParsedDump):
            tally = compare(want, result.to_json())
        else:
            tally = compare(want, None)
            why = result if isinstance(result, str) else f"rejected: {result.reason.value}"
            tally.problems.insert(0, why)
        score.dumps += 1
        score.compared += tally.compared
        score.wrong += tally.wrong
        if tally.problems:
            score.mismatches[expected_file.name.removesuffix(".json")] = tally.problems
        else:
            score.right += 1
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-mismatches", action="store_true",
                        help="list mismatches of every set, not only holdout2")
    args = parser.parse_args(argv)
    scores = [score_set(name, root) for name, root in SETS.items() if root.is_dir()]
    header = f"{'set':<10} {'dumps':>5} {'fully right':>11} {'fields':>7} {'right':>7} {'acc %':>7}"
    print(header)
    print("-" * len(header))
    for s in scores:
        right = s.compared - s.wrong
        pct = 100.0 * right / s.compared if s.compared else 0.0
        print(f"{s.name:<10} {s.dumps:>5} {s.right:>11} {s.compared:>7} {right:>7} {pct:>7.1f}")
    for s in scores:
        if s.name != "holdout2" and not args.all_mismatches:
            continue
        print(f"\n{s.name}: mismatches in {len(s.mismatches)} of {s.dumps} dumps")
        for dump, problems in s.mismatches.items():
            print(f"\n  {dump}")
            for problem in problems:
                print(f"    {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
