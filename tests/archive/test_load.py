"""Loader, identity, versions, links and invariants on hand-built parses, on both backends."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from etl import pipeline
from etl.archive import bulk, db, identity, load
from tests.archive.builders import dump, story

LEAD = (
    "Port authorities in the coastal city warned on Tuesday of fresh delays at the main "
    "container terminal after a week of strikes by crane operators and customs staff"
)
MORE = "Shipping lines said they would divert vessels to smaller harbours further north."


def _load(url: str, *dumps_: tuple, run_id: int | None = None) -> list:
    out = []
    with db.transaction(url) as conn:
        ld = load.Loader(conn, run_id)
        for parsed, raw in dumps_:
            with conn.begin_nested():
                out.append(load.load_dump(ld, parsed, raw))
    return out


def _rows(url: str, sql: str, **params: object) -> list[tuple]:
    with db.get_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def _count(url: str, table: str) -> int:
    return int(_rows(url, f"SELECT count(*) FROM {table}")[0][0])


@pytest.fixture
def url(db_url: str) -> str:
    db.upgrade(db_url)
    return db_url


def _load_bulk(url: str, *dumps_: tuple) -> None:
    """The PostgreSQL batch path (etl.archive.bulk), one batch, as pipeline._load_bulk calls it."""
    with db.transaction(url) as conn:
        ld = load.Loader(conn, None)
        with conn.begin_nested():
            bulk.load_dumps(ld, list(dumps_), None)


# Bylines whose credit order is not alphabetical, so a loader that sorted names would show.
CREDIT_ORDER = ("Zoe Adams", "Bernard Ito")
NEW_CREDIT_ORDER = ("Yusuf Aranda", "Mei Silva", "Carla Berg")
OTHER_CREDIT_ORDER = ("Walter Obi", "Anna Lee")


def _credits(url: str) -> dict[str, tuple[list[tuple[str, int]], str | None]]:
    """Headline -> (story_authors names with their positions, story_full.authors)."""
    listed = _rows(
        url,
        "SELECT s.headline, a.name, sa.position FROM story_authors sa "
        "JOIN authors a ON a.id = sa.author_id JOIN stories s ON s.id = sa.story_id "
        "ORDER BY s.headline, sa.position",
    )
    out: dict[str, tuple[list[tuple[str, int]], str | None]] = {}
    for headline, shown in _rows(url, "SELECT headline, authors FROM story_full"):
        names = [(name, pos) for h, name, pos in listed if h == headline]
        out[headline] = (names, shown)
    return out


def _expected(names: tuple[str, ...]) -> tuple[list[tuple[str, int]], str]:
    return [(n, i) for i, n in enumerate(names)], ", ".join(names)


def _check_credit_order(url: str, load_batch: Callable[..., object]) -> None:
    """A new story, then a newer version of it (credits replaced), keep byline order."""
    v1 = story(LEAD, headline="Strike spreads", authors=CREDIT_ORDER)
    load_batch(url, dump("a.txt", v1, day=dt.date(2017, 11, 3)))
    assert _credits(url) == {"Strike spreads": _expected(CREDIT_ORDER)}
    v2 = story(LEAD + "\n\n" + MORE, headline="Strike spreads", authors=NEW_CREDIT_ORDER)
    other = story(
        "Grain prices rose for a third week " * 4, headline="Grain", authors=OTHER_CREDIT_ORDER
    )
    load_batch(url, dump("b.txt", v2, other, day=dt.date(2017, 11, 4)))
    assert _rows(url, "SELECT current_version FROM stories WHERE headline = 'Strike spreads'") == [
        (2,)
    ]
    assert _credits(url) == {
        "Strike spreads": _expected(NEW_CREDIT_ORDER),
        "Grain": _expected(OTHER_CREDIT_ORDER),
    }
    assert pipeline.check_archive(url) == []


def test_per_dump_loader_keeps_byline_credit_order(url: str) -> None:
    _check_credit_order(url, _load)


def test_bulk_loader_keeps_byline_credit_order(pg_url: str) -> None:
    db.upgrade(pg_url)
    _check_credit_order(pg_url, _load_bulk)


def test_fields_land_in_their_columns(url: str) -> None:
    main = story(
        LEAD + "\n\n" + MORE, subhead="Strike spreads", authors=("Ana Okafor", "Mei Silva")
    )
    parsed, raw = dump("a.txt", main)
    [summary] = _load(url, (parsed, raw))
    assert (summary.dumps_loaded, summary.stories_new) == (1, 1)
    row = _rows(
        url,
        "SELECT headline, place, country, date, date_source, body, dateline_raw, is_teaser "
        "FROM stories",
    )[0]
    assert row[0] == "Council approves flood plan"
    assert (row[1], row[2]) == ("Nairobi", "KE")
    assert str(row[3]) == "2017-11-03" and row[4] == "dateline"
    assert row[5] == main.text and row[6] == "Nairobi (AFP) Nov 3, 2017"
    assert not row[7]
    paras = _rows(url, "SELECT position, kind, text FROM paragraphs ORDER BY position")
    assert [p[1] for p in paras] == ["text", "subhead", "text"]
    assert paras[1][2] == "Strike spreads" and paras[2][2] == MORE
    credits = _rows(
        url,
        "SELECT a.name, sa.position FROM story_authors sa JOIN authors a ON a.id = sa.author_id "
        "ORDER BY sa.position",
    )
    assert credits == [("Ana Okafor", 0), ("Mei Silva", 1)]
    assert _rows(url, "SELECT agency_code FROM story_agencies") == [("AFP",)]
    dump_row = _rows(url, "SELECT sha256, story_count, format, dump_date FROM dumps")[0]
    assert dump_row[0] == parsed.sha256 and dump_row[1] == 1 and dump_row[2] == "text"
    assert str(dump_row[3]) == "2017-11-03"
    assert pipeline.check_archive(url) == []


def test_same_dump_twice_changes_nothing(url: str) -> None:
    pair = dump("a.txt", story(LEAD))
    _load(url, pair)
    before = {t: _count(url, t) for t in ("dumps", "stories", "story_versions", "paragraphs")}
    [again] = _load(url, pair)
    assert again.duplicates == 1 and again.dumps_loaded == 0
    assert {t: _count(url, t) for t in before} == before


def test_teaser_recurring_in_many_dumps_is_one_story(url: str) -> None:
    teaser = story(" ".join(LEAD.split()[:15]), teaser=True)
    dumps_ = [
        dump(f"{i}.txt", story(f"Main story number {i} about grain prices " * 3), teaser)
        for i in range(3)
    ]
    results = _load(url, *dumps_)
    assert [r.stories_new for r in results] == [2, 1, 1]
    assert [r.stories_seen for r in results] == [0, 1, 1]
    assert _rows(url, "SELECT count(*) FROM stories WHERE is_teaser = TRUE") == [(1,)]
    assert _rows(
        url,
        "SELECT count(*) FROM appearances a JOIN stories s ON s.id = a.story_id "
        "WHERE s.is_teaser = TRUE",
    ) == [(3,)]


@pytest.mark.parametrize("teaser_first", [True, False])
def test_teaser_links_to_full_story_whatever_the_order(url: str, teaser_first: bool) -> None:
    teaser_text = " ".join(LEAD.split()[:15]) + " conta"  # cut mid-word, as pages do
    teaser = dump(
        "t.txt", story("Unrelated opening about farmers " * 4), story(teaser_text, teaser=True)
    )
    full = dump("f.txt", story(LEAD + "\n\n" + MORE))
    first, second = (teaser, full) if teaser_first else (full, teaser)
    _load(url, first)
    pipeline.link_teasers(url)
    _load(url, second)
    assert pipeline.link_teasers(url) == 1
    linked = _rows(
        url,
        "SELECT t.is_teaser, f.is_teaser, f.body FROM stories t "
        "JOIN stories f ON f.id = t.full_story_id",
    )
    assert len(linked) == 1 and linked[0][0] and not linked[0][1]
    assert linked[0][2].startswith(LEAD)
    assert pipeline.link_teasers(url) == 0


def test_teaser_from_another_place_is_not_linked(url: str) -> None:
    teaser = story(" ".join(LEAD.split()[:18]), teaser=True, place="Lima")
    _load(url, dump("t.txt", story("Some other main story text " * 4), teaser))
    _load(url, dump("f.txt", story(LEAD)))
    assert pipeline.link_teasers(url) == 0


def test_changed_text_gives_a_second_version_and_latest_is_current(url: str) -> None:
    v1 = story(LEAD + "\n\n" + MORE)
    v2 = story(LEAD + "\n\n" + MORE + "\n\nA union leader said talks would resume on Friday.")
    [r1] = _load(url, dump("old.txt", v1, day=dt.date(2017, 11, 3)))
    [r2] = _load(url, dump("new.txt", v2, day=dt.date(2017, 11, 4)))
    assert r1.stories_new == 1 and r2.stories_seen == 1 and r2.versions_new == 1
    assert _rows(url, "SELECT version, paragraph_count FROM story_versions ORDER BY version") == [
        (1, 2),
        (2, 3),
    ]
    assert _rows(url, "SELECT current_version, body FROM stories") == [(2, v2.text)]
    # An older page seen late does not take the story back to its older text.
    [r3] = _load(url, dump("older.txt", v1, story("Filler story " * 20), day=dt.date(2017, 11, 1)))
    assert r3.versions_new == 0
    assert _rows(url, "SELECT current_version FROM stories WHERE body = :b", b=v2.text) == [(2,)]
    assert pipeline.check_archive(url) == []


def test_exception_in_the_middle_of_a_batch_leaves_no_partial_dump(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = [
        dump(f"{i}.txt", story(f"Story {i} on water shortages in the capital " * 3))
        for i in range(4)
    ]

    def explode(conn: sa.Connection, parsed: object, dump_id: int) -> None:
        if parsed is pairs[2][0]:
            raise RuntimeError("injected failure")

    monkeypatch.setattr(load, "after_dump_hook", explode)
    with pytest.raises(RuntimeError):
        _load(url, *pairs)
    for table in ("dumps", "stories", "story_versions", "paragraphs", "appearances"):
        assert _count(url, table) == 0, table


def test_constraint_violation_rolls_back_only_that_dump(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = [
        dump(f"{i}.txt", story(f"Story {i} on the cost of two bridges " * 3)) for i in range(3)
    ]

    def violate(conn: sa.Connection, parsed: object, dump_id: int) -> None:
        if parsed is pairs[1][0]:  # a second appearance at an existing position: PK violation
            conn.execute(
                sa.text(
                    "INSERT INTO appearances (dump_id, position, story_id, version_id, role) "
                    "SELECT dump_id, position, story_id, version_id, role FROM appearances "
                    "WHERE dump_id = :d"
                ),
                {"d": dump_id},
            )

    monkeypatch.setattr(load, "after_dump_hook", violate)
    loaded = []
    with db.transaction(url) as conn:
        ld = load.Loader(conn, None)
        for parsed, raw in pairs:
            try:
                with conn.begin_nested():
                    load.load_dump(ld, parsed, raw)
                loaded.append(parsed.source)
            except sa.exc.IntegrityError:
                ld.reset_caches()
    assert loaded == ["0.txt", "2.txt"]
    assert sorted(r[0] for r in _rows(url, "SELECT source_uri FROM dumps")) == ["0.txt", "2.txt"]
    assert _count(url, "stories") == 2 and _count(url, "appearances") == 2
    assert pipeline.check_archive(url) == []


def test_check_archive_finds_a_broken_invariant(url: str) -> None:
    _load(url, dump("a.txt", story(LEAD)))
    assert pipeline.check_archive(url) == []
    with db.transaction(url) as conn:
        conn.execute(sa.text("UPDATE stories SET body = 'tampered'"))
        conn.execute(sa.text("UPDATE dumps SET story_count = 5"))
    problems = pipeline.check_archive(url)
    assert any("current version" in p for p in problems)
    assert any("story_count" in p for p in problems)


def test_concurrent_loaders_end_with_the_rows_of_one(url: str) -> None:
    teaser = story(" ".join(LEAD.split()[:15]), teaser=True)
    pairs = [
        dump(f"{i}.txt", story(f"Story {i} about delays at the terminal " * 3), teaser)
        for i in range(12)
    ]
    errors: list[BaseException] = []

    def worker(order: list) -> None:
        try:
            for parsed, raw in order:
                db.retrying(lambda p=parsed, r=raw: _load(url, (p, r)))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [
        threading.Thread(target=worker, args=(pairs,)),
        threading.Thread(target=worker, args=(list(reversed(pairs)),)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _count(url, "dumps") == 12
    assert _count(url, "stories") == 13
    assert _count(url, "appearances") == 24
    assert _count(url, "story_versions") == 13
    assert pipeline.check_archive(url) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
    | st.lists(st.sampled_from(["Straße", "ǰ", "ΣΑΣ", "İ", "ﬁ", "-", " ", "x"]), max_size=120).map(
        "".join
    ),
    st.integers(min_value=0, max_value=25),
)
def test_opening_words_are_the_first_words_of_the_whole_text(text: str, n: int) -> None:
    """The loader's shortcut keys stories exactly as tokenising the whole text would."""
    assert identity.opening_words(text, n) == identity.words(text)[:n]
