"""Archive tests: close pooled engines after each test (PostgreSQL test DBs get dropped)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etl.archive import db


@pytest.fixture(autouse=True)
def _files_settle_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test files are written just before they are ingested: no settle period here
    (tests/archive/test_landing_entries.py sets one where it tests settling)."""
    monkeypatch.setenv("WIRE_ARCHIVE_SETTLE_SECONDS", "0")


@pytest.fixture(autouse=True)
def _dispose_engines() -> Iterator[None]:
    yield
    for url in list(db._engines):
        db.dispose_engine(url)
