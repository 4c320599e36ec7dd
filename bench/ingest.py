"""Ingest benchmark: the project's ingest beside plain writes of the same final rows.

Prints figures, asserts nothing. For each backend, on the same N generated dumps:

- ingest serial:   `pipeline.ingest(..., workers=0)`, parsing in the writer;
- ingest parallel: `pipeline.ingest(...)` with its default workers (one per core);
- plain COPY:      the very rows the ingest produced (read back from the archive) written
                   into an empty archive of the same schema, in one transaction, with COPY
                   (PostgreSQL) or executemany (SQLite): the cost of the rows alone;
- pandas to_sql:   the same rows with `DataFrame.to_sql(method=None)` into the same schema;
- discover:        `pipeline.discover` over the same landing files against the archive the
                   first ingest loaded (every file known, so it finds none): the cost of
                   listing and hashing the landing zone and asking the ledger.

Each measurement runs in a child process. Peak memory is the largest sum of the memory of
that process and all its descendants (the parse workers), sampled from /proc every 100 ms
(proportional set size, so pages forked workers share count once). CPU is their
user+system time over the wall time (100 % = one core busy), without the database
server's own. Figures are medians of --repeat runs. The machine may be shared: each line
also shows the 1-minute load average as its measurements started (the previous
measurement's own processes count in it for a minute).

    .venv/bin/python bench/ingest.py [--n 5000,20000] [--repeat 3] [--backends sqlite,postgresql]
    .venv/bin/python bench/ingest.py --n 100000 --backends postgresql \
        --methods "ingest parallel,plain COPY,pandas to_sql,discover"
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
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


class TreeSampler:
    """Peak resident memory and CPU time of this process and its descendants, from /proc.

    Why not getrusage: parse workers are children of the fork server, not of this
    process, so their time and memory never reach RUSAGE_CHILDREN."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_bytes = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen user+system seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK")
        self._page = os.sysconf("SC_PAGE_SIZE")

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open(f"/proc/{name}/stat", "rb") as fh:
                        fields = fh.read().rsplit(b")", 1)[1].split()
                    parents[int(name)] = int(fields[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(child for child, parent in parents.items() if parent == pid)
        return tree

    def sample(self) -> None:
        total = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self._tick
            total += self._pss(pid) or int(fields[21]) * self._page
        self.peak_bytes = max(self.peak_bytes, total)

    @staticmethod
    def _pss(pid: int) -> int:
        """Proportional set size: pages a forked worker shares are counted once in all."""
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> TreeSampler:
        self.sample()
        self._start_cpu = dict(self.cpu)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sample()
        self._stop.set()
        self._thread.join()

    def cpu_seconds(self) -> float:
        return sum(t - self._start_cpu.get(pid, 0.0) for pid, t in self.cpu.items())


def _row_count(url: str) -> int:
    import sqlalchemy as sa

    from etl.archive import db

    with db.get_engine(url).connect() as conn:
        return sum(
            int(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() or 0)
            for t in ROW_TABLES
        )


def _measured(fn: Callable[[], object]) -> dict:
    start = time.perf_counter()
    with TreeSampler() as sampler:
        fn()
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_mb": sampler.peak_bytes / 2**20,
        "cpu": sampler.cpu_seconds() / seconds,
    }


def child_ingest(folder: str, url: str, batch_size: int, workers: str) -> dict:
    from etl import pipeline
    from etl.archive import db

    db.upgrade(url)  # schema creation is not what we measure
    got: dict = {}

    def run() -> None:
        got["summary"] = pipeline.ingest(
            [folder],
            url,
            batch_size=batch_size,
            workers=None if workers == "auto" else int(workers),
        )

    result = _measured(run)
    return {**result, "rows": _row_count(url), "dumps": got["summary"].dumps_loaded}


def child_discover(folder: str, url: str) -> dict:
    """`discover` over the landing folder once the archive holds every file: all known."""
    from etl import pipeline

    got: dict = {}

    def run() -> None:
        got["new"] = len(pipeline.discover([folder], url, settle_seconds=0))

    result = _measured(run)
    return {**result, "rows": 0, "new": got["new"]}


def _final_rows(source: str) -> dict[str, tuple[list[str], list[tuple]]]:
    import sqlalchemy as sa

    from etl.archive import db, schema

    data: dict[str, tuple[list[str], list[tuple]]] = {}
    with db.get_engine(source).connect() as conn:
        for name in ("agencies", "ingest_runs", *ROW_TABLES):
            table = schema.metadata.tables[name]
            cols = [c.name for c in table.columns]
            rows = [tuple(r) for r in conn.execute(sa.select(*table.columns))]
            data[name] = (cols, rows)
    return data


def child_baseline(source: str, target: str, how: str) -> dict:
    """Write the final rows of `source` into the empty archive `target`; time the writes."""
    import sqlalchemy as sa

    from etl.archive import db, schema

    db.upgrade(target)
    data = _final_rows(source)
    engine = db.get_engine(target)

    def copy() -> None:
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

    def to_sql() -> None:
        import pandas as pd

        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM agencies"))
            for name, (cols, rows) in data.items():
                if not rows:
                    continue
                table = schema.metadata.tables[name]
                types = {c.name: c.type for c in table.columns}  # JSON stays JSON
                if name == "stories":  # row by row, a teaser's link needs its story first
                    rows = sorted(rows, key=lambda r: r[cols.index("full_story_id")] is not None)
                # object columns: ids stay ints (NULLs would turn an int column to floats)
                frame = pd.DataFrame(rows, columns=cols, dtype=object)
                frame.to_sql(
                    name, conn, if_exists="append", index=False, method=None, dtype=types
                )

    result = _measured(copy if how == "copy" else to_sql)
    return {**result, "rows": sum(len(r) for n, (_, r) in data.items() if n in ROW_TABLES)}


def _run_child(*args: str) -> dict:
    load_before = os.getloadavg()[0]
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if out.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed:\n{out.stderr[-3000:]}")
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "load": load_before}


def _fresh_db(backend: str, tmp: Path) -> tuple[str, Callable[[], object]]:
    if backend == "sqlite":
        path = tmp / f"{uuid.uuid4().hex[:8]}.sqlite"

        def remove() -> None:
            for p in tmp.glob(path.name + "*"):
                shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)

        return f"sqlite:///{path}", remove
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


METHODS = (
    ("ingest serial", "ingest", "0"),
    ("ingest parallel", "ingest", "auto"),
    ("plain COPY", "baseline", "copy"),
    ("pandas to_sql", "baseline", "to_sql"),
    # `discover` over the same landing files, the archive holding all of them (0 new).
    ("discover", "discover", ""),
)


def _measure(backend: str, n: int, folder: Path, tmp: Path, args: argparse.Namespace) -> None:
    methods = [m for m in METHODS if m[0] in args.methods]
    runs: dict[str, list[dict]] = {label: [] for label, _, _ in methods}
    for _ in range(args.repeat):
        source = None
        for label, kind, how in methods:
            url, drop = _fresh_db(backend, tmp)
            try:
                if kind == "ingest":
                    got = _run_child("ingest", str(folder), url, str(args.batch_size), how)
                    if source is None:
                        source = (url, drop)  # kept: the baselines copy its rows
                        drop = None
                elif kind == "discover":
                    assert source is not None
                    got = _run_child("discover", str(folder), source[0])
                    if got["new"]:
                        raise RuntimeError(f"discover found {got['new']} new files after ingest")
                else:
                    assert source is not None
                    got = _run_child("baseline", source[0], url, how)
                runs[label].append(got)
            finally:
                if drop is not None:
                    drop()
        if source is not None:
            source[1]()

    def median(label: str) -> float | None:
        got = runs.get(label)
        return statistics.median(r["seconds"] for r in got) if got else None

    copy, pandas = median("plain COPY"), median("pandas to_sql")
    for label, kind, _ in methods:
        got = runs[label]
        secs = statistics.median(r["seconds"] for r in got)
        rows = got[0]["rows"]
        per_copy = f"{secs / copy:>9.2f}" if copy and kind != "discover" else f"{'':>9}"
        per_pandas = f"{secs / pandas:>9.2f}" if pandas and kind != "discover" else f"{'':>9}"
        print(
            f"{backend:<11}{n:>8}  {label:<17}{secs:>8.2f}{n / secs:>9.0f}{rows / secs:>10.0f}"
            f"{max(r['peak_mb'] for r in got):>9.0f}"
            f"{statistics.median(r['cpu'] for r in got) * 100:>7.0f}%"
            f"{per_copy}{per_pandas}"
            f"{statistics.median(r['load'] for r in got):>7.1f}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="5000,20000", help="dump counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--backends", default="postgresql,sqlite")
    parser.add_argument(
        "--methods",
        default=",".join(label for label, _, _ in METHODS),
        help="comma-separated subset of: " + ", ".join(label for label, _, _ in METHODS),
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            result = child_ingest(rest[0], rest[1], int(rest[2]), rest[3])
        elif kind == "discover":
            result = child_discover(rest[0], rest[1])
        else:
            result = child_baseline(rest[0], rest[1], rest[2])
        print(json.dumps(result))
        return 0

    print(
        f"{'backend':<11}{'dumps':>8}  {'method':<17}{'seconds':>8}{'dumps/s':>9}{'rows/s':>10}"
        f"{'peak MB':>9}{'CPU':>8}{'/COPY':>9}{'/pandas':>9}{'load':>7}"
    )
    args.methods = [m.strip() for m in str(args.methods).split(",") if m.strip()]
    unknown = set(args.methods) - {label for label, _, _ in METHODS}
    if unknown or not any(m.startswith("ingest") for m in args.methods):
        parser.error(f"--methods: unknown {sorted(unknown)} or no ingest to measure")
    for n in (int(x) for x in str(args.n).split(",")):
        with tempfile.TemporaryDirectory(prefix="wa-bench-") as tmpdir:
            tmp = Path(tmpdir)
            generate(tmp / "landing", n)
            for backend in args.backends.split(","):
                _measure(backend, n, tmp / "landing", tmp, args)
    print(
        f"medians of {args.repeat} run(s), batch size {args.batch_size}, {os.cpu_count()} cores; "
        "peak MB: all processes of the run; CPU: client processes (100% = one core); "
        "/COPY, /pandas: time over that of the plain COPY or pandas to_sql of the same rows; "
        "discover: the landing files against the loaded archive (dumps/s = files/s); "
        "load: 1-minute load average as each measurement started "
        f"(now {' '.join(f'{x:.2f}' for x in os.getloadavg())})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
