"""Migrations build the schema from empty on both backends; upgrading twice is a no-op."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from etl.archive import db, schema
from etl.cli import main


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    assert db.current_revision(db_url) is None
    assert db.upgrade(db_url) == db.head_revision()
    inspector = sa.inspect(db.get_engine(db_url))
    tables = set(inspector.get_table_names())
    assert set(schema.metadata.tables) <= tables
    for name, table in schema.metadata.tables.items():
        have = {c["name"] for c in inspector.get_columns(name)}
        assert {c.name for c in table.columns} <= have, name
    uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("stories")}
    assert ("story_key",) in uniques
    indexed = {tuple(i["column_names"]) for i in inspector.get_indexes("stories")}
    assert ("lead_key",) in indexed and ("date",) in indexed


def test_agencies_are_seeded_from_the_registry(db_url: str) -> None:
    from etl.parse.agencies import AGENCIES

    db.upgrade(db_url)
    with db.get_engine(db_url).connect() as conn:
        rows = dict(conn.execute(sa.select(schema.agencies.c.code, schema.agencies.c.name)).all())
    assert rows == dict(AGENCIES)


def test_db_upgrade_twice_is_a_no_op(db_url: str, capsys) -> None:
    assert main(["db", "upgrade", "--db", db_url]) == 0
    first = capsys.readouterr().out
    assert "upgraded" in first and db.head_revision() in first
    with db.get_engine(db_url).connect() as conn:
        before = sorted(sa.inspect(conn).get_table_names())
    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert "already at" in capsys.readouterr().out
    with db.get_engine(db_url).connect() as conn:
        assert sorted(sa.inspect(conn).get_table_names()) == before
    assert db.current_revision(db_url) == db.head_revision()


def _story_keys(url: str) -> dict[str, list[str]]:
    """Table -> the columns of its foreign keys to stories, and whether paragraphs has an
    index on story_id (as "index")."""
    inspector = sa.inspect(db.get_engine(url))
    found: dict[str, list[str]] = {}
    for table in ("paragraphs", "appearances", "story_versions"):
        found[table] = sorted(
            col
            for fk in inspector.get_foreign_keys(table)
            if fk["referred_table"] == "stories"
            for col in fk["constrained_columns"]
        )
    if any(i["column_names"] == ["story_id"] for i in inspector.get_indexes("paragraphs")):
        found["paragraphs"] = sorted([*found["paragraphs"], "index"])
    return found


def test_lean_load_drops_only_the_redundant_story_keys_and_back(db_url: str) -> None:
    from alembic import command

    db.upgrade(db_url)
    assert _story_keys(db_url) == {
        "paragraphs": [],
        "appearances": [],
        "story_versions": ["story_id"],
    }
    # The keys through story_versions still hold, on SQLite too after the text edit.
    with db.get_engine(db_url).connect() as conn:
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(
                sa.text(
                    "INSERT INTO paragraphs (version_id, position, story_id, kind, text) "
                    "VALUES (999, 0, 999, 'text', 'x')"
                )
            )
        conn.rollback()
    with db.get_engine(db_url).begin() as conn:
        command.downgrade(db._alembic_config(conn), "0004_run_manifest")
    db.dispose_engine(db_url)
    assert _story_keys(db_url) == {
        "paragraphs": ["index", "story_id"],
        "appearances": ["story_id"],
        "story_versions": ["story_id"],
    }
    assert db.upgrade(db_url) == db.head_revision()
    db.dispose_engine(db_url)
    assert _story_keys(db_url)["paragraphs"] == []
