"""Ingest benchmark: N generated dumps into SQLite and PostgreSQL, beside a no-parse baseline.

Prints figures, asserts nothing. Each measurement runs in a child process so that its
peak memory (ru_maxrss) is its own. The baseline writes the very rows the ingest
produced (read back from the archive) into an empty archive of the same schema with a
plain COPY (PostgreSQL) / executemany (SQLite) in one transaction: the cost of the rows
alone, without reading, parsing, identity and de-duplication.

    .venv/bin/python bench/ingest.py [--n 20000] [--repeat 1] [--backends sqlite,postgresql]

PostgreSQL is measured twice in the same run: the per-dump path (a savepoint and a dozen
statements per dump) and the batch path (etl.archive.bulk: COPY into staging tables and
set-based statements per batch).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# The benchmark writes its landing files and loads them at once: they are complete, so no
# quiet period before loading (subprocesses inherit this).
os.environ.setdefault("WIRE_ARCHIVE_SETTLE_SECONDS", "0")

PG_ADMIN = os.environ.get("WIRE_ARCHIVE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
ROW_TABLES = (
    "dumps",
    "stories",
    "story_versions",
    "appearances",
    "paragraphs",
    "authors",
    "story_authors",
    "story_agencies",
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _row_count(url: str) -> int:
    import sqlalchemy as sa

    from etl.archive import db

    with db.get_engine(url).connect() as conn:
        return sum(
            int(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() or 0)
            for t in ROW_TABLES
        )


def child_ingest(folder: str, url: str, batch_size: int, path: str) -> dict:
    from etl import pipeline
    from etl.archive import db

    db.upgrade(url)  # schema creation is not what we measure
    bulk = {"bulk": True, "per-dump": False}.get(path)
    start = time.perf_counter()
    summary = pipeline.ingest([folder], url, batch_size=batch_size, bulk_path=bulk)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "rows": _row_count(url),
        "dumps": summary.dumps_loaded,
        "summary": summary.to_json(),
    }


def child_baseline(source: str, target: str) -> dict:
    """Copy the final rows of `source` into the empty archive `target`; time the writes."""
    import sqlalchemy as sa

    from etl.archive import db, schema

    db.upgrade(target)
    data: dict[str, tuple[list[str], list[tuple]]] = {}
    with db.get_engine(source).connect() as conn:
        for name in ("agencies", "ingest_runs", *ROW_TABLES):
            table = schema.metadata.tables[name]
            cols = [c.name for c in table.columns]
            rows = [tuple(r) for r in conn.execute(sa.select(*table.columns))]
            data[name] = (cols, rows)
    engine = db.get_engine(target)
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM agencies"))
        for name, (cols, rows) in data.items():
            if not rows:
                continue
            if conn.dialect.name == "postgresql":
                raw = conn.connection.driver_connection
                sql = f"COPY {name} ({', '.join(cols)}) FROM STDIN"
                with raw.cursor() as cur, cur.copy(sql) as cp:
                    for row in rows:
                        cp.write_row(
                            tuple(json.dumps(v) if isinstance(v, list) else v for v in row)
                        )
            else:
                table = schema.metadata.tables[name]
                conn.execute(sa.insert(table), [dict(zip(cols, r, strict=True)) for r in rows])
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows": sum(len(r) for n, (_, r) in data.items() if n in ROW_TABLES),
    }


def _run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fresh_db(backend: str, tmp: Path) -> tuple[str, Callable[[], object]]:
    if backend == "sqlite":
        path = tmp / f"{uuid.uuid4().hex[:8]}.sqlite"
        return f"sqlite:///{path}", lambda: [
            p.unlink(missing_ok=True) for p in tmp.glob(path.name + "*")
        ]
    import psycopg

    name = f"wa_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}", drop


def generate(folder: Path, n: int) -> int:
    from tests.archive.corpus import corpus

    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in corpus(n):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            result = child_ingest(rest[0], rest[1], int(rest[2]), rest[3])
        else:
            result = child_baseline(rest[0], rest[1])
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory(prefix="wa-bench-") as tmpdir:
        tmp = Path(tmpdir)
        size = generate(tmp / "landing", args.n)
        print(f"{args.n} dumps generated ({size / 1e6:.1f} MB), batch size {args.batch_size}")
        header = (
            f"{'backend':<20}{'ingest s':>10}{'dumps/s':>10}{'rows/s':>10}{'peak MB':>9}"
            f"{'base s':>9}{'base rows/s':>13}{'ratio':>8}"
        )
        print(header)
        paths = {"sqlite": ["per-dump"], "postgresql": ["per-dump", "bulk"]}
        for backend, path in (
            (b, p) for b in args.backends.split(",") for p in paths.get(b, ["default"])
        ):
            runs, bases = [], []
            for _ in range(args.repeat):
                url, drop = _fresh_db(backend, tmp)
                target, drop_target = _fresh_db(backend, tmp)
                try:
                    runs.append(
                        _run_child("ingest", str(tmp / "landing"), url, str(args.batch_size), path)
                    )
                    bases.append(_run_child("baseline", url, target))
                finally:
                    drop()
                    drop_target()
            secs = statistics.median(r["seconds"] for r in runs)
            base = statistics.median(b["seconds"] for b in bases)
            rows = runs[0]["rows"]
            print(
                f"{backend + ' ' + path:<20}{secs:>10.1f}{args.n / secs:>10.0f}{rows / secs:>10.0f}"
                f"{max(r['peak_mb'] for r in runs):>9.0f}{base:>9.2f}{rows / base:>13.0f}"
                f"{secs / base:>8.1f}"
            )
        print("medians over", args.repeat, "run(s); ratio = ingest time / baseline time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
