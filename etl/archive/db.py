"""Engines, transactions and migrations for both backends.

SQLite is opened in WAL mode with a busy timeout and every transaction starts with
BEGIN IMMEDIATE: two writers then queue instead of failing halfway on a lock upgrade.
PostgreSQL runs READ COMMITTED; batches that hit a deadlock or a serialization failure
are retried whole (see :func:`retrying`), which is safe because every write is
ON CONFLICT-guarded and a batch commits as one transaction.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

DEFAULT_SQLITE = "var/wire_archive.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 60_000
PG_UPGRADE_LOCK = 7_301_001  # advisory lock id: one migrator at a time

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()
T = TypeVar("T")


def default_database_url() -> str:
    """The environment wins so that the DAG and the CLI agree without flags."""
    url = os.environ.get("WIRE_ARCHIVE_DATABASE_URL")
    return url if url else f"sqlite:///{DEFAULT_SQLITE}"


def normalise_url(url: str) -> str:
    """Plain postgresql:// URLs would pick psycopg2, which is not installed: use psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def redact_url(url: str) -> str:
    """A database URL fit to print or log: the password, if any, becomes ***."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        return url
    if parsed.password is None:
        return url
    return parsed.render_as_string(hide_password=True)


def is_postgres(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "postgresql"


def _enable_wal(cur: sqlite3.Cursor) -> None:
    """Switch a SQLite file to WAL, waiting out a concurrent opener.

    Two processes opening a fresh file at once both try the switch; SQLite may answer
    "database is locked" at once instead of calling the busy handler, so wait and retry.
    """
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide when transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        _enable_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process; SQLite files get their folder created."""
    url = normalise_url(url or default_database_url())
    with _engines_lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        parsed = sa.make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
            _sqlite_setup(engine)
        else:
            # psycopg prepares a statement after 5 runs, and PostgreSQL may then keep a
            # generic plan made while the tables were nearly empty (a sequential scan) for
            # the whole load: per-dump cost grew with the archive. Plan every execution.
            engine = sa.create_engine(
                url,
                pool_pre_ping=True,
                connect_args={"options": "-c plan_cache_mode=force_custom_plan"},
            )
        _engines[url] = engine
        return engine


def dispose_engine(url: str) -> None:
    """Close pooled connections, e.g. before a test drops its database."""
    with _engines_lock:
        engine = _engines.pop(normalise_url(url), None)
    if engine is not None:
        engine.dispose()


def is_retryable(exc: BaseException) -> bool:
    """Deadlocks, serialization failures and SQLite lock timeouts: run the batch again."""
    if not isinstance(exc, sa.exc.DBAPIError):
        return False
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in ("40001", "40P01", "55P03"):
        return True
    return "database is locked" in str(orig).lower()


def retrying(fn: Callable[[], T], *, attempts: int = 5) -> T:
    """Call `fn` again (with backoff) when the database says "try again"."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except sa.exc.DBAPIError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


@contextmanager
def transaction(url: str) -> Iterator[Connection]:
    """One transaction on a pooled connection (BEGIN IMMEDIATE on SQLite)."""
    with get_engine(url).begin() as conn:
        yield conn


def _alembic_config(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(url: str | None = None, revision: str = "head") -> str | None:
    """Apply pending migrations; a no-op when already at head. Returns the new revision."""
    from alembic import command

    url = url or default_database_url()
    if revision == "head" and current_revision(url) == head_revision():
        return head_revision()
    with get_engine(url).begin() as conn:
        if is_postgres(conn):
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_UPGRADE_LOCK})
        command.upgrade(_alembic_config(conn), revision)
    return current_revision(url)
