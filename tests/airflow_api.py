"""A real Airflow driven the way a user would: over its REST API, every wait bounded.

Shared by the tests that start Airflow as separate processes (tests/dags/test_scheduler.py:
`airflow standalone`; tests/cluster/: the Celery cluster of scripts/cluster.sh).
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

RUN_TIMEOUT = 300


def free_port() -> int:
    """A port nobody listens on right now (tests never use a fixed 8080)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post_json(url: str, body: dict[str, str]) -> tuple[int, Any]:
    """POST without a token; a server that is not up yet is status 0, not an exception."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
        return getattr(err, "code", 0), str(err)


def quote(run_id: str) -> str:
    return urllib.request.quote(run_id, safe="")


def tail(path: Path, chars: int = 3000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else f"({path}: no file)"


def wait_for_token(
    base: str, user: str, password: str, timeout: float, alive: Callable[[], bool], log: Path
) -> str:
    """An API token as soon as the API server answers; fails at once if Airflow died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            pytest.fail(f"Airflow exited before its API answered; {log}:\n{tail(log)}")
        status, body = post_json(f"{base}/auth/token", {"username": user, "password": password})
        if status in (200, 201):
            return str(body["access_token"])
        time.sleep(2)
    pytest.fail(f"no API token from {base} within {timeout:.0f}s; {log}:\n{tail(log)}")


@dataclass
class AirflowApi:
    """An authenticated client of one Airflow API server; `log` is named in failures."""

    base: str
    token: str
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

    def get(self, path: str) -> Any:
        status, body = self.call("GET", path)
        assert status == 200, (path, status, body)
        return body

    def wait_for_dags(self, dag_ids: tuple[str, ...], timeout: float) -> None:
        """Until the DAG processor has parsed every one of `dag_ids`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(self.call("GET", f"/api/v2/dags/{d}")[0] == 200 for d in dag_ids):
                return
            time.sleep(2)
        pytest.fail(f"DAGs {dag_ids} not parsed within {timeout:.0f}s; log: {self.log}")

    def unpause(self, dag_id: str) -> None:
        status, body = self.call("PATCH", f"/api/v2/dags/{dag_id}", {"is_paused": False})
        assert status == 200, body

    def trigger(self, dag_id: str, conf: dict[str, Any]) -> str:
        status, run = self.call(
            "POST", f"/api/v2/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": conf}
        )
        assert status == 200, run
        return str(run["dag_run_id"])

    def run_state(self, dag_id: str, run_id: str) -> str:
        return str(self.get(f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id)}")["state"])

    def wait_for_run(self, dag_id: str, run_id: str, timeout: float = RUN_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.run_state(dag_id, run_id)
            if state in ("success", "failed"):
                return state
            time.sleep(2)
        pytest.fail(f"{dag_id} run {run_id} not finished in {timeout:.0f}s; log: {self.log}")

    def runs(self, dag_id: str, **query: str) -> list[dict[str, Any]]:
        qs = "&".join(f"{k}={v}" for k, v in query.items())
        return list(self.get(f"/api/v2/dags/{dag_id}/dagRuns?limit=100&{qs}")["dag_runs"])

    def task_instances(self, dag_id: str, run_id: str, task_id: str) -> list[dict[str, Any]]:
        path = f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id)}/taskInstances"
        return list(self.get(f"{path}?task_id={task_id}&limit=1000")["task_instances"])

    def tries(self, dag_id: str, run_id: str, task_id: str, map_index: int) -> list[dict]:
        path = f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id)}/taskInstances/{task_id}"
        return list(self.get(f"{path}/{map_index}/tries")["task_instances"])

    def xcom(self, dag_id: str, run_id: str, task_id: str, key: str = "return_value") -> Any:
        path = f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id)}/taskInstances/{task_id}"
        return self.get(f"{path}/xcomEntries/{key}?deserialize=true")["value"]
