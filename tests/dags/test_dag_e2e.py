"""The real `wire_archive` DAG, run with dag.test() against real SQLite and PostgreSQL archives.

Each run costs seconds, so each test walks through several runs on one archive.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.dags.conftest import BROKEN_FILES, GOOD_FILES, run_dag

pytestmark = pytest.mark.slow


def _counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            names = ("dumps", "stories", "story_versions", "appearances", "rejects", "ingest_runs")
            existing = set(sa.inspect(conn).get_table_names())
            return {
                name: conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar_one()
                if name in existing
                else 0
                for name in names
            }
    finally:
        engine.dispose()


def _runs(url: str) -> list[dict[str, Any]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT * FROM ingest_runs ORDER BY id")).mappings()
            return [dict(r) for r in rows]
    finally:
        engine.dispose()


def _plan_rows(url: str) -> tuple[int, int]:
    """(run_plans, run_manifest) rows."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(  # type: ignore[return-value]
                conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in ("run_plans", "run_manifest")
            )
    finally:
        engine.dispose()


XCOM_LIMIT = 64 * 1024


def test_every_xcom_of_a_real_run_is_small(
    dagbag: Any, sqlite_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read back from Airflow's own xcom table: no task pushes a file list any more. The
    plan pushes batch numbers only, each mapped task its batch's counts."""
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    result = run_dag(dagbag, {"landing_path": str(landing), "batch_size": 1})
    assert result.state == "success", result.task_states
    sizes = result.xcom_bytes
    print(f"\nXCom bytes per task instance: {sorted(sizes.items())}")
    pushed = {task for task, _ in sizes}
    assert {"open_run", "discover", "plan", "ingest", "report"} <= pushed, sizes
    assert len([1 for task, _ in sizes if task == "ingest"]) == GOOD_FILES + BROKEN_FILES
    assert max(sizes.values()) <= XCOM_LIMIT, sizes
    # No task's XCom names a landing file: the paths stay in the archive's manifest.
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    with create_session() as session:
        text = " ".join(
            str(v)
            for (v,) in session.execute(
                sa.select(sa.cast(XComModel.value, sa.Text)).where(
                    XComModel.run_id == result.run_id
                )
            )
        )
    assert str(landing) not in text and ".txt" not in text


def test_sqlite_dry_run_then_load_then_nothing_new(
    dagbag: Any, sqlite_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    conf = {"landing_path": str(landing), "batch_size": 2}

    dry = run_dag(dagbag, {**conf, "dry_run": True})
    assert dry.state == "success", dry.task_states
    assert dry.report is not None and dry.report["dry_run"] is True
    assert dry.report["dumps_loaded"] == GOOD_FILES
    assert dry.report["rejected"] == BROKEN_FILES
    assert dry.task_states["publish"] == ["skipped"]
    assert dry.outcome == (
        f"dry run, nothing written: {GOOD_FILES} loaded, {dry.report['stories_new']} new "
        f"stories, {BROKEN_FILES} rejected"
    )
    assert _counts(sqlite_url) == dict.fromkeys(_counts(sqlite_url), 0), "dry run wrote rows"
    assert dry.map_labels == ["batch 1 of 3", "batch 2 of 3", "batch 3 of 3"]

    first = run_dag(dagbag, conf)
    assert first.state == "success", first.task_states
    assert first.map_labels == ["batch 1 of 3", "batch 2 of 3", "batch 3 of 3"]
    assert _plan_rows(sqlite_url) == (0, 0), "a finished run keeps no manifest"
    report = first.report
    assert report is not None
    assert report["files_seen"] == GOOD_FILES + BROKEN_FILES
    assert report["dumps_loaded"] == GOOD_FILES and report["rejected"] == BROKEN_FILES
    parts = report["dumps_loaded"] + report["duplicates"] + report["rejected"]
    assert report["files_seen"] == parts
    assert report["stories_new"] >= GOOD_FILES
    assert first.task_states["publish"] == ["success"]
    assert first.task_states["mark_failed"] == ["skipped"]
    assert first.outcome is not None
    assert first.outcome.startswith(f"{GOOD_FILES} loaded, ")
    assert f", {BROKEN_FILES} rejected" in first.outcome
    after_first = _counts(sqlite_url)
    assert after_first["dumps"] == GOOD_FILES and after_first["rejects"] == BROKEN_FILES
    (run,) = _runs(sqlite_url)
    assert run["status"] == "success" and run["trigger"] == "manual"
    assert run["airflow_run_id"] == first.run_id and run["dumps_loaded"] == GOOD_FILES

    second = run_dag(dagbag, conf)
    assert second.state == "success", second.task_states
    assert second.report is not None
    assert second.report["files_seen"] == 0 and second.report["dumps_loaded"] == 0
    assert second.task_states["ingest"] == ["skipped"]  # nothing to map over
    assert second.task_states["publish"] == ["skipped"]
    assert second.outcome == "nothing new: every landing file is already in the archive"
    assert _counts(sqlite_url) == {**after_first, "ingest_runs": 2}

    # A dry run on the migrated archive stores its plan while it runs, then drops it.
    (landing / "afp-2026-03-07-extra.txt").write_bytes(
        b"Extra note\n\nBeirut (AFP) March 7, 2026\n\nA late note on the harbour.\n"
    )
    dry_again = run_dag(dagbag, {**conf, "dry_run": True})
    assert dry_again.state == "success", dry_again.task_states
    assert dry_again.report is not None and dry_again.report["dumps_loaded"] == 1
    assert _plan_rows(sqlite_url) == (0, 0), "a dry run left its plan behind"
    assert _counts(sqlite_url) == {**after_first, "ingest_runs": 2}


def test_postgres_through_the_connection_with_reprocess_by_date(
    dagbag: Any, pg_url: str, landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The `wire_archive_db` connection wins over the environment variable."""
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    monkeypatch.setenv("AIRFLOW_CONN_WIRE_ARCHIVE_DB", plain)
    decoy = tmp_path / "decoy" / "archive.sqlite"
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", f"sqlite:///{decoy}")

    loaded = run_dag(dagbag, {"landing_path": str(landing), "batch_size": 200})
    assert loaded.state == "success", loaded.task_states
    assert loaded.map_labels == ["batch 1 of 1"]
    assert not decoy.parent.exists()
    before = _counts(pg_url)
    assert before["dumps"] == GOOD_FILES and before["rejects"] == BROKEN_FILES

    conf = {"mode": "reprocess", "since": "2026-03-05", "until": "2026-03-05", "batch_size": 1}
    redo = run_dag(dagbag, conf)
    assert redo.state == "success", redo.task_states
    assert redo.report is not None and redo.report["mode"] == "reprocess"
    assert redo.report["dumps_reprocessed"] == 1
    assert redo.report["dumps_loaded"] == 0
    assert _counts(pg_url) == {**before, "ingest_runs": 2}

    everything = run_dag(dagbag, {"mode": "reprocess", "batch_size": 2})
    assert everything.state == "success", everything.task_states
    assert everything.report is not None
    assert everything.report["dumps_reprocessed"] == GOOD_FILES
    assert len(everything.map_labels) == 2
    assert _counts(pg_url) == {**before, "ingest_runs": 3}
    assert [r["mode"] for r in _runs(pg_url)] == ["new", "reprocess", "reprocess"]
    assert {r["status"] for r in _runs(pg_url)} == {"success"}


FAIL_ONCE = """
CREATE SEQUENCE wa_fail_once;
CREATE FUNCTION wa_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Sequences ignore rollback: only the very first insert fails, its retry goes through.
    IF nextval('wa_fail_once') = 1 THEN
        RAISE EXCEPTION 'injected failure: archive unavailable';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER wa_fail_once BEFORE INSERT ON dumps
    FOR EACH STATEMENT EXECUTE FUNCTION wa_fail_once();
"""


def test_failed_batch_is_retried_without_duplicates(
    dagbag: Any, pg_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first try of the first batch fails in the database for real; the retry loads it."""
    from etl.archive import db

    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", pg_url)
    db.upgrade(pg_url)
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(FAIL_ONCE)
    engine.dispose()

    result = run_dag(dagbag, {"landing_path": str(landing), "batch_size": 3})
    assert result.state == "success", result.task_states
    assert result.tries["ingest"] == 2  # failed once, then succeeded
    assert result.report is not None and result.report["dumps_loaded"] == GOOD_FILES
    counts = _counts(pg_url)
    assert counts["dumps"] == GOOD_FILES and counts["rejects"] == BROKEN_FILES
    (run,) = _runs(pg_url)
    assert run["status"] == "success" and run["dumps_loaded"] == GOOD_FILES
    assert run["rejected"] == BROKEN_FILES


def test_refresh_dag_reports_the_archive(
    dagbag: Any, sqlite_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    assert run_dag(dagbag, {"landing_path": str(landing)}).state == "success"
    refresh = run_dag(dagbag, {}, "wire_archive_refresh", "refresh_statistics")
    assert refresh.state == "success", refresh.task_states
    counts = _counts(sqlite_url)
    assert refresh.report is not None
    assert {name: refresh.report[name] for name in counts} == counts
    assert refresh.report["dumps"] == GOOD_FILES


# Tables every load writes to: the refresh must leave planner statistics for each of them.
ANALYZED_TABLES = ("dumps", "stories", "story_versions", "appearances", "paragraphs")


def _load_then_forget_connections(dagbag: Any, url: str, landing: Path) -> None:
    """Load the test landing zone; then drop this process's pooled connections to the archive,
    as each task of a real deployment runs in a fresh process with fresh connections."""
    from etl.archive import db

    assert run_dag(dagbag, {"landing_path": str(landing)}).state == "success"
    db.dispose_engine(url)


def _sqlite_stat1(url: str) -> dict[str, int]:
    """Table -> its rows in sqlite_stat1 (what ANALYZE leaves); empty when there is none."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if "sqlite_stat1" not in set(
                conn.execute(sa.text("SELECT name FROM sqlite_master")).scalars()
            ):
                return {}
            rows = conn.execute(sa.text("SELECT tbl, count(*) FROM sqlite_stat1 GROUP BY tbl"))
            return {str(table): int(n) for table, n in rows}
    finally:
        engine.dispose()


def _pg_last_analyze(url: str) -> dict[str, Any]:
    """Table -> pg_stat_user_tables.last_analyze (a manual ANALYZE; autovacuum's is apart)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT relname, last_analyze FROM pg_stat_user_tables "
                    "WHERE relname = ANY(:names)"
                ),
                {"names": list(ANALYZED_TABLES)},
            )
            return {str(name): when for name, when in rows}
    finally:
        engine.dispose()


def test_refresh_dag_leaves_planner_statistics_on_sqlite(
    dagbag: Any, sqlite_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    _load_then_forget_connections(dagbag, sqlite_url, landing)
    assert _sqlite_stat1(sqlite_url) == {}, "the load itself left statistics"
    refresh = run_dag(dagbag, {}, "wire_archive_refresh", "refresh_statistics")
    assert refresh.state == "success", refresh.task_states
    stats = _sqlite_stat1(sqlite_url)
    missing = [t for t in ANALYZED_TABLES if stats.get(t, 0) == 0]
    assert missing == [], f"no sqlite_stat1 rows for {missing}: {stats}"


def test_refresh_dag_analyzes_the_postgres_archive(
    dagbag: Any, pg_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", pg_url)
    _load_then_forget_connections(dagbag, pg_url, landing)
    before = _pg_last_analyze(pg_url)
    assert sorted(before) == sorted(ANALYZED_TABLES)
    assert {t for t, when in before.items() if when is not None} == set(), before
    refresh = run_dag(dagbag, {}, "wire_archive_refresh", "refresh_statistics")
    assert refresh.state == "success", refresh.task_states
    deadline = time.monotonic() + 10  # statistics reach other sessions within moments
    while True:
        after = _pg_last_analyze(pg_url)
        missing = sorted(t for t, when in after.items() if when is None)
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert missing == [], f"last_analyze not set for {missing}"


def test_broken_invariant_fails_the_run_and_closes_it_as_failed(
    dagbag: Any, sqlite_url: str, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", sqlite_url)
    conf = {"landing_path": str(landing)}
    assert run_dag(dagbag, conf).state == "success"
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:  # a story's body no longer matches its current version
        conn.execute(sa.text("UPDATE stories SET body = 'tampered' WHERE id = 1"))
    engine.dispose()

    broken = run_dag(dagbag, conf)
    assert broken.state == "failed"
    assert broken.task_states["check"] == ["failed"]
    assert broken.tries["check"] == 1  # a broken invariant is not retried
    assert broken.task_states["report"] == ["upstream_failed"]
    assert broken.task_states["mark_failed"] == ["success"]
    last = _runs(sqlite_url)[-1]
    assert last["status"] == "failed" and last["airflow_run_id"] == broken.run_id
