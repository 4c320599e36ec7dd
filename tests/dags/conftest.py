"""A real, throwaway Airflow for the DAG tests: its own AIRFLOW_HOME, migrated once per session.

Airflow reads AIRFLOW_HOME when it is first imported, so nothing here imports airflow at
module level; the session fixture sets the environment first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
LANDING = Path(__file__).resolve().parent / "landing"
VENV_BIN = Path(sys.executable).parent

AMBIENT = ("WIRE_ARCHIVE_DATABASE_URL", "AIRFLOW_CONN_WIRE_ARCHIVE_DB", "WIRE_ARCHIVE_LANDING")
# The project's own test dumps: three good text dumps and two broken files.
GOOD_FILES = 3
BROKEN_FILES = 2


def airflow_base_env(home: Path) -> dict[str, str]:
    """Settings every test Airflow shares: our DAGs only, SQLite metadata, two cores."""
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__PARALLELISM": "2",
        "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": "2",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(home / "logs"),
        "AIRFLOW__CORE__LAZY_LOAD_PLUGINS": "True",
        "WIRE_ARCHIVE_RETRY_DELAY_SECONDS": "1",
        "WIRE_ARCHIVE_SETTLE_SECONDS": "0",  # test landing files are fresh copies
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A migrated Airflow metadata database that this test process uses in-process."""
    home = tmp_path_factory.mktemp("airflow_home")
    env = airflow_base_env(home)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    done = subprocess.run(
        [str(VENV_BIN / "airflow"), "db", "migrate"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def _no_ambient_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each DAG test says which archive and landing zone it uses; none leaks in from outside."""
    for name in AMBIENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIRE_ARCHIVE_SETTLE_SECONDS", "0")  # files copied just now count


@pytest.fixture(scope="module")
def airflow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One `airflow standalone` per test module that asks for it (tests/dags/standalone.py).

    Manual runs read a private copy of the test landing zone; the nightly run, which the
    scheduler starts as soon as the DAG is unpaused, reads an empty folder."""
    from tests.conftest import throwaway_pg_database
    from tests.dags.standalone import standalone

    home = tmp_path_factory.mktemp("standalone")
    landing = home / "landing"
    shutil.copytree(LANDING, landing)
    nightly_landing = home / "nightly-landing"
    nightly_landing.mkdir()
    with (
        throwaway_pg_database("wa_airflow") as metadata_url,
        standalone(home, metadata_url, landing, nightly_landing) as server,
    ):
        yield server


@pytest.fixture(scope="session")
def dagbag(airflow_home: Path) -> Any:
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """A private copy of the test landing zone, so a test may add or break files."""
    target = tmp_path / "landing"
    shutil.copytree(LANDING, target)
    return target


@dataclass
class DagResult:
    """What a finished run looked like: its state, each task's state, the report's value
    and the report's one-line outcome (its label in the UI's task list)."""

    run_id: str
    state: str
    task_states: dict[str, list[str]]
    map_labels: list[str]
    tries: dict[str, int]
    report: dict[str, Any] | None
    # Bytes each task instance's XComs take in Airflow's metadata database: (task, map index).
    xcom_bytes: dict[tuple[str, int], int]
    outcome: str | None = None


def run_dag(
    dagbag: Any,
    conf: dict[str, Any],
    dag_id: str = "wire_archive",
    result_task: str = "report",
) -> DagResult:
    """dag.test() for real: the scheduler's dependency loop, tasks run in this process."""
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    # A fresh parse per run: in-process task runs write the run's conf into dag.params,
    # which would leak one run's parameters into the next (in production each task is a
    # new process, so this only concerns dag.test()).
    dag = DagBag(dag_folder=str(DAGS)).get_dag(dag_id)
    dag_run = dag.test(run_conf=conf)
    with create_session() as session:
        tis = dag_run.get_task_instances(session=session)
        states: dict[str, list[str]] = {}
        tries: dict[str, int] = {}
        labels: list[str] = []
        outcome = None
        for ti in sorted(tis, key=lambda t: (t.task_id, t.map_index)):
            states.setdefault(ti.task_id, []).append(str(ti.state))
            tries[ti.task_id] = max(tries.get(ti.task_id, 0), ti.try_number)
            if ti.task_id == "ingest" and ti.map_index >= 0:
                labels.append(str(ti.rendered_map_index))
            if ti.task_id == "report":
                outcome = ti.rendered_map_index
        row = session.execute(
            XComModel.get_many(
                run_id=dag_run.run_id, dag_ids=dag_id, task_ids=result_task, key="return_value"
            )
        ).first()
        report = XComModel.deserialize_value(row[0]) if row else None
        sizes = xcom_bytes(session, dag_run.run_id, dag_id)
    return DagResult(
        dag_run.run_id, str(dag_run.state), states, labels, tries, report, sizes, outcome
    )


def xcom_bytes(session: Any, run_id: str, dag_id: str) -> dict[tuple[str, int], int]:
    """The stored size of every XCom of a DAG run (all keys of a task instance added up),
    read from the xcom table of the throwaway Airflow: its value column as text."""
    import sqlalchemy as sa
    from airflow.models.xcom import XComModel

    stored = sa.func.length(sa.cast(XComModel.value, sa.Text))
    rows = session.execute(
        sa.select(XComModel.task_id, XComModel.map_index, sa.func.sum(stored))
        .where(XComModel.run_id == run_id, XComModel.dag_id == dag_id)
        .group_by(XComModel.task_id, XComModel.map_index)
    )
    return {(str(task), int(index)): int(size or 0) for task, index, size in rows}
