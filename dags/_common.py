"""What both Wire Archive DAGs share: names, the archive asset, and where the archive lives.

Kept free of I/O at import time: the DAG processor imports this on every parse, so nothing
here may touch a database or the filesystem until a task calls it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from airflow.sdk import Asset, Connection

log = logging.getLogger(__name__)

# Names other parts of the deployment rely on (docker-compose.yml, scripts/, README).
CONN_ID = "wire_archive_db"
DATABASE_URL_ENV = "WIRE_ARCHIVE_DATABASE_URL"
LANDING_ENV = "WIRE_ARCHIVE_LANDING"
RETRY_DELAY_ENV = "WIRE_ARCHIVE_RETRY_DELAY_SECONDS"
DAG_ID = "wire_archive"
REFRESH_DAG_ID = "wire_archive_refresh"

REPO_ROOT = Path(__file__).resolve().parent.parent
START_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# The archive as a whole: one event per successful load, so downstream DAGs can follow it.
ARCHIVE_ASSET = Asset(name="wire_archive", uri="x-wire-archive://archive", group="wire_archive")


# Airflow's run types -> the archive's `ingest_runs.trigger` vocabulary.
_TRIGGERS = {"scheduled": "schedule", "asset_triggered": "schedule", "backfill": "backfill"}


def trigger_of(run_type: object) -> str:
    """Airflow's run type (an enum member or its value) as an ingest_runs trigger."""
    return _TRIGGERS.get(str(getattr(run_type, "value", run_type)), "manual")


def default_landing() -> str:
    """The landing folder a run reads when the trigger form leaves it alone."""
    return os.environ.get(LANDING_ENV) or str(REPO_ROOT / "landing" / "sample")


def retry_delay() -> dt.timedelta:
    """Five minutes in production; tests shorten it through the environment."""
    raw = os.environ.get(RETRY_DELAY_ENV, "")
    seconds = int(raw) if raw.isdigit() else 300
    return dt.timedelta(seconds=seconds)


def default_args() -> dict[str, object]:
    """Every task is idempotent, so each one may retry. Retries are for passing trouble
    (the database restarting, a lock); a task that meets a mistake no retry can mend
    raises AirflowFailException (see fail_fast) and fails on its first try."""
    return {"owner": "wire-archive", "retries": 2, "retry_delay": retry_delay()}


def landing_problem(path: str) -> str | None:
    """Why the landing path cannot be read (None when it can), checked before any work.

    A folder or a single regular file is fine. These are operator mistakes, not passing
    trouble: waiting for a retry only delays the failure (and, with one active run at a
    time, every run queued behind it)."""
    where = Path(path)
    if not where.exists():
        return f"landing path {path} does not exist"
    if not (where.is_dir() or where.is_file()):
        return f"landing path {path} is neither a folder nor a regular file"
    if not os.access(where, os.R_OK | (os.X_OK if where.is_dir() else 0)):
        return f"landing path {path} cannot be read by this worker"
    return None


def parse_day(value: object, name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter; a malformed one fails the task without retries."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        from airflow.sdk.exceptions import AirflowFailException

        raise AirflowFailException(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


@contextmanager
def fail_fast() -> Iterator[None]:
    """Errors a retry cannot mend (a path that is not there, or not readable) fail the task
    at once; database and network trouble raise as usual and keep the task's retries."""
    from airflow.sdk.exceptions import AirflowFailException

    try:
        yield
    except (FileNotFoundError, NotADirectoryError, PermissionError) as exc:
        raise AirflowFailException(f"{type(exc).__name__}: {exc} (not retried)") from exc


def _url_from_connection(conn: Connection) -> str:
    """Turn an Airflow connection into a SQLAlchemy URL.

    The extra field `{"url": ...}` wins, so any SQLAlchemy URL can be given verbatim; else a
    postgres connection maps to psycopg 3 and a sqlite one to a file path.
    """
    extra = conn.extra_dejson
    if extra.get("url"):
        return str(extra["url"])
    kind = (conn.conn_type or "").lower()
    if kind in {"postgres", "postgresql"}:
        auth = ""
        if conn.login:
            auth = quote(conn.login, safe="")
            if conn.password:
                auth += ":" + quote(conn.password, safe="")
            auth += "@"
        port = f":{conn.port}" if conn.port else ""
        return f"postgresql+psycopg://{auth}{conn.host or 'localhost'}{port}/{conn.schema or ''}"
    if kind == "sqlite":
        return f"sqlite:///{conn.host or conn.schema}"
    raise ValueError(f"connection {CONN_ID!r} has unsupported type {conn.conn_type!r}")


def archive_url() -> str:
    """Where the archive lives: the Airflow connection, else the environment, else SQLite.

    Called inside tasks only: looking up a connection is a metadata-database call.
    """
    from airflow.exceptions import AirflowNotFoundException

    from etl import pipeline

    try:
        conn = Connection.get(CONN_ID)
    except AirflowNotFoundException:
        conn = None
    if conn is not None:
        return _url_from_connection(conn)
    return pipeline.default_database_url()


def redact(url: str) -> str:
    """A database URL fit for a log line (the library's one rule, imported when needed)."""
    from etl.archive.db import redact_url

    return redact_url(url)
