"""Run plans in the archive: `run_plans` and `run_manifest`, so no file list goes through XCom.

Discovery records what a run will load (a landing path or a dump id per row, with its batch
number); each mapped Airflow task then receives only (plan id, batch number) and reads its
inputs from here. The primary key (plan_id, batch_no, position) is the index a batch reads.

Revision ID: 0004_run_manifest
Revises: 0003_run_abandoned
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_run_manifest"
down_revision = "0003_run_abandoned"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "run_plans",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("run_id", BigId, nullable=True),
        sa.Column("airflow_run_id", sa.String(length=250), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("batch_size", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("batches", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_run_plans_run_id_ingest_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_plans")),
        sa.UniqueConstraint("run_id", name=op.f("uq_run_plans_run_id")),
    )
    op.create_index(op.f("ix_run_plans_created_at"), "run_plans", ["created_at"])
    op.create_table(
        "run_manifest",
        sa.Column("plan_id", BigId, nullable=False),
        sa.Column("batch_no", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("dump_id", BigId, nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        # No foreign key to run_plans: it would be checked row by row during the COPY.
        sa.PrimaryKeyConstraint("plan_id", "batch_no", "position", name=op.f("pk_run_manifest")),
    )


def downgrade() -> None:
    op.drop_table("run_manifest")
    op.drop_index(op.f("ix_run_plans_created_at"), table_name="run_plans")
    op.drop_table("run_plans")
