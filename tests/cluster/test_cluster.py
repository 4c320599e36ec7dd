"""`make cluster` for real: scripts/cluster.sh starts the Celery topology of
docker-compose.yml as local processes (api-server, scheduler, dag-processor, triggerer, two
Celery workers; Airflow's metadata and the archive in PostgreSQL, Redis as the broker), and
the test drives it only through the REST API.

One run over 2,000 generated dumps in batches of 100. Once both workers have loaded batches,
one worker is killed with SIGKILL (every process of it, as if its machine died) while it is
inside a batch: its transaction on the archive is open, seen in pg_stat_activity by the
worker's application name. With the heartbeat timeout set low, the scheduler finds the dead
task instance and the batch is retried on the other worker. The run must succeed and the
archive equal, by content (tests/archive/fingerprint.py), a clean `wire-archive ingest` of
the same files into another database; a second trigger loads nothing.

The corpus is 20 blocks of 100 dumps, each block with its own pool of teasers, so no story
spans two batches: then the order in which parallel (and retried) batches commit cannot
change the archive, and equality with a sequential ingest is the right expectation.
Isolation on shared services: throwaway databases, free ports, a Redis key prefix.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
import sqlalchemy as sa

from etl import pipeline
from tests.airflow_api import AirflowApi, free_port, tail, wait_for_token
from tests.archive.corpus import corpus
from tests.archive.fingerprint import Fingerprint, compare, fingerprint
from tests.conftest import PG_ADMIN_URL, REPO, throwaway_pg_database

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

SCRIPT = REPO / "scripts" / "cluster.sh"
DAG = "wire_archive"
WORKERS = ("worker-1", "worker-2")
COMPONENTS = ("api-server", "scheduler", "dag-processor", "triggerer", *WORKERS)
BLOCKS, PER_BLOCK, BATCH = 20, 100, 100
SEED = 2000  # a corpus whose blocks share no story (checked on the clean ingest)
START_TIMEOUT = 300
RUN_TIMEOUT = 600
HEARTBEAT_TIMEOUT = 30  # seconds without a task heartbeat before the scheduler gives up
REDIS_URL = os.environ.get("WIRE_ARCHIVE_TEST_REDIS", "redis://127.0.0.1:6379/0")
TIMINGS: dict[str, float] = {}


# --------------------------------------------------------------------------- processes


def session_pids(sid: int) -> list[int]:
    """Live processes of a session: a component and everything it started (task
    processes get process groups of their own, but stay in the session)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def kill_session(sid: int, sig: int = signal.SIGKILL, wait: float = 30) -> None:
    deadline = time.monotonic() + wait
    while (pids := session_pids(sid)) and time.monotonic() < deadline:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    assert not session_pids(sid), f"session {sid} still has {session_pids(sid)}"


@dataclass
class Cluster:
    api: AirflowApi
    root: Path  # WIRE_ARCHIVE_CLUSTER_DIR: logs/, pids/, airflow/
    landing: Path
    archive_url: str
    host: str

    def node(self, worker: str) -> str:
        """The host name a worker's task instances record (deploy/wire_archive_node.py)."""
        return f"{worker}@{self.host}"

    def pid(self, name: str) -> int:
        return int((self.root / "pids" / f"{name}.pid").read_text())

    def logs(self) -> str:
        parts = []
        for log in sorted((self.root / "logs").glob("*.log")):
            lines = log.read_text(errors="replace").splitlines()[-40:]
            parts.append(f"===== {log.name} =====\n" + "\n".join(lines))
        return "\n".join(parts)


def write_landing(root: Path) -> None:
    """2,000 dumps as 20 folders of 100: sorted paths make each folder exactly one batch."""
    for block in range(BLOCKS):
        folder = root / f"block-{block:02d}"
        folder.mkdir(parents=True)
        for name, text in corpus(PER_BLOCK, seed=SEED + block):
            (folder / name).write_text(text)


def _pg_server() -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0]


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


# --------------------------------------------------------------------------- fixtures


@dataclass
class Reference:
    """A clean, sequential `wire-archive ingest` of the same landing zone."""

    proc: subprocess.Popen[bytes]
    log: Path
    url: str
    landing: Path
    _fp: Fingerprint | None = None

    def fingerprint(self) -> Fingerprint:
        if self._fp is None:
            assert self.proc.wait(timeout=RUN_TIMEOUT) == 0, tail(self.log)
            self._fp = fingerprint(self.url, root=str(self.landing))
        return self._fp


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cluster-landing")
    write_landing(root)
    return root


@pytest.fixture(scope="module")
def reference(landing: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reference]:
    """Started at once, in the background: it loads while the cluster starts."""
    log = tmp_path_factory.mktemp("reference") / "ingest.log"
    cli = Path(sys.executable).parent / "wire-archive"
    with throwaway_pg_database("wa_cluster_ref") as url:
        argv = [str(cli), "ingest", str(landing), "--db", url, "--batch-size", str(BATCH)]
        env = {k: v for k, v in os.environ.items() if k != "WIRE_ARCHIVE_DATABASE_URL"}
        with log.open("wb") as out:
            proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield Reference(proc, log, url, landing)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster(
    landing: Path, reference: Reference, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    root = tmp_path_factory.mktemp("cluster")
    nightly = root / "nightly-landing"  # what an unattended run would read: nothing
    nightly.mkdir()
    home = root / "airflow"
    home.mkdir()
    password = secrets.token_urlsafe(12)
    # The simple auth manager keeps passwords it finds and only makes up missing ones.
    (home / "simple_auth_manager_passwords.json.generated").write_text(
        json.dumps({"admin": password})
    )
    port = free_port()
    prefix = f"wa-test-{uuid.uuid4().hex[:10]}:"
    with (
        throwaway_pg_database("wa_cluster_airflow") as metadata_url,
        throwaway_pg_database("wa_cluster_archive") as archive_url,
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "WIRE_"))}
        env.update(
            {
                "WIRE_ARCHIVE_CLUSTER_DIR": str(root),
                "WIRE_ARCHIVE_CLUSTER_PG": _pg_server(),
                "WIRE_ARCHIVE_CLUSTER_METADATA_DB": _db_name(metadata_url),
                "WIRE_ARCHIVE_CLUSTER_ARCHIVE_DB": _db_name(archive_url),
                "WIRE_ARCHIVE_CLUSTER_REDIS": REDIS_URL,
                "WIRE_ARCHIVE_CLUSTER_START_TIMEOUT": str(START_TIMEOUT),
                "WIRE_ARCHIVE_LANDING": str(nightly),
                "WIRE_ARCHIVE_SETTLE_SECONDS": "0",  # the test's files are complete
                "WIRE_ARCHIVE_RETRY_DELAY_SECONDS": "2",
                "AIRFLOW__API__PORT": str(port),
                "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": str(free_port()),
                # Our keys only, on a Redis other tests share.
                "AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__GLOBAL_KEYPREFIX": prefix,
                # A dead worker's task instance is given up on after this long.
                "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": str(HEARTBEAT_TIMEOUT),
                "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT_DETECTION_INTERVAL": "2",
                "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
                "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
                # Only the runs the test triggers: no nightly run when the DAG is unpaused.
                "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            }
        )
        base = f"http://127.0.0.1:{port}"
        down = ["bash", str(SCRIPT), "down"]
        started = time.monotonic()
        made = Cluster(AirflowApi(base, "", root / "logs"), root, landing, archive_url, "")
        try:
            done = subprocess.run(
                ["bash", str(SCRIPT), "up"],
                env=env,
                capture_output=True,
                text=True,
                timeout=START_TIMEOUT + 120,
            )
            assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{made.logs()}"
            log = root / "logs" / "api-server.log"
            token = wait_for_token(base, "admin", password, 60, lambda: True, log)
            made.api = AirflowApi(base, token, root / "logs")
            made.host = socket.getfqdn()  # as scripts/cluster.sh names its components
            made.api.wait_for_dags((DAG,), START_TIMEOUT)
            made.api.unpause(DAG)
            TIMINGS["start-up"] = time.monotonic() - started
            yield made
        finally:
            sessions = [made.pid(n) for n in COMPONENTS if _has(root, n)]  # before `down`
            try:
                subprocess.run(down, env=env, capture_output=True, timeout=120)
            finally:
                for sid in sessions:  # whatever `down` left behind
                    kill_session(sid)
                _drop_redis_keys(prefix)
                TIMINGS["total"] = time.monotonic() - started
                figures = ", ".join(f"{k} {v:.0f}s" for k, v in TIMINGS.items())
                print(f"\ncluster timings: {figures}")


def _has(root: Path, name: str) -> bool:
    return (root / "pids" / f"{name}.pid").exists()


def _drop_redis_keys(prefix: str) -> None:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=500))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


# --------------------------------------------------------------------------- the run


@dataclass
class FirstRun:
    run_id: str
    state: str
    victim: str  # the worker killed
    victims: list[int]  # map indexes of the batches it was running
    tries: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


class InBatch:
    """Whether a worker holds an open transaction on the archive: inside a batch."""

    def __init__(self, archive_url: str) -> None:
        self.db = _db_name(archive_url)
        self.conn = psycopg.connect(PG_ADMIN_URL, autocommit=True)

    def __call__(self, worker: str) -> bool:
        row = self.conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
            "AND application_name = %s AND xact_start IS NOT NULL "
            "AND state IN ('active', 'idle in transaction')",
            (self.db, f"wire-archive-{worker}"),
        ).fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="module")
def first_run(cluster: Cluster) -> FirstRun:
    api = cluster.api
    started = time.monotonic()
    run_id = api.trigger(DAG, {"landing_path": str(cluster.landing), "batch_size": BATCH})
    nodes = {cluster.node(w): w for w in WORKERS}
    done: set[str] = set()  # workers that have finished a batch
    running: dict[int, str] = {}
    victim = ""
    in_batch = InBatch(cluster.archive_url)
    polled = 0.0
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        while not victim:
            assert time.monotonic() < deadline, "no worker was ever inside a batch"
            if time.monotonic() - polled > 1.0:
                polled = time.monotonic()
                state = api.run_state(DAG, run_id)
                assert state in ("queued", "running"), f"the run ended ({state}) before a kill"
                tis = api.task_instances(DAG, run_id, "ingest")
                done |= {t["hostname"] for t in tis if t["state"] == "success"}
                running = {t["map_index"]: t["hostname"] for t in tis if t["state"] == "running"}
            if not set(nodes) <= done:
                time.sleep(0.2)  # not yet: both workers must have loaded batches first
                continue
            for node, worker in nodes.items():
                if node in running.values() and in_batch(worker):
                    kill_session(cluster.pid(worker))
                    victim = worker
                    break
            time.sleep(0.05)
    finally:
        in_batch.close()
    TIMINGS["kill after"] = time.monotonic() - started
    # The dead worker's batches stay `running` until the scheduler misses their heartbeat.
    tis = api.task_instances(DAG, run_id, "ingest")
    victims = [
        t["map_index"]
        for t in tis
        if t["state"] == "running" and t["hostname"] == cluster.node(victim)
    ]
    state = api.wait_for_run(DAG, run_id, RUN_TIMEOUT)
    TIMINGS["first run"] = time.monotonic() - started
    tries = {t["map_index"]: api.tries(DAG, run_id, "ingest", t["map_index"]) for t in tis}
    return FirstRun(run_id, state, victim, victims, tries)


# --------------------------------------------------------------------------- the tests


def test_the_batches_ran_on_both_workers(cluster: Cluster, first_run: FirstRun) -> None:
    assert len(first_run.tries) == BLOCKS, sorted(first_run.tries)
    per_worker = Counter(
        t["hostname"] for ts in first_run.tries.values() for t in ts if t["state"] == "success"
    )
    print(f"\nbatches loaded per worker: {dict(per_worker)}")
    assert set(per_worker) == {cluster.node(w) for w in WORKERS}, per_worker


def test_a_killed_workers_batch_is_retried_and_the_run_succeeds(
    cluster: Cluster, first_run: FirstRun
) -> None:
    assert first_run.state == "success"
    assert first_run.victims, "the killed worker was running no batch"
    dead = cluster.node(first_run.victim)
    survivor = cluster.node(next(w for w in WORKERS if w != first_run.victim))
    for index in first_run.victims:
        tries = sorted(first_run.tries[index], key=lambda t: t["try_number"])
        assert len(tries) >= 2, tries
        assert tries[0]["hostname"] == dead and tries[0]["state"] != "success", tries[0]
        assert tries[-1]["hostname"] == survivor and tries[-1]["state"] == "success", tries
        print(
            f"\nbatch {index}: try 1 on {dead} ended {tries[0]['state']} "
            f"(started {tries[0]['start_date']}, ended {tries[0]['end_date']}); "
            f"try {tries[-1]['try_number']} on {survivor} started {tries[-1]['start_date']}"
        )
    finals = [max(ts, key=lambda t: t["try_number"]) for ts in first_run.tries.values()]
    assert {t["state"] for t in finals} == {"success"}


def _without_runs(fp: Fingerprint) -> Fingerprint:
    """Content only: `ingest_runs` is history (a CLI run here, an Airflow run there)."""
    return {name: rows for name, rows in fp.items() if name != "ingest_runs"}


def _stories_spanning_batches(url: str, landing: Path) -> int:
    """Stories that appear in dumps of two different batches (none, by construction)."""
    files = sorted(str(p) for p in landing.rglob("*.txt"))
    batch_of = {path: n // BATCH for n, path in enumerate(files)}
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT a.story_id, d.source_uri FROM appearances a "
                    "JOIN dumps d ON d.id = a.dump_id"
                )
            ).all()
    finally:
        engine.dispose()
    batches: dict[int, set[int]] = {}
    for story, source in rows:
        batches.setdefault(story, set()).add(batch_of[source])
    return sum(len(b) > 1 for b in batches.values())


def test_the_archive_equals_a_clean_ingest(
    cluster: Cluster, first_run: FirstRun, reference: Reference
) -> None:
    assert first_run.state == "success"
    want = reference.fingerprint()
    assert sum(want["dumps"].values()) == BLOCKS * PER_BLOCK
    assert _stories_spanning_batches(reference.url, cluster.landing) == 0
    got = fingerprint(cluster.archive_url, root=str(cluster.landing))
    bad = {k: d for k, d in compare(_without_runs(got), _without_runs(want)).items() if not d.clean}
    assert not bad, bad
    assert got["ingest_runs"] == Counter({("success", "new", "manual"): 1})
    assert pipeline.check_archive(cluster.archive_url) == []


def test_a_second_trigger_loads_nothing(
    cluster: Cluster, first_run: FirstRun, record_property: Any
) -> None:
    assert first_run.state == "success"
    before = fingerprint(cluster.archive_url, root=str(cluster.landing))
    started = time.monotonic()
    run_id = cluster.api.trigger(DAG, {"landing_path": str(cluster.landing), "batch_size": BATCH})
    assert cluster.api.wait_for_run(DAG, run_id, RUN_TIMEOUT) == "success"
    TIMINGS["second run"] = time.monotonic() - started
    report = cluster.api.xcom(DAG, run_id, "report")
    assert (report["files_seen"], report["dumps_loaded"]) == (0, 0), report
    mapped = [t for t in cluster.api.task_instances(DAG, run_id, "ingest") if t["map_index"] >= 0]
    assert mapped == []
    after = fingerprint(cluster.archive_url, root=str(cluster.landing))
    assert _without_runs(after) == _without_runs(before)
    assert after["ingest_runs"] == Counter({("success", "new", "manual"): 2})
    for name, seconds in TIMINGS.items():
        record_property(f"cluster_{name.replace(' ', '_')}_s", round(seconds, 1))
