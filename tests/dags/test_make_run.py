"""`make run`'s script end to end: a throwaway Airflow home, the real DAG, our summary on stdout."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import throwaway_pg_database
from tests.dags.conftest import AMBIENT, BROKEN_FILES, GOOD_FILES, REPO

pytestmark = pytest.mark.slow


def _cell(table: str, name: str) -> int:
    """The value in a summary table row `│ name │ value │`."""
    found = re.search(rf"│ {name}\s+│\s+(\d+) │", table)
    assert found, table
    return int(found.group(1))


def _make_run(env: dict[str, str]) -> str:
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "make_run.sh")],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def test_make_run_loads_then_says_nothing_new(tmp_path: Path, landing: Path) -> None:
    log = tmp_path / "make_run.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW") and k not in AMBIENT}
    env.update(
        {
            "AIRFLOW_HOME": str(tmp_path / "airflow"),
            "WIRE_ARCHIVE_DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite'}",
            "WIRE_ARCHIVE_LANDING": str(landing),
            "WIRE_ARCHIVE_RUN_LOG": str(log),
        }
    )
    first = _make_run(env)
    assert ": success in " in first
    assert _cell(first, "dumps_loaded") == GOOD_FILES
    assert _cell(first, "rejected") == BROKEN_FILES
    assert "wire-archive sql --file busiest_days" in first
    assert "2026-03-04" in first  # the example query shows the loaded stories' dates
    assert "Nothing new" not in first
    assert "[DAG TEST]" not in first and "[DAG TEST]" in log.read_text()  # noise goes to the log

    second = _make_run(env)
    assert "Nothing new" in second
    assert _cell(second, "dumps_loaded") == 0


def test_make_run_on_postgresql_never_prints_the_password(tmp_path: Path, landing: Path) -> None:
    secret = "Sekr1t-" + os.urandom(4).hex()
    log = tmp_path / "make_run.log"
    with throwaway_pg_database() as url:
        # Trust auth accepts any password: the run works, and the password must not show.
        with_password = url.replace("://postgres@", f"://postgres:{secret}@", 1)
        assert secret in with_password
        env = {
            k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW") and k not in AMBIENT
        }
        env.update(
            {
                "AIRFLOW_HOME": str(tmp_path / "airflow"),
                "WIRE_ARCHIVE_DATABASE_URL": with_password,
                "WIRE_ARCHIVE_LANDING": str(landing),
                "WIRE_ARCHIVE_RUN_LOG": str(log),
            }
        )
        out = _make_run(env)
    assert _cell(out, "dumps_loaded") == GOOD_FILES
    assert "postgres:***@127.0.0.1" in out
    assert secret not in out
    assert secret not in log.read_text()
    task_logs = "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*.log"))
    assert "ingest run" in task_logs and secret not in task_logs
