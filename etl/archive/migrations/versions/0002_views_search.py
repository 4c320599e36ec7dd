"""Views for people, full-text search, and the read-only role wire_archive_reader.

The view and index DDL lives in etl/archive/views.py and etl/archive/search.py (one
definition per dialect, also printed to sql/views.sql); this revision installs it.

Revision ID: 0002_views_search
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from etl.archive.search import install_search, uninstall_search
from etl.archive.views import create_views, drop_views

revision = "0002_views_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

READER = "wire_archive_reader"

# Roles belong to the whole cluster, so several archives (and concurrent migrations)
# share one: create it only when missing, and treat a lost creation race as success.
_CREATE_READER = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER}') THEN
        BEGIN
            CREATE ROLE {READER} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$
"""

_GRANTS = (
    f"GRANT USAGE ON SCHEMA public TO {READER}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {READER}",
)

_REVOKES = (
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM {READER}",
    f"REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM {READER}",
    f"REVOKE USAGE ON SCHEMA public FROM {READER}",
)


def upgrade() -> None:
    conn = op.get_bind()
    install_search(conn)
    create_views(conn)
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text(_CREATE_READER))
        conn.execute(
            sa.text(
                f"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO {READER}',"
                " current_database()); END $$"
            )
        )
        for statement in _GRANTS:
            conn.execute(sa.text(statement))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        # The role stays: other archives in the same cluster may still use it.
        for statement in _REVOKES:
            conn.execute(sa.text(statement))
        conn.execute(
            sa.text(
                f"DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM {READER}',"
                " current_database()); END $$"
            )
        )
    drop_views(conn)
    uninstall_search(conn)
