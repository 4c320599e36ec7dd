"""docker-compose.yml and `make cluster` run the same Airflow: one settings file feeds both.

deploy/airflow.env is read by Compose (`env_file`) and by scripts/cluster.sh. This compares
what each deployment really hands its Airflow processes (Compose's env_file + environment;
the script's `env` command, which prints the environment its processes get) and allows a
difference only on the settings named below, each for its reason.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dags.test_compose import (
    AIRFLOW_SERVICES,
    COMPOSE,
    ENV_FILE,
    effective_env,
    read_env_file,
)

REPO = Path(__file__).resolve().parents[2]

# Set by both deployments, to values that differ by nature: where things are, and secrets.
HOST_SPECIFIC = {
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW__CELERY__RESULT_BACKEND",
    "AIRFLOW__CELERY__BROKER_URL",
    "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
    "AIRFLOW__API_AUTH__JWT_SECRET",
    "AIRFLOW_CONN_WIRE_ARCHIVE_DB",
    "WIRE_ARCHIVE_LANDING",
}
# Only the local cluster sets these: paths and ports on one machine, names that tell its
# components apart, and sizing for one small machine. Containers have their own defaults.
LOCAL_ONLY = {
    "AIRFLOW_HOME",
    "AIRFLOW__CORE__DAGS_FOLDER",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC",
    "AIRFLOW__API__HOST",
    "AIRFLOW__API__PORT",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT",
    "AIRFLOW__CORE__HOSTNAME_CALLABLE",
    "AIRFLOW__API__WORKERS",
    "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES",
    "WIRE_ARCHIVE_SETTLE_SECONDS",
}
# Only Compose sets these (secrets with an empty default).
COMPOSE_ONLY = {"AIRFLOW__CORE__FERNET_KEY"}
# What must never differ between the two, whatever else is added to the file later.
MUST_SHARE = {
    "AIRFLOW__CORE__EXECUTOR",
    "AIRFLOW__CORE__AUTH_MANAGER",
    "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS",
    "AIRFLOW__CORE__LOAD_EXAMPLES",
    "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION",
    "AIRFLOW__CORE__PARALLELISM",
    "AIRFLOW__CELERY__WORKER_CONCURRENCY",
    "AIRFLOW__OPERATORS__DEFAULT_QUEUE",
    "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK",
}


def _airflow_keys(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(("AIRFLOW", "WIRE_ARCHIVE_"))}


@pytest.fixture(scope="module")
def compose_envs() -> dict[str, dict[str, str]]:
    services: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())["services"]
    return {name: _airflow_keys(effective_env(services[name])) for name in AIRFLOW_SERVICES}


@pytest.fixture(scope="module")
def cluster_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What scripts/cluster.sh gives its processes, from a clean environment."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")}
    clean["WIRE_ARCHIVE_CLUSTER_DIR"] = str(tmp_path_factory.mktemp("cluster-env"))
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "cluster.sh"), "env"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    pairs = (line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    env = {key: value for key, value in pairs if not key.startswith("WIRE_ARCHIVE_CLUSTER_")}
    return _airflow_keys(env)


def test_the_shared_file_holds_the_settings_that_must_agree() -> None:
    shared = read_env_file(ENV_FILE)
    assert set(shared) >= MUST_SHARE, MUST_SHARE - set(shared)
    assert shared["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert not set(shared) & (HOST_SPECIFIC | LOCAL_ONLY), "host values do not belong here"


def test_every_airflow_service_reads_the_file_and_overrides_none_of_it() -> None:
    services: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())["services"]
    shared = read_env_file(ENV_FILE)
    for name in AIRFLOW_SERVICES:
        files = services[name].get("env_file")
        assert files in ("deploy/airflow.env", ["deploy/airflow.env"]), (name, files)
        overridden = set(shared) & set(services[name].get("environment", {}))
        assert not overridden, f"{name} overrides the shared settings {overridden}"


def test_compose_and_the_local_cluster_agree(
    compose_envs: dict[str, dict[str, str]], cluster_env: dict[str, str]
) -> None:
    shared = read_env_file(ENV_FILE)
    for key, value in shared.items():
        assert cluster_env.get(key) == value, f"cluster.sh: {key}={cluster_env.get(key)!r}"
    for name, compose_env in compose_envs.items():
        for key in HOST_SPECIFIC:
            assert key in compose_env and key in cluster_env, (name, key)
        differing = {
            key: (compose_env.get(key), cluster_env.get(key))
            for key in set(compose_env) | set(cluster_env)
            if compose_env.get(key) != cluster_env.get(key)
        }
        allowed = HOST_SPECIFIC | LOCAL_ONLY | COMPOSE_ONLY
        unexplained = {k: v for k, v in differing.items() if k not in allowed}
        assert not unexplained, f"{name} (compose, cluster): {unexplained}"
        for key in LOCAL_ONLY:
            assert key not in compose_env, f"{name} sets {key}: move it to {ENV_FILE.name}?"


def test_the_local_cluster_points_at_local_services(cluster_env: dict[str, str]) -> None:
    for key in HOST_SPECIFIC - {"AIRFLOW__API_AUTH__JWT_SECRET", "WIRE_ARCHIVE_LANDING"}:
        assert "127.0.0.1" in cluster_env[key], (key, cluster_env[key])
    assert cluster_env["AIRFLOW__API_AUTH__JWT_SECRET"] == "***", "secrets are never printed"
    assert cluster_env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql")
    metadata = cluster_env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].rsplit("/", 1)[1]
    archive = cluster_env["AIRFLOW_CONN_WIRE_ARCHIVE_DB"].rsplit("/", 1)[1]
    assert metadata != archive, "Airflow's metadata and the archive get a database each"
