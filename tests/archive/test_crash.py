"""Crash suite: an ingest killed part-way, then run again, leaves the archive a clean run makes.

A real `wire-archive ingest LANDING --db URL --batch-size 2` runs in a subprocess. The test
process watches the database from outside (committed rows only) and, when a kill point is
reached, sends SIGKILL; no blind sleeps decide when. The same command then runs to
completion, and the archive's content fingerprint (tests/archive/fingerprint.py: natural
keys, no ids, no timestamps) must equal that of a clean ingest into a fresh database.

Kill points, observed by polling (relative to what the database held when the child began):
  start        the child has touched the database (SQLite file exists / a backend is open)
  run-row      ingest_runs holds the child's new run row
  first-dump   dumps has gained a committed row
  half         dumps has half the rows a clean ingest ends with
  nine-tenths  dumps has 90% of them
Scenarios, each on a fresh database, one process per kill, then one uninterrupted run:
"early" = start, first-dump; "late" = run-row, half, nine-tenths.

PostgreSQL also gets its connection cut from the server side with pg_terminate_backend
while the child is inside a batch: the child must exit (it may fail, or retry and
succeed), and the rerun must again give the clean archive.

A killed run's ingest_runs row may stay 'running' or be closed as 'abandoned' later;
both are accepted. The figures (kills tried/landed, rows lost, doubled) are printed
per backend (pytest -s) and attached to the test report as properties.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from etl import pipeline
from etl.archive import db
from tests.archive.fingerprint import Fingerprint, compare, fingerprint, total_rows
from tests.conftest import FIXTURES, REPO, throwaway_pg_database

BATCH_SIZE = 2
CHILD_TIMEOUT = 120  # seconds for one whole ingest; a clean one takes ~6 s on 2 cores
KILLED_STATUSES = {"running", "abandoned"}

pytestmark = pytest.mark.timeout(300)


# --------------------------------------------------------------------------- the child


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "wire-archive"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from etl.cli import main; sys.exit(main())"]


@dataclass
class Child:
    """One `wire-archive ingest` subprocess, its output kept in files (no pipe to fill)."""

    proc: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, landing: Path, url: str, work: Path, app_name: str) -> Child:
        log = work / f"ingest-{uuid.uuid4().hex[:8]}.log"
        env = dict(os.environ, PGAPPNAME=app_name, PYTHONUNBUFFERED="1", COLUMNS="100")
        # No grace period: a run whose process is gone (its liveness lock released) may be
        # closed as 'abandoned' by the next run at once, so that path is exercised too.
        env["WIRE_ARCHIVE_STALE_RUN_SECONDS"] = "0"
        env.pop("WIRE_ARCHIVE_DATABASE_URL", None)
        argv = [*_cli(), "ingest", str(landing), "--db", url, "--batch-size", str(BATCH_SIZE)]
        with open(log, "wb") as out:
            proc = subprocess.Popen(argv, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
        return cls(proc, log)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def wait(self) -> int:
        try:
            return self.proc.wait(timeout=CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"ingest did not finish within {CHILD_TIMEOUT}s:\n{self.output()}")


# --------------------------------------------------------------------------- the watcher


class Probe:
    """Reads committed state of the archive from outside the child; never writes."""

    def __init__(self, backend: str, url: str, app_name: str) -> None:
        self.backend, self.url, self.app_name = backend, url, app_name
        self._pg: psycopg.Connection | None = None
        self._lite: sqlite3.Connection | None = None
        if backend == "sqlite":
            self.path = Path(url.removeprefix("sqlite:///"))
        else:
            self.dbname = url.rsplit("/", 1)[1]

    def close(self) -> None:
        for conn in (self._pg, self._lite):
            if conn is not None:
                conn.close()
        self._pg = self._lite = None

    def _query(self, sql: str, *params: object) -> list[tuple]:
        if self.backend == "sqlite":
            if not self.path.exists():
                return []
            if self._lite is None:
                self._lite = sqlite3.connect(self.path, timeout=0.2, isolation_level=None)
            try:
                return self._lite.execute(sql, params).fetchall()
            except sqlite3.OperationalError:  # no such table yet, or locked for a moment
                return []
        if self._pg is None:
            pg = db.normalise_url(self.url).replace("postgresql+psycopg://", "postgresql://")
            self._pg = psycopg.connect(pg, autocommit=True, application_name="wa-crash-probe")
            self._pg.execute("SET lock_timeout = '500ms'")
        try:
            return self._pg.execute(sql.replace("?", "%s"), params).fetchall()
        except (psycopg.errors.UndefinedTable, psycopg.errors.LockNotAvailable):
            return []

    def count(self, table: str, where: str = "") -> int:
        rows = self._query(f"SELECT count(*) FROM {table} {where}")
        return int(rows[0][0]) if rows else 0

    def started(self) -> bool:
        """The child has reached the database: the SQLite file exists / a backend is open."""
        if self.backend == "sqlite":
            return self.path.exists()
        return bool(self.backends())

    def backends(self, busy_only: bool = False) -> list[int]:
        """Server pids of the child's connections (by database and application_name)."""
        sql = "SELECT pid FROM pg_stat_activity WHERE datname = ? AND application_name = ?"
        if busy_only:
            sql += " AND state IN ('active', 'idle in transaction')"
        return [int(r[0]) for r in self._query(sql, self.dbname, self.app_name)]

    def run_statuses(self) -> dict[int, str]:
        return {int(i): s for i, s in self._query("SELECT id, status FROM ingest_runs")}


@dataclass(frozen=True)
class Before:
    """What the archive held when a child started: kill points are relative to it."""

    last_run: int
    dumps: int

    @classmethod
    def read(cls, probe: Probe) -> Before:
        return cls(max(probe.run_statuses(), default=0), probe.count("dumps"))


KillPoint = Callable[[Probe, int, Before], bool]  # (probe, dumps when clean, before) -> now?

KILL_POINTS: dict[str, KillPoint] = {
    "start": lambda p, n, b: p.started(),
    "run-row": lambda p, n, b: max(p.run_statuses(), default=0) > b.last_run,
    "first-dump": lambda p, n, b: p.count("dumps") > b.dumps,
    "half": lambda p, n, b: p.count("dumps") >= max(n // 2, b.dumps + 1),
    "nine-tenths": lambda p, n, b: p.count("dumps") >= max(n * 9 // 10, b.dumps + 1),
}
# Each scenario starts from an empty database; its kills hit successive processes on it,
# then one more process runs to completion, so every kill but the first lands on the
# debris of the one before (a rolled-back batch, a run row left 'running'). "start" lands
# in migrations or just after, which only happens on an empty database.
SCENARIOS: dict[str, list[str]] = {
    "early": ["start", "first-dump"],
    "late": ["run-row", "half", "nine-tenths"],
}
POLL = 0.02  # seconds between two looks at the database; a batch of 2 files takes ~0.1 s


def _run_and_kill_at(
    child: Child, probe: Probe, point: KillPoint, clean_dumps: int, before: Before
) -> bool:
    """Poll until the kill point is reached, then SIGKILL. False: the child ended first."""
    deadline = time.monotonic() + CHILD_TIMEOUT
    while True:
        if child.proc.poll() is not None:
            return False
        if point(probe, clean_dumps, before):
            child.kill()
            return True
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"kill point never reached:\n{child.output()}")
        time.sleep(POLL)  # a polling interval, not a guess at timing


# --------------------------------------------------------------------------- set-up


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture dumps and the sample landing zone together: 127 files, ~63 batches."""
    root = tmp_path_factory.mktemp("crash") / "landing"
    shutil.copytree(FIXTURES / "dumps", root / "fixtures")
    shutil.copytree(REPO / "landing" / "sample", root / "sample")
    return root


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path


@contextmanager
def fresh_db(backend: str, work: Path) -> Iterator[str]:
    """A new, empty archive database on `backend`, removed (or left in tmp) afterwards."""
    if backend == "sqlite":
        folder = work / f"db-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        url = f"sqlite:///{folder / 'archive.sqlite'}"
        try:
            yield url
        finally:
            db.dispose_engine(url)
        return
    with throwaway_pg_database("wa_crash") as url:
        try:
            yield url
        finally:
            db.dispose_engine(url)


_CLEAN: dict[str, tuple[Fingerprint, list[str]]] = {}


def _clean(backend: str, landing: Path, work: Path) -> tuple[Fingerprint, list[str]]:
    """The reference: one uninterrupted CLI ingest into a fresh database (once per backend)."""
    if backend not in _CLEAN:
        with fresh_db(backend, work) as url:
            child = Child.start(landing, url, work, f"wa-crash-clean-{uuid.uuid4().hex[:6]}")
            assert child.wait() == 0, child.output()
            _CLEAN[backend] = (
                fingerprint(url, root=str(landing)),
                pipeline.check_archive(url),
            )
    return _CLEAN[backend]


def _verdict(url: str, landing: Path, killed: set[int], clean: Fingerprint) -> dict:
    got = fingerprint(url, root=str(landing), exclude_runs=killed)
    diffs = compare(got, clean)
    return {
        "lost": sum(d.lost for d in diffs.values()),
        "doubled": sum(d.doubled for d in diffs.values()),
        "foreign": sum(d.foreign for d in diffs.values()),
        "bad": {name: d for name, d in diffs.items() if not d.clean},
        "problems": pipeline.check_archive(url),
    }


def _report(record: Callable[[str, object], None], backend: str, figures: dict) -> None:
    line = (
        f"crash[{backend}]: kills tried {figures['tried']}, landed {figures['landed']}, "
        f"rows lost {figures['lost']}, rows doubled {figures['doubled']}, "
        f"rows foreign {figures['foreign']} (clean archive: {figures['rows']} rows)"
    )
    if figures.get("killed runs"):
        line += f"; killed runs after the rerun: {dict(Counter(figures['killed runs']))}"
    if figures.get("child"):
        line += f"; {figures['child']}"
    print(line)
    record(f"crash_{backend}", line)


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_sigkill_at_every_point_then_rerun_equals_clean_ingest(
    backend_name: str, landing: Path, work: Path, record_property
) -> None:
    clean, clean_problems = _clean(backend_name, landing, work)
    clean_dumps = sum(clean["dumps"].values())
    assert clean_dumps >= 100, "the landing zone is too small for a kill to land mid-run"
    figures: dict = dict(tried=0, landed=0, lost=0, doubled=0, foreign=0, rows=total_rows(clean))
    figures["killed runs"] = []
    failures: list[str] = []
    for scenario, points in SCENARIOS.items():
        with fresh_db(backend_name, work) as url:
            app = f"wa-crash-{uuid.uuid4().hex[:8]}"
            probe = Probe(backend_name, url, app)
            try:
                for point in points:
                    figures["tried"] += 1
                    before = Before.read(probe)
                    child = Child.start(landing, url, work, app)
                    if not _run_and_kill_at(child, probe, KILL_POINTS[point], clean_dumps, before):
                        failures.append(f"{scenario}/{point}: the ingest ended before the kill")
                        continue
                    figures["landed"] += 1
                killed = probe.run_statuses()
                probe.close()
                left = {s for s in killed.values()} - KILLED_STATUSES
                if left:
                    failures.append(f"{scenario}: killed runs left as {sorted(left)}")
                rerun = Child.start(landing, url, work, app)
                if rerun.wait() != 0:
                    failures.append(f"{scenario}: rerun failed:\n{rerun.output()}")
                    continue
                after = Probe(backend_name, url, app)
                statuses = after.run_statuses()
                after.close()
                for run_id in killed:
                    figures["killed runs"].append(statuses.get(run_id))
                    if statuses.get(run_id) not in KILLED_STATUSES:
                        failures.append(
                            f"{scenario}: killed run {run_id} is {statuses.get(run_id)!r} "
                            "after the rerun (expected running or abandoned)"
                        )
                v = _verdict(url, landing, set(killed), clean)
            finally:
                probe.close()
        for key in ("lost", "doubled", "foreign"):
            figures[key] += v[key]
        for name, diff in v["bad"].items():
            failures.append(
                f"{scenario}: {name}: lost {diff.lost}, doubled {diff.doubled}, "
                f"foreign {diff.foreign}; " + "; ".join(diff.examples)
            )
        if v["problems"] != clean_problems:
            failures.append(f"{scenario}: check_archive says {v['problems']}")
    _report(record_property, backend_name, figures)
    assert not failures, "\n".join(failures)
    assert figures["landed"] == figures["tried"]


def test_pg_backend_terminated_mid_batch_then_rerun_equals_clean_ingest(
    landing: Path, work: Path, record_property
) -> None:
    clean, clean_problems = _clean("postgresql", landing, work)
    clean_dumps = sum(clean["dumps"].values())
    with fresh_db("postgresql", work) as url:
        app = f"wa-crash-term-{uuid.uuid4().hex[:8]}"
        probe = Probe("postgresql", url, app)
        try:
            child = Child.start(landing, url, work, app)
            terminated: list[int] = []
            deadline = time.monotonic() + CHILD_TIMEOUT
            while not terminated:
                if child.proc.poll() is not None:
                    pytest.fail(
                        f"the ingest ended before its connection was cut:\n{child.output()}"
                    )
                if time.monotonic() > deadline:
                    child.kill()
                    pytest.fail("the ingest never had a busy connection after its first batch")
                if probe.count("dumps") >= max(1, clean_dumps // 3):
                    for pid in probe.backends(busy_only=True):
                        rows = probe._query("SELECT pg_terminate_backend(?)", pid)
                        if rows and rows[0][0]:
                            terminated.append(pid)
                time.sleep(POLL)
            code = child.wait()  # fails the test if the child hangs
            runs = probe.run_statuses()
        finally:
            probe.close()
        run_id = max(runs)
        assert runs[run_id] in {"failed", "success", *KILLED_STATUSES}, runs
        if code != 0:
            assert runs[run_id] != "success", child.output()
        rerun = Child.start(landing, url, work, app + "-rerun")
        assert rerun.wait() == 0, rerun.output()
        v = _verdict(url, landing, {run_id}, clean)
    # Whether the child noticed: it failed, or logged the lost connection (and retried).
    seen = code != 0 or "OperationalError" in child.output()
    figures = dict(
        child=f"child exit {code}, run {runs[run_id]}, saw the cut: {seen}",
        tried=1,
        landed=len(terminated),
        lost=v["lost"],
        doubled=v["doubled"],
        foreign=v["foreign"],
        rows=total_rows(clean),
    )
    _report(record_property, "postgresql-terminate", figures)
    assert not v["bad"], "\n".join(
        f"{name}: lost {d.lost}, doubled {d.doubled}, foreign {d.foreign}; " + "; ".join(d.examples)
        for name, d in v["bad"].items()
    )
    assert v["problems"] == clean_problems
