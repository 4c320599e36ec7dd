"""The PostgreSQL batch path (etl.archive.bulk) ends with the same rows as the per-dump path,
and a dry run on a database without the archive's schema creates nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import random
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import etl.parse
from etl import pipeline
from etl.archive import db
from etl.model import ParsedDump
from tests.archive.corpus import Article, corpus, make_article, render
from tests.conftest import _pg_admin, _sqlalchemy_pg_url

# Every table, by natural keys: surrogate ids and timestamps are left out.
SNAPSHOT = {
    "dumps": """
        SELECT sha256, source_uri, size_bytes, dump_date, format, encoding, header,
            CAST(leftover AS text), raw_zlib, story_count, parser_version, status,
            dump_date_override
        FROM dumps""",
    "stories": """
        SELECT s.story_key, s.is_teaser, s.headline, s.byline_raw, s.dateline_raw, s.place,
            s.region, s.country, s.date, s.date_source, s.body, f.story_key, s.current_version,
            d.sha256, s.lead_key
        FROM stories s LEFT JOIN stories f ON f.id = s.full_story_id
        LEFT JOIN dumps d ON d.id = s.first_dump_id""",
    "story_versions": """
        SELECT s.story_key, v.version, v.content_sha256, v.headline, v.byline_raw, v.body,
            v.paragraph_count, v.word_count, d.sha256
        FROM story_versions v JOIN stories s ON s.id = v.story_id
        LEFT JOIN dumps d ON d.id = v.first_dump_id""",
    "appearances": """
        SELECT d.sha256, a.position, s.story_key, v.version, v.story_id = a.story_id, a.role
        FROM appearances a JOIN dumps d ON d.id = a.dump_id JOIN stories s ON s.id = a.story_id
        JOIN story_versions v ON v.id = a.version_id""",
    "paragraphs": """
        SELECT s.story_key, v.version, p.position, p.kind, p.text, p.story_id = v.story_id
        FROM paragraphs p JOIN story_versions v ON v.id = p.version_id
        JOIN stories s ON s.id = p.story_id""",
    "authors": "SELECT name, name_key FROM authors",
    "story_authors": """
        SELECT s.story_key, a.name_key, x.position FROM story_authors x
        JOIN stories s ON s.id = x.story_id JOIN authors a ON a.id = x.author_id""",
    "agencies": "SELECT code, name FROM agencies",
    "story_agencies": """
        SELECT s.story_key, x.agency_code, x.position FROM story_agencies x
        JOIN stories s ON s.id = x.story_id""",
    "rejects": "SELECT sha256, source_uri, size_bytes, reason, detail, raw_zlib FROM rejects",
    "landing_files": "SELECT sha256, source_uri, size_bytes, members FROM landing_files",
    "run_batches": "SELECT batch_key, files, CAST(summary AS text) FROM run_batches",
    "ingest_runs": """
        SELECT mode, status, files_seen, dumps_loaded, duplicates, rejected, stories_new,
            stories_seen, versions_new, teasers_linked FROM ingest_runs""",
}
RUN_SCOPED = ("run_batches", "ingest_runs")


def _normalise(table: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
    if table == "run_batches":  # the summary names its run: compare the counts only
        summary = json.loads(row[2])
        summary.pop("run_id", None)
        return (row[0], row[1], json.dumps(summary, sort_keys=True))
    return tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)


def snapshot(url: str, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.get_engine(url).connect() as conn:
        for table, sql in SNAPSHOT.items():
            if table in skip:
                continue
            rows = [_normalise(table, tuple(r)) for r in conn.execute(sa.text(sql))]
            out[table] = sorted(rows, key=repr)
    return out


def assert_same(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> None:
    assert a.keys() == b.keys()
    for table in a:
        assert len(a[table]) == len(b[table]), table
        assert a[table] == b[table], table


@pytest.fixture
def pg_pair() -> Iterator[tuple[str, str]]:
    """Two fresh PostgreSQL databases: one per loading path."""
    names = [f"wa_test_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with _pg_admin() as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _sqlalchemy_pg_url(names[0]), _sqlalchemy_pg_url(names[1])
    finally:
        for name in names:
            db.dispose_engine(_sqlalchemy_pg_url(name))
        with _pg_admin() as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _redate(text: str, day: dt.date) -> str:
    """The same page crawled on another day: only the header's date changes."""
    first, rest = text.split("\n", 1)
    parts = first.split(" ", 3)
    return " ".join([parts[0], parts[1], day.isoformat(), parts[3]]) + "\n" + rest


def _edited(article: Article, closing: str, byline: str) -> Article:
    return dataclasses.replace(
        article, paragraphs=(*article.paragraphs[:-1], closing), byline=byline
    )


def build_runs(tmp: Path) -> tuple[Path, Path]:
    """Two landing folders (two runs) with versions, repeats and duplicates."""
    first, second = tmp / "run1", tmp / "run2"
    for name, text in corpus(30, seed=11):
        _write(first, name, text)
    # The same bytes twice in one batch: the second copy is a duplicate.
    shutil.copy(first / "dump-000003.txt", first / "dump-000003-copy.txt")
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "dumps", first / "fx")
    rng = random.Random(5)
    story = make_article(rng, dt.date(2017, 11, 20))
    others = [make_article(rng, dt.date(2017, 11, 18)) for _ in range(3)]
    v2 = _edited(
        story, "Late on Tuesday the council revised its own figures again.", "By Ines KOWALCZYK"
    )
    v3 = _edited(story, "A third account of the vote was published on Thursday.", "By Yusuf ARANDA")
    day = dt.date(2017, 11, 20)
    # Changed text inside one batch: v1, then v2 a day later, then v1 again later still.
    _write(first, "v-a1.txt", render(story, others[:1]))
    _write(first, "v-a2.txt", _redate(render(v2, others[1:2]), day + dt.timedelta(days=1)))
    _write(first, "v-a3.txt", _redate(render(story, others[2:]), day + dt.timedelta(days=2)))
    # Second run: new pages, a third version (newest), an old crawl of v2, repeats of run 1.
    for name, text in corpus(21, seed=12):
        _write(second, name, text)
    _write(second, "w-a4.txt", _redate(render(v3, others[:2]), day + dt.timedelta(days=5)))
    _write(second, "w-a5.txt", _redate(render(v2, others[2:]), day - dt.timedelta(days=1)))
    for name in ("dump-000001.txt", "v-a2.txt"):
        shutil.copy(first / name, second / f"again-{name}")
    return first, second


def _ingest(url: str, folder: Path, bulk_path: bool, batch_size: int) -> dict[str, Any]:
    summary = pipeline.ingest([folder], url, batch_size=batch_size, bulk_path=bulk_path)
    out = summary.to_json()
    out.pop("run_id", None)
    return out


def _fallbacks(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if "falling back to the per-dump path" in r.message)


def test_bulk_path_matches_the_per_dump_path(
    pg_pair: tuple[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    per_dump, batch = pg_pair
    first, second = build_runs(tmp_path)
    runs = []
    for folder, size in ((first, 12), (second, 7)):
        expected = _ingest(per_dump, folder, False, size)
        got = _ingest(batch, folder, True, size)
        assert got == expected
        runs.append(snapshot(batch))
        assert_same(runs[-1], snapshot(per_dump))
    assert _fallbacks(caplog) == 0
    assert expected["duplicates"] >= 2 and expected["versions_new"] >= 1
    # What the scenario was built to exercise really happened. Run 1, one batch: v1, v2, then
    # v1 again on the newest page, so v1 is current again.
    v2 = [r for r in runs[0]["story_versions"] if r[4] == "By Ines KOWALCZYK"]
    assert len(v2) == 1 and v2[0][1] == 2
    key = v2[0][0]
    assert [r[12] for r in runs[0]["stories"] if r[0] == key] == [1]
    # Run 2: v3 on the newest page becomes current with its credits; an old crawl of v2
    # changes nothing.
    assert [r[1] for r in runs[1]["story_versions"] if r[0] == key] == [1, 2, 3]
    assert [(r[3], r[12]) for r in runs[1]["stories"] if r[0] == key] == [("By Yusuf ARANDA", 3)]
    assert [r for r in runs[1]["story_authors"] if r[0] == key] == [(key, "yusuf aranda", 0)]
    assert pipeline.check_archive(batch) == []


def test_a_bad_dump_makes_the_batch_fall_back_and_is_rejected(
    pg_pair: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    per_dump, batch = pg_pair
    folder = tmp_path / "in"
    for name, text in corpus(14, seed=3):
        _write(folder, name, text)
    victim = str(folder / "dump-000004.txt")
    original = etl.parse.parse_raw

    def broken_format(*args: Any, **kwargs: Any) -> Any:
        parsed = original(*args, **kwargs)
        if isinstance(parsed, ParsedDump) and parsed.source == victim:
            return dataclasses.replace(parsed, format="far-too-long-a-format")
        return parsed

    monkeypatch.setattr(etl.parse, "parse_raw", broken_format)
    expected = _ingest(per_dump, folder, False, 6)
    got = _ingest(batch, folder, True, 6)
    assert got == expected
    assert (got["dumps_loaded"], got["rejected"]) == (13, 1)
    assert _fallbacks(caplog) == 1  # only the victim's batch
    assert_same(snapshot(batch), snapshot(per_dump))
    with db.get_engine(batch).connect() as conn:
        rejected = conn.execute(sa.text("SELECT source_uri, reason FROM rejects")).all()
    assert [tuple(r) for r in rejected] == [(victim, "load_failed")]


def test_two_bulk_ingests_at_once_end_like_one(
    pg_pair: tuple[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    single, shared = pg_pair
    folder = tmp_path / "in"
    for name, text in corpus(40, seed=21):
        _write(folder, name, text)
    _ingest(single, folder, False, 8)
    db.upgrade(shared)
    results: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(_ingest(shared, folder, True, 8))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(r["dumps_loaded"] for r in results) == 40
    assert all(r["rejected"] == 0 for r in results)
    assert_same(snapshot(shared, RUN_SCOPED), snapshot(single, RUN_SCOPED))


def test_dry_run_on_a_fresh_sqlite_path_creates_no_file(tmp_path: Path) -> None:
    for name, text in corpus(5, seed=2):
        _write(tmp_path / "in", name, text)
    target = tmp_path / "not-yet" / "archive.sqlite"
    url = f"sqlite:///{target}"
    assert pipeline.discover([tmp_path / "in"], url) == sorted(
        str(p) for p in (tmp_path / "in").iterdir()
    )
    summary = pipeline.ingest([tmp_path / "in"], url, dry_run=True)
    assert (summary.dumps_loaded, summary.dry_run, summary.status) == (5, True, "success")
    assert summary.stories_new > 5
    batch = pipeline.ingest_batch(
        sorted(str(p) for p in (tmp_path / "in").iterdir()), url, run_id=None, dry_run=True
    )
    assert batch.dumps_loaded == 5
    assert pipeline.check_archive(url) == []
    assert pipeline.select_dumps_for_reprocess(url) == []
    assert not target.exists() and not target.parent.exists()


def test_dry_run_on_a_fresh_postgres_database_creates_no_table(pg_url: str, tmp_path: Path) -> None:
    for name, text in corpus(5, seed=2):
        _write(tmp_path / "in", name, text)
    assert len(pipeline.discover([tmp_path / "in"], pg_url)) == 5
    dry = pipeline.ingest([tmp_path / "in"], pg_url, dry_run=True)
    assert pipeline.check_archive(pg_url) == []
    with db.get_engine(pg_url).connect() as conn:
        tables = conn.execute(
            sa.text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
        ).scalar()
    assert tables == 0
    # The dry run's counts are those of the real load that follows.
    real = pipeline.ingest([tmp_path / "in"], pg_url)
    for name in ("files_seen", "dumps_loaded", "stories_new", "stories_seen", "versions_new"):
        assert getattr(dry, name) == getattr(real, name), name


def test_an_error_no_dump_explains_fails_the_batch_instead_of_falling_back(
    pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    for name, text in corpus(4, seed=8):
        _write(tmp_path / "in", name, text)
    db.upgrade(pg_url)
    with db.transaction(pg_url) as conn:
        conn.exec_driver_sql(
            "CREATE FUNCTION wa_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'archive unavailable'; END $$; "
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER wa_down BEFORE INSERT ON dumps "
            "FOR EACH STATEMENT EXECUTE FUNCTION wa_down()"
        )
    files = sorted(str(p) for p in (tmp_path / "in").iterdir())
    with pytest.raises(sa.exc.DBAPIError, match="archive unavailable"):
        pipeline.ingest_batch(files, pg_url, run_id=None, bulk_path=True)
    assert _fallbacks(caplog) == 0
    with db.get_engine(pg_url).connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM landing_files")).scalar() == 0
