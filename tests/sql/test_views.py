"""Every view on both backends, against a hand-written archive whose answers are known."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from etl.archive import db
from etl.archive.views import VIEW_NAMES, render_views_sql
from tests.sql.conftest import fetch
from tests.sql.mini_archive import DUMPS, FLOOD_V2, STORIES, MiniArchive

REPO = Path(__file__).resolve().parents[2]
SOURCES = {d.key: d.source for d in DUMPS}

STORY_FULL_COLUMNS = [
    "story_id", "story_key", "headline", "byline", "authors", "agencies", "dateline", "place",
    "region", "country", "date", "date_source", "is_teaser", "full_story_id",
    "full_story_headline", "current_version", "paragraph_count", "word_count", "text",
    "dump_count", "first_dump_id", "first_dump_date", "first_dump_source", "last_dump_id",
    "last_dump_date", "last_dump_source", "first_seen_at", "updated_at",
]  # fmt: skip


def _by_story(mini: MiniArchive, rows: list[dict]) -> dict[str, dict]:
    return {mini.story_key(r["story_id"]): r for r in rows}


def test_every_view_exists_with_stable_columns(mini: MiniArchive) -> None:
    for name in VIEW_NAMES:  # the mini archive is built so that every view has rows
        rows = fetch(mini.url, f"SELECT * FROM {name}")
        assert rows, f"{name} returned no row"
    cols = sa.inspect(db.get_engine(mini.url)).get_view_names()
    assert set(VIEW_NAMES) <= set(cols)
    from etl.archive.query import run_sql

    assert list(run_sql(mini.url, "SELECT * FROM story_full WHERE 1 = 0").columns) == (
        STORY_FULL_COLUMNS
    )


def test_story_full_one_row_per_story_with_ordered_credits(mini: MiniArchive) -> None:
    rows = _by_story(mini, fetch(mini.url, "SELECT * FROM story_full"))
    assert set(rows) == {s.key for s in STORIES}
    s1 = rows["S1"]
    assert s1["headline"] == "Floods cut off mountain villages in the north"
    assert s1["authors"] == "Bo Lindqvist, Anna Ortiz"  # credit order, not alphabetical
    assert s1["agencies"] == "APP, AFP"
    assert (s1["place"], s1["region"], s1["country"]) == ("Kathmandu", None, "NP")
    assert s1["date"] == "2017-11-11"
    assert not s1["is_teaser"]
    assert s1["current_version"] == 2
    assert s1["paragraph_count"] == 3
    assert s1["word_count"] == len(FLOOD_V2.split())
    assert s1["text"] == FLOOD_V2
    assert s1["dump_count"] == 3
    # D4 is undated: first and last are the dated dumps.
    assert (s1["first_dump_id"], s1["first_dump_date"]) == (mini.dumps["D1"], "2017-11-11")
    assert (s1["last_dump_id"], s1["last_dump_date"]) == (mini.dumps["D2"], "2017-11-12")
    assert s1["last_dump_source"] == SOURCES["D2"]


def test_story_full_teaser_link_and_missing_credits(mini: MiniArchive) -> None:
    rows = _by_story(mini, fetch(mini.url, "SELECT * FROM story_full"))
    s2 = rows["S2"]
    assert s2["is_teaser"]
    assert s2["full_story_id"] == mini.stories["S3"]
    assert s2["full_story_headline"] == "Talks on refugee aid resume in Geneva"
    assert s2["authors"] is None
    assert s2["agencies"] == "Reuters"
    s6 = rows["S6"]
    assert (s6["agencies"], s6["authors"], s6["dateline"]) == (None, None, None)
    assert rows["S5"]["full_story_id"] is None


def test_story_full_first_and_last_dump_follow_dump_dates(mini: MiniArchive) -> None:
    rows = _by_story(mini, fetch(mini.url, "SELECT * FROM story_full"))
    s4 = rows["S4"]
    # Loaded from D2 first, but D3 (a backfill) is the older page.
    assert s4["first_dump_id"] == mini.dumps["D3"]
    assert s4["first_dump_source"] == SOURCES["D3"]
    assert s4["last_dump_id"] == mini.dumps["D2"]
    s2 = rows["S2"]
    assert (s2["first_dump_id"], s2["last_dump_id"]) == (mini.dumps["D3"], mini.dumps["D1"])
    s7 = rows["S7"]  # only in an undated dump
    assert s7["first_dump_id"] == s7["last_dump_id"] == mini.dumps["D4"]
    assert s7["first_dump_date"] is None
    assert s7["date"] is None


def test_stories_per_day_agency(mini: MiniArchive) -> None:
    rows = fetch(mini.url, "SELECT * FROM stories_per_day_agency")
    got = {(r["date"], r["agency"]): (r["stories"], r["full_stories"], r["teasers"]) for r in rows}
    assert got == {
        ("2017-11-11", "APP"): (1, 1, 0),
        ("2017-11-11", "AFP"): (1, 1, 0),
        ("2017-11-10", "Reuters"): (2, 1, 1),
        ("2017-10-01", "AFP"): (1, 1, 0),
        ("2017-09-20", "AFP"): (1, 0, 1),
        (None, "AFP"): (1, 1, 0),
    }


def test_place_activity_ranks_places(mini: MiniArchive) -> None:
    rows = fetch(mini.url, "SELECT * FROM place_activity ORDER BY activity_rank, place")
    got = [
        (r["place"], r["country"], r["stories"], r["full_stories"], r["teasers"],
         r["first_date"], r["last_date"], r["activity_rank"])
        for r in rows
    ]  # fmt: skip
    assert got == [
        ("Geneva", "CH", 3, 2, 1, "2017-11-10", "2017-11-10", 1),
        ("Kathmandu", "NP", 2, 2, 0, "2017-10-01", "2017-11-11", 2),
        ("Tehran", "IR", 1, 0, 1, "2017-09-20", "2017-09-20", 3),
    ]


def test_author_views(mini: MiniArchive) -> None:
    credits = fetch(mini.url, "SELECT * FROM author_stories")
    got = {(r["author"], mini.story_key(r["story_id"]), r["credit_position"]) for r in credits}
    assert got == {
        ("Bo Lindqvist", "S1", 0),
        ("Anna Ortiz", "S1", 1),
        ("Anna Ortiz", "S4", 0),
        ("Clara Mbeki", "S3", 0),
    }
    summary = {r["author"]: r for r in fetch(mini.url, "SELECT * FROM author_summary")}
    anna = summary["Anna Ortiz"]
    assert (anna["stories"], anna["lead_credits"], anna["places"]) == (2, 1, 1)
    assert (anna["first_date"], anna["last_date"]) == ("2017-10-01", "2017-11-11")
    assert summary["Bo Lindqvist"]["lead_credits"] == 1
    assert set(summary) == {"Anna Ortiz", "Bo Lindqvist", "Clara Mbeki"}


def test_dump_stories_in_page_order(mini: MiniArchive) -> None:
    from tests.sql.mini_archive import APPEARANCES

    rows = fetch(mini.url, "SELECT * FROM dump_stories")
    got = [
        (r["dump_id"], r["position"], mini.story_key(r["story_id"]), r["version"], r["role"])
        for r in rows
    ]
    expected = sorted(
        (mini.dumps[d], pos, story, ver, role) for d, pos, story, ver, role in APPEARANCES
    )
    assert got == expected
    d4 = [r for r in rows if r["dump_id"] == mini.dumps["D4"]]
    assert [r["dump_date"] for r in d4] == [None, None]
    assert d4[1]["headline"] == "Floods cut off mountain villages in the north"


def test_data_quality_views(mini: MiniArchive) -> None:
    no_dateline = fetch(mini.url, "SELECT * FROM dq_no_dateline")
    assert [mini.story_key(r["story_id"]) for r in no_dateline] == ["S6"]
    assert no_dateline[0]["first_dump_source"] == SOURCES["D2"]

    drift = fetch(mini.url, "SELECT * FROM dq_date_drift")
    got = {(mini.story_key(r["story_id"]), r["dump_id"], r["days_from_dump"]) for r in drift}
    assert got == {
        ("S5", mini.dumps["D1"], -52),  # Sept 20 vs Nov 11
        ("S4", mini.dumps["D2"], -42),  # Oct 1 vs Nov 12
        ("S2", mini.dumps["D3"], 40),  # Nov 10 on a page of Oct 1
    }

    unlinked = fetch(mini.url, "SELECT * FROM dq_unlinked_teasers")
    assert [mini.story_key(r["story_id"]) for r in unlinked] == ["S5"]
    assert unlinked[0]["place"] == "Tehran"

    rejects = {r["reason"]: r for r in fetch(mini.url, "SELECT * FROM dq_rejects_by_reason")}
    assert set(rejects) == {"empty", "binary"}
    assert (rejects["empty"]["rejects"], rejects["empty"]["total_bytes"]) == (2, 1)
    assert (rejects["binary"]["rejects"], rejects["binary"]["total_bytes"]) == (1, 10)


def test_views_follow_new_rows(mini: MiniArchive) -> None:
    """Views are plain views: a credit added by a later load shows at once."""
    from etl.archive import schema

    with db.transaction(mini.url) as conn:
        conn.execute(
            schema.story_agencies.insert().values(
                story_id=mini.stories["S6"], agency_code="AFP", position=0
            )
        )
    row = fetch(mini.url, f"SELECT agencies FROM story_full WHERE story_id = {mini.stories['S6']}")
    assert row == [{"agencies": "AFP"}]


def test_downgrade_removes_views_and_upgrade_restores_them(db_url: str) -> None:
    db.upgrade(db_url)
    try:
        with db.get_engine(db_url).begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(db.MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001_initial")
        names = set(sa.inspect(db.get_engine(db_url)).get_view_names())
        assert not names & set(VIEW_NAMES)
        db.upgrade(db_url)
        names = set(sa.inspect(db.get_engine(db_url)).get_view_names())
        assert set(VIEW_NAMES) <= names
    finally:
        db.dispose_engine(db_url)


def test_sql_views_file_matches_the_code() -> None:
    text = (REPO / "sql" / "views.sql").read_text(encoding="utf-8")
    assert text == render_views_sql(), "regenerate: python -m etl.archive.views > sql/views.sql"
