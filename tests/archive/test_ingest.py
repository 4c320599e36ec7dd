"""The whole path with the real parser: landing files -> tables, on both backends."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
import io
import json
import logging
import os
import random
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

import etl.parse
from etl import pipeline
from etl.archive import db, load
from etl.cli import main
from etl.model import DumpError, RejectReason, RunSummary
from etl.parse import parse_path
from etl.parse.read import Limits
from tests.archive.corpus import corpus, make_article, render

REPO = Path(__file__).resolve().parents[2]
TABLES = ("dumps", "stories", "story_versions", "appearances", "paragraphs", "story_authors")


def _rows(url: str, sql: str, **params: object) -> list[tuple]:
    with db.get_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def _counts(url: str) -> dict[str, int]:
    return {t: int(_rows(url, f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in corpus(n, seed=seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_fixture_corpus_round_trip_field_by_field(db_url: str, fixtures_dir: Path) -> None:
    folder = fixtures_dir / "dumps"
    summary = pipeline.ingest([folder], db_url, batch_size=16)
    assert summary.status == "success"
    assert summary.files_seen == summary.dumps_loaded + summary.duplicates + summary.rejected
    assert summary.dumps_loaded > 30
    checked_stories = 0
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        for parsed in parse_path(path):
            if not hasattr(parsed, "stories"):
                reason = _rows(
                    db_url, "SELECT reason FROM rejects WHERE sha256 = :s", s=parsed.sha256
                )
                assert reason == [(parsed.reason.value,)]
                continue
            row = _rows(
                db_url,
                "SELECT id, format, encoding, dump_date, header, story_count, raw_zlib, leftover, "
                "source_uri FROM dumps WHERE sha256 = :s",
                s=parsed.sha256,
            )
            assert len(row) == 1, parsed.source
            dump_id, fmt, enc, day, header, count, raw, leftover, source_uri = row[0]
            if source_uri != parsed.source:  # the same bytes under another name: a duplicate
                continue
            assert (fmt, enc, header, count) == (
                parsed.format,
                parsed.encoding,
                parsed.header,
                len(parsed.stories),
            )
            assert (str(day) if day else None) == (
                parsed.dump_date.isoformat() if parsed.dump_date else None
            )
            assert hashlib.sha256(zlib.decompress(raw)).hexdigest() == parsed.sha256
            stored = leftover if isinstance(leftover, list) else json.loads(leftover)
            assert stored == list(parsed.leftover)
            for story in parsed.stories:
                s = _rows(
                    db_url,
                    "SELECT s.is_teaser, s.dateline_raw, s.place, s.region, s.country, s.date, "
                    "s.date_source, v.headline, v.byline_raw, v.body, a.role, v.id, s.id "
                    "FROM appearances a JOIN stories s ON s.id = a.story_id "
                    "JOIN story_versions v ON v.id = a.version_id "
                    "WHERE a.dump_id = :d AND a.position = :p",
                    d=dump_id,
                    p=story.position,
                )
                assert len(s) == 1
                teaser, dl_raw, place, region, country, date, source = s[0][:7]
                head, by, body, role = s[0][7:11]
                assert bool(teaser) == story.is_teaser and role == story.role
                first = _rows(db_url, "SELECT first_dump_id FROM stories WHERE id = :i", i=s[0][12])
                if first == [(dump_id,)]:  # dateline columns come from the first sighting
                    dl = story.dateline
                    assert dl_raw == (dl.raw if dl else None)
                    assert (place, region, country) == (
                        (dl.place, dl.region, dl.country) if dl else (None, None, None)
                    )
                    assert (str(date) if date else None) == (
                        dl.date.isoformat() if dl and dl.date else None
                    )
                    assert source == (dl.date_source if dl else None)
                assert head == story.headline
                assert by == (story.byline.raw if story.byline else None)
                assert body == story.text
                paras = _rows(
                    db_url,
                    "SELECT kind, text FROM paragraphs WHERE version_id = :v ORDER BY position",
                    v=s[0][11],
                )
                assert paras == [(p.kind, p.text) for p in story.paragraphs]
                checked_stories += 1
    assert checked_stories > 60
    assert pipeline.check_archive(db_url) == []
    run = _rows(
        db_url, "SELECT status, files_seen, dumps_loaded, duplicates, rejected FROM ingest_runs"
    )
    assert run == [
        (
            "success",
            summary.files_seen,
            summary.dumps_loaded,
            summary.duplicates,
            summary.rejected,
        )
    ]


def test_own_corpus_credits_and_teaser_links(db_url: str, tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 30)
    summary = pipeline.ingest([tmp_path / "in"], db_url, batch_size=7)
    assert (summary.dumps_loaded, summary.rejected) == (30, 0)
    assert summary.stories_seen > 0  # teasers recur across pages
    mains = _rows(db_url, "SELECT count(*) FROM stories WHERE is_teaser = FALSE")[0][0]
    assert mains == 30
    # Every teaser announces an earlier main story of the corpus: all of them get linked.
    unlinked = _rows(
        db_url, "SELECT count(*) FROM stories WHERE is_teaser = TRUE AND full_story_id IS NULL"
    )
    assert unlinked == [(0,)] and summary.teasers_linked > 0
    credited = _rows(
        db_url,
        "SELECT count(DISTINCT sa.story_id) FROM story_authors sa "
        "JOIN stories s ON s.id = sa.story_id WHERE s.is_teaser = FALSE",
    )
    assert credited == [(30,)]
    afp = _rows(db_url, "SELECT count(*) FROM story_agencies WHERE agency_code = 'AFP'")[0][0]
    assert afp >= 30
    assert pipeline.check_archive(db_url) == []


@pytest.mark.parametrize(
    ("database", "bulk_path"),
    [("sqlite_url", None), ("pg_url", False), ("pg_url", True)],
    ids=["sqlite", "postgresql-per-dump", "postgresql-bulk"],
)
def test_ingest_keeps_byline_credit_order(
    database: str,
    bulk_path: bool | None,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Bylines whose names are not in alphabetical order keep their credit order."""
    caplog.set_level(logging.WARNING)
    url = request.getfixturevalue(database)
    rng = random.Random(4)
    bylines = {
        "By Zoe ADAMS and Bernard ITO": "Zoe Adams, Bernard Ito",
        "By Yusuf ARANDA, Mei SILVA and Carla BERG": "Yusuf Aranda, Mei Silva, Carla Berg",
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for i, byline in enumerate(bylines):
        article = make_article(rng, dt.date(2017, 11, 20 + i))
        article = dataclasses.replace(article, byline=byline)
        (folder / f"dump-{i}.txt").write_text(render(article, []), encoding="utf-8")
    summary = pipeline.ingest([folder], url, batch_size=10, bulk_path=bulk_path)
    assert (summary.dumps_loaded, summary.rejected) == (2, 0)
    assert not [r for r in caplog.records if "falling back" in r.message]  # the path asked for
    shown = _rows(url, "SELECT byline, authors FROM story_full WHERE is_teaser = FALSE")
    assert sorted(shown) == sorted(bylines.items())
    positions = _rows(
        url,
        "SELECT s.byline_raw, a.name, sa.position FROM story_authors sa "
        "JOIN authors a ON a.id = sa.author_id JOIN stories s ON s.id = sa.story_id "
        "ORDER BY s.byline_raw, sa.position",
    )
    expected = [
        (byline, name, i)
        for byline, names in sorted(bylines.items())
        for i, name in enumerate(names.split(", "))
    ]
    assert positions == expected


def test_same_files_twice_change_nothing(db_url: str, tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 12)
    first = pipeline.ingest([tmp_path / "in"], db_url, batch_size=5)
    before = _counts(db_url)
    second = pipeline.ingest([tmp_path / "in"], db_url, batch_size=3)
    assert _counts(db_url) == before
    assert (second.files_seen, second.duplicates, second.dumps_loaded) == (12, 12, 0)
    assert first.dumps_loaded == 12
    assert pipeline.discover([tmp_path / "in"], db_url) == []


def test_overlapping_batches_and_a_retried_batch(db_url: str, tmp_path: Path) -> None:
    files = [str(p) for p in _write_corpus(tmp_path / "in", 10)]
    run_id = pipeline.start_run(db_url, trigger="manual")
    a = pipeline.ingest_batch(files[:6], db_url, run_id=run_id)
    b = pipeline.ingest_batch(files[3:], db_url, run_id=run_id)
    retried = pipeline.ingest_batch(files[3:], db_url, run_id=run_id)  # an Airflow retry
    assert retried.to_json() == b.to_json()
    assert (a.dumps_loaded, b.dumps_loaded, b.duplicates) == (6, 4, 3)
    total = pipeline.finish_run(db_url, run_id, a, status="success")
    assert (total.files_seen, total.dumps_loaded, total.duplicates) == (13, 10, 3)
    assert _rows(db_url, "SELECT files_seen, dumps_loaded FROM ingest_runs") == [(13, 10)]
    assert _counts(db_url)["dumps"] == 10
    assert pipeline.check_archive(db_url) == []


def test_a_finished_batch_says_success_and_what_it_did(db_url: str, tmp_path: Path) -> None:
    """Batch summaries are what the DAG's mapped tasks return: a done batch is no longer
    'running', and its one-line outcome names what happened."""
    files = [str(p) for p in _write_corpus(tmp_path / "in", 3)]
    run_id = pipeline.start_run(db_url, trigger="manual")
    loaded = pipeline.ingest_batch(files, db_url, run_id=run_id)
    again = pipeline.ingest_batch(files, db_url, run_id=run_id)  # a retry: the recorded batch
    dry = pipeline.ingest_batch(files, db_url, run_id=None, dry_run=True)
    redone = pipeline.reprocess_batch(
        pipeline.select_dumps_for_reprocess(db_url), db_url, run_id=run_id
    )
    assert [s.status for s in (loaded, again, dry, redone)] == ["success"] * 4
    assert loaded.outcome() == f"3 loaded, {loaded.stories_new} new stories"
    assert dry.outcome() == "dry run, nothing written: 0 loaded, 0 new stories, 3 duplicates"
    assert redone.outcome().startswith("3 dumps reprocessed, ")
    empty = RunSummary(run_id=run_id)
    assert empty.outcome() == "nothing new: every landing file is already in the archive"


def _bad_inputs(folder: Path) -> dict[str, str]:
    """File name -> the reject reason it must get."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    # A UTF-32 byte-order mark, then code points beyond Unicode: no reading of it is text.
    (folder / "broken-bom.txt").write_bytes(b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00" * 50)
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"\0" * (40 * 1024 * 1024)))
    (folder / "script-only.html").write_bytes(
        b"<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "Lima (AFP) Nov 2, 2017\n\nA short story about the port.\n" * 40)
    (folder / "cut.zip").write_bytes(buf.getvalue()[:150])
    return {
        "empty.txt": "empty",
        "image.txt": "binary",
        "broken-bom.txt": "undecodable",
        "bomb.txt.gz": "bomb",
        "script-only.html": "no_text",
        "cut.zip": "corrupt_archive",
    }


def test_every_bad_input_ends_in_rejects_and_the_run_goes_on(db_url: str, tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "in")
    _write_corpus(tmp_path / "in", 3)
    summary = pipeline.ingest([tmp_path / "in"], db_url)
    assert summary.status == "success"
    assert (summary.dumps_loaded, summary.rejected) == (3, len(expected))
    rows = _rows(db_url, "SELECT source_uri, reason, detail, raw_zlib FROM rejects")
    got = {Path(src).name: reason for src, reason, _, _ in rows}
    assert got == expected
    for src, _, detail, raw in rows:
        assert detail
        if Path(src).name != "bomb.txt.gz":
            assert zlib.decompress(raw) == Path(src).read_bytes()
    assert summary.reject_reasons == {r: 1 for r in expected.values()}


def test_oversized_file_with_a_small_limit(db_url: str, tmp_path: Path) -> None:
    [path] = _write_corpus(tmp_path / "in", 1)
    summary = pipeline.ingest(
        [path], db_url, limits=Limits(max_file_bytes=path.stat().st_size // 2)
    )
    assert (summary.rejected, summary.reject_reasons) == (1, {"oversized": 1})
    assert _rows(db_url, "SELECT reason FROM rejects") == [("oversized",)]
    assert _counts(db_url)["dumps"] == 0


def test_dry_run_writes_nothing(db_url: str, tmp_path: Path) -> None:
    db.upgrade(db_url)  # a migrated archive; test_bulk.py covers a database with no schema
    _write_corpus(tmp_path / "in", 4)
    summary = pipeline.ingest([tmp_path / "in"], db_url, dry_run=True)
    assert summary.dry_run and summary.dumps_loaded == 4
    assert _counts(db_url)["dumps"] == 0
    assert _rows(db_url, "SELECT count(*) FROM ingest_runs") == [(0,)]


def test_reprocess_after_a_parser_change(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_corpus(tmp_path / "in", 8)
    pipeline.ingest([tmp_path / "in"], db_url)
    assert _rows(db_url, "SELECT count(*) FROM stories WHERE is_teaser = TRUE")[0][0] > 0
    original = etl.parse.parse_text

    def new_rule(*args: object, **kwargs: object):  # the "improved" parser: no teasers kept,
        parsed = original(*args, **kwargs)  # headlines in capitals
        kept = tuple(
            dataclasses.replace(s, headline=(s.headline or "").upper())
            for s in parsed.stories
            if not s.is_teaser
        )
        return dataclasses.replace(parsed, stories=kept, parser_version="9.9.9")

    monkeypatch.setattr(etl.parse, "PARSER_VERSION", "9.9.9")
    monkeypatch.setattr(etl.parse, "parse_text", new_rule)
    summary = pipeline.reprocess(db_url, batch_size=3)
    assert (summary.files_seen, summary.dumps_reprocessed, summary.rejected) == (8, 8, 0)
    assert _rows(db_url, "SELECT count(*) FROM stories WHERE is_teaser = TRUE") == [(0,)]
    heads = _rows(db_url, "SELECT headline FROM stories")
    assert len(heads) == 8 and all(h == h.upper() for (h,) in heads)
    assert _rows(db_url, "SELECT count(*) FROM story_versions") == [(8,)]
    assert _rows(db_url, "SELECT DISTINCT parser_version FROM dumps") == [("9.9.9",)]
    assert _rows(db_url, "SELECT DISTINCT story_count FROM dumps") == [(1,)]
    runs = _rows(
        db_url, "SELECT mode, parser_version, dumps_reprocessed FROM ingest_runs ORDER BY id"
    )
    assert runs[-1] == ("reprocess", "9.9.9", 8)
    assert pipeline.check_archive(db_url) == []


def test_reprocess_with_dates_selects_by_dump_date(db_url: str, tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 6)  # dump dates 2017-11-01 .. 2017-11-06
    pipeline.ingest([tmp_path / "in"], db_url)
    ids = pipeline.select_dumps_for_reprocess(
        db_url, since=dt.date(2017, 11, 2), until=dt.date(2017, 11, 3)
    )
    assert len(ids) == 2
    before = _counts(db_url)
    summary = pipeline.reprocess(db_url, since=dt.date(2017, 11, 2), until=dt.date(2017, 11, 3))
    assert summary.dumps_reprocessed == 2
    assert _counts(db_url) == before  # same parser: same rows


def test_two_concurrent_ingest_processes(db_url: str, tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 40)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    entry = "import sys; from etl.cli import main; sys.exit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", entry, "ingest", str(tmp_path / "in"), "--db", db_url]
    procs = [
        subprocess.Popen([*cmd, "--batch-size", size], env=env, stdout=subprocess.PIPE, text=True)
        for size in ("5", "7")
    ]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    pipeline.ingest([tmp_path / "in"], reference)
    assert _counts(db_url) == _counts(reference)
    keys = "SELECT story_key, current_version, body FROM stories ORDER BY story_key"
    assert _rows(db_url, keys) == _rows(reference, keys)
    runs = _rows(db_url, "SELECT dumps_loaded, duplicates, files_seen, status FROM ingest_runs")
    assert sum(r[0] for r in runs) == 40 and sum(r[1] for r in runs) == 40
    assert {r[3] for r in runs} == {"success"}
    assert pipeline.check_archive(db_url) == []


def test_cli_ingest_and_stats(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _write_corpus(tmp_path / "in", 5)
    assert main(["ingest", str(tmp_path / "in"), "--db", db_url, "--batch-size", "2"]) == 0
    out = capsys.readouterr().out
    assert "dumps loaded" in out and "teasers linked" in out
    assert main(["stats", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "stories" in out and "2017-11-01 .. 2017-11-05" in out
    assert main(["ingest", str(tmp_path / "missing"), "--db", db_url]) == 1


def test_reprocess_retires_a_dump_the_new_parser_refuses(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write_corpus(tmp_path / "in", 4)
    pipeline.ingest([tmp_path / "in"], db_url)
    original = etl.parse.parse_text
    refused = paths[0].name

    def stricter(doc, *args: object, **kwargs: object):
        if doc.source.endswith(refused):
            raise DumpError(RejectReason.NO_STORY, "the stricter parser finds no story")
        return original(doc, *args, **kwargs)

    monkeypatch.setattr(etl.parse, "parse_text", stricter)
    summary = pipeline.reprocess(db_url)
    assert (summary.dumps_reprocessed, summary.rejected) == (3, 1)
    assert summary.reject_reasons == {"no_story": 1}
    status = _rows(
        db_url, "SELECT status, story_count FROM dumps WHERE source_uri LIKE :s", s="%" + refused
    )
    assert status == [("rejected", 0)]
    orphan = _rows(
        db_url,
        "SELECT count(*) FROM appearances a JOIN dumps d ON d.id = a.dump_id "
        "WHERE d.status = 'rejected'",
    )
    assert orphan == [(0,)]
    assert pipeline.check_archive(db_url) == []


def test_a_dump_breaking_a_constraint_is_rejected_and_the_batch_goes_on(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write_corpus(tmp_path / "in", 5)
    victim = str(paths[2])

    def duplicate_appearance(conn: sa.Connection, parsed, dump_id: int) -> None:
        if parsed.source == victim:
            conn.execute(
                sa.text(
                    "INSERT INTO appearances (dump_id, position, story_id, version_id, role) "
                    "SELECT dump_id, position, story_id, version_id, role FROM appearances "
                    "WHERE dump_id = :d"
                ),
                {"d": dump_id},
            )

    monkeypatch.setattr(load, "after_dump_hook", duplicate_appearance)
    summary = pipeline.ingest([tmp_path / "in"], db_url, batch_size=5)
    assert (summary.dumps_loaded, summary.rejected) == (4, 1)
    assert summary.reject_reasons == {"load_failed": 1}
    assert _rows(db_url, "SELECT source_uri, reason FROM rejects") == [(victim, "load_failed")]
    assert _rows(db_url, "SELECT count(*) FROM dumps WHERE source_uri = :s", s=victim) == [(0,)]
    assert pipeline.check_archive(db_url) == []
