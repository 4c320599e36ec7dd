"""Mistakes no retry can mend fail the `wire_archive` run on the first try, with dag.test()."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.dags.conftest import run_dag

pytestmark = pytest.mark.slow


def _tries(run_id: str, task_id: str) -> tuple[list[int], int]:
    """The task's try numbers, and how many earlier tries Airflow archived (retries)."""
    from airflow.models.taskinstance import TaskInstance
    from airflow.models.taskinstancehistory import TaskInstanceHistory
    from airflow.utils.session import create_session

    with create_session() as session:
        tries = session.scalars(
            sa.select(TaskInstance.try_number).where(
                TaskInstance.run_id == run_id, TaskInstance.task_id == task_id
            )
        ).all()
        earlier = session.scalar(
            sa.select(sa.func.count()).where(
                TaskInstanceHistory.run_id == run_id, TaskInstanceHistory.task_id == task_id
            )
        )
    return list(tries), int(earlier or 0)


def _runs(url: str) -> list[tuple[str, str | None]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [
                (str(r[0]), r[1])
                for r in conn.execute(sa.text("SELECT status, detail FROM ingest_runs ORDER BY id"))
            ]
    finally:
        engine.dispose()


def test_missing_landing_path_fails_on_the_first_try(
    dagbag: Any, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    missing = tmp_path / "no-such-landing"  # a mistyped path

    result = run_dag(dagbag, {"landing_path": str(missing)})
    assert result.state == "failed"
    assert result.task_states["discover"] == ["failed"]
    assert _tries(result.run_id, "discover") == ([1], 0)  # no up_for_retry, no second try
    assert result.task_states["ingest"] == ["upstream_failed"]
    assert result.task_states["mark_failed"] == ["success"]
    assert [status for status, _ in _runs(sqlite_url)] == ["failed"]


def test_landing_path_that_is_no_folder_or_file_fails_on_the_first_try(
    dagbag: Any, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A named pipe (or a device) is neither read nor retried: reading it could block."""
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    pipe = tmp_path / "landing.fifo"
    os.mkfifo(pipe)
    result = run_dag(dagbag, {"landing_path": str(pipe)})
    assert result.state == "failed"
    assert result.task_states["discover"] == ["failed"]
    assert _tries(result.run_id, "discover") == ([1], 0)
