"""`airflow standalone` for the end-to-end tests, driven through its REST API.

One process group per Airflow: the whole group is stopped at the end, pass or fail. Its
metadata lives in a throwaway PostgreSQL database, as in production: on SQLite the API
refuses a backfill whenever the scheduler holds the database ("Database is locked").
Every wait is bounded.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.airflow_api import RUN_TIMEOUT, AirflowApi, free_port, quote, wait_for_token
from tests.dags.conftest import VENV_BIN, airflow_base_env

START_TIMEOUT = 240
DAG_IDS = ("wire_archive", "wire_archive_refresh")
__all__ = ["RUN_TIMEOUT", "Airflow", "free_port", "standalone"]


@dataclass
class Airflow(AirflowApi):
    """A running standalone Airflow: who may log in, its archive and landing zone."""

    user: str
    password: str
    archive_url: str
    landing: Path

    def run_path(self, dag_id: str, run_id: str) -> str:
        return f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id)}"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGINT, then SIGTERM, then SIGKILL to the whole group, each with a bounded wait."""
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


@contextmanager
def standalone(
    home: Path, metadata_url: str, landing: Path, nightly_landing: Path
) -> Iterator[Airflow]:
    """Start `airflow standalone` in `home`, wait for both DAGs, unpause them, yield it.

    Unpausing lets the scheduler create the latest nightly run at once, as `make airflow`
    does; that run reads `nightly_landing`. Manual runs pass `landing` in their conf."""
    port = free_port()
    user, password = "tester", "wire-archive-test-" + secrets.token_hex(4)
    passwords = home / "passwords.json"
    passwords.write_text(json.dumps({user: password}))
    archive_url = f"sqlite:///{home / 'archive.sqlite'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "WIRE_ARCHIVE"))}
    env.update(airflow_base_env(home))
    env.update(
        {
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_url,
            # psycopg 3 serves SQLAlchemy's async engine too; Airflow would guess asyncpg.
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": metadata_url,
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{user}:admin",
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
        alive = lambda: proc.poll() is None  # noqa: E731
        token = wait_for_token(base, user, password, START_TIMEOUT, alive, log)
        server = Airflow(base, token, log, user, password, archive_url, landing)
        server.wait_for_dags(DAG_IDS, START_TIMEOUT - (time.monotonic() - started))
        for dag_id in DAG_IDS:
            server.unpause(dag_id)
        yield server
    finally:
        _stop(proc)
