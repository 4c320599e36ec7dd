"""The fixture corpus: every dump under tests/fixtures/dumps parsed and compared field by field.

Each expected file (tests/fixtures/expected/<dump>.json, or <bundle>!<member>.json for a
member of a .zip / .tar.gz) is a hand-written SUBSET of the `parse --json` contract: only
the keys it holds are compared, so a parse may carry more. All mismatches of one dump are
collected and reported together, because one wrong split usually shows in many fields and
the whole list is what tells a parser author where to look. See tests/fixtures/README.md.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from etl.model import ParsedDump, Rejected, RejectReason
from etl.parse import parse_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DUMPS = FIXTURES / "dumps"
EXPECTED = FIXTURES / "expected"
BAD = FIXTURES / "bad"
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")
MIN_DUMPS = 60

TOP_FIELDS = ("dump_date", "format", "encoding", "leftover")
STORY_FIELDS = ("role", "is_teaser", "headline", "agencies")
DATELINE_FIELDS = ("raw", "place", "region", "country", "agencies", "date", "date_source")


def _expected_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.json"))


def _split_name(expected_file: Path) -> tuple[str, str | None]:
    """"bundle.zip!member.txt.json" -> ("bundle.zip", "member.txt"); plain -> (name, None)."""
    name = expected_file.name.removesuffix(".json")
    bundle, bang, member = name.partition("!")
    return (bundle, member) if bang else (name, None)


def _is_archive(name: str) -> bool:
    return name.endswith(ARCHIVE_SUFFIXES)


@functools.cache
def _parse_file(name: str) -> tuple[ParsedDump | Rejected, ...]:
    """Parse one landing file once per session: bundles are shared by several expectations."""
    return tuple(parse_path(DUMPS / name))


def _member_of(source: str) -> str:
    return source.rpartition("!")[2]


def _result_for(expected_file: Path) -> ParsedDump | Rejected:
    name, member = _split_name(expected_file)
    path = DUMPS / name
    assert path.is_file(), f"{expected_file.name}: dump file {path} is missing"
    results = _parse_file(name)
    if member is None:
        assert len(results) == 1, f"{name}: expected one dump, parser yielded {len(results)}"
        return results[0]
    found = [r for r in results if "!" in r.source and _member_of(r.source) == member]
    sources = [r.source for r in results]
    assert len(found) == 1, f"{name}: member {member!r} not found once among {sources}"
    return found[0]


def _same(problems: list[str], where: str, want: Any, got: Any) -> None:
    if want != got:
        problems.append(f"{where}: expected {want!r}, got {got!r}")


def _compare_paragraphs(
    problems: list[str], where: str, want: dict[str, Any], got: list[dict[str, Any]]
) -> None:
    if "count" in want:
        _same(problems, f"{where}.paragraphs.count", want["count"], len(got))
    if "subheads" in want:
        subheads = [p.get("text") for p in got if p.get("kind") == "subhead"]
        _same(problems, f"{where}.paragraphs.subheads", want["subheads"], subheads)
    if not got:
        if want.get("count") != 0:  # (a headline-only teaser from a links box has none)
            problems.append(f"{where}.paragraphs: none, expected some")
        return
    first, last = got[0].get("text") or "", got[-1].get("text") or ""
    if "first_starts" in want and not first.startswith(want["first_starts"]):
        problems.append(
            f"{where}.paragraphs[0]: expected to start {want['first_starts']!r}, "
            f"starts {first[:80]!r}"
        )
    if "last_ends" in want and not last.endswith(want["last_ends"]):
        problems.append(
            f"{where}.paragraphs[-1]: expected to end {want['last_ends']!r}, "
            f"ends {last[-80:]!r}"
        )


def _compare_story(problems: list[str], i: int, want: dict[str, Any], got: dict[str, Any]):
    where = f"stories[{i}]"
    for key in STORY_FIELDS:
        if key in want:
            _same(problems, f"{where}.{key}", want[key], got.get(key))
    if "byline" in want:
        want_by, got_by = want["byline"], got.get("byline")
        if want_by is None or got_by is None:
            _same(problems, f"{where}.byline", want_by, got_by)
        else:
            for key in ("raw", "authors"):
                _same(problems, f"{where}.byline.{key}", want_by[key], got_by.get(key))
    if "dateline" in want:
        want_dl, got_dl = want["dateline"], got.get("dateline")
        if want_dl is None or got_dl is None:
            _same(problems, f"{where}.dateline", want_dl, got_dl)
        else:
            for key in DATELINE_FIELDS:
                if key in want_dl:
                    _same(problems, f"{where}.dateline.{key}", want_dl[key], got_dl.get(key))
    if "paragraphs" in want:
        _compare_paragraphs(problems, where, want["paragraphs"], got.get("paragraphs") or [])


def compare_dump(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every difference between an expected subset and a parse, as readable lines."""
    problems: list[str] = []
    for key in TOP_FIELDS:
        if key in want:
            _same(problems, key, want[key], got.get(key))
    want_stories, got_stories = want.get("stories", []), got.get("stories") or []
    if len(want_stories) != len(got_stories):
        summary = [
            (s.get("role"), s.get("is_teaser"), (s.get("dateline") or {}).get("raw"))
            for s in got_stories
        ]
        problems.append(
            f"stories: expected {len(want_stories)}, got {len(got_stories)}: {summary}"
        )
    for i, (w, g) in enumerate(zip(want_stories, got_stories, strict=False)):
        _compare_story(problems, i, w, g)
    return problems


@pytest.mark.parametrize("expected_file", _expected_files(), ids=lambda p: p.name[:-5])
def test_dump_matches_expected_parse(expected_file: Path) -> None:
    want = json.loads(expected_file.read_text(encoding="utf-8"))
    result = _result_for(expected_file)
    if isinstance(result, Rejected):
        pytest.fail(f"{result.source} was rejected: {result.reason.value}: {result.detail}")
    problems = compare_dump(want, result.to_json())
    if problems:
        lines = "\n  ".join(problems)
        pytest.fail(f"{expected_file.name}: {len(problems)} mismatch(es)\n  {lines}")


def test_corpus_has_enough_dumps() -> None:
    assert len(_expected_files()) >= MIN_DUMPS


def test_every_dump_file_has_an_expectation_and_back() -> None:
    named = {_split_name(p)[0] for p in _expected_files()}
    on_disk = {p.name for p in DUMPS.iterdir() if p.is_file()}
    assert sorted(on_disk - named) == [], "dump files without an expected parse"
    assert sorted(named - on_disk) == [], "expected parses without a dump file"


@pytest.mark.parametrize(
    "bundle",
    sorted(p.name for p in DUMPS.iterdir() if _is_archive(p.name)),
)
def test_bundle_members_are_exactly_the_expected_ones(bundle: str) -> None:
    want = sorted(
        member
        for member_bundle, member in map(_split_name, _expected_files())
        if member_bundle == bundle and member
    )
    got = sorted(_member_of(r.source) for r in _parse_file(bundle))
    assert got == want
    for result in _parse_file(bundle):
        assert result.source.startswith(str(DUMPS / bundle) + "!"), result.source


def _bad_cases() -> list[tuple[str, str]]:
    table = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
    return sorted((name, entry["reason"]) for name, entry in table.items())


def test_bad_table_lists_every_bad_file() -> None:
    listed = {name for name, _ in _bad_cases()}
    on_disk = {p.name for p in BAD.iterdir() if p.name != "expected.json"}
    assert listed == on_disk


@pytest.mark.parametrize(("name", "reason"), _bad_cases(), ids=lambda v: str(v))
def test_bad_file_is_rejected_with_its_reason(name: str, reason: str) -> None:
    path = BAD / name
    results = list(parse_path(path))
    assert results, f"{name}: parser yielded nothing; a bad file must end as a Rejected"
    for result in results:
        assert isinstance(result, Rejected), f"{name}: parsed as a dump: {result.source}"
        assert result.reason == RejectReason(reason), f"{name}: {result.reason}: {result.detail}"
        assert result.detail.strip(), f"{name}: a reject needs a human detail"
    if not name.endswith((".gz", *ARCHIVE_SUFFIXES)):
        assert results[0].data == path.read_bytes(), f"{name}: reject must keep the raw bytes"


def test_same_dump_plain_and_gzipped_is_the_same_dump(tmp_path: Path) -> None:
    """DESIGN: a dump is identified by its bytes; gzip is transport, not content."""
    import gzip

    (gz,) = _parse_file("afp-2017-12-05-qatar-stadium.txt.gz")
    assert isinstance(gz, ParsedDump)
    plain = tmp_path / "afp-2017-12-05-qatar-stadium.txt"
    packed = (DUMPS / "afp-2017-12-05-qatar-stadium.txt.gz").read_bytes()
    plain.write_bytes(gzip.decompress(packed))
    (again,) = parse_path(plain)
    assert isinstance(again, ParsedDump)
    assert again.sha256 == gz.sha256
    assert [s.to_json() for s in again.stories] == [s.to_json() for s in gz.stories]


def test_oversized_file_is_rejected_with_its_bytes() -> None:
    """A 20 MiB fixture would bloat the repo; the same rule is hit by lowering the limit."""
    from etl.parse.read import Limits

    path = DUMPS / "afp-2017-11-28-brussels-defence.txt"
    size = path.stat().st_size
    (result,) = parse_path(path, limits=Limits(max_file_bytes=size // 2))
    assert isinstance(result, Rejected)
    assert result.reason == RejectReason.OVERSIZED, f"{result.reason}: {result.detail}"
    assert len(result.data) <= size


def test_dump_date_override_reanchors_undated_datelines() -> None:
    """`--dump-date` beats the file name: an AP dateline without a date takes the override."""
    import datetime as dt

    path = DUMPS / "ap-2017-11-14-cape-canaveral-satellite.txt"
    (result,) = parse_path(path, dump_date=dt.date(2017, 11, 15))
    assert isinstance(result, ParsedDump)
    assert result.dump_date == dt.date(2017, 11, 15)
    dateline = result.stories[0].dateline
    assert dateline is not None
    assert (dateline.date, dateline.date_source) == (dt.date(2017, 11, 15), "dump_date")
