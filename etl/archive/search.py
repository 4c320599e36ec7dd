"""Ranked full-text search over story headlines and text, on both backends.

The index is kept current by the load itself, never rebuilt per query: on PostgreSQL a
generated ``stories.search_vector`` column with a GIN index, on SQLite an FTS5
external-content table fed by triggers. Users type one query language (words, "quoted
phrases", OR, -excluded) which is parsed here once and rendered for each backend, so
the same words find the same stories on both (stemming differs slightly: Snowball
English on PostgreSQL, Porter on SQLite).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive.query import QueryError, read_engine, require_archive

FTS_TABLE = "stories_fts"
PG_CONFIG = "english"
HEADLINE_WEIGHT = 4.0  # a hit in the headline counts this many times one in the text

_PG_INSTALL = (
    f"""ALTER TABLE stories ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('{PG_CONFIG}', coalesce(headline, '')), 'A')
    || setweight(to_tsvector('{PG_CONFIG}', coalesce(body, '')), 'B')
) STORED""",
    "CREATE INDEX ix_stories_search_vector ON stories USING gin (search_vector)",
)
_PG_UNINSTALL = (
    "DROP INDEX IF EXISTS ix_stories_search_vector",
    "ALTER TABLE stories DROP COLUMN IF EXISTS search_vector",
)

_SQLITE_INSTALL = (
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
    headline, body, content='stories', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)""",
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON stories BEGIN
    INSERT INTO {FTS_TABLE}(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON stories BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, headline, body)
    VALUES ('delete', old.id, old.headline, old.body);
END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF headline, body ON stories BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, headline, body)
    VALUES ('delete', old.id, old.headline, old.body);
    INSERT INTO {FTS_TABLE}(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
_SQLITE_UNINSTALL = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def install_search(conn: Connection) -> None:
    """Add the search index to an archive (indexing what is already there)."""
    statements = _PG_INSTALL if conn.dialect.name == "postgresql" else _SQLITE_INSTALL
    for statement in statements:
        conn.execute(sa.text(statement))


def uninstall_search(conn: Connection) -> None:
    """Remove the index, e.g. before SQLite rebuilds the stories table in a migration."""
    statements = _PG_UNINSTALL if conn.dialect.name == "postgresql" else _SQLITE_UNINSTALL
    for statement in statements:
        conn.execute(sa.text(statement))


class SearchError(QueryError):
    """The search terms cannot be turned into a query (e.g. nothing left to look for)."""


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A parsed query: every group must match (one of its phrases), no excluded one may."""

    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...] = ()

    def fts5(self) -> str:
        """The query in FTS5 syntax: every phrase quoted, so user text is never syntax."""

        def phrase(words: str) -> str:
            return f'"{words}"'

        parts = []
        for group in self.groups:
            alts = " OR ".join(phrase(p) for p in group)
            parts.append(f"({alts})" if len(group) > 1 else alts)
        query = " AND ".join(parts)
        if len(parts) > 1 and self.excluded:
            query = f"({query})"
        for words in self.excluded:
            query += f" NOT {phrase(words)}"
        return query

    def tsquery(self) -> tuple[str, dict[str, str]]:
        """A PostgreSQL tsquery expression over bind parameters, and those parameters."""
        params: dict[str, str] = {}

        def phrase(words: str) -> str:
            name = f"p{len(params)}"
            params[name] = words
            return f"phraseto_tsquery('{PG_CONFIG}', :{name})"

        parts = []
        for group in self.groups:
            alts = " || ".join(phrase(p) for p in group)
            parts.append(f"({alts})")
        expr = " && ".join(parts)
        for words in self.excluded:
            expr += f" && !!{phrase(words)}"
        return expr, params


# Tie-break equal scores the same way on both backends (they sort NULLs differently).
_NEWEST_FIRST = "CASE WHEN s.date IS NULL THEN 1 ELSE 0 END, s.date DESC, s.id"
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# Bounds on what one search may ask: past them SQLite's FTS5 spends minutes on the query
# and PostgreSQL's parser runs out of stack ("stack depth limit exceeded").
MAX_SEARCH_CHARS = 1000
MAX_SEARCH_WORDS = 64  # every word counts, inside phrases and exclusions too
_WORD = re.compile(r"\w+")


def parse_terms(text: str) -> SearchTerms:
    """Parse words, "quoted phrases", OR between alternatives and -excluded terms."""
    if len(text) > MAX_SEARCH_CHARS:
        raise SearchError(
            f"search text too long: {len(text):,} characters; a search takes at most "
            f"{MAX_SEARCH_WORDS} words and {MAX_SEARCH_CHARS:,} characters"
        )
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for token in _TOKEN.findall(text):
        if token.upper() == "OR":
            join_next = bool(groups)
            continue
        negate = token.startswith("-") and len(token) > 1
        words = " ".join(_WORD.findall(token[1:] if negate else token))
        if not words:
            continue
        if negate:
            excluded.append(words)
        elif join_next:
            groups[-1].append(words)
        else:
            groups.append([words])
        join_next = False
    words = sum(len(p.split()) for p in (*(w for g in groups for w in g), *excluded))
    if words > MAX_SEARCH_WORDS:
        raise SearchError(
            f"too many search words: {words:,}; a search takes at most {MAX_SEARCH_WORDS} "
            f"words and {MAX_SEARCH_CHARS:,} characters"
        )
    if not groups and excluded:
        raise SearchError(
            f"nothing to search for in {text!r}: every term starts with '-' and so only "
            "excludes; give at least one word to find"
        )
    if not groups:
        raise SearchError(f"nothing to search for in {text!r}: give at least one word to find")
    return SearchTerms(tuple(tuple(g) for g in groups), tuple(excluded))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result; `rank` orders hits within a search (higher is better)."""

    story_id: int
    headline: str | None
    date: dt.date | None
    place: str | None
    country: str | None
    agencies: tuple[str, ...]
    is_teaser: bool
    rank: float
    snippet: str


@dataclass(frozen=True, slots=True)
class SearchFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    agency: str | None = None
    place: str | None = None


def _filters(filters: SearchFilters, dialect: str) -> tuple[str, dict[str, object]]:
    """Extra WHERE clauses; dates go as ISO text to SQLite, which stores them so."""
    clauses: list[str] = []
    params: dict[str, object] = {}

    def date_param(value: dt.date) -> object:
        return value.isoformat() if dialect == "sqlite" else value

    if filters.since is not None:
        clauses.append("s.date >= :since")
        params["since"] = date_param(filters.since)
    if filters.until is not None:
        clauses.append("s.date <= :until")
        params["until"] = date_param(filters.until)
    if filters.agency:
        clauses.append(
            "EXISTS (SELECT 1 FROM story_agencies fa WHERE fa.story_id = s.id"
            " AND lower(fa.agency_code) = lower(:agency))"
        )
        params["agency"] = filters.agency
    if filters.place:
        clauses.append("lower(s.place) = lower(:place)")
        params["place"] = filters.place
    return "".join(f" AND {c}" for c in clauses), params


def _search_sql(terms: SearchTerms, dialect: str, where: str) -> tuple[str, dict[str, object]]:
    if dialect == "postgresql":
        expr, params = terms.tsquery()
        sql = f"""
WITH q AS (SELECT {expr} AS query),
hits AS (
    SELECT s.id, ts_rank(s.search_vector, q.query, 1) AS score
    FROM stories s, q
    WHERE s.search_vector @@ q.query{where}
    ORDER BY score DESC, {_NEWEST_FIRST}
    LIMIT :limit
)
SELECT s.id, s.headline, s.date, s.place, s.country, s.is_teaser, hits.score,
       ts_headline('{PG_CONFIG}', s.body, q.query,
                   'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1') AS snippet
FROM hits JOIN stories s ON s.id = hits.id, q
ORDER BY hits.score DESC, {_NEWEST_FIRST}
"""
        return sql, dict(params)
    sql = f"""
SELECT s.id, s.headline, s.date, s.place, s.country, s.is_teaser,
       -bm25({FTS_TABLE}, {HEADLINE_WEIGHT}, 1.0) AS score,
       snippet({FTS_TABLE}, 1, '[', ']', '...', 24) AS snippet
FROM {FTS_TABLE} JOIN stories s ON s.id = {FTS_TABLE}.rowid
WHERE {FTS_TABLE} MATCH :query{where}
ORDER BY score DESC, {_NEWEST_FIRST}
LIMIT :limit
"""
    return sql, {"query": terms.fts5()}


def search_conn(
    conn: Connection, text: str, filters: SearchFilters | None = None, *, limit: int = 20
) -> list[SearchHit]:
    """Search on an open connection; see :func:`search`."""
    if limit < 1:
        raise SearchError("limit must be at least 1")
    terms = parse_terms(text)
    dialect = conn.dialect.name
    where, params = _filters(filters or SearchFilters(), dialect)
    sql, query_params = _search_sql(terms, dialect, where)
    params.update(query_params)
    params["limit"] = limit
    rows = conn.execute(sa.text(sql), params).all()
    ids = [row[0] for row in rows]
    agencies: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        credit = sa.text(
            "SELECT story_id, agency_code FROM story_agencies WHERE story_id IN :ids"
            " ORDER BY story_id, position"
        ).bindparams(sa.bindparam("ids", expanding=True))
        for story_id, code in conn.execute(credit, {"ids": ids}):
            agencies[story_id].append(code)
    return [
        SearchHit(
            story_id=row[0],
            headline=row[1],
            date=dt.date.fromisoformat(row[2]) if isinstance(row[2], str) else row[2],
            place=row[3],
            country=row[4],
            agencies=tuple(agencies[row[0]]),
            is_teaser=bool(row[5]),
            rank=float(row[6]),
            snippet=" ".join((row[7] or "").split()),
        )
        for row in rows
    ]


def search(
    database_url: str,
    text: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 20,
) -> list[SearchHit]:
    """Stories matching `text`, best first, at most `limit`, within `filters`."""
    engine = read_engine(database_url)
    try:
        with engine.connect() as conn:
            require_archive(conn)
            return search_conn(conn, text, filters, limit=limit)
    except sa.exc.DBAPIError as exc:
        raise QueryError.from_db(exc) from exc
    finally:
        engine.dispose()
