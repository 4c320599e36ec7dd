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
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.dags.conftest import VENV_BIN, airflow_base_env

START_TIMEOUT = 240
RUN_TIMEOUT = 300
DAG_IDS = ("wire_archive", "wire_archive_refresh")


@dataclass
class Airflow:
    """A running standalone Airflow: where it listens, who may log in, where it logs."""

    base: str
    token: str
    user: str
    password: str
    archive_url: str
    landing: Path
    log: Path

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def run_path(self, dag_id: str, run_id: str) -> str:
        return f"/api/v2/dags/{dag_id}/dagRuns/{urllib.request.quote(run_id, safe='')}"

    def wait_for_run(self, dag_id: str, run_id: str) -> str:
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline:
            status, run = self.call("GET", self.run_path(dag_id, run_id))
            assert status == 200, run
            if run["state"] in ("success", "failed"):
                return str(run["state"])
            time.sleep(2)
        pytest.fail(f"{dag_id} run {run_id} not finished in {RUN_TIMEOUT}s; log: {self.log}")

    def runs(self, dag_id: str, **query: str) -> list[dict[str, Any]]:
        qs = "&".join(f"{k}={v}" for k, v in query.items())
        status, body = self.call("GET", f"/api/v2/dags/{dag_id}/dagRuns?limit=100&{qs}")
        assert status == 200, body
        return list(body["dag_runs"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _post_json(url: str, body: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
        return getattr(err, "code", 0), str(err)


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
        token = ""
        deadline = time.monotonic() + START_TIMEOUT
        while not token and time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()[-3000:]
            login = {"username": user, "password": password}
            status, body = _post_json(f"{base}/auth/token", login)
            if status in (200, 201):
                token = body["access_token"]
            else:
                time.sleep(2)
        assert token, f"no API token within {START_TIMEOUT}s: {log.read_text()[-3000:]}"
        server = Airflow(base, token, user, password, archive_url, landing, log)
        while time.monotonic() < deadline:
            if all(server.call("GET", f"/api/v2/dags/{d}")[0] == 200 for d in DAG_IDS):
                break
            time.sleep(2)
        else:
            pytest.fail(f"DAGs not parsed within {START_TIMEOUT}s: {log.read_text()[-3000:]}")
        for dag_id in DAG_IDS:
            status, body = server.call("PATCH", f"/api/v2/dags/{dag_id}", {"is_paused": False})
            assert status == 200, body
        yield server
    finally:
        _stop(proc)
