"""A leaner load: no foreign key from paragraphs or appearances straight to stories.

Both tables also reference story_versions (version_id), whose story_id references
stories, and check_archive already counts rows whose story_id differs from their
version's ("paragraphs filed under another story than their version's", "appearances
whose version belongs to another story"). So the direct key was redundant, while PostgreSQL
checked it row by row on every COPY: measured by bench/load_profile.py, the foreign keys of
paragraphs cost about 15 % of the load and those of appearances about 9 %. Deleting a story
still removes its paragraphs and appearances, through its versions (ON DELETE CASCADE).
`ix_paragraphs_story_id` served only that key's cascade (no view or query reads paragraphs
by story), so it goes too; `ix_appearances_story_id` stays (views count a story's dumps).

SQLite cannot drop a constraint in place, and rebuilding the tables would cascade (see
0003_run_abandoned); removing a FOREIGN KEY clause from the stored CREATE TABLE text is
one of the changes SQLite documents as safe (https://sqlite.org/lang_altertable.html#otheralter).

Revision ID: 0005_lean_load
Revises: 0004_run_manifest
Create Date: 2026-12-03
"""

from __future__ import annotations

import re

from alembic import op

revision = "0005_lean_load"
down_revision = "0004_run_manifest"
branch_labels = None
depends_on = None

# (table, constraint) of the foreign keys this revision drops.
DROPPED = (
    ("paragraphs", "fk_paragraphs_story_id_stories"),
    ("appearances", "fk_appearances_story_id_stories"),
)


def _sqlite_edit(table: str, edit) -> None:  # type: ignore[no-untyped-def]
    """Rewrite one table's stored CREATE TABLE text (no change to the file format)."""
    bind = op.get_bind()
    old = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    new = edit(old)
    if new == old:
        raise RuntimeError(f"{table}: foreign key clause not found where expected")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (new, table)
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _without(name: str):  # type: ignore[no-untyped-def]
    # With the comma before it: the clause may be the table's last.
    clause = re.compile(
        rf",\s*CONSTRAINT {name} FOREIGN KEY\s*\(story_id\) REFERENCES stories \(id\)"
        r" ON DELETE CASCADE"
    )
    return lambda sql: clause.sub("", sql, count=1)


def _with(name: str):  # type: ignore[no-untyped-def]
    clause = (
        f"CONSTRAINT {name} FOREIGN KEY(story_id) REFERENCES stories (id) ON DELETE CASCADE"
    )
    # Put back before the table's closing parenthesis.
    return lambda sql: sql.rstrip().removesuffix(")").rstrip() + f", \n\t{clause}\n)"


def upgrade() -> None:
    op.drop_index("ix_paragraphs_story_id", table_name="paragraphs")
    for table, name in DROPPED:
        if op.get_bind().dialect.name == "sqlite":
            _sqlite_edit(table, _without(name))
        else:
            op.drop_constraint(name, table, type_="foreignkey")


def downgrade() -> None:
    for table, name in DROPPED:
        if op.get_bind().dialect.name == "sqlite":
            _sqlite_edit(table, _with(name))
        else:
            op.create_foreign_key(name, table, "stories", ["story_id"], ["id"], ondelete="CASCADE")
    op.create_index("ix_paragraphs_story_id", "paragraphs", ["story_id"])
