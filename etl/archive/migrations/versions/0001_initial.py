"""Initial archive schema: runs, landing ledger, dumps, stories, versions, credits, rejects.

Frozen copy of etl/archive/schema.py at this revision (later changes come as new
revisions), plus the agency registry as seed rows.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _seed_agencies() -> None:
    """Registry rows now; the loader also adds codes the registry gains later."""
    try:
        from etl.agencies import AGENCIES
    except ImportError:  # parser not installed yet: the loader seeds at load time
        return
    table = sa.table("agencies", sa.column("code", sa.String), sa.column("name", sa.Text))
    rows = [{"code": code, "name": name} for code, name in sorted(AGENCIES.items())]
    if rows:
        op.bulk_insert(table, rows)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_agencies")),
    )
    op.create_table(
        "authors",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authors")),
        sa.UniqueConstraint("name_key", name=op.f("uq_authors_name_key")),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("airflow_run_id", sa.String(length=250), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("parser_version", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("files_seen", sa.Integer(), server_default="0", nullable=False),
        sa.Column("dumps_loaded", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicates", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected", sa.Integer(), server_default="0", nullable=False),
        sa.Column("dumps_reprocessed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("stories_new", sa.Integer(), server_default="0", nullable=False),
        sa.Column("stories_seen", sa.Integer(), server_default="0", nullable=False),
        sa.Column("versions_new", sa.Integer(), server_default="0", nullable=False),
        sa.Column("teasers_linked", sa.Integer(), server_default="0", nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('running', 'success', 'failed')", name=op.f("ck_ingest_runs_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "dumps",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_uri", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("dump_date", sa.Date(), nullable=True),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=False),
        sa.Column("header", sa.Text(), nullable=True),
        sa.Column("leftover", sa.JSON(), nullable=False),
        sa.Column("raw_zlib", sa.LargeBinary(), nullable=False),
        sa.Column("story_count", sa.Integer(), nullable=False),
        sa.Column("parser_version", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="loaded", nullable=False),
        sa.Column("first_run_id", BigId, nullable=True),
        sa.Column("last_run_id", BigId, nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dump_date_override", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_run_id"], ["ingest_runs.id"], name=op.f("fk_dumps_first_run_id_ingest_runs")
        ),
        sa.ForeignKeyConstraint(
            ["last_run_id"], ["ingest_runs.id"], name=op.f("fk_dumps_last_run_id_ingest_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dumps")),
        sa.UniqueConstraint("sha256", name=op.f("uq_dumps_sha256")),
    )
    op.create_index(op.f("ix_dumps_dump_date"), "dumps", ["dump_date"], unique=False)
    op.create_table(
        "landing_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_uri", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("members", sa.Integer(), server_default="1", nullable=False),
        sa.Column("first_run_id", BigId, nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_landing_files_first_run_id_ingest_runs"),
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_landing_files")),
    )
    op.create_table(
        "rejects",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_uri", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("raw_zlib", sa.LargeBinary(), nullable=False),
        sa.Column("run_id", BigId, nullable=True),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_rejects_run_id_ingest_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejects")),
        sa.UniqueConstraint("sha256", name=op.f("uq_rejects_sha256")),
    )
    op.create_index(op.f("ix_rejects_reason"), "rejects", ["reason"], unique=False)
    op.create_table(
        "run_batches",
        sa.Column("run_id", BigId, nullable=False),
        sa.Column("batch_key", sa.String(length=64), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_run_batches_run_id_ingest_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", "batch_key", name=op.f("pk_run_batches")),
    )
    op.create_table(
        "stories",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("story_key", sa.String(length=64), nullable=False),
        sa.Column("is_teaser", sa.Boolean(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("byline_raw", sa.Text(), nullable=True),
        sa.Column("dateline_raw", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_source", sa.String(length=16), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("full_story_id", BigId, nullable=True),
        sa.Column("current_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("first_dump_id", BigId, nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lead_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_dump_id"],
            ["dumps.id"],
            name=op.f("fk_stories_first_dump_id_dumps"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["full_story_id"],
            ["stories.id"],
            name=op.f("fk_stories_full_story_id_stories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
        sa.UniqueConstraint("story_key", name=op.f("uq_stories_story_key")),
    )
    op.create_index(op.f("ix_stories_country"), "stories", ["country"], unique=False)
    op.create_index(op.f("ix_stories_date"), "stories", ["date"], unique=False)
    op.create_index(op.f("ix_stories_full_story_id"), "stories", ["full_story_id"], unique=False)
    op.create_index(op.f("ix_stories_lead_key"), "stories", ["lead_key"], unique=False)
    op.create_index(op.f("ix_stories_place"), "stories", ["place"], unique=False)
    op.create_table(
        "story_agencies",
        sa.Column("story_id", BigId, nullable=False),
        sa.Column("agency_code", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name=op.f("fk_story_agencies_agency_code_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_agencies_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "agency_code", name=op.f("pk_story_agencies")),
    )
    op.create_index(
        op.f("ix_story_agencies_agency_code"), "story_agencies", ["agency_code"], unique=False
    )
    op.create_table(
        "story_authors",
        sa.Column("story_id", BigId, nullable=False),
        sa.Column("author_id", BigId, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["authors.id"], name=op.f("fk_story_authors_author_id_authors")
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_authors_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "author_id", name=op.f("pk_story_authors")),
    )
    op.create_index(
        op.f("ix_story_authors_author_id"), "story_authors", ["author_id"], unique=False
    )
    op.create_table(
        "story_versions",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("story_id", BigId, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("byline_raw", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("paragraph_count", sa.Integer(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("first_dump_id", BigId, nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_dump_id"],
            ["dumps.id"],
            name=op.f("fk_story_versions_first_dump_id_dumps"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_versions_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_versions")),
        sa.UniqueConstraint(
            "story_id", "content_sha256", name=op.f("uq_story_versions_story_id_content_sha256")
        ),
        sa.UniqueConstraint("story_id", "version", name=op.f("uq_story_versions_story_id_version")),
    )
    op.create_table(
        "appearances",
        sa.Column("dump_id", BigId, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("story_id", BigId, nullable=False),
        sa.Column("version_id", BigId, nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.CheckConstraint("role IN ('main', 'related')", name=op.f("ck_appearances_role")),
        sa.ForeignKeyConstraint(
            ["dump_id"], ["dumps.id"], name=op.f("fk_appearances_dump_id_dumps"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_appearances_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["story_versions.id"],
            name=op.f("fk_appearances_version_id_story_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dump_id", "position", name=op.f("pk_appearances")),
    )
    op.create_index(op.f("ix_appearances_story_id"), "appearances", ["story_id"], unique=False)
    op.create_index(op.f("ix_appearances_version_id"), "appearances", ["version_id"], unique=False)
    op.create_table(
        "paragraphs",
        sa.Column("version_id", BigId, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("story_id", BigId, nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('text', 'subhead')", name=op.f("ck_paragraphs_kind")),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_paragraphs_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["story_versions.id"],
            name=op.f("fk_paragraphs_version_id_story_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", "position", name=op.f("pk_paragraphs")),
    )
    op.create_index(op.f("ix_paragraphs_story_id"), "paragraphs", ["story_id"], unique=False)
    _seed_agencies()


def downgrade() -> None:
    op.drop_index(op.f("ix_paragraphs_story_id"), table_name="paragraphs")
    op.drop_table("paragraphs")
    op.drop_index(op.f("ix_appearances_version_id"), table_name="appearances")
    op.drop_index(op.f("ix_appearances_story_id"), table_name="appearances")
    op.drop_table("appearances")
    op.drop_table("story_versions")
    op.drop_index(op.f("ix_story_authors_author_id"), table_name="story_authors")
    op.drop_table("story_authors")
    op.drop_index(op.f("ix_story_agencies_agency_code"), table_name="story_agencies")
    op.drop_table("story_agencies")
    op.drop_index(op.f("ix_stories_place"), table_name="stories")
    op.drop_index(op.f("ix_stories_lead_key"), table_name="stories")
    op.drop_index(op.f("ix_stories_full_story_id"), table_name="stories")
    op.drop_index(op.f("ix_stories_date"), table_name="stories")
    op.drop_index(op.f("ix_stories_country"), table_name="stories")
    op.drop_table("stories")
    op.drop_table("run_batches")
    op.drop_index(op.f("ix_rejects_reason"), table_name="rejects")
    op.drop_table("rejects")
    op.drop_table("landing_files")
    op.drop_index(op.f("ix_dumps_dump_date"), table_name="dumps")
    op.drop_table("dumps")
    op.drop_table("ingest_runs")
    op.drop_table("authors")
    op.drop_table("agencies")
