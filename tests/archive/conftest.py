"""Archive tests: close pooled engines after each test (PostgreSQL test DBs get dropped)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etl.archive import db


@pytest.fixture(autouse=True)
def _dispose_engines() -> Iterator[None]:
    yield
    for url in list(db._engines):
        db.dispose_engine(url)
