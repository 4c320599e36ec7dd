"""The DAG files load, follow Airflow's rules, and declare what issue #4 asks for."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.dags.conftest import DAGS, REPO


def test_dagbag_has_both_dags_and_no_import_errors(dagbag: Any) -> None:
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == {"wire_archive", "wire_archive_refresh"}


def test_ruff_airflow_rules_pass() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run(
        [str(ruff), "check", "--select", "AIR", str(DAGS)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_nightly_schedule_and_retries(dagbag: Any) -> None:
    dag = dagbag.get_dag("wire_archive")
    assert dag.timetable.expression == "0 2 * * *"
    assert str(dag.timetable.timezone) == "UTC"
    assert dag.catchup is False
    assert dag.start_date == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert dag.max_active_runs == 1
    for task in dag.tasks:
        assert task.retries >= 1, task.task_id
        assert task.retry_delay.total_seconds() > 0, task.task_id
    for name in ("landing_path", "mode", "since", "until", "batch_size", "dry_run"):
        assert f"`{name}`" in dag.doc_md
    for task in dag.tasks:  # the docs list every task, by its number in the list
        assert re.search(rf"^\d+\. `{task.task_id}`:", dag.doc_md, re.MULTILINE), task.task_id
    assert "form below" not in dag.doc_md  # the docs open in a modal, with nothing below


def test_ingest_is_mapped_with_labels_and_a_cap(dagbag: Any) -> None:
    ingest = dagbag.get_dag("wire_archive").get_task("ingest")
    assert ingest.map_index_template == "{{ batch_label }}"
    assert ingest.max_active_tis_per_dagrun == 2


def test_publish_emits_the_archive_asset_that_refresh_follows(dagbag: Any) -> None:
    from _common import ARCHIVE_ASSET

    publish = dagbag.get_dag("wire_archive").get_task("publish")
    assert ARCHIVE_ASSET in publish.outlets
    refresh = dagbag.get_dag("wire_archive_refresh")
    assert ARCHIVE_ASSET in refresh.timetable.asset_condition.objects


def test_every_param_is_described_for_the_trigger_form(dagbag: Any) -> None:
    params = dagbag.get_dag("wire_archive").params
    for name in params:
        schema = params.get_param(name).schema
        assert schema.get("title"), name
        assert params.get_param(name).description, name
    assert params.get_param("mode").schema["enum"] == ["new", "reprocess"]
    assert params.get_param("since").schema["format"] == "date"
    assert params.validate()["mode"] == "new"


@pytest.mark.parametrize(
    "bad",
    [
        {"mode": "everything"},
        {"batch_size": 0},
        {"batch_size": 10**7},
        {"batch_size": "ten"},
        {"since": "2026-13-45"},
        {"until": "yesterday"},
        {"dry_run": "yes"},
        {"landing_path": ""},
    ],
)
def test_bad_trigger_values_are_refused_by_the_param_schema(dagbag: Any, bad: dict) -> None:
    from airflow.sdk.exceptions import ParamValidationError

    params = copy.deepcopy(dagbag.get_dag("wire_archive").params)
    with pytest.raises(ParamValidationError):
        params.update(bad)
        params.validate()


def test_good_trigger_values_pass(dagbag: Any) -> None:
    params = copy.deepcopy(dagbag.get_dag("wire_archive").params)
    params.update(
        {"mode": "reprocess", "since": "2026-03-01", "until": "2026-03-31", "batch_size": 50}
    )
    resolved = params.validate()
    assert resolved["since"] == "2026-03-01" and resolved["batch_size"] == 50


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        (
            "postgresql://wire:p%40ss@archive-db:5432/wire_archive",
            "postgresql+psycopg://wire:p%40ss@archive-db:5432/wire_archive",
        ),
        ("postgres://u@db/arch", "postgresql+psycopg://u@db/arch"),
        ("sqlite:///%2Fsrv%2Farchive.sqlite", "sqlite:////srv/archive.sqlite"),
    ],
)
def test_connection_becomes_a_sqlalchemy_url(dagbag: Any, uri: str, expected: str) -> None:
    from _common import _url_from_connection
    from airflow.sdk import Connection

    assert _url_from_connection(Connection.from_uri(uri, conn_id="wire_archive_db")) == expected


def test_dag_files_do_no_io_at_import(tmp_path: Path, airflow_home: Path) -> None:
    """Parsing must not create the archive or read the landing zone."""
    archive = tmp_path / "never" / "archive.sqlite"
    code = (
        "from airflow.dag_processing.dagbag import DagBag;"
        f"b = DagBag(dag_folder={str(DAGS)!r});"
        "assert not b.import_errors, b.import_errors"
    )
    env = {
        "WIRE_ARCHIVE_DATABASE_URL": f"sqlite:///{archive}",
        "WIRE_ARCHIVE_LANDING": str(tmp_path / "nowhere"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert not archive.parent.exists()
    assert not (tmp_path / "nowhere").exists()


def test_run_types_map_to_archive_triggers(dagbag: Any) -> None:
    from _common import trigger_of
    from airflow.sdk.api.datamodels._generated import DagRunType

    assert trigger_of(DagRunType.SCHEDULED) == "schedule"
    assert trigger_of(DagRunType.BACKFILL) == "backfill"
    assert trigger_of(DagRunType.ASSET_TRIGGERED) == "schedule"
    assert trigger_of(DagRunType.MANUAL) == "manual"
    assert trigger_of("backfill") == "backfill"
