"""docker-compose.yml, checked offline: valid Compose, and in agreement with the DAG code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dags.conftest import REPO

COMPOSE = REPO / "docker-compose.yml"
ENV_FILE = REPO / "deploy" / "airflow.env"  # the settings compose and `make cluster` share
ENV_LINE = re.compile(r"^([A-Z][A-Z0-9_]*)=([^\s'\"$#]*)$")
AIRFLOW_SERVICES = {
    "airflow-init",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
}


def _interpolate(value: str) -> str:
    """Compose's ${VAR:-default} with an empty environment: the defaults."""
    return re.sub(r"\$\{[A-Z0-9_]+:-([^}]*)\}", r"\1", value)


def read_env_file(path: Path = ENV_FILE) -> dict[str, str]:
    """KEY=VALUE lines in the plain form both Compose and scripts/cluster.sh read literally
    (no quotes, spaces or $, so neither reader can see another value); anything else fails."""
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        match = ENV_LINE.match(line)
        assert match, f"{path.name}:{number}: not a plain KEY=VALUE line: {line!r}"
        assert match.group(1) not in values, f"{path.name}:{number}: {match.group(1)} twice"
        values[match.group(1)] = match.group(2)
    return values


def effective_env(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as Compose builds it: env_file(s), then `environment` wins."""
    files = service.get("env_file", [])
    env: dict[str, str] = {}
    for name in [files] if isinstance(files, str) else files:
        env.update(read_env_file(REPO / name))
    env.update({k: _interpolate(str(v)) for k, v in service.get("environment", {}).items()})
    return env


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_matches_the_compose_specification() -> None:
    tool = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(tool), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_services_and_volumes_are_complete(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert AIRFLOW_SERVICES | {"airflow-db", "archive-db", "redis"} <= set(services)
    declared = set(compose["volumes"])
    for name, service in services.items():
        for dep in service.get("depends_on", {}):
            assert dep in services, (name, dep)
        for mount in service.get("volumes", []):
            source = _interpolate(mount).split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in declared, (name, source)
    commands = {name: services[name]["command"] for name in AIRFLOW_SERVICES}
    assert commands["airflow-worker"] == "celery worker"
    assert commands["airflow-apiserver"] == "api-server"
    assert commands["airflow-dag-processor"] == "dag-processor"


def test_airflow_services_share_the_image_executor_connection_and_landing(
    compose: dict[str, Any], dagbag: Any
) -> None:
    from _common import CONN_ID, LANDING_ENV, _url_from_connection
    from airflow.sdk import Connection

    services = compose["services"]
    archive_env = services["archive-db"]["environment"]
    for name in AIRFLOW_SERVICES:
        service = services[name]
        assert (REPO / service["build"]["context"] / service["build"]["dockerfile"]).is_file()
        env = effective_env(service)
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")
        assert "@airflow-db:" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]

        uri = env[f"AIRFLOW_CONN_{CONN_ID.upper()}"]
        url = _url_from_connection(Connection.from_uri(uri, conn_id=CONN_ID))
        user = _interpolate(archive_env["POSTGRES_USER"])
        password = _interpolate(archive_env["POSTGRES_PASSWORD"])
        db = _interpolate(archive_env["POSTGRES_DB"])
        assert url == f"postgresql+psycopg://{user}:{password}@archive-db:5432/{db}"

        targets = {_interpolate(m).split(":")[1] for m in service["volumes"]}
        assert env[LANDING_ENV] in targets
        assert "/opt/airflow/dags" in targets


def test_dockerfile_extends_the_installed_airflow_release() -> None:
    import airflow

    dockerfile = (REPO / "Dockerfile").read_text()
    base = re.search(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
    assert base is not None
    assert base.group(1) == f"apache/airflow:{airflow.__version__}-python3.11"
    ignored = (REPO / ".dockerignore").read_text().split()
    assert ".venv" in ignored and "var" in ignored
