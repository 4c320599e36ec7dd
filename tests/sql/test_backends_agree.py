"""The same archive on SQLite and PostgreSQL gives the same answers, row for row.

This is the promise behind "same column names and semantics on both": views, portable
example queries and exports are compared between the two backends directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from etl.archive import db
from etl.archive.query import export_stories, query_files, run_query_file
from etl.archive.views import VIEW_NAMES
from tests.sql.conftest import fetch, plain
from tests.sql.mini_archive import build

QUERIES = Path(__file__).resolve().parents[2] / "sql" / "queries"


def _comparable(rows: list[dict[str, Any]]) -> list[tuple]:
    """Timestamps come back as text from SQLite and as datetimes from PostgreSQL: skip
    them; booleans come back as 0/1 from SQLite: compare as ints."""
    out = []
    for row in rows:
        out.append(
            tuple(
                (k, int(v) if isinstance(v, bool) else v)
                for k, v in row.items()
                if not k.endswith("_at")
            )
        )
    return sorted(out, key=repr)


def test_views_queries_and_exports_agree(sqlite_url: str, pg_url: str, tmp_path: Path) -> None:
    try:
        build(sqlite_url)
        build(pg_url)
        for view in VIEW_NAMES:
            lite = fetch(sqlite_url, f"SELECT * FROM {view}")
            pg = fetch(pg_url, f"SELECT * FROM {view}")
            assert lite, view
            assert _comparable(lite) == _comparable(pg), view
        for query in query_files(QUERIES):
            if query.backend is not None:
                continue
            lite = run_query_file(sqlite_url, query.path).records()
            pg = run_query_file(pg_url, query.path).records()
            lite_rows = [{k: plain(v) for k, v in r.items()} for r in lite]
            pg_rows = [{k: plain(v) for k, v in r.items()} for r in pg]
            assert _comparable(lite_rows) == _comparable(pg_rows), query.path.name
        for suffix in ("parquet", "csv"):
            a, b = tmp_path / f"lite.{suffix}", tmp_path / f"pg.{suffix}"
            assert export_stories(sqlite_url, a) == export_stories(pg_url, b) == 7
            if suffix == "parquet":
                assert pq.read_table(a).equals(pq.read_table(b))
            else:
                assert a.read_bytes() == b.read_bytes()
    finally:
        db.dispose_engine(sqlite_url)
        db.dispose_engine(pg_url)
