"""A run's plan lives in the archive's manifest; Airflow gets only a plan id and batch numbers."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl import pipeline
from etl.archive import db, manifest
from etl.archive.schema import run_manifest, run_plans

XCOM_LIMIT = 64 * 1024


def _write(folder: Path, count: int, day: int = 5) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"afp-2026-03-{day:02d}-note-{i:03d}.txt"
        path.write_text(
            f"Harbour note {i}\n\nBeirut (AFP) March {day}, 2026\n\n"
            f"Item {i}: the port authority logged ship number {i} at the outer anchorage.\n"
        )
        paths.append(path)
    return paths


def _rows(url: str, table: sa.Table) -> int:
    with db.get_engine(url).connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _xcom_bytes(value: object) -> int:
    return len(json.dumps(value).encode())


def test_new_files_are_planned_in_the_archive_and_each_batch_reads_its_own(
    db_url: str, tmp_path: Path
) -> None:
    landing = tmp_path / "landing"
    _write(landing, 7)
    odd = os.fsdecode(bytes(landing) + b"/afp-2026-03-05-caf\xe9.txt")  # not UTF-8
    Path(odd).write_bytes(b"Cafe note\n\nBeirut (AFP) March 5, 2026\n\nA note on coffee.\n")
    run_id = pipeline.start_run(db_url, trigger="manual")

    plan = pipeline.plan_run(
        db_url, mode="new", run_id=run_id, paths=[landing], batch_size=3, airflow_run_id="r1"
    )
    assert (plan.files, plan.batches, plan.batch_size) == (8, 3, 3)
    assert plan.plan_id is not None and plan.ingest_run == run_id
    assert plan.batch_numbers() == [1, 2, 3] and plan.label(2) == "batch 2 of 3"
    batches = [pipeline.plan_batch_inputs(db_url, plan, n) for n in plan.batch_numbers()]
    assert [len(b) for b in batches] == [3, 3, 2]
    assert [p for b in batches for p in b] == pipeline.discover([landing], db_url)
    assert odd in batches[2] or odd in batches[0] + batches[1]  # the exact name comes back

    # A retried discovery replaces the plan; it never adds a second one.
    again = pipeline.plan_run(db_url, mode="new", run_id=run_id, paths=[landing], batch_size=3)
    assert _rows(db_url, run_plans) == 1 and _rows(db_url, run_manifest) == 8
    assert (again.files, again.batches) == (plan.files, plan.batches)

    first = pipeline.ingest_planned_batch(db_url, again, 1, landing=[landing])
    retried = pipeline.ingest_planned_batch(db_url, again.to_json(), 1, landing=[landing])
    assert retried.to_json() == first.to_json()  # the recorded batch, not a second load
    for n in (2, 3):
        pipeline.ingest_planned_batch(db_url, again, n, landing=[landing])
    total = pipeline.finish_run(db_url, run_id, first, status="success")
    assert total.files_seen == 8 and total.dumps_loaded == 8
    assert _rows(db_url, run_plans) == 0 and _rows(db_url, run_manifest) == 0  # served


def test_reprocess_is_planned_by_one_insert_select(db_url: str, tmp_path: Path) -> None:
    _write(tmp_path / "a", 3, day=4)
    _write(tmp_path / "b", 4, day=5)
    pipeline.ingest([tmp_path], db_url)
    wanted = pipeline.select_dumps_for_reprocess(
        db_url, since=dt.date(2026, 3, 5), until=dt.date(2026, 3, 5)
    )
    assert len(wanted) == 4
    run_id = pipeline.start_run(db_url, mode="reprocess")
    plan = pipeline.plan_run(
        db_url,
        mode="reprocess",
        run_id=run_id,
        since=dt.date(2026, 3, 5),
        until=dt.date(2026, 3, 5),
        batch_size=3,
    )
    assert (plan.files, plan.batches) == (4, 2)
    got = [pipeline.plan_batch_inputs(db_url, plan, n) for n in plan.batch_numbers()]
    assert got == [wanted[:3], wanted[3:]]
    done = [pipeline.ingest_planned_batch(db_url, plan, n) for n in plan.batch_numbers()]
    assert sum(s.dumps_reprocessed for s in done) == 4


def test_dry_reprocess_is_planned_counted_and_dropped(db_url: str, tmp_path: Path) -> None:
    _write(tmp_path / "in", 5)
    pipeline.ingest([tmp_path / "in"], db_url)
    plan = pipeline.plan_run(
        db_url, mode="reprocess", run_id=None, airflow_run_id="dry-r", dry_run=True, batch_size=2
    )
    assert plan.plan_id is not None and (plan.files, plan.batches) == (5, 3)
    seen = [pipeline.ingest_planned_batch(db_url, plan, n) for n in plan.batch_numbers()]
    assert [s.files_seen for s in seen] == [2, 2, 1]
    assert all(s.dry_run and s.dumps_reprocessed == 0 for s in seen)
    assert pipeline.drop_dry_plans(db_url, "dry-r") == 1
    assert _rows(db_url, run_plans) == 0 and _rows(db_url, run_manifest) == 0


def test_dry_plan_on_a_missing_archive_writes_nothing_and_is_recomputed(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _write(landing, 5)
    archive = tmp_path / "never" / "archive.sqlite"
    url = f"sqlite:///{archive}"
    plan = pipeline.plan_run(url, run_id=None, dry_run=True, paths=[landing], batch_size=2)
    assert plan.plan_id is None and (plan.files, plan.batches) == (5, 3)
    got = [pipeline.plan_batch_inputs(url, plan, n, paths=[landing]) for n in (1, 2, 3)]
    assert [p for b in got for p in b] == pipeline.discover([landing], url)
    summary = pipeline.ingest_planned_batch(url, plan, 3, landing=[landing])
    assert summary.dry_run and summary.dumps_loaded == 1
    assert pipeline.drop_dry_plans(url, "any") == 0
    assert not archive.parent.exists()


def test_dry_plan_on_a_migrated_archive_is_stored_then_dropped(db_url: str, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _write(landing, 4)
    db.upgrade(db_url)
    plan = pipeline.plan_run(
        db_url, run_id=None, airflow_run_id="dry-1", dry_run=True, paths=[landing], batch_size=3
    )
    assert plan.plan_id is not None and plan.dry_run and plan.ingest_run is None
    summary = pipeline.ingest_planned_batch(db_url, plan, 1, landing=[landing])
    assert summary.dumps_loaded == 3 and _rows(db_url, run_manifest) == 4
    assert pipeline.drop_dry_plans(db_url, "dry-1") == 1
    assert _rows(db_url, run_plans) == 0 and _rows(db_url, run_manifest) == 0
    with pytest.raises(LookupError, match="gone"):
        pipeline.plan_batch_inputs(db_url, plan, 1)


def test_batches_grow_past_the_cap(db_url: str, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _write(landing, 25)
    run_id = pipeline.start_run(db_url)
    plan = pipeline.plan_run(db_url, run_id=run_id, paths=[landing], batch_size=1, max_batches=10)
    assert (plan.batch_size, plan.batches) == (3, 9)
    sizes = [len(pipeline.plan_batch_inputs(db_url, plan, n)) for n in plan.batch_numbers()]
    assert sizes == [3] * 8 + [1]


def test_old_plans_are_swept(db_url: str, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _write(landing, 2)
    old_run = pipeline.start_run(db_url)
    pipeline.plan_run(db_url, run_id=old_run, paths=[landing])
    pipeline.finish_run(db_url, old_run, pipeline.RunSummary(run_id=old_run), status="failed")
    pipeline.plan_run(db_url, run_id=None, airflow_run_id="d", dry_run=True, paths=[landing])
    assert _rows(db_url, run_plans) == 2  # a failed run keeps its plan (cleared tasks rerun)
    with db.transaction(db_url) as conn:
        assert manifest.sweep(conn) == 0  # nothing is old yet
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    with db.transaction(db_url) as conn:
        assert manifest.sweep(conn, now=later) == 2
    assert _rows(db_url, run_manifest) == 0


def _synthetic_entries(count: int) -> list[tuple[str, str | None]]:
    """Landing paths shaped like a real zone's (folders per day), with content hashes."""
    return [
        (
            f"/srv/landing/2026/{1 + i % 12:02d}/{1 + i % 28:02d}/afp-wire-{i:07d}.txt",
            hashlib.sha256(i.to_bytes(4, "big")).hexdigest(),
        )
        for i in range(count)
    ]


@pytest.mark.slow
def test_a_million_files_keep_every_xcom_under_64_kb(db_url: str) -> None:
    """A synthetic manifest of 1,000,000 landing files, written by the same bulk path
    discovery uses; the values each DAG task would push to XCom stay small."""
    files = 1_000_000
    run_id = pipeline.start_run(db_url)
    entries = _synthetic_entries(files)
    started = time.perf_counter()
    with db.transaction(db_url) as conn:
        plan = manifest.record_files(
            conn, entries, run_id=run_id, airflow_run_id=None, dry_run=False, batch_size=200
        )
    recorded = time.perf_counter() - started
    assert plan.files == files and plan.batches == manifest.MAX_BATCHES
    assert plan.batch_size == 1000  # 200 asked for; raised so that 1000 batches suffice

    started = time.perf_counter()
    last = pipeline.plan_batch_inputs(db_url, plan, plan.batches)
    read = time.perf_counter() - started
    assert last == [path for path, _ in entries[-1000:]]

    sizes = {
        "discover": _xcom_bytes(plan.to_json()),
        "plan": _xcom_bytes(plan.batch_numbers()),
        "ingest (arguments of one batch)": _xcom_bytes(
            {"batch_no": plan.batches, "run_plan": plan.to_json()}
        ),
    }
    print(
        f"\n{db_url.split(':')[0]}: 1,000,000 files: manifest written in {recorded:.1f}s, "
        f"last batch read in {read * 1000:.0f} ms; XCom bytes {sizes}"
    )
    assert max(sizes.values()) <= XCOM_LIMIT, sizes
    assert _rows(db_url, run_manifest) == files
