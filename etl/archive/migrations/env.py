"""Alembic environment, configured from code: the caller hands over an open connection.

No alembic.ini: etl.archive.db.upgrade() builds the Config and passes
``config.attributes["connection"]`` so that migrations run inside the caller's
transaction (and, on PostgreSQL, under its advisory lock).
"""

from __future__ import annotations

from alembic import context

from etl.archive.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through etl.archive.db.upgrade()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
