"""Archives for the SQL tests: a hand-written one with exactly known rows, on both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from etl.archive import db
from etl.archive.query import run_sql
from tests.sql.mini_archive import MiniArchive, build


@pytest.fixture
def mini(db_url: str) -> Iterator[MiniArchive]:
    """The hand-written archive on the backend under test."""
    try:
        yield build(db_url)
    finally:
        db.dispose_engine(db_url)


def plain(value: Any) -> Any:
    """One Python shape for both backends: dates as ISO text, numerics as int/float."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "is_integer") and not isinstance(value, int | float):  # Decimal
        return int(value) if value == int(value) else float(value)
    return value


def fetch(url: str, sql: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Rows of a query as dicts with backend differences (date types) smoothed out."""
    result = run_sql(url, sql, params)
    return [{k: plain(v) for k, v in rec.items()} for rec in result.records()]
