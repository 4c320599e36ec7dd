"""Fixtures shared by every test: real, throwaway databases on SQLite and PostgreSQL.

PostgreSQL runs at 127.0.0.1:5432 (user postgres, trust auth) on every machine and in CI.
A missing server is a test failure, never a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
PG_ADMIN_URL = os.environ.get(
    "WIRE_ARCHIVE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:  # pragma: no cover - a failure, never a skip
        pytest.fail(f"PostgreSQL is required for this test and is not reachable: {exc}")


def _sqlalchemy_pg_url(dbname: str) -> str:
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{dbname}"


# Landing files written by a test are complete at once: no quiet period before loading
# (set here, in the environment, so that subprocesses such as the CLI inherit it too).
os.environ["WIRE_ARCHIVE_SETTLE_SECONDS"] = "0"


@contextmanager
def throwaway_pg_database(prefix: str = "wa_test") -> Iterator[str]:
    """A fresh, empty PostgreSQL database as a SQLAlchemy URL, dropped on exit."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _sqlalchemy_pg_url(name)
    finally:
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    with throwaway_pg_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file in the test's own temporary folder."""
    return f"sqlite:///{tmp_path / 'archive.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Every archive test runs on both backends."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
