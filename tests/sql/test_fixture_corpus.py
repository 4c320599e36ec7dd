"""Views, queries, search and export over the project's fixture corpus, loaded by ingest().

The hand-written archive pins exact answers; this test checks the same views against the
real loader's output, recomputing each view's answer in Python from the base tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import sqlalchemy as sa

from etl.archive import db
from etl.archive.query import export_stories, query_files, run_query_file
from etl.archive.search import search
from etl.archive.views import DRIFT_FUTURE_DAYS, DRIFT_PAST_DAYS
from etl.pipeline import ingest
from tests.sql.conftest import fetch

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures"


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _iso(value: Any) -> str | None:
    day = _day(value)
    return day.isoformat() if day else None


def _table(url: str, name: str) -> list[dict[str, Any]]:
    with db.get_engine(url).connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(f"SELECT * FROM {name}")).mappings()]


def _check_story_full(url: str) -> None:
    stories = {s["id"]: s for s in _table(url, "stories")}
    dumps = {d["id"]: d for d in _table(url, "dumps")}
    versions = {(v["story_id"], v["version"]): v for v in _table(url, "story_versions")}
    authors = {a["id"]: a["name"] for a in _table(url, "authors")}
    credit: dict[int, list] = defaultdict(list)
    for c in _table(url, "story_agencies"):
        credit[c["story_id"]].append((c["position"], c["agency_code"]))
    byline: dict[int, list] = defaultdict(list)
    for c in _table(url, "story_authors"):
        byline[c["story_id"]].append((c["position"], authors[c["author_id"]]))
    seen: dict[int, set] = defaultdict(set)
    for a in _table(url, "appearances"):
        seen[a["story_id"]].add(a["dump_id"])

    def dump_order(dump_id: int) -> tuple:
        day = _day(dumps[dump_id]["dump_date"])
        return (day is None, day or dt.date.min, dump_id)

    rows = fetch(url, "SELECT * FROM story_full")
    assert len(rows) == len(stories) > 50
    for row in rows:
        sid = row["story_id"]
        story = stories[sid]
        want_agencies = ", ".join(c for _, c in sorted(credit[sid])) or None
        want_authors = ", ".join(n for _, n in sorted(byline[sid])) or None
        assert row["agencies"] == want_agencies, sid
        assert row["authors"] == want_authors, sid
        assert row["headline"] == story["headline"] and row["text"] == story["body"]
        assert row["date"] == _iso(story["date"])
        current = versions[(sid, story["current_version"])]
        assert row["word_count"] == current["word_count"]
        assert row["paragraph_count"] == current["paragraph_count"]
        assert row["dump_count"] == len(seen[sid])
        ordered = sorted(seen[sid], key=dump_order)
        assert row["first_dump_id"] == ordered[0], sid
        dated = [d for d in ordered if dumps[d]["dump_date"] is not None]
        assert row["last_dump_id"] == (dated[-1] if dated else ordered[-1]), sid
        if story["full_story_id"] is not None:
            assert row["full_story_headline"] == stories[story["full_story_id"]]["headline"]


def _check_aggregate_views(url: str, reject_reasons: dict[str, int]) -> None:
    stories = _table(url, "stories")
    by_id = {s["id"]: s for s in stories}
    per_day = Counter(
        (_iso(by_id[c["story_id"]]["date"]), c["agency_code"])
        for c in _table(url, "story_agencies")
    )
    rows = fetch(url, "SELECT * FROM stories_per_day_agency")
    got = {(r["date"], r["agency"]): r["stories"] for r in rows}
    assert got == dict(per_day)

    places = Counter((s["place"], s["region"], s["country"]) for s in stories if s["place"])
    rows = fetch(url, "SELECT * FROM place_activity")
    assert {(r["place"], r["region"], r["country"]): r["stories"] for r in rows} == dict(places)
    for r in rows:
        better = sum(1 for n in places.values() if n > r["stories"])
        assert r["activity_rank"] == better + 1

    no_dateline = {s["id"] for s in stories if s["dateline_raw"] is None}
    assert {r["story_id"] for r in fetch(url, "SELECT * FROM dq_no_dateline")} == no_dateline

    unlinked = {s["id"] for s in stories if s["is_teaser"] and s["full_story_id"] is None}
    got_unlinked = {r["story_id"] for r in fetch(url, "SELECT * FROM dq_unlinked_teasers")}
    assert got_unlinked == unlinked

    dumps = {d["id"]: _day(d["dump_date"]) for d in _table(url, "dumps")}
    drift = set()
    for a in _table(url, "appearances"):
        day, dump_day = _day(by_id[a["story_id"]]["date"]), dumps[a["dump_id"]]
        if day and dump_day:
            days = (day - dump_day).days
            if days > DRIFT_FUTURE_DAYS or days < -DRIFT_PAST_DAYS:
                drift.add((a["story_id"], a["dump_id"], days))
    rows = fetch(url, "SELECT * FROM dq_date_drift")
    assert {(r["story_id"], r["dump_id"], r["days_from_dump"]) for r in rows} == drift

    rejects = {r["reason"]: r["rejects"] for r in fetch(url, "SELECT * FROM dq_rejects_by_reason")}
    assert rejects == reject_reasons  # the pipeline's own count, an independent source

    credits = _table(url, "story_authors")
    summary = {r["author_id"]: r["stories"] for r in fetch(url, "SELECT * FROM author_summary")}
    assert summary == dict(Counter(c["author_id"] for c in credits))
    assert len(fetch(url, "SELECT * FROM author_stories")) == len(credits)
    page = fetch(url, "SELECT dump_id, position FROM dump_stories")
    assert [(r["dump_id"], r["position"]) for r in page] == sorted(
        (a["dump_id"], a["position"]) for a in _table(url, "appearances")
    )


def _check_search(url: str) -> None:
    with db.get_engine(url).connect() as conn:
        if conn.dialect.name == "sqlite":  # the loader's writes reached the FTS index
            conn.execute(
                sa.text("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, stories_fts, "
                        "'instance')")
            )  # fmt: skip
            indexed = set(conn.execute(sa.text("SELECT DISTINCT doc FROM fts_terms")).scalars())
            stored = set(conn.execute(sa.text("SELECT id FROM stories")).scalars())
            assert indexed == stored
        else:
            unindexed = conn.execute(
                sa.text("SELECT COUNT(*) FROM stories WHERE search_vector IS NULL")
            ).scalar_one()
            assert unindexed == 0
    stories = [s for s in _table(url, "stories") if s["headline"]]
    story = max(stories, key=lambda s: len(s["body"]))
    word = max(re.findall(r"[A-Za-z]{6,}", story["headline"]), key=len)
    hits = search(url, word, limit=100)
    assert story["id"] in [h.story_id for h in hits], word
    stem = word[:4].casefold()
    texts = {s["id"]: f"{s['headline'] or ''} {s['body']}".casefold() for s in stories}
    for hit in hits:
        if hit.story_id in texts:
            assert stem in texts[hit.story_id], (word, hit)
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def _check_queries_and_export(url: str, tmp_path: Path) -> None:
    dialect = sa.make_url(url).get_backend_name()
    for query in query_files(REPO / "sql" / "queries"):
        if query.backend in (None, dialect):
            assert run_query_file(url, query.path).columns, query.path.name
    (summary,) = run_query_file(url, REPO / "sql" / "queries" / "data_quality_summary.sql").rows
    assert summary[0] == len(_table(url, "stories"))
    top = fetch(url, "SELECT * FROM place_activity WHERE activity_rank = 1 ORDER BY place")[0]
    rows = run_query_file(
        url,
        REPO / "sql" / "queries" / "stories_from_place.sql",
        {"place": top["place"], "since": "1900-01-01", "until": "2100-12-31"},
    ).rows
    dated = [s for s in _table(url, "stories") if s["place"] == top["place"] and s["date"]]
    assert len(rows) == len(dated) > 0
    out = tmp_path / "corpus.parquet"
    count = export_stories(url, out)
    assert count == pq.read_table(out).num_rows == len(_table(url, "stories"))
    since, until = dt.date(2017, 11, 11), dt.date(2017, 11, 30)
    in_range = sum(
        1
        for s in _table(url, "stories")
        if s["date"] is not None and since <= _day(s["date"]) <= until
    )
    assert export_stories(url, tmp_path / "nov.csv", since=since, until=until) == in_range > 0


def test_fixture_corpus_archive(db_url: str, tmp_path: Path) -> None:
    try:
        summary = ingest([CORPUS / "dumps", CORPUS / "bad"], db_url)
        assert summary.status == "success" and summary.dumps_loaded > 50
        _check_story_full(db_url)
        _check_aggregate_views(db_url, summary.reject_reasons)
        _check_search(db_url)
        _check_queries_and_export(db_url, tmp_path)
    finally:
        db.dispose_engine(db_url)
