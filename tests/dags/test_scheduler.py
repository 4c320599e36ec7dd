"""The DAGs under a real scheduler: `airflow standalone`, driven only through the REST API.

One Airflow for the whole module (the `airflow` fixture of tests/dags/conftest.py; starting
it costs half a minute on two cores).
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.request
from typing import Any

import pytest
import sqlalchemy as sa

from tests.dags.conftest import BROKEN_FILES, GOOD_FILES
from tests.dags.standalone import RUN_TIMEOUT, Airflow

pytestmark = pytest.mark.slow

EXTRA_DUMP = """ date 2026-03-07 Port strike in Rotterdam delays container ships



Rotterdam (AFP) March 7, 2026



Dock workers at Europe's largest port walked out for twenty-four hours on Saturday in a \
dispute over night-shift staffing, leaving dozens of container ships waiting at anchor.

Port authorities said perishable cargo would be unloaded first once the strike ends.

Related Links
"""


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
