"""Runs a crash left behind: status 'abandoned' and a heartbeat column on ingest_runs.

`heartbeat_at` is the last moment a process was known to be working for the run (start,
end of each batch); etl.archive.runs uses it, with a lock held by live runs, to tell a
run whose process died from one that is merely between two Airflow tasks.

Revision ID: 0003_run_abandoned
Revises: 0002_views_search
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_run_abandoned"
down_revision = "0002_views_search"
branch_labels = None
depends_on = None

OLD = "status IN ('running', 'success', 'failed')"
NEW = "status IN ('running', 'success', 'failed', 'abandoned')"


def _swap_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_ingest_runs_status"), "ingest_runs", type_="check")
        op.create_check_constraint(op.f("ck_ingest_runs_status"), "ingest_runs", new)
        return
    # SQLite cannot alter a CHECK. Rebuilding the table (Alembic batch mode) drops the old
    # one, and with foreign keys on (they cannot be switched off inside the migration's
    # transaction) that cascades into run_batches. So edit the stored CREATE TABLE text
    # instead, SQLite's documented procedure for changes that leave the file format alone
    # (https://sqlite.org/lang_altertable.html#otheralter); every existing row satisfies
    # both expressions.
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
        (old, new, "ingest_runs"),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    changed = bind.exec_driver_sql(
        "SELECT instr(sql, ?) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?",
        (new, "ingest_runs"),
    ).scalar_one()
    if not changed:
        raise RuntimeError("ingest_runs: status CHECK not found where expected")


def upgrade() -> None:
    op.add_column("ingest_runs", sa.Column("heartbeat_at", sa.DateTime(timezone=True)))
    _swap_check(OLD, NEW)


def downgrade() -> None:
    op.execute("UPDATE ingest_runs SET status = 'failed' WHERE status = 'abandoned'")
    _swap_check(NEW, OLD)
    # A plain ALTER on both backends (SQLite >= 3.35): no table rebuild, see _swap_check.
    op.execute("ALTER TABLE ingest_runs DROP COLUMN heartbeat_at")
