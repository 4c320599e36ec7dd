"""Runs a dead process left 'running', and database connections lost in the middle of a batch.

Real processes (SIGKILLed), real databases, and on PostgreSQL real backends terminated with
pg_terminate_backend() from another connection.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from etl import pipeline
from etl.archive import db, runs
from tests.archive.corpus import corpus

REPO = Path(__file__).resolve().parents[2]
TABLES = ("dumps", "stories", "story_versions", "appearances", "paragraphs", "rejects")

# A process that starts a run, holds it as live, says its id, then works "for ever".
LIVE_RUN = """
import sys, time
from etl import pipeline
from etl.archive import runs
url = sys.argv[1]
run_id = pipeline.start_run(url, trigger="cli")
with runs.hold(url, run_id):
    print(run_id, flush=True)
    time.sleep(600)
"""


def _write(folder: Path, n: int, seed: int = 7) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus(n, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _rows(url: str, sql: str, **params: object) -> list[tuple]:
    with db.get_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def _status(url: str, run_id: int) -> str:
    return str(_rows(url, "SELECT status FROM ingest_runs WHERE id = :i", i=run_id)[0][0])


def _counts(url: str) -> dict[str, int]:
    return {t: int(_rows(url, f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _wait_lock_gone(url: str, run_id: int) -> None:
    """PostgreSQL notices a SIGKILLed client within moments; wait for its lock to go."""
    if not url.startswith("postgresql"):
        return
    deadline = time.monotonic() + 15
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        while time.monotonic() < deadline:
            held = conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND classid = %s AND objid = %s "
                # (another test's database may hold the same run's lock at the same time)
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                (runs.LOCK_CLASS, run_id),
            ).fetchone()
            if held is not None and held[0] == 0:
                return
            time.sleep(0.05)
    raise AssertionError("the killed process's advisory lock was never released")


def test_killed_run_is_abandoned_but_a_live_one_is_not(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(runs.STALE_ENV, "0")  # no grace: only the lock tells live from dead
    landing = _write(tmp_path / "in", 3)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", LIVE_RUN, db_url], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        live = int(proc.stdout.readline())

        first = pipeline.ingest([landing], db_url)  # starts while the other run is live
        assert first.status == "success"
        assert _status(db_url, live) == "running", "a live run was closed"
    finally:
        proc.kill()  # SIGKILL: no cleanup, the row stays 'running'
        proc.wait(timeout=30)
    assert _status(db_url, live) == "running"
    _wait_lock_gone(db_url, live)

    second = pipeline.ingest([landing], db_url)
    assert second.status == "success"
    status, finished, detail = _rows(
        db_url, "SELECT status, finished_at, detail FROM ingest_runs WHERE id = :i", i=live
    )[0]
    assert status == "abandoned" and finished is not None
    assert "abandoned" in detail and "closed by the start of a new run" in detail
    statuses = dict(_rows(db_url, "SELECT id, status FROM ingest_runs"))
    assert statuses == {live: "abandoned", first.run_id: "success", second.run_id: "success"}


def test_a_recent_heartbeat_protects_a_run_between_two_airflow_tasks(db_url: str) -> None:
    """No process holds the run (as between two tasks of a DAG run): the heartbeat decides."""
    run_id = pipeline.start_run(db_url, trigger="schedule", airflow_run_id="scheduled__x")
    assert runs.close_abandoned(db_url, grace=dt.timedelta(minutes=15)) == []
    assert _status(db_url, run_id) == "running"

    # What a worker killed an hour ago leaves behind: the row, no lock, an old heartbeat.
    hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    with db.transaction(db_url) as conn:
        conn.execute(
            sa.text("UPDATE ingest_runs SET heartbeat_at = :t, started_at = :t WHERE id = :i"),
            {"t": hour_ago, "i": run_id},
        )
    assert runs.close_abandoned(db_url, grace=dt.timedelta(minutes=15)) == [run_id]
    assert _status(db_url, run_id) == "abandoned"
    # The Airflow task retried after that finds no running run and starts a fresh one.
    again = pipeline.start_run(db_url, trigger="schedule", airflow_run_id="scheduled__x")
    assert again != run_id and _status(db_url, again) == "running"


WRITING_BACKENDS = """
SELECT pid FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND backend_xid IS NOT NULL AND state IN ('active', 'idle in transaction')
  AND query NOT ILIKE '%%ingest_runs%%'
"""


@contextmanager
def killer(
    url: str, *, limit: int, pause: float = 0.0, until: Callable[[], bool] | None = None
) -> Iterator[list[int]]:
    """Terminate backends of batches that have begun writing, up to `limit` times, `pause`
    seconds apart, or until `until()` holds. Backends touching ingest_runs (start,
    heartbeat, close) are spared.

    A batch may commit between the look and the kill; the victim is then an idle pooled
    connection that the pool replaces without an error, hence several kills."""
    killed: list[int] = []
    stop = threading.Event()

    def loop() -> None:
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            while not stop.is_set() and len(killed) < limit and not (until and until()):
                for (pid,) in conn.execute(WRITING_BACKENDS).fetchall():
                    done = conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()
                    if done is not None and done[0]:
                        killed.append(pid)
                        stop.wait(pause)
                        break
                time.sleep(0.005)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield killed
    finally:
        stop.set()
        thread.join(timeout=10)


def test_backend_terminated_mid_batch_is_retried(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DB_RETRIES", "10")
    monkeypatch.setenv("WIRE_ARCHIVE_DB_RETRY_BASE_SECONDS", "0.05")
    landing = _write(tmp_path / "in", 60)
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    clean = pipeline.ingest([landing], reference, batch_size=10)

    def retried() -> bool:
        return any("retrying" in r.getMessage() for r in list(caplog.records))

    db.upgrade(pg_url)
    retry_log = caplog.at_level(logging.WARNING, logger="etl.archive.retry")
    # Kill until one kill lands inside a batch (a retry is logged): a kill that lands just
    # after a commit hits an idle pooled connection, which is replaced without an error.
    with retry_log, killer(pg_url, limit=12, pause=0.2, until=retried) as killed:
        summary = pipeline.ingest([landing], pg_url, batch_size=10)
    assert killed, "no batch backend was terminated: the test proved nothing"
    assert any("retrying" in r.getMessage() for r in caplog.records)
    assert summary.status == "success"
    (status, loaded, dupes, rejected) = _rows(
        pg_url,
        "SELECT status, dumps_loaded, duplicates, rejected FROM ingest_runs WHERE id = :i",
        i=summary.run_id,
    )[0]
    assert status == "success"
    assert (loaded, dupes, rejected) == (clean.dumps_loaded, clean.duplicates, clean.rejected)
    assert _counts(pg_url) == _counts(reference)
    keys = "SELECT story_key, current_version, body FROM stories ORDER BY story_key"
    assert _rows(pg_url, keys) == _rows(reference, keys)
    assert pipeline.check_archive(pg_url) == []


# Closing the run as failed breaks too, for a reason of its own: a real error in the database.
REFUSE_FAILED = """
CREATE FUNCTION wa_refuse_failed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'injected: ingest_runs cannot be closed';
END $$;
CREATE TRIGGER wa_refuse_failed BEFORE UPDATE ON ingest_runs
    FOR EACH ROW WHEN (NEW.status = 'failed') EXECUTE FUNCTION wa_refuse_failed();
"""


def test_exhausted_retries_report_the_original_error(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DB_RETRIES", "3")
    monkeypatch.setenv("WIRE_ARCHIVE_DB_RETRY_BASE_SECONDS", "0.05")
    landing = _write(tmp_path / "in", 30)
    db.upgrade(pg_url)
    with db.transaction(pg_url) as conn:
        conn.exec_driver_sql(REFUSE_FAILED)

    expect = pytest.raises(sa.exc.OperationalError)
    with (
        caplog.at_level(logging.WARNING),
        killer(pg_url, limit=1000) as killed,
        expect as raised,
    ):
        pipeline.ingest([landing], pg_url, batch_size=30)
    assert len(killed) >= 3, killed  # every attempt of the batch was cut off
    error = raised.value
    frames = [f.name for f in traceback.extract_tb(error.__traceback__)]
    assert "_ingest_batch" in frames or "attempt" in frames, frames
    assert "injected" not in str(error), "the closing failure masked the original error"
    assert any("could not be closed as failed" in n for n in getattr(error, "__notes__", []))
    assert any(
        "could not be closed as failed" in r.getMessage() and r.levelno == logging.ERROR
        for r in caplog.records
    )
    # The batch's own retries: the killer may cut the connection that closes the run, too,
    # and that close is retried on its own ("closing ingest run 1: attempt 1 of 3 ...").
    retries = [
        r for r in caplog.records if "retrying" in r.getMessage() and "batch of" in r.getMessage()
    ]
    assert len(retries) == 2  # 3 attempts, 2 pauses
    (run_id,) = [r[0] for r in _rows(pg_url, "SELECT id FROM ingest_runs")]
    assert _status(pg_url, run_id) == "running"

    # The next run, once the database is healthy again, closes the orphan.
    with db.transaction(pg_url) as conn:
        conn.exec_driver_sql("DROP TRIGGER wa_refuse_failed ON ingest_runs")
    monkeypatch.setenv(runs.STALE_ENV, "0")
    assert pipeline.ingest([landing], pg_url, batch_size=30).status == "success"
    assert _status(pg_url, run_id) == "abandoned"
