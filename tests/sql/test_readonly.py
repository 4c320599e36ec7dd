"""`wire-archive sql` without --write changes nothing, whatever the statement says.

Each attempt below must fail with exit 1 and one line on stderr, and leave the archive as it
was: on SQLite every file in its folder byte for byte, on PostgreSQL every table's rows,
the sequences and the large objects; and no file may appear where a statement asked for one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from etl.archive import query as query_module
from etl.cli import main
from tests.sql.conftest import fetch
from tests.sql.mini_archive import MiniArchive

# {out} is a folder the database server may write to; nothing may appear in it.
BOTH = [
    "DELETE FROM rejects",
    "UPDATE stories SET headline = 'changed'",
    "INSERT INTO agencies (code, name) VALUES ('ZZ', 'nobody')",
    "DROP TABLE rejects",
    "CREATE TABLE scratch (id int)",
    "CREATE TEMP TABLE scratch AS SELECT * FROM rejects",
    "SELECT 1; DELETE FROM rejects",
    "SELECT 1; DELETE FROM rejects;",
    "VALUES (1); DELETE FROM rejects",
    "SELECT 1 /* ; */ ; DELETE FROM rejects",
    "SELECT ';'; DELETE FROM rejects -- ;",
    "BEGIN",
    "COMMIT",
    "COMMIT; DELETE FROM rejects",
    "WITH d AS (DELETE FROM rejects RETURNING *) SELECT * FROM d",
    "EXPLAIN DELETE FROM rejects",
    "SELECT * FROM rejects WHERE id IN (SELECT 1); INSERT INTO agencies VALUES ('ZZ', 'x')",
]
SQLITE_ONLY = [
    "PRAGMA query_only = 0",
    "PRAGMA query_only = 0; DELETE FROM rejects",
    "PRAGMA query_only = OFF",
    "PRAGMA main.query_only(0)",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA user_version = 7",
    "PRAGMA writable_schema = ON",
    "ATTACH DATABASE '{out}/attached.sqlite' AS x",
    "ATTACH '{out}/attached.sqlite' AS x; CREATE TABLE x.t (id int)",
    "VACUUM INTO '{out}/copy.sqlite'",
    "VACUUM",
    "REINDEX",
    "ANALYZE",
    "REPLACE INTO agencies (code, name) VALUES ('ZZ', 'nobody')",
    "INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')",
    "SELECT load_extension('{out}/nothing')",
]
PG_ONLY = [
    "set transaction_read_only = off; delete from rejects; commit",
    "SET transaction_read_only = off",
    "SET default_transaction_read_only = off",
    "RESET default_transaction_read_only",
    "SET SESSION AUTHORIZATION DEFAULT",
    "SET ROLE NONE",
    "START TRANSACTION READ WRITE",
    "END",
    "ROLLBACK; DELETE FROM rejects",
    "SELECT $$;$$; DELETE FROM rejects",
    "SELECT * INTO scratch FROM rejects",
    "TABLE rejects; TRUNCATE rejects",
    "TRUNCATE rejects",
    "EXPLAIN ANALYZE DELETE FROM rejects",
    "SELECT * FROM rejects FOR UPDATE",
    "COPY rejects TO '{out}/rejects.csv'",
    "COPY (SELECT 1) TO PROGRAM 'touch {out}/program'",
    "COPY rejects FROM '/dev/null'",
    "DO $$BEGIN DELETE FROM rejects; END$$",
    "PREPARE TRANSACTION 'x'",
    "PREPARE p AS DELETE FROM rejects",
    "LISTEN x",
    "NOTIFY x",
    "LOCK TABLE rejects",
    "VACUUM rejects",
    "SELECT set_config('default_transaction_read_only', 'off', false)",
    "SELECT pg_catalog.set_config('transaction_read_only', 'off', true)",
    "SELECT \"set_config\"('role', 'postgres', true)",
    "SELECT lo_export(lo_from_bytea(0, 'x'), '{out}/lo.bin')",
    "SELECT lo_from_bytea(0, 'kept?')",
    "SELECT query_to_xml('select 1', true, true, '')",
    "SELECT nextval(pg_get_serial_sequence('stories', 'id'))",
    "SELECT setval(pg_get_serial_sequence('stories', 'id'), 1)",
    "SELECT pg_terminate_backend(pg_backend_pid())",
]


def _dialect(url: str) -> str:
    return sa.make_url(url).get_backend_name()


@pytest.fixture
def out_dir() -> Iterator[Path]:
    """An empty folder anyone (the PostgreSQL server too) may write into."""
    path = Path(tempfile.mkdtemp(prefix="wa_readonly_", dir="/tmp"))
    os.chmod(path, 0o777)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _snapshot(url: str) -> dict[str, Any]:
    """Everything a statement could have changed, in a form that compares with ==."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            tables = sorted(inspector.get_table_names())
            shot: dict[str, Any] = {
                "tables": tables,
                "views": sorted(inspector.get_view_names()),
                "rows": {
                    t: sorted(map(repr, conn.execute(sa.text(f'SELECT * FROM "{t}"'))))
                    for t in tables
                },
            }
            if conn.dialect.name == "postgresql":
                shot["large_objects"] = conn.execute(
                    sa.text("SELECT count(*) FROM pg_largeobject_metadata")
                ).scalar_one()
                shot["sequences"] = conn.execute(
                    sa.text("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
                ).all()
                shot["db_settings"] = conn.execute(
                    sa.text("SELECT setconfig FROM pg_db_role_setting")
                ).all()
    finally:
        engine.dispose()
    if _dialect(url) == "sqlite":  # after the engine is gone: its WAL files are gone too
        shot["files"] = _files(Path(sa.make_url(url).database).parent)
    return shot


def _attempt(
    mini: MiniArchive, out_dir: Path, capsys: pytest.CaptureFixture[str], statement: str
) -> None:
    statement = statement.format(out=out_dir)
    before = _snapshot(mini.url)
    code = main(["sql", statement, "--db", mini.url])
    out, err = capsys.readouterr()
    assert code == 1, (statement, out)
    assert out == "" and err.startswith("error: ") and err.count("\n") == 1, (statement, err)
    assert _snapshot(mini.url) == before, statement
    assert list(out_dir.iterdir()) == [], statement


def _cases(dialect: str) -> list[str]:
    return BOTH + (SQLITE_ONLY if dialect == "sqlite" else PG_ONLY)


def test_no_statement_can_change_the_archive(
    mini: MiniArchive, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for statement in _cases(_dialect(mini.url)):
        _attempt(mini, out_dir, capsys, statement)


# What the connection refuses on its own, should a statement ever get past the text check:
# everything that writes to the database. (On PostgreSQL, COPY ... TO a file and server-side
# large-object export are reads as far as a read-only transaction is concerned; only the
# statement check stops those, or connecting as the non-superuser reader role.)
LOWER_LAYER = {
    "sqlite": [
        "DELETE FROM rejects",
        "CREATE TEMP TABLE scratch AS SELECT * FROM rejects",
        "PRAGMA query_only = 0",
        "PRAGMA journal_mode = DELETE",
        "ATTACH DATABASE '{out}/attached.sqlite' AS x",
        "VACUUM INTO '{out}/copy.sqlite'",
        "VACUUM",
        "INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')",
        "COMMIT",
    ],
    "postgresql": [
        "DELETE FROM rejects",
        "set transaction_read_only = off; delete from rejects; commit",
        "SELECT 1; DELETE FROM rejects",
        "WITH d AS (DELETE FROM rejects RETURNING *) SELECT * FROM d",
        "SELECT * INTO scratch FROM rejects",
        "CREATE TEMP TABLE scratch AS SELECT * FROM rejects",
        "SELECT nextval(pg_get_serial_sequence('stories', 'id'))",
        "TRUNCATE rejects",
        # A superuser may COPY to a file even in a read-only transaction; as the reader
        # role it may not.
        "COPY rejects TO '{out}/rejects.csv'",
        "COPY (SELECT 1) TO PROGRAM 'touch {out}/program-ran'",
    ],
}


def test_the_connection_refuses_writes_even_past_the_statement_check(
    mini: MiniArchive,
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Defence in depth: with the text check switched off, the database still says no."""
    monkeypatch.setattr(query_module, "check_read_only", lambda sql, dialect: None)
    for statement in LOWER_LAYER[_dialect(mini.url)]:
        _attempt(mini, out_dir, capsys, statement)


def test_refusals_say_why(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    cases = {
        "DELETE FROM rejects": "read-only: a DELETE statement is refused without --write",
        "SELECT 1; SELECT 2": "one statement at a time: found 2",
        "WITH d AS (DELETE FROM rejects RETURNING *) SELECT * FROM d": "containing DELETE",
        "   ;  -- nothing": "no SQL statement given",
    }
    if _dialect(mini.url) == "postgresql":
        cases["SELECT set_config('role', 'x', true)"] = "the function set_config()"
    else:
        cases["PRAGMA query_only = 0"] = "a PRAGMA that sets a value"
    for statement, message in cases.items():
        code, _ = main(["sql", statement, "--db", mini.url]), None
        err = capsys.readouterr().err
        assert code == 1 and message in err and err.count("\n") == 1, (statement, err)


def test_queries_still_run_read_only(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    allowed = [
        "SELECT COUNT(*) AS n FROM rejects;",
        "  -- a comment; with a semicolon\n SELECT 'x; DELETE FROM rejects' AS s /* ; */",
        "WITH r AS (SELECT reason FROM rejects) SELECT COUNT(*) FROM r",
        "VALUES (1), (2)",
        "SELECT updated_at, replace(headline, 'a', 'b') FROM stories",
        "EXPLAIN SELECT * FROM stories",
    ]
    if _dialect(mini.url) == "postgresql":
        allowed += [
            "TABLE rejects",
            "SHOW server_version",
            "EXPLAIN ANALYZE SELECT 1",
            "(SELECT 1)",
        ]
    else:
        allowed += [
            "PRAGMA table_info(stories)",
            "PRAGMA user_version",
            "PRAGMA main.index_list(stories)",
        ]
    for statement in allowed:
        code = main(["sql", statement, "--db", mini.url])
        out, err = capsys.readouterr()
        assert code == 0 and out, (statement, err)


def test_write_runs_one_statement_only(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sql", "DELETE FROM rejects; DELETE FROM agencies", "--db", mini.url, "--write"])
    assert code == 1 and "one statement at a time" in capsys.readouterr().err
    assert fetch(mini.url, "SELECT COUNT(*) AS n FROM rejects") == [{"n": 3}]
    code = main(["sql", "DELETE FROM rejects;", "--db", mini.url, "--write"])
    assert code == 0, capsys.readouterr().err
    assert fetch(mini.url, "SELECT COUNT(*) AS n FROM rejects") == [{"n": 0}]
