"""A run's plan kept in the archive: which inputs it will load, in which numbered batch.

Airflow's XCom lives in Airflow's metadata database, and a list of a million landing paths
does not belong there. So discovery writes the list here, once, in bulk (COPY on
PostgreSQL, executemany on SQLite), and every mapped task receives only a plan id and a
batch number and reads its own few hundred inputs back through the primary key
(plan_id, batch_no, position).

A plan belongs to a real run (`run_id`, unique: discovering again replaces it) or to a dry
run (`dry_run`, no ingest run; keyed by the Airflow run id). A real run's plan is deleted
when the run succeeds; a failed run keeps it, so its cleared tasks can still run; plans of
runs finished over a week ago and dry plans over a day old are swept when a new plan is
recorded. The number of batches is capped (MAX_BATCHES): past it, batches grow instead.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive import db
from etl.archive.schema import dumps, ingest_runs, run_manifest, run_plans
from etl.landing import name_bytes, storable_name

# Airflow refuses to map over more than [core] max_map_length items (1024 by default), and
# a list of 1000 batch numbers is about 5 KB of XCom. Past this many batches, batches grow.
MAX_BATCHES = 1000
INSERT_CHUNK = 10_000  # manifest rows per executemany on SQLite
DRY_PLAN_TTL = dt.timedelta(days=1)
FINISHED_PLAN_TTL = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Plan:
    """What discovery decided, small enough for XCom whatever the number of inputs.

    `plan_id` is None only for a dry run on an archive without the current schema, where
    nothing may be written: its batches are then recomputed (see etl.pipeline)."""

    plan_id: int | None
    ingest_run: int | None
    mode: str
    dry_run: bool
    files: int  # inputs planned: landing entries (new) or stored dumps (reprocess)
    batches: int
    batch_size: int  # the size used: the one asked for, or larger past MAX_BATCHES
    deferred: int = 0  # landing files left for a later run (not settled yet)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    def batch_numbers(self) -> list[int]:
        """What the mapped task is expanded over: 1..batches, a few KB at most."""
        return list(range(1, self.batches + 1))

    def label(self, batch_no: int) -> str:
        return f"batch {batch_no} of {self.batches}"


def batch_size_for(items: int, asked: int, max_batches: int = MAX_BATCHES) -> int:
    """The batch size that keeps `items` within `max_batches` batches (at least `asked`)."""
    asked = max(1, int(asked))
    return max(asked, math.ceil(items / max(1, max_batches)))


def batch_count(items: int, size: int) -> int:
    return math.ceil(items / size) if items else 0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def sweep(conn: Connection, now: dt.datetime | None = None) -> int:
    """Delete plans nobody will read again: dry ones over a day old, and those of runs that
    finished (any status but running) over a week ago. Returns the plans deleted."""
    now = now or _now()
    finished = sa.select(ingest_runs.c.id).where(
        ingest_runs.c.status != "running",
        sa.func.coalesce(ingest_runs.c.finished_at, ingest_runs.c.started_at)
        < now - FINISHED_PLAN_TTL,
    )
    stale = sa.select(run_plans.c.id).where(
        sa.or_(
            sa.and_(run_plans.c.dry_run.is_(True), run_plans.c.created_at < now - DRY_PLAN_TTL),
            run_plans.c.run_id.in_(finished),
        )
    )
    return _drop(conn, [int(r[0]) for r in conn.execute(stale)])


def _drop(conn: Connection, plan_ids: Sequence[int]) -> int:
    if not plan_ids:
        return 0
    conn.execute(sa.delete(run_manifest).where(run_manifest.c.plan_id.in_(plan_ids)))
    conn.execute(sa.delete(run_plans).where(run_plans.c.id.in_(plan_ids)))
    return len(plan_ids)


def drop_for_run(conn: Connection, run_id: int) -> int:
    """A finished run's plan (its manifest first: one indexed delete, no cascade needed)."""
    ids = conn.execute(sa.select(run_plans.c.id).where(run_plans.c.run_id == run_id))
    return _drop(conn, [int(r[0]) for r in ids])


def drop_dry(conn: Connection, airflow_run_id: str) -> int:
    """The plans of a dry Airflow run, once its report is written (or it failed)."""
    ids = conn.execute(
        sa.select(run_plans.c.id).where(
            run_plans.c.dry_run.is_(True), run_plans.c.airflow_run_id == airflow_run_id
        )
    )
    return _drop(conn, [int(r[0]) for r in ids])


def _replace_header(
    conn: Connection,
    *,
    run_id: int | None,
    airflow_run_id: str | None,
    mode: str,
    dry_run: bool,
    batch_size: int,
    items: int,
) -> int:
    """A fresh plan row; a plan this run recorded before (a retried discovery) goes first."""
    if run_id is not None:
        drop_for_run(conn, run_id)
    elif airflow_run_id is not None:
        drop_dry(conn, airflow_run_id)
    sweep(conn)
    row = conn.execute(
        sa.insert(run_plans)
        .values(
            run_id=run_id,
            airflow_run_id=airflow_run_id,
            mode=mode,
            dry_run=dry_run,
            batch_size=batch_size,
            items=items,
            batches=batch_count(items, batch_size),
            created_at=_now(),
        )
        .returning(run_plans.c.id)
    ).one()
    return int(row[0])


def _bulk_rows(conn: Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """(plan_id, batch_no, position, path, sha256) rows: COPY on PostgreSQL, else executemany."""
    columns = "plan_id, batch_no, position, path, sha256"
    if db.is_postgres(conn):
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f"COPY run_manifest ({columns}) FROM STDIN") as cp:  # type: ignore[union-attr]
            for row in rows:
                cp.write_row(row)
        return
    sql = f"INSERT INTO run_manifest ({columns}) VALUES (?, ?, ?, ?, ?)"
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= INSERT_CHUNK:
            conn.exec_driver_sql(sql, chunk)
            chunk = []
    if chunk:
        conn.exec_driver_sql(sql, chunk)


def record_files(
    conn: Connection,
    entries: Sequence[tuple[str, str | None]],
    *,
    run_id: int | None,
    airflow_run_id: str | None,
    dry_run: bool,
    batch_size: int,
    max_batches: int = MAX_BATCHES,
    deferred: int = 0,
) -> Plan:
    """Plan landing entries, (path, sha256 or None) in load order, in one transaction."""
    size = batch_size_for(len(entries), batch_size, max_batches)
    plan_id = _replace_header(
        conn,
        run_id=run_id,
        airflow_run_id=airflow_run_id,
        mode="new",
        dry_run=dry_run,
        batch_size=size,
        items=len(entries),
    )
    _bulk_rows(
        conn,
        (
            (plan_id, pos // size + 1, pos, storable_name(path), sha)
            for pos, (path, sha) in enumerate(entries)
        ),
    )
    batches = batch_count(len(entries), size)
    return Plan(plan_id, run_id, "new", dry_run, len(entries), batches, size, deferred)


def record_dumps(
    conn: Connection,
    *,
    since: dt.date | None,
    until: dt.date | None,
    run_id: int | None,
    airflow_run_id: str | None,
    dry_run: bool,
    batch_size: int,
    max_batches: int = MAX_BATCHES,
) -> Plan:
    """Plan stored dumps by dump date, set-based: one INSERT ... SELECT, no id in Python.

    Dumps stored after the count are left out (ids up to the highest one counted); the plan's
    figures are read back from the rows inserted, so a dump removed meanwhile is no gap."""
    where = []
    if since is not None:
        where.append(dumps.c.dump_date >= since)
    if until is not None:
        where.append(dumps.c.dump_date <= until)
    count, top = conn.execute(
        sa.select(sa.func.count(), sa.func.max(dumps.c.id)).where(*where)
    ).one()
    size = batch_size_for(int(count), batch_size, max_batches)
    plan_id = _replace_header(
        conn,
        run_id=run_id,
        airflow_run_id=airflow_run_id,
        mode="reprocess",
        dry_run=dry_run,
        batch_size=size,
        items=int(count),
    )
    if count:
        ranked = (
            sa.select(
                dumps.c.id,
                dumps.c.sha256,
                (sa.func.row_number().over(order_by=dumps.c.id) - 1).label("pos"),
            )
            .where(*where, dumps.c.id <= top)
            .subquery()
        )
        conn.execute(
            sa.insert(run_manifest).from_select(
                ["plan_id", "batch_no", "position", "dump_id", "sha256"],
                sa.select(
                    sa.literal(plan_id, sa.BigInteger()),
                    (ranked.c.pos // size + 1).label("batch_no"),
                    ranked.c.pos,
                    ranked.c.id,
                    ranked.c.sha256,
                ),
            )
        )
    items, last = conn.execute(
        sa.select(sa.func.count(), sa.func.max(run_manifest.c.batch_no)).where(
            run_manifest.c.plan_id == plan_id
        )
    ).one()
    batches = int(last or 0)
    conn.execute(
        sa.update(run_plans)
        .where(run_plans.c.id == plan_id)
        .values(items=int(items), batches=batches)
    )
    return Plan(plan_id, run_id, "reprocess", dry_run, int(items), batches, size)


def load_plan(conn: Connection, plan_id: int) -> Plan | None:
    row = conn.execute(sa.select(run_plans).where(run_plans.c.id == plan_id)).first()
    if row is None:
        return None
    return Plan(
        int(row.id),
        None if row.run_id is None else int(row.run_id),
        str(row.mode),
        bool(row.dry_run),
        int(row.items),
        int(row.batches),
        int(row.batch_size),
    )


def batch_paths(conn: Connection, plan_id: int, batch_no: int) -> list[str]:
    """One batch's landing paths, as the filesystem names them (os.fsdecode form)."""
    rows = conn.execute(
        sa.select(run_manifest.c.path)
        .where(run_manifest.c.plan_id == plan_id, run_manifest.c.batch_no == batch_no)
        .order_by(run_manifest.c.position)
    )
    return [os.fsdecode(name_bytes(str(r[0]))) for r in rows]


def batch_dump_ids(conn: Connection, plan_id: int, batch_no: int) -> list[int]:
    rows = conn.execute(
        sa.select(run_manifest.c.dump_id)
        .where(run_manifest.c.plan_id == plan_id, run_manifest.c.batch_no == batch_no)
        .order_by(run_manifest.c.position)
    )
    return [int(r[0]) for r in rows]
