"""What each index, constraint and the full-text data cost the load: prints figures only.

The dumps are generated and parsed once, up front; every measurement then runs the real
writer (`pipeline.ingest`: landing reads, ledger, batches, teaser linking, closing the
run) with the parses taken from that cache, so the time is the load's alone. Each
variant loads into a fresh archive of the current schema with one thing dropped first:

- `full schema`: nothing dropped (the reference);
- `index X`: one secondary index;
- `unique X`: one UNIQUE constraint (when the load needs it for ON CONFLICT, the load
  fails and the line says so);
- `foreign keys of T`: every FOREIGN KEY of table T (PostgreSQL checks them row by row);
  on SQLite `foreign keys off` (PRAGMA foreign_keys = OFF);
- `checks`: every CHECK constraint;
- `search index` / `search column`: PostgreSQL's GIN index, then the generated tsvector
  column with it; on SQLite the FTS5 table and its triggers;
- `all optional`: all of the above that the load does not need at once (a lower bound).

`--statements` instead loads once into the full schema and prints the time spent in each
kind of SQL statement (client wall time, so it includes the server's work and the round
trip), the biggest first.

    .venv/bin/python bench/load_profile.py [--n 2000] [--repeat 3] [--backends postgresql,sqlite]
    .venv/bin/python bench/load_profile.py --statements --backends postgresql --n 5000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("WIRE_ARCHIVE_SETTLE_SECONDS", "0")

from bench.ingest import PG_ADMIN, generate  # noqa: E402

# Tables an ingest writes (the schema's, less a run's own bookkeeping): only their indexes
# and constraints are worth a variant.
RUN_TABLES = frozenset({"ingest_runs", "run_batches", "run_plans", "run_manifest"})


def load_tables() -> tuple[str, ...]:
    from etl.archive import schema

    return tuple(t.name for t in schema.metadata.sorted_tables if t.name not in RUN_TABLES)

Variant = tuple[str, list[str]]  # label, DDL run before the load


def _fresh(backend: str, tmp: Path) -> tuple[str, Callable[[], None]]:
    if backend == "sqlite":
        path = tmp / f"{uuid.uuid4().hex[:8]}.sqlite"

        def remove() -> None:
            from etl.archive import db

            db.dispose_engine(url)
            for p in tmp.glob(path.name + "*"):
                shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)

        url = f"sqlite:///{path}"
        return url, remove
    import psycopg

    name = f"wa_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from etl.archive import db

        db.dispose_engine(url)
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    url = f"{base}/{name}"
    return url, drop


def pg_variants(url: str) -> list[Variant]:
    import sqlalchemy as sa

    from etl.archive import db

    tables = list(load_tables())
    out: list[Variant] = [("full schema", [])]
    optional: list[str] = []
    with db.get_engine(url).connect() as conn:
        indexes = conn.execute(
            sa.text(
                "SELECT i.tablename, i.indexname FROM pg_indexes i WHERE i.schemaname = 'public'"
                " AND i.tablename = ANY(:t) AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                " WHERE c.conname = i.indexname) ORDER BY 1, 2"
            ),
            {"t": tables},
        ).all()
        constraints = conn.execute(
            sa.text(
                "SELECT c.conrelid::regclass::text, c.conname, c.contype FROM pg_constraint c"
                " WHERE c.conrelid::regclass::text = ANY(:t) AND c.contype IN ('u', 'f', 'c')"
                " ORDER BY 1, 2"
            ),
            {"t": tables},
        ).all()
    for _table, name in indexes:
        if name == "ix_stories_search_vector":
            continue
        out.append((f"index {name}", [f"DROP INDEX {name}"]))
        optional.append(f"DROP INDEX {name}")
    for table, name, kind in constraints:
        if kind == "u":
            out.append((f"unique {name}", [f"ALTER TABLE {table} DROP CONSTRAINT {name}"]))
    fks: dict[str, list[str]] = defaultdict(list)
    checks: list[str] = []
    for table, name, kind in constraints:
        ddl = f"ALTER TABLE {table} DROP CONSTRAINT {name}"
        if kind == "f":
            fks[table].append(ddl)
        elif kind == "c":
            checks.append(ddl)
    for table, ddl in fks.items():
        out.append((f"foreign keys of {table}", ddl))
        optional.extend(ddl)
    out.append(("checks", checks))
    optional.extend(checks)
    search = ["DROP INDEX ix_stories_search_vector"]
    out.append(("search index (GIN)", search))
    column = [*search, "ALTER TABLE stories DROP COLUMN search_vector"]
    out.append(("search column + GIN", column))
    out.append(("all optional", [*optional, *column]))
    return out


def sqlite_variants(url: str) -> list[Variant]:
    import sqlalchemy as sa

    from etl.archive import db, search

    out: list[Variant] = [("full schema", [])]
    optional: list[str] = []
    with db.get_engine(url).connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"
                " AND sql IS NOT NULL ORDER BY 1, 2"
            )
        ).all()
    tables = load_tables()
    for table, name in rows:
        if table in tables:
            out.append((f"index {name}", [f"DROP INDEX {name}"]))
            optional.append(f"DROP INDEX {name}")
    out.append(("foreign keys off", ["PRAGMA foreign_keys = OFF"]))
    fts = list(search._SQLITE_UNINSTALL)
    out.append(("search (FTS5 + triggers)", fts))
    out.append(("all optional", [*optional, *fts, "PRAGMA foreign_keys = OFF"]))
    return out


def _apply(url: str, ddl: Sequence[str]) -> None:
    import sqlalchemy as sa

    from etl.archive import db

    engine = db.get_engine(url)
    if "PRAGMA foreign_keys = OFF" in ddl:

        @sa.event.listens_for(engine, "connect")
        def _fk_off(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_conn.execute("PRAGMA foreign_keys = OFF")

        engine.dispose()
    with engine.begin() as conn:
        for statement in ddl:
            if not statement.startswith("PRAGMA"):
                conn.exec_driver_sql(statement)


def parse_all(folder: Path) -> dict[str, object]:
    """Every generated dump parsed once (in worker processes), keyed by its sha256."""
    from etl import parallel
    from etl.model import RawInput

    raws = [RawInput(str(p), p.read_bytes()) for p in sorted(folder.iterdir())]
    with parallel.ParsePool(None) as pool:
        parses = pool.submit(raws, None)()
    return {hashlib.sha256(r.data).hexdigest(): p for r, p in zip(raws, parses, strict=True)}


def _cached_pool(cache: dict[str, object]) -> type:
    from etl import parallel

    class CachedPool(parallel.ParsePool):
        """The writer's pool, answering from the cache: no parse is timed."""

        def start_soon(self, expected: int) -> None:
            return None

        def submit(self, raws, dump_date):  # type: ignore[no-untyped-def]
            got = [cache[hashlib.sha256(r.data).hexdigest()] for r in raws]
            return lambda: got

    return CachedPool


def load_once(folder: Path, url: str, cache: dict[str, object]) -> float:
    from etl import parallel, pipeline

    original = parallel.ParsePool
    parallel.ParsePool = _cached_pool(cache)  # type: ignore[misc]
    try:
        start = time.perf_counter()
        summary = pipeline.ingest([folder], url, workers=0)
        seconds = time.perf_counter() - start
    finally:
        parallel.ParsePool = original  # type: ignore[misc]
    assert summary.dumps_loaded > 0, summary
    return seconds


def statements(folder: Path, backend: str, tmp: Path, cache: dict[str, object]) -> None:
    """Client wall time per kind of statement, for one load into the full schema."""
    import sqlalchemy as sa

    from etl.archive import bulk, db

    url, drop = _fresh(backend, tmp)
    spent: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)

    def label(sql: str) -> str:
        words = re.sub(r"sa_savepoint_\d+", "sa_savepoint_N", " ".join(sql.split()))
        return words[:70]

    try:
        db.upgrade(url)
        engine = db.get_engine(url)

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _before(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
            conn.info["wa_t0"] = time.perf_counter()

        @sa.event.listens_for(engine, "after_cursor_execute")
        def _after(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
            key = label(statement)
            spent[key] += time.perf_counter() - conn.info.pop("wa_t0")
            count[key] += 1

        original_copy = bulk._copy

        def timed_copy(conn, sql, rows):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            original_copy(conn, sql, rows)
            spent[label(sql)] += time.perf_counter() - t0
            count[label(sql)] += 1

        bulk._copy = timed_copy  # type: ignore[assignment]
        try:
            total = load_once(folder, url, cache)
        finally:
            bulk._copy = original_copy  # type: ignore[assignment]
    finally:
        drop()
    print(f"{backend}: load {total:.2f} s; statements {sum(spent.values()):.2f} s")
    for key, secs in sorted(spent.items(), key=lambda kv: -kv[1])[:30]:
        print(f"{secs:>8.2f} s {count[key]:>7}x  {key}")


def profile(folder: Path, backend: str, tmp: Path, cache: dict[str, object], repeat: int) -> None:
    from etl.archive import db

    url, drop = _fresh(backend, tmp)
    try:
        db.upgrade(url)
        variants = pg_variants(url) if backend == "postgresql" else sqlite_variants(url)
    finally:
        drop()
    times: dict[str, list[float]] = {label: [] for label, _ in variants}
    failed: dict[str, str] = {}
    for _ in range(repeat):
        for label, ddl in variants:
            if label in failed:
                continue
            url, drop = _fresh(backend, tmp)
            try:
                db.upgrade(url)
                _apply(url, ddl)
                times[label].append(load_once(folder, url, cache))
            except Exception as exc:  # a constraint the load cannot do without
                failed[label] = f"load fails ({type(exc).__name__}): needed"
            finally:
                drop()
    full = statistics.median(times["full schema"])
    for label, _ in variants:
        if label in failed:
            print(f"{backend:<11}{label:<52}{failed[label]}")
            continue
        secs = statistics.median(times[label])
        print(
            f"{backend:<11}{label:<52}{secs:>8.2f}{secs - full:>+9.2f}"
            f"{(full - secs) / full * 100:>8.1f}%",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="generated dumps")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", default="postgresql,sqlite")
    parser.add_argument("--statements", action="store_true", help="time per statement kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wa-load-") as tmpdir:
        tmp = Path(tmpdir)
        generate(tmp / "landing", args.n)
        start = time.perf_counter()
        cache = parse_all(tmp / "landing")
        parse_seconds = time.perf_counter() - start
        if not args.statements:
            print(f"{'backend':<11}{'dropped':<52}{'seconds':>8}{'delta':>9}{'saved':>9}")
        for backend in args.backends.split(","):
            if args.statements:
                statements(tmp / "landing", backend, tmp, cache)
            else:
                profile(tmp / "landing", backend, tmp, cache, args.repeat)
    load = os.getloadavg()
    print(
        f"{args.n} dumps, parses cached (load only), medians of {args.repeat}; parsing them "
        f"took {parse_seconds:.2f} s in the default parse pool, before any load; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
