"""Telling a run whose process died from a live one, and closing the dead ones as 'abandoned'.

A killed worker, an OOM kill or a server restart leaves its `ingest_runs` row at
'running' for ever. The next run to start closes such rows, and must not close a run
that another process is still working on. Two signs of life are used together:

* **A liveness lock**, held in shared mode by every process while it works for a run
  (the CLI for the whole run, an Airflow task for its batch). PostgreSQL: the session
  advisory lock ``pg_advisory_lock_shared(7301002, run id)`` on a connection of its own.
  SQLite: ``flock(LOCK_SH)`` on ``<archive file>.runs/<run id>.lock``. The server or the
  kernel drops either lock the moment its process dies, SIGKILL included, so no PID
  files or clocks are trusted. The closer takes the lock exclusively without waiting
  (``pg_try_advisory_xact_lock``, ``LOCK_EX | LOCK_NB``): if it cannot, the run is live.
* **A heartbeat**, ``ingest_runs.heartbeat_at``: set when the run starts and at the end
  of every batch. An Airflow run is spread over several task processes, and between two
  of them (scheduling, a 5-minute retry delay) nobody holds the lock; the heartbeat must
  then be older than a grace period, WIRE_ARCHIVE_STALE_RUN_SECONDS (default 900 s),
  before the run counts as dead.

So a row is closed when it is 'running', nobody holds its lock, and its heartbeat (or its
start) is older than the grace period. Its counts are those of the batches it committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive import db
from etl.archive.schema import ingest_runs, run_batches

log = logging.getLogger(__name__)

STALE_ENV = "WIRE_ARCHIVE_STALE_RUN_SECONDS"
DEFAULT_GRACE = dt.timedelta(seconds=900)
LOCK_CLASS = 7_301_002  # first key of the two-key advisory lock; PG_UPGRADE_LOCK is 7_301_001


def grace_period() -> dt.timedelta:
    raw = os.environ.get(STALE_ENV, "").strip()
    try:
        return dt.timedelta(seconds=float(raw)) if raw else DEFAULT_GRACE
    except ValueError:
        return DEFAULT_GRACE


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands timestamps back without a zone; they were written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _lock_key(run_id: int) -> tuple[int, int]:
    return LOCK_CLASS, int(run_id) % 2_147_483_647


def _lock_file(url: str, run_id: int) -> Path | None:
    """Where a SQLite archive keeps a run's lock file; None for an in-memory archive."""
    parsed = sa.make_url(db.normalise_url(url))
    name = parsed.database or ""
    if (
        parsed.get_backend_name() != "sqlite"
        or name in ("", ":memory:")
        or name.startswith("file:")
    ):
        return None
    return Path(f"{name}.runs") / f"{int(run_id)}.lock"


# --- holding a run's lock -------------------------------------------------------------


@dataclass
class _Held:
    count: int
    conn: Connection | None = None  # PostgreSQL: the connection holding the session lock
    fh: Any = None  # SQLite: the open lock file


_held: dict[tuple[str, int], _Held] = {}
_held_lock = threading.Lock()


def _acquire(url: str, run_id: int) -> _Held:
    engine = db.get_engine(url)
    if db.is_postgres(engine):
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            conn.execute(
                sa.text("SELECT pg_advisory_lock_shared(CAST(:c AS integer), CAST(:o AS integer))"),
                dict(zip(("c", "o"), _lock_key(run_id), strict=True)),
            )
        except BaseException:
            conn.invalidate()
            conn.close()
            raise
        return _Held(1, conn=conn)
    path = _lock_file(url, run_id)
    if path is None:
        return _Held(1)
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+b")  # noqa: SIM115 - held open for as long as the run is held
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
    except BaseException:
        fh.close()
        raise
    return _Held(1, fh=fh)


def _release(url: str, run_id: int, held: _Held) -> None:
    if held.conn is not None:
        try:
            held.conn.execute(
                sa.text(
                    "SELECT pg_advisory_unlock_shared(CAST(:c AS integer), CAST(:o AS integer))"
                ),
                dict(zip(("c", "o"), _lock_key(run_id), strict=True)),
            )
            held.conn.close()
        except Exception:
            # A connection that may still hold the lock must not go back to the pool.
            with contextlib.suppress(Exception):
                held.conn.invalidate()
                held.conn.close()
    if held.fh is not None:
        held.fh.close()  # closing the file drops its flock


@contextlib.contextmanager
def hold(url: str, run_id: int | None) -> Iterator[None]:
    """Mark this process as working for `run_id` until the block ends; re-entrant.

    Never fails the work: without a lock (the database is unreachable right now), the
    heartbeat alone protects the run for the grace period."""
    if run_id is None:
        yield
        return
    key = (db.normalise_url(url), int(run_id))
    with _held_lock:
        held = _held.get(key)
        if held is not None:
            held.count += 1
        else:
            try:
                held = _held[key] = _acquire(url, run_id)
            except Exception as exc:
                log.warning(
                    "run %s: liveness lock not taken (%s); relying on heartbeat", run_id, exc
                )
                held = None
    try:
        yield
    finally:
        # A sign of life at the end of every held block (each batch), before the lock is
        # let go: the heartbeat also covers a run whose lock a server restart dropped.
        touch(url, run_id)
        if held is not None:
            with _held_lock:
                held.count -= 1
                last = held.count == 0
                if last:
                    _held.pop(key, None)
            if last:
                _release(url, run_id, held)


def touch(url: str, run_id: int) -> None:
    """Record a sign of life for a running run; best effort (never raises)."""
    try:
        with db.transaction(url) as conn:
            conn.execute(
                sa.update(ingest_runs)
                .where(ingest_runs.c.id == run_id, ingest_runs.c.status == "running")
                .values(heartbeat_at=_utcnow())
            )
    except Exception as exc:
        log.warning("run %s: heartbeat not recorded (%s)", run_id, exc)


# --- closing dead runs ----------------------------------------------------------------


def _try_exclusive(conn: Connection, url: str, run_id: int) -> Any:
    """Take the run's lock exclusively without waiting: a truthy handle when nobody holds it.

    On PostgreSQL the lock lasts until `conn`'s transaction ends; on SQLite the returned
    file must be closed by the caller."""
    if db.is_postgres(conn):
        got = conn.execute(
            sa.text("SELECT pg_try_advisory_xact_lock(CAST(:c AS integer), CAST(:o AS integer))"),
            dict(zip(("c", "o"), _lock_key(run_id), strict=True)),
        ).scalar_one()
        return bool(got)
    path = _lock_file(url, run_id)
    if path is None:
        return True
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+b")  # noqa: SIM115 - returned to the caller, who closes it
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        return None
    return fh


def _totals(conn: Connection, run_id: int) -> dict[str, int]:
    from etl.model import RUN_COUNTS, RunSummary

    total = RunSummary(run_id=run_id)
    for (batch,) in conn.execute(
        sa.select(run_batches.c.summary).where(run_batches.c.run_id == run_id)
    ):
        total.merge(RunSummary.from_json(dict(batch)))
    return {name: int(getattr(total, name)) for name in RUN_COUNTS}


def close_abandoned(
    url: str,
    *,
    grace: dt.timedelta | None = None,
    closed_by: str = "a later run",
) -> list[int]:
    """Close as 'abandoned' every running run that no process holds and that has shown no
    sign of life for `grace` (default: grace_period()). Returns the ids closed."""
    grace = grace_period() if grace is None else grace
    engine = db.get_engine(url)
    with engine.connect() as conn:
        running = conn.execute(
            sa.select(ingest_runs.c.id).where(ingest_runs.c.status == "running")
        ).all()
    closed: list[int] = []
    for (run_id,) in running:
        if _close_one(url, int(run_id), grace, closed_by):
            closed.append(int(run_id))
    return closed


def _close_one(url: str, run_id: int, grace: dt.timedelta, closed_by: str) -> bool:
    handle: Any = None
    try:
        with db.transaction(url) as conn:
            handle = _try_exclusive(conn, url, run_id)
            if not handle:
                return False  # a process is working for it
            query = sa.select(
                ingest_runs.c.status, ingest_runs.c.started_at, ingest_runs.c.heartbeat_at
            ).where(ingest_runs.c.id == run_id)
            if db.is_postgres(conn):
                query = query.with_for_update()
            row = conn.execute(query).first()
            if row is None or row.status != "running":
                return False
            last = _aware(row.heartbeat_at) or _aware(row.started_at)
            now = _utcnow()
            if last is not None and now - last < grace:
                return False  # between two tasks of an Airflow run, or just started
            seen = f"{last:%Y-%m-%d %H:%M:%S} UTC" if last is not None else "never"
            detail = (
                f"abandoned: no process was working for this run and its last sign of life "
                f"was {seen}; closed by {closed_by}. Counts are those of committed batches."
            )
            conn.execute(
                sa.update(ingest_runs)
                .where(ingest_runs.c.id == run_id, ingest_runs.c.status == "running")
                .values(status="abandoned", finished_at=now, detail=detail, **_totals(conn, run_id))
            )
        log.warning("ingest run %s was left running by a dead process: closed as abandoned", run_id)
    finally:
        if handle is not None and not isinstance(handle, bool):
            handle.close()
    path = _lock_file(url, run_id)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()
    return True


def forget_lock_file(url: str, run_id: int) -> None:
    """Remove a finished run's SQLite lock file (nothing to do on PostgreSQL)."""
    path = _lock_file(url, run_id)
    if path is None:
        return
    with contextlib.suppress(OSError):
        path.unlink()  # the folder stays: removing it would race with a starting run
