"""The PostgreSQL role wire_archive_reader: reads every table and view, writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa

from etl.archive import db
from etl.archive.views import VIEW_NAMES
from tests.sql.mini_archive import MiniArchive, build

READER = "wire_archive_reader"


@pytest.fixture
def pg_mini(pg_url: str) -> Iterator[MiniArchive]:
    try:
        yield build(pg_url)
    finally:
        db.dispose_engine(pg_url)


def _conninfo(url: str) -> str:
    return sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_reader_selects_every_table_and_view(pg_mini: MiniArchive) -> None:
    engine = db.get_engine(pg_mini.url)
    inspector = sa.inspect(engine)
    tables = inspector.get_table_names()
    views = inspector.get_view_names()
    assert "stories" in tables and set(VIEW_NAMES) <= set(views)
    with psycopg.connect(_conninfo(pg_mini.url)) as conn:
        as_owner = {
            name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()
            for name in tables + views
        }
        conn.execute(f"SET ROLE {READER}")
        assert conn.execute("SELECT current_user").fetchone() == (READER,)
        for name in tables + views:  # the reader sees every row the owner sees
            count = conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()
            assert count == as_owner[name], name
        assert as_owner["stories"] == (7,) and as_owner["rejects"] == (3,)
        n = conn.execute("SELECT COUNT(*) FROM story_full").fetchone()
        assert n == (7,)


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO agencies (code, name) VALUES ('ZZ', 'nobody')",
        "UPDATE stories SET headline = 'changed'",
        "DELETE FROM rejects",
        "TRUNCATE appearances",
        "CREATE TABLE scratch (id int)",
        "CREATE VIEW scratch_view AS SELECT 1 AS one",
        "ALTER TABLE stories ADD COLUMN scratch int",
        "DROP VIEW story_full",
        "SELECT setval('stories_id_seq', 1000)",
    ],
)
def test_reader_cannot_write(pg_mini: MiniArchive, statement: str) -> None:
    with psycopg.connect(_conninfo(pg_mini.url)) as conn:
        conn.execute(f"SET ROLE {READER}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    with psycopg.connect(_conninfo(pg_mini.url)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rejects").fetchone() == (3,)
        changed = conn.execute("SELECT COUNT(*) FROM stories WHERE headline = 'changed'")
        assert changed.fetchone() == (0,)


def test_reader_can_read_tables_created_later(pg_mini: MiniArchive) -> None:
    """Default privileges: a table a later migration adds is readable without a new GRANT."""
    with psycopg.connect(_conninfo(pg_mini.url), autocommit=True) as conn:
        conn.execute("CREATE TABLE later_table (id int)")
        conn.execute("INSERT INTO later_table VALUES (1)")
        conn.execute(f"SET ROLE {READER}")
        assert conn.execute("SELECT COUNT(*) FROM later_table").fetchone() == (1,)


def test_role_creation_is_idempotent_across_archives(pg_mini: MiniArchive) -> None:
    """The role is cluster-wide: a second archive migrates cleanly and shares it."""
    admin = _conninfo(pg_mini.url).rsplit("/", 1)[0] + "/postgres"
    name = f"wa_test_{uuid.uuid4().hex[:12]}"
    second = pg_mini.url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        db.upgrade(second)  # pg_mini's database already created the role
        with psycopg.connect(_conninfo(second)) as conn:
            roles = conn.execute(
                "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (READER,)
            ).fetchall()
            assert roles == [(False,)]
            conn.execute(f"SET ROLE {READER}")
            assert conn.execute("SELECT COUNT(*) FROM story_full").fetchone() == (0,)
    finally:
        db.dispose_engine(second)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
