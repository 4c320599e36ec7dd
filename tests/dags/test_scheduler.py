"""The DAGs under a real scheduler: `airflow standalone`, driven only through the REST API.

One Airflow for the whole module (starting it costs half a minute on two cores). Its metadata
lives in a throwaway PostgreSQL database, as in production: on SQLite the API refuses a
backfill whenever the scheduler holds the database ("Database is locked"). Every wait is
bounded, and the whole process group is stopped at the end, pass or fail.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.airflow_api import RUN_TIMEOUT, AirflowApi, free_port, wait_for_token
from tests.conftest import throwaway_pg_database
from tests.dags.conftest import BROKEN_FILES, GOOD_FILES, LANDING, VENV_BIN, airflow_base_env

pytestmark = pytest.mark.slow

USER, PASSWORD = "tester", "wire-archive-test-" + secrets.token_hex(4)
START_TIMEOUT = 240
EXTRA_DUMP = """ date 2026-03-07 Port strike in Rotterdam delays container ships



Rotterdam (AFP) March 7, 2026



Dock workers at Europe's largest port walked out for twenty-four hours on Saturday in a \
dispute over night-shift staffing, leaving dozens of container ships waiting at anchor.

Port authorities said perishable cargo would be unloaded first once the strike ends.

Related Links
"""


@dataclass
class Airflow(AirflowApi):
    """The standalone Airflow of this module, with the archive and landing zone it uses."""

    archive_url: str = ""
    landing: Path = Path()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the whole group, then SIGKILL after a bounded wait."""
    for sig, wait in ((signal.SIGINT, 30), (signal.SIGTERM, 15), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; children may linger a moment.
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.5)


@pytest.fixture(scope="module")
def airflow_metadata_url() -> Iterator[str]:
    with throwaway_pg_database("wa_airflow") as url:
        yield url


@pytest.fixture(scope="module")
def airflow(
    tmp_path_factory: pytest.TempPathFactory, airflow_metadata_url: str
) -> Iterator[Airflow]:
    home = tmp_path_factory.mktemp("standalone")
    port = free_port()
    landing = home / "landing"
    shutil.copytree(LANDING, landing)
    nightly_landing = home / "nightly-landing"  # what an unattended run reads: empty
    nightly_landing.mkdir()
    passwords = home / "passwords.json"
    passwords.write_text(json.dumps({USER: PASSWORD}))
    archive_url = f"sqlite:///{home / 'archive.sqlite'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "WIRE_ARCHIVE"))}
    env.update(airflow_base_env(home))
    env.update(
        {
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": airflow_metadata_url,
            # psycopg 3 serves SQLAlchemy's async engine too; Airflow would guess asyncpg.
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": airflow_metadata_url,
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{USER}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            "WIRE_ARCHIVE_DATABASE_URL": archive_url,
            "WIRE_ARCHIVE_LANDING": str(nightly_landing),
            "WIRE_ARCHIVE_RETRY_DELAY_SECONDS": "2",
        }
    )
    log = home / "standalone.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(VENV_BIN / "airflow"), "standalone"],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        token = wait_for_token(
            base, USER, PASSWORD, START_TIMEOUT, lambda: proc.poll() is None, log
        )
        server = Airflow(base, token, log, archive_url=archive_url, landing=landing)
        left = START_TIMEOUT - (time.monotonic() - started)
        server.wait_for_dags(("wire_archive", "wire_archive_refresh"), left)
        for dag_id in ("wire_archive", "wire_archive_refresh"):
            server.unpause(dag_id)
        yield server
    finally:
        _stop(proc)


def _counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in ("dumps", "stories", "rejects", "landing_files")
            }
    finally:
        engine.dispose()


def test_bad_conf_is_refused_by_the_api(airflow: Airflow) -> None:
    before = len(airflow.runs("wire_archive", run_type="manual"))
    for bad in ({"batch_size": 0}, {"mode": "all"}, {"since": "not-a-date"}):
        status, body = airflow.call(
            "POST", "/api/v2/dags/wire_archive/dagRuns", {"logical_date": None, "conf": bad}
        )
        assert status in (400, 422), (bad, status, body)
    assert len(airflow.runs("wire_archive", run_type="manual")) == before


def test_triggered_run_loads_the_landing_zone_and_refreshes(airflow: Airflow) -> None:
    conf = {"landing_path": str(airflow.landing), "batch_size": 2}
    status, run = airflow.call(
        "POST", "/api/v2/dags/wire_archive/dagRuns", {"logical_date": None, "conf": conf}
    )
    assert status == 200, run
    assert airflow.wait_for_run("wire_archive", run["dag_run_id"]) == "success"
    counts = _counts(airflow.archive_url)
    assert counts["dumps"] == GOOD_FILES and counts["rejects"] == BROKEN_FILES

    status, tis = airflow.call(
        "GET",
        f"/api/v2/dags/wire_archive/dagRuns/{urllib.request.quote(run['dag_run_id'], safe='')}"
        "/taskInstances?task_id=ingest",
    )
    assert status == 200, tis
    labels = sorted(ti["rendered_map_index"] for ti in tis["task_instances"])
    assert labels == ["batch 1 of 3", "batch 2 of 3", "batch 3 of 3"]

    # The load's asset event schedules the refresh DAG.
    deadline = time.monotonic() + RUN_TIMEOUT
    refreshed: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        refreshed = [
            r for r in airflow.runs("wire_archive_refresh") if r["state"] in ("success", "failed")
        ]
        if refreshed:
            break
        time.sleep(2)
    assert refreshed and refreshed[0]["state"] == "success", refreshed
    assert refreshed[0]["run_type"] == "asset_triggered"


def test_backfill_over_three_nights_duplicates_nothing(airflow: Airflow) -> None:
    (airflow.landing / "afp-2026-03-07-rotterdam.txt").write_text(EXTRA_DUMP)
    before = _counts(airflow.archive_url)
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    body = {
        "dag_id": "wire_archive",
        "from_date": (today - dt.timedelta(days=4)).isoformat(),
        "to_date": (today - dt.timedelta(days=1)).isoformat(),
        "dag_run_conf": {"landing_path": str(airflow.landing)},
        "max_active_runs": 1,
    }
    status, backfill = airflow.call("POST", "/api/v2/backfills", body)
    assert status == 200, backfill
    deadline = time.monotonic() + 3 * RUN_TIMEOUT
    runs: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        runs = airflow.runs("wire_archive", run_type="backfill")
        if len(runs) == 3 and all(r["state"] in ("success", "failed") for r in runs):
            break
        time.sleep(3)
    assert [r["state"] for r in runs] == ["success"] * 3, (runs, airflow.log)

    after = _counts(airflow.archive_url)
    assert after["dumps"] == before["dumps"] + 1  # the new file, once, not three times
    assert after["rejects"] == before["rejects"]
    engine = sa.create_engine(airflow.archive_url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT dumps_loaded, status FROM ingest_runs WHERE trigger = 'backfill' "
                "ORDER BY id"
            )
        ).all()
    engine.dispose()
    assert len(rows) == 3 and {status for _, status in rows} == {"success"}
    assert sorted(loaded for loaded, _ in rows) == [0, 0, 1]
