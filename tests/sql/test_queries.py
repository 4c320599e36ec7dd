"""Every example query in sql/queries/, on both backends, with its rows checked.

A query file without a check here fails `test_every_query_file_is_checked`, so a new
example cannot slip in untested.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from etl.archive.query import (
    QueryError,
    load_query_file,
    query_files,
    run_query_file,
)
from tests.sql.conftest import plain
from tests.sql.mini_archive import FLOOD_V1, FLOOD_V2, MiniArchive

QUERIES = Path(__file__).resolve().parents[2] / "sql" / "queries"
Rows = list[dict[str, Any]]


def _run(mini: MiniArchive, name: str, **params: object) -> Rows:
    result = run_query_file(mini.url, QUERIES / name, {k: str(v) for k, v in params.items()})
    return [{k: plain(v) for k, v in rec.items()} for rec in result.records()]


def _stories(mini: MiniArchive, rows: Rows) -> list[str]:
    return [mini.story_key(r["story_id"]) for r in rows]


def check_stories_from_place(mini: MiniArchive) -> None:
    rows = _run(mini, "stories_from_place.sql", place="kathmandu", since="2017-10-01",
                until="2017-11-30")  # fmt: skip
    assert _stories(mini, rows) == ["S1", "S4"]
    assert rows[0]["agencies"] == "APP, AFP"
    assert rows[0]["dump_count"] == 3
    rows = _run(mini, "stories_from_place.sql", place="Kathmandu", since="2017-10-02",
                until="2017-11-30")  # fmt: skip
    assert _stories(mini, rows) == ["S1"]


def check_agency_output_per_month(mini: MiniArchive) -> None:
    rows = _run(mini, "agency_output_per_month.sql", agency="afp")
    got = [(r["month"], r["stories"], r["full_stories"], r["teasers"], r["places"]) for r in rows]
    assert got == [("2017-09", 1, 0, 1, 1), ("2017-10", 1, 1, 0, 1), ("2017-11", 1, 1, 0, 1)]
    rows = _run(mini, "agency_output_per_month.sql", agency="Reuters")
    assert [(r["month"], r["stories"], r["teasers"]) for r in rows] == [("2017-11", 2, 1)]


def check_story_appearances(mini: MiniArchive) -> None:
    rows = _run(mini, "story_appearances.sql", story_id=mini.stories["S1"])
    got = [(r["dump_id"], r["dump_date"], r["role"], r["version"], r["position"]) for r in rows]
    assert got == [
        (mini.dumps["D1"], "2017-11-11", "main", 1, 0),
        (mini.dumps["D2"], "2017-11-12", "main", 2, 0),
        (mini.dumps["D4"], None, "related", 2, 1),
    ]


def check_teasers_missing_full_story(mini: MiniArchive) -> None:
    rows = _run(mini, "teasers_missing_full_story.sql")
    assert _stories(mini, rows) == ["S5"]
    assert rows[0]["dateline"] == "Tehran (AFP) Sept 20, 2017"
    assert _run(mini, "teasers_missing_full_story.sql", since="2017-10-01") == []


def check_author_stories(mini: MiniArchive) -> None:
    rows = _run(mini, "author_stories.sql", author="anna%")
    got = [(r["author"], r["credit_position"], mini.story_key(r["story_id"])) for r in rows]
    assert got == [("Anna Ortiz", 0, "S4"), ("Anna Ortiz", 1, "S1")]
    everyone = _run(mini, "author_stories.sql")
    assert [r["author"] for r in everyone] == [
        "Anna Ortiz", "Anna Ortiz", "Bo Lindqvist", "Clara Mbeki",
    ]  # fmt: skip


def check_story_versions_side_by_side(mini: MiniArchive) -> None:
    rows = _run(mini, "story_versions_side_by_side.sql", story_id=mini.stories["S1"])
    assert [r["version"] for r in rows] == [1, 2]
    v1, v2 = rows
    assert (v1["is_current"], v2["is_current"]) == (0, 1)
    assert v1["words_added"] is None and v1["previous_body"] is None
    assert v2["words_added"] == len(FLOOD_V2.split()) - len(FLOOD_V1.split())
    assert (v2["body"], v2["previous_body"]) == (FLOOD_V2, FLOOD_V1)
    assert v2["previous_headline"] == v2["headline"]


def _check_search_text(mini: MiniArchive, name: str) -> None:
    dialect = sa.make_url(mini.url).get_backend_name()
    if f".{dialect}." not in name:
        with pytest.raises(QueryError, match="is for"):
            _run(mini, name, terms="floodwater")
        return
    assert _stories(mini, _run(mini, name, terms="floodwater")) == ["S1"]
    rows = _run(mini, name, terms="Geneva")
    assert _stories(mini, rows) == ["S3", "S2"]
    assert rows[0]["score"] > rows[1]["score"]
    assert len(_run(mini, name, terms="negotiators", limit=1)) == 1
    assert "[helicopters]" in _run(mini, name, terms="helicopters")[0]["snippet"].lower()


def check_search_text_postgresql(mini: MiniArchive) -> None:
    _check_search_text(mini, "search_text.postgresql.sql")


def check_search_text_sqlite(mini: MiniArchive) -> None:
    _check_search_text(mini, "search_text.sqlite.sql")


def check_busiest_days(mini: MiniArchive) -> None:
    rows = _run(mini, "busiest_days.sql")
    got = [(r["date"], r["stories"], r["full_stories"], r["teasers"], r["places"]) for r in rows]
    assert got == [
        ("2017-11-10", 2, 1, 1, 1),
        ("2017-11-12", 1, 1, 0, 0),
        ("2017-11-11", 1, 1, 0, 1),
        ("2017-10-01", 1, 1, 0, 1),
        ("2017-09-20", 1, 0, 1, 1),
    ]
    assert len(_run(mini, "busiest_days.sql", limit=2)) == 2


def check_most_active_places(mini: MiniArchive) -> None:
    rows = _run(mini, "most_active_places.sql", top=2)
    assert [(r["activity_rank"], r["place"], r["stories"]) for r in rows] == [
        (1, "Geneva", 3),
        (2, "Kathmandu", 2),
    ]
    assert len(_run(mini, "most_active_places.sql")) == 3


def check_places_in_country(mini: MiniArchive) -> None:
    rows = _run(mini, "places_in_country.sql", country="np")
    assert [(r["place"], r["stories"], r["first_date"]) for r in rows] == [
        ("Kathmandu", 2, "2017-10-01")
    ]
    assert _run(mini, "places_in_country.sql") == []  # default FR: none here


def check_dump_contents(mini: MiniArchive) -> None:
    rows = _run(mini, "dump_contents.sql", dump_id=mini.dumps["D2"])
    got = [(r["position"], r["role"], mini.story_key(r["story_id"]), r["version"]) for r in rows]
    assert got == [(0, "main", "S1", 2), (1, "related", "S3", 1), (2, "related", "S6", 1),
                   (3, "related", "S4", 1)]  # fmt: skip


def check_co_credited_authors(mini: MiniArchive) -> None:
    rows = _run(mini, "co_credited_authors.sql")
    assert rows == [{"author": "Anna Ortiz", "co_author": "Bo Lindqvist", "shared_stories": 1}]


def check_recent_ingest_runs(mini: MiniArchive) -> None:
    rows = _run(mini, "recent_ingest_runs.sql")
    assert [(r["run_id"], r["status"], r["files_seen"], r["rejected"]) for r in rows] == [
        (mini.run_id, "success", 7, 3)
    ]


def check_rejects_by_reason(mini: MiniArchive) -> None:
    rows = _run(mini, "rejects_by_reason.sql")
    assert [(r["reason"], r["rejects"], r["total_bytes"]) for r in rows] == [
        ("empty", 2, 1),
        ("binary", 1, 10),
    ]


def check_stories_in_most_dumps(mini: MiniArchive) -> None:
    rows = _run(mini, "stories_in_most_dumps.sql")
    assert [(mini.story_key(r["story_id"]), r["dump_count"]) for r in rows] == [
        ("S1", 3), ("S2", 2), ("S4", 2),
    ]  # fmt: skip
    assert _stories(mini, _run(mini, "stories_in_most_dumps.sql", min_dumps=3)) == ["S1"]


def check_date_drift(mini: MiniArchive) -> None:
    rows = _run(mini, "date_drift.sql")
    assert [(mini.story_key(r["story_id"]), r["days_from_dump"]) for r in rows] == [
        ("S5", -52), ("S4", -42), ("S2", 40),
    ]  # fmt: skip


def check_data_quality_summary(mini: MiniArchive) -> None:
    (row,) = _run(mini, "data_quality_summary.sql")
    assert row == {
        "stories": 7,
        "teasers": 2,
        "no_dateline": 1,
        "unlinked_teasers": 1,
        "stories_with_date_drift": 3,
        "places_without_country": 0,
        "rejects": 3,
    }


def check_headline_contains(mini: MiniArchive) -> None:
    rows = _run(mini, "headline_contains.sql", pattern="%GENEVA%")
    assert _stories(mini, rows) == ["S3"]
    assert _stories(mini, _run(mini, "headline_contains.sql")) == ["S3"]  # default %talks%


CHECKS: dict[str, Callable[[MiniArchive], None]] = {
    name.removeprefix("check_").replace("_postgresql", ".postgresql").replace("_sqlite", ".sqlite")
    + ".sql": fn
    for name, fn in list(globals().items())
    if name.startswith("check_") and callable(fn)
}


def test_every_query_file_is_checked_and_documented() -> None:
    files = query_files(QUERIES)
    assert len(files) >= 12
    assert {q.path.name for q in files} == set(CHECKS)
    for query in files:
        assert query.title and len(query.doc.splitlines()) >= 3, query.path.name
        used = set(sa.text(query.sql).compile().params)
        declared = {p.name for p in query.params}
        assert used == declared, f"{query.path.name}: declare exactly the parameters it uses"
        assert all(p.default is not None for p in query.params), query.path.name
        if query.backend:
            assert query.twin is not None and query.twin.is_file(), query.path.name
            assert load_query_file(query.twin).backend not in (None, query.backend)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query(mini: MiniArchive, name: str) -> None:
    CHECKS[name](mini)


def test_every_query_runs_with_its_defaults(mini: MiniArchive) -> None:
    dialect = sa.make_url(mini.url).get_backend_name()
    for query in query_files(QUERIES):
        if query.backend not in (None, dialect):
            continue
        result = run_query_file(mini.url, query.path)
        assert result.columns, query.path.name


def test_every_example_returns_rows_with_its_defaults_on_the_sample_data(db_url: str) -> None:
    """The README's tour runs them on `landing/sample`: none may come back empty there."""
    from etl import pipeline

    pipeline.ingest([str(Path(__file__).resolve().parents[2] / "landing" / "sample")], db_url)
    dialect = sa.make_url(db_url).get_backend_name()
    empty = []
    for query in query_files(QUERIES):
        if query.backend not in (None, dialect):
            continue
        if not run_query_file(db_url, query.path).rows:
            empty.append(query.path.name)
    assert empty == []
