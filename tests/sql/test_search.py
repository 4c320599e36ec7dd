"""Full-text search on both backends: matching, ranking, filters, and an index kept current."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from etl.archive import db, schema
from etl.archive.search import SearchError, SearchFilters, parse_terms, search
from etl.cli import main
from tests.sql.mini_archive import NOW, MiniArchive


def _keys(mini: MiniArchive, text: str, filters: SearchFilters | None = None, **kw) -> list:
    return [mini.story_key(h.story_id) for h in search(mini.url, text, filters, **kw)]


def test_parse_terms_groups_phrases_or_and_exclusions() -> None:
    terms = parse_terms('border "refugee aid" OR shelters -rumour -"fake news"')
    assert terms.groups == (("border",), ("refugee aid", "shelters"))
    assert terms.excluded == ("rumour", "fake news")
    assert terms.fts5() == (
        '("border" AND ("refugee aid" OR "shelters")) NOT "rumour" NOT "fake news"'
    )
    expr, params = terms.tsquery()
    assert params == {"p0": "border", "p1": "refugee aid", "p2": "shelters", "p3": "rumour",
                      "p4": "fake news"}  # fmt: skip
    assert expr.count("!!") == 2


def test_parse_terms_keeps_user_text_out_of_the_syntax() -> None:
    terms = parse_terms('NEAR(x* ^col: "open')
    assert terms.groups == (("NEAR x",), ("col",), ("open",))
    with pytest.raises(SearchError):
        parse_terms("-only -excluded")
    with pytest.raises(SearchError):
        parse_terms('  "" ... ')


def test_search_finds_words_in_text_and_headline(mini: MiniArchive) -> None:
    assert _keys(mini, "floodwater") == ["S1"]
    assert _keys(mini, "flood") == ["S1"]  # stemmed: the headline says "Floods"
    assert _keys(mini, "rescue helicopters") == ["S1"]  # every word must match
    assert _keys(mini, "rescue festival") == []
    assert _keys(mini, "HARVEST") == ["S4"]


def test_search_ranks_headline_hits_first(mini: MiniArchive) -> None:
    hits = search(mini.url, "Geneva")
    assert [mini.story_key(h.story_id) for h in hits] == ["S3", "S2"]
    assert hits[0].rank > hits[1].rank
    assert hits[0].agencies == ("Reuters",)
    assert hits[1].is_teaser and not hits[0].is_teaser
    assert hits[0].date == dt.date(2017, 11, 10)


def test_search_phrases_or_and_exclusion(mini: MiniArchive) -> None:
    assert _keys(mini, '"refugee aid"') == ["S3"]
    assert _keys(mini, '"aid refugee"') == []
    assert sorted(_keys(mini, "harvest OR metro")) == ["S4", "S5"]
    assert sorted(_keys(mini, "negotiators")) == ["S2", "S3"]
    assert _keys(mini, "negotiators -refugee") == ["S2"]
    assert _keys(mini, 'NEAR(x* ^col: "open') == []  # odd input: no match, no error


def test_search_filters_and_limit(mini: MiniArchive) -> None:
    assert sorted(_keys(mini, "negotiators", SearchFilters(agency="reuters"))) == ["S2", "S3"]
    assert _keys(mini, "negotiators", SearchFilters(agency="AFP")) == []
    assert sorted(_keys(mini, "negotiators", SearchFilters(place="GENEVA"))) == ["S2", "S3"]
    assert _keys(mini, "rescue", SearchFilters(since=dt.date(2017, 11, 11))) == ["S1"]
    assert _keys(mini, "rescue", SearchFilters(since=dt.date(2017, 11, 12))) == []
    assert _keys(mini, "rescue", SearchFilters(until=dt.date(2017, 11, 10))) == []
    assert len(search(mini.url, "negotiators", limit=1)) == 1


# One query that finds every story of the mini archive, so a filter is all that can exclude.
# Dateline dates: S1 2017-11-11, S2 and S3 2017-11-10, S4 2017-10-01, S5 2017-09-20,
# S6 2017-11-12, S7 none. Agencies: S1 APP then AFP, S2 and S3 Reuters, S4 S5 S7 AFP, S6 none.
# Places: S1 S4 Kathmandu, S2 S3 S7 Geneva, S5 Tehran, S6 none.
EVERY_STORY = "floodwater OR negotiators OR harvest OR metro OR shares OR monitors"
ALL_KEYS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]
D = dt.date

# Per filter: (filters, the stories kept). Each case keeps some stories and drops others;
# dated stories sit exactly on --since and on --until, and one day outside them.
FILTER_CASES = {
    "since": [
        (SearchFilters(since=D(2017, 11, 10)), ["S1", "S2", "S3", "S6"]),  # S2, S3 on the day
        (SearchFilters(since=D(2017, 11, 11)), ["S1", "S6"]),  # S1 on the day, S3 the day before
        (SearchFilters(since=D(2017, 11, 13)), []),
    ],
    "until": [
        (SearchFilters(until=D(2017, 11, 10)), ["S2", "S3", "S4", "S5"]),  # S1 the day after
        (SearchFilters(until=D(2017, 11, 11)), ["S1", "S2", "S3", "S4", "S5"]),  # S1 on the day
        (SearchFilters(until=D(2017, 9, 19)), []),
    ],
    "since_and_until": [
        (SearchFilters(since=D(2017, 11, 11), until=D(2017, 11, 11)), ["S1"]),  # a one-day range
        (SearchFilters(since=D(2017, 10, 1), until=D(2017, 11, 10)), ["S2", "S3", "S4"]),
    ],
    "agency": [
        (SearchFilters(agency="AFP"), ["S1", "S4", "S5", "S7"]),  # S1: AFP is its second credit
        (SearchFilters(agency="app"), ["S1"]),  # any case
        (SearchFilters(agency="Reuters"), ["S2", "S3"]),
        (SearchFilters(agency="XNA"), []),
    ],
    "place": [
        (SearchFilters(place="kathmandu"), ["S1", "S4"]),  # any case
        (SearchFilters(place="Geneva"), ["S2", "S3", "S7"]),
        (SearchFilters(place="Tehran"), ["S5"]),
        (SearchFilters(place="Lima"), []),
    ],
    "combined": [
        (SearchFilters(agency="AFP", place="Geneva"), ["S7"]),
        (SearchFilters(since=D(2017, 11, 10), place="Geneva"), ["S2", "S3"]),  # S7 is undated
        (SearchFilters(since=D(2017, 9, 1), until=D(2017, 10, 31), agency="AFP"), ["S4", "S5"]),
    ],
}


def _cli_keys(mini: MiniArchive, capsys: pytest.CaptureFixture[str], f: SearchFilters) -> list:
    """The same search through `wire-archive search` and its --since/--until/--agency/--place."""
    argv = ["search", EVERY_STORY, "--db", mini.url, "--format", "json"]
    for flag, value in (
        ("--since", f.since), ("--until", f.until), ("--agency", f.agency), ("--place", f.place),
    ):  # fmt: skip
        if value is not None:
            argv += [flag, str(value)]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return sorted(mini.story_key(h["story_id"]) for h in json.loads(out))


def test_the_filter_query_finds_every_story_unfiltered(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sorted(_keys(mini, EVERY_STORY)) == ALL_KEYS
    assert _cli_keys(mini, capsys, SearchFilters()) == ALL_KEYS


@pytest.mark.parametrize("kind", sorted(FILTER_CASES))
def test_each_filter_keeps_what_matches_and_excludes_the_rest(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Through the library and the CLI; --since and --until both include their own day."""
    for filters, kept in FILTER_CASES[kind]:
        assert sorted(_keys(mini, EVERY_STORY, filters)) == kept, filters
        assert _cli_keys(mini, capsys, filters) == kept, filters


def test_search_snippet_marks_the_match(mini: MiniArchive) -> None:
    (hit,) = search(mini.url, "helicopters")
    assert "[helicopters]" in hit.snippet.lower()


def test_search_index_follows_inserts_updates_and_deletes(mini: MiniArchive) -> None:
    stories = schema.stories
    with db.transaction(mini.url) as conn:
        conn.execute(
            stories.update()
            .where(stories.c.id == mini.stories["S4"])
            .values(body="Fireworks closed the harvest festival late on Sunday.")
        )
        conn.execute(stories.delete().where(stories.c.id == mini.stories["S5"]))
        new_id = conn.execute(
            stories.insert()
            .values(
                story_key="f" * 64,
                is_teaser=False,
                headline="Volcano ash grounds regional flights",
                body="Airlines cancelled morning departures as the ash cloud drifted south.",
                current_version=1,
                first_seen_at=NOW,
                updated_at=NOW,
            )
            .returning(stories.c.id)
        ).scalar_one()
        # An update that does not touch the text must leave the index alone.
        conn.execute(stories.update().where(stories.c.id == new_id).values(place="Catania"))
    assert _keys(mini, "fireworks") == ["S4"]
    assert _keys(mini, "dancers") == []
    assert _keys(mini, "metro") == []
    assert [h.story_id for h in search(mini.url, "volcano ash")] == [new_id]
    assert [h.place for h in search(mini.url, "airlines")] == ["Catania"]


def test_search_index_is_stored_not_computed_per_query(mini: MiniArchive) -> None:
    engine = db.get_engine(mini.url)
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            generated = conn.execute(
                sa.text(
                    "SELECT is_generated FROM information_schema.columns"
                    " WHERE table_name = 'stories' AND column_name = 'search_vector'"
                )
            ).scalar_one()
            assert generated == "ALWAYS"
            indexdef = conn.execute(
                sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                {"n": "ix_stories_search_vector"},
            ).scalar_one()
            assert "USING gin" in indexdef
        else:
            triggers = set(
                conn.execute(
                    sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                ).scalars()
            )
            assert {"stories_fts_ai", "stories_fts_ad", "stories_fts_au"} <= triggers
            # Every story inserted after the migration reached the index through a trigger.
            conn.execute(
                sa.text("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, stories_fts, "
                        "'instance')")
            )  # fmt: skip
            indexed = set(conn.execute(sa.text("SELECT DISTINCT doc FROM fts_terms")).scalars())
            assert indexed == set(mini.stories.values())


def test_search_rejects_nothing_to_search(mini: MiniArchive) -> None:
    with pytest.raises(SearchError):
        search(mini.url, "-floodwater")
    with pytest.raises(SearchError):
        search(mini.url, "floodwater", limit=0)


def test_search_index_can_be_rebuilt_under_the_views(mini: MiniArchive) -> None:
    """A later migration that rebuilds `stories` drops the index first; views must not pin it."""
    from etl.archive.search import install_search, uninstall_search

    with db.transaction(mini.url) as conn:
        uninstall_search(conn)
    with pytest.raises(Exception, match="stories_fts|search_vector"):
        search(mini.url, "floodwater")
    with db.transaction(mini.url) as conn:
        install_search(conn)  # indexes what is already there
    assert _keys(mini, "floodwater") == ["S1"]


# --- bounds on the search text ------------------------------------------------------------


def test_search_text_over_the_limits_is_refused_quickly(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    """65,000 words once ran for minutes on SQLite and broke PostgreSQL's parser stack."""
    import time

    from etl.archive.search import MAX_SEARCH_CHARS, MAX_SEARCH_WORDS

    too_long = " ".join(["ceasefire"] * 65_000)
    too_many = " ".join(f"w{i}" for i in range(MAX_SEARCH_WORDS + 1))  # short: words count
    in_phrase = '"' + " ".join(["aid"] * (MAX_SEARCH_WORDS + 1)) + '"'
    assert len(too_many) < MAX_SEARCH_CHARS and len(in_phrase) < MAX_SEARCH_CHARS
    for text, message in (
        (too_long, "search text too long"),
        ("x" * (MAX_SEARCH_CHARS + 1), "search text too long"),
        (too_many, "too many search words"),
        (in_phrase, "too many search words"),
    ):
        started = time.monotonic()
        with pytest.raises(SearchError, match=message) as caught:
            search(mini.url, text)
        assert time.monotonic() - started < 2
        assert f"at most {MAX_SEARCH_WORDS} words" in str(caught.value)
        assert f"{MAX_SEARCH_CHARS:,} characters" in str(caught.value)
        code = main(["search", text, "--db", mini.url])
        out, err = capsys.readouterr()
        assert code == 1 and out == "" and err.count("\n") == 1 and message in err


def test_search_text_at_the_limits_runs(mini: MiniArchive) -> None:
    from etl.archive.search import MAX_SEARCH_CHARS, MAX_SEARCH_WORDS

    # As many alternatives as allowed: the one real word still finds its story.
    words = ["floodwater"] + [f"zzq{i}" for i in range(MAX_SEARCH_WORDS - 1)]
    either = " OR ".join(words)
    assert len(parse_terms(either).groups[0]) == MAX_SEARCH_WORDS
    assert _keys(mini, either) == ["S1"]
    # Every word required, and exclusions count too.
    required = " ".join(["floodwater"] * (MAX_SEARCH_WORDS - 1) + ["-zzq"])
    assert _keys(mini, required) == ["S1"]
    # Exactly the character limit (few, long words).
    padded = "floodwater " + "-" + "z" * (MAX_SEARCH_CHARS - len("floodwater ") - 1)
    assert len(padded) == MAX_SEARCH_CHARS
    assert _keys(mini, padded) == ["S1"]


def test_only_exclusions_says_so(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["search", "--db", mini.url, "--", "-metro -harvest"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "nothing to search" in err and "excludes" in err
    code = main(["search", "--db", mini.url, "--format", "json", "--", "-metro floodwater"])
    assert code == 0 and [h["story_id"] for h in json.loads(capsys.readouterr().out)] == [
        mini.stories["S1"]
    ]
