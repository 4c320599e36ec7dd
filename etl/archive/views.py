"""Views that turn the normalised tables into one-line answers, for both backends.

The two dialects differ only where SQL itself differs (ordered string aggregation,
date arithmetic); every view has the same name, columns and meaning on both, so a
query written against a view runs unchanged on PostgreSQL and SQLite.

Migrations call :func:`create_views` / :func:`drop_views`; a later migration that
rebuilds a table on SQLite (batch mode) must drop the views first and create them
again afterwards, because SQLite refuses to rename a table a view depends on.
`python -m etl.archive.views` prints the DDL that ``sql/views.sql`` holds for reading.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

Dialect = Literal["postgresql", "sqlite"]
DIALECTS: tuple[Dialect, ...] = ("postgresql", "sqlite")

# A dateline date this many days after the dump's date cannot be right (a story is not
# dated in the future of the page that carries it); one day allows for time zones.
DRIFT_FUTURE_DAYS = 1
# Related teasers often point back a week or two; beyond a month is worth a look.
DRIFT_PAST_DAYS = 30


@dataclass(frozen=True, slots=True)
class View:
    """One view: its name, what question it answers, and its SELECT per dialect."""

    name: str
    doc: str
    postgresql: str
    sqlite: str

    def select(self, dialect: str) -> str:
        if dialect == "postgresql":
            return self.postgresql
        if dialect == "sqlite":
            return self.sqlite
        raise ValueError(f"unsupported dialect: {dialect}")


def _ordered_list(dialect: Dialect, value: str, source: str, order: str) -> str:
    """A comma-separated list of `value` in `order`; NULL when `source` yields no rows.

    PostgreSQL has an ordered aggregate; SQLite 3.40 does not, and concatenates in the
    order an ordered subquery yields its rows.
    """
    if dialect == "postgresql":
        return f"(SELECT string_agg({value}, ', ' ORDER BY {order}) {source})"
    return f"(SELECT group_concat(v, ', ') FROM (SELECT {value} AS v {source} ORDER BY {order}))"


def _days_between(dialect: Dialect, later: str, earlier: str) -> str:
    """Whole days from `earlier` to `later` (negative when `later` is before)."""
    if dialect == "postgresql":
        return f"({later} - {earlier})"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def _story_full(dialect: Dialect) -> str:
    agencies = _ordered_list(
        dialect,
        "sa.agency_code",
        "FROM story_agencies sa WHERE sa.story_id = s.id",
        "sa.position",
    )
    authors = _ordered_list(
        dialect,
        "au.name",
        "FROM story_authors sau JOIN authors au ON au.id = sau.author_id WHERE sau.story_id = s.id",
        "sau.position",
    )
    # First/last by the dump's own date (undated dumps after dated ones), then load order:
    # a backfill of older pages must not make them "later" than what came before.
    # Columns are named, never st.*: PostgreSQL would pin every column of stories to the view.
    first_dump = (
        "(SELECT a.dump_id FROM appearances a JOIN dumps d ON d.id = a.dump_id"
        " WHERE a.story_id = st.id"
        " ORDER BY CASE WHEN d.dump_date IS NULL THEN 1 ELSE 0 END, d.dump_date, d.id"
        " LIMIT 1)"
    )
    last_dump = (
        "(SELECT a.dump_id FROM appearances a JOIN dumps d ON d.id = a.dump_id"
        " WHERE a.story_id = st.id"
        " ORDER BY CASE WHEN d.dump_date IS NULL THEN 1 ELSE 0 END, d.dump_date DESC, d.id DESC"
        " LIMIT 1)"
    )
    return f"""
SELECT
    s.id AS story_id,
    s.story_key,
    s.headline,
    s.byline_raw AS byline,
    {authors} AS authors,
    {agencies} AS agencies,
    s.dateline_raw AS dateline,
    s.place,
    s.region,
    s.country,
    s.date,
    s.date_source,
    s.is_teaser,
    s.full_story_id,
    fs.headline AS full_story_headline,
    s.current_version,
    sv.paragraph_count,
    sv.word_count,
    s.body AS text,
    (SELECT COUNT(DISTINCT a.dump_id) FROM appearances a WHERE a.story_id = s.id) AS dump_count,
    s.first_dump_at_id AS first_dump_id,
    fd.dump_date AS first_dump_date,
    fd.source_uri AS first_dump_source,
    s.last_dump_at_id AS last_dump_id,
    ld.dump_date AS last_dump_date,
    ld.source_uri AS last_dump_source,
    s.first_seen_at,
    s.updated_at
FROM (
    SELECT st.id, st.story_key, st.headline, st.byline_raw, st.dateline_raw, st.place,
           st.region, st.country, st.date, st.date_source, st.is_teaser, st.full_story_id,
           st.current_version, st.body, st.first_seen_at, st.updated_at,
           {first_dump} AS first_dump_at_id,
           {last_dump} AS last_dump_at_id
    FROM stories st
) s
LEFT JOIN story_versions sv ON sv.story_id = s.id AND sv.version = s.current_version
LEFT JOIN stories fs ON fs.id = s.full_story_id
LEFT JOIN dumps fd ON fd.id = s.first_dump_at_id
LEFT JOIN dumps ld ON ld.id = s.last_dump_at_id
"""


_STORIES_PER_DAY_AGENCY = """
SELECT
    s.date,
    sa.agency_code AS agency,
    COUNT(*) AS stories,
    SUM(CASE WHEN s.is_teaser THEN 0 ELSE 1 END) AS full_stories,
    SUM(CASE WHEN s.is_teaser THEN 1 ELSE 0 END) AS teasers
FROM stories s
JOIN story_agencies sa ON sa.story_id = s.id
GROUP BY s.date, sa.agency_code
"""

_PLACE_ACTIVITY = """
SELECT
    s.place,
    s.region,
    s.country,
    COUNT(*) AS stories,
    SUM(CASE WHEN s.is_teaser THEN 0 ELSE 1 END) AS full_stories,
    SUM(CASE WHEN s.is_teaser THEN 1 ELSE 0 END) AS teasers,
    MIN(s.date) AS first_date,
    MAX(s.date) AS last_date,
    RANK() OVER (ORDER BY COUNT(*) DESC) AS activity_rank
FROM stories s
WHERE s.place IS NOT NULL
GROUP BY s.place, s.region, s.country
"""

_AUTHOR_STORIES = """
SELECT
    au.id AS author_id,
    au.name AS author,
    sau.position AS credit_position,
    s.id AS story_id,
    s.headline,
    s.place,
    s.country,
    s.date,
    s.is_teaser
FROM story_authors sau
JOIN authors au ON au.id = sau.author_id
JOIN stories s ON s.id = sau.story_id
"""

_AUTHOR_SUMMARY = """
SELECT
    au.id AS author_id,
    au.name AS author,
    COUNT(*) AS stories,
    SUM(CASE WHEN sau.position = 0 THEN 1 ELSE 0 END) AS lead_credits,
    COUNT(DISTINCT s.place) AS places,
    MIN(s.date) AS first_date,
    MAX(s.date) AS last_date
FROM authors au
JOIN story_authors sau ON sau.author_id = au.id
JOIN stories s ON s.id = sau.story_id
GROUP BY au.id, au.name
"""

_DUMP_STORIES = """
SELECT
    d.id AS dump_id,
    d.dump_date,
    d.source_uri,
    a.position,
    a.role,
    a.story_id,
    sv.version,
    s.is_teaser,
    s.headline,
    s.dateline_raw AS dateline,
    s.place,
    s.date
FROM appearances a
JOIN dumps d ON d.id = a.dump_id
JOIN stories s ON s.id = a.story_id
JOIN story_versions sv ON sv.id = a.version_id
ORDER BY d.id, a.position
"""

_DQ_NO_DATELINE = """
SELECT
    s.id AS story_id,
    s.headline,
    s.is_teaser,
    s.date,
    s.date_source,
    s.first_dump_id,
    d.source_uri AS first_dump_source
FROM stories s
LEFT JOIN dumps d ON d.id = s.first_dump_id
WHERE s.dateline_raw IS NULL
"""


def _dq_date_drift(dialect: Dialect) -> str:
    days = _days_between(dialect, "s.date", "d.dump_date")
    return f"""
SELECT
    s.id AS story_id,
    d.id AS dump_id,
    a.position,
    s.headline,
    s.dateline_raw AS dateline,
    s.date AS story_date,
    s.date_source,
    d.dump_date,
    {days} AS days_from_dump
FROM appearances a
JOIN stories s ON s.id = a.story_id
JOIN dumps d ON d.id = a.dump_id
WHERE s.date IS NOT NULL
  AND d.dump_date IS NOT NULL
  AND ({days} > {DRIFT_FUTURE_DAYS} OR {days} < -{DRIFT_PAST_DAYS})
"""


_DQ_UNLINKED_TEASERS = """
SELECT
    s.id AS story_id,
    s.dateline_raw AS dateline,
    s.place,
    s.country,
    s.date,
    s.body AS text,
    s.first_dump_id,
    d.source_uri AS first_dump_source
FROM stories s
LEFT JOIN dumps d ON d.id = s.first_dump_id
WHERE s.is_teaser AND s.full_story_id IS NULL
"""

_DQ_REJECTS_BY_REASON = """
SELECT
    r.reason,
    COUNT(*) AS rejects,
    SUM(r.size_bytes) AS total_bytes,
    MIN(r.rejected_at) AS first_rejected_at,
    MAX(r.rejected_at) AS last_rejected_at
FROM rejects r
GROUP BY r.reason
"""


def _view(name: str, doc: str, pg: str, lite: str | None = None) -> View:
    return View(name=name, doc=doc, postgresql=pg.strip(), sqlite=(lite or pg).strip())


VIEWS: tuple[View, ...] = (
    _view(
        "story_full",
        "One row per story: headline, dateline parts, agencies, authors, teaser flag and"
        " link, size, text, and the first and last dump (by dump date) that carried it.",
        _story_full("postgresql"),
        _story_full("sqlite"),
    ),
    _view(
        "stories_per_day_agency",
        "Stories per dateline date per credited agency, split into full stories and teasers.",
        _STORIES_PER_DAY_AGENCY,
    ),
    _view(
        "place_activity",
        "Dateline places with their story counts, date span and rank (1 = most active).",
        _PLACE_ACTIVITY,
    ),
    _view("author_stories", "One row per author credit: who wrote which story.", _AUTHOR_STORIES),
    _view(
        "author_summary",
        "One row per author: stories credited, lead credits, places, date span.",
        _AUTHOR_SUMMARY,
    ),
    _view(
        "dump_stories",
        "Every dump with its stories in page order (role, version, dateline).",
        _DUMP_STORIES,
    ),
    _view(
        "dq_no_dateline",
        "Data quality: stories with no dateline at all.",
        _DQ_NO_DATELINE,
    ),
    _view(
        "dq_date_drift",
        f"Data quality: appearances whose dateline date is more than {DRIFT_FUTURE_DAYS} day"
        f" after, or more than {DRIFT_PAST_DAYS} days before, the dump's date.",
        _dq_date_drift("postgresql"),
        _dq_date_drift("sqlite"),
    ),
    _view(
        "dq_unlinked_teasers",
        "Data quality: teasers whose full story is not (yet) in the archive.",
        _DQ_UNLINKED_TEASERS,
    ),
    _view(
        "dq_rejects_by_reason",
        "Data quality: rejected inputs counted by reason, with bytes and time span.",
        _DQ_REJECTS_BY_REASON,
    ),
)

VIEW_NAMES: tuple[str, ...] = tuple(v.name for v in VIEWS)


def create_views(conn: Connection) -> None:
    """Create (or replace) every view; later views may use earlier ones."""
    dialect = conn.dialect.name
    for view in VIEWS:
        conn.execute(sa.text(f"DROP VIEW IF EXISTS {view.name}"))
        conn.execute(sa.text(f"CREATE VIEW {view.name} AS\n{view.select(dialect)}"))


def drop_views(conn: Connection) -> None:
    """Drop every view, newest first, so that a table they read can be rebuilt."""
    for view in reversed(VIEWS):
        conn.execute(sa.text(f"DROP VIEW IF EXISTS {view.name}"))


def render_views_sql() -> str:
    """The DDL of every view on both dialects, as a file people can read."""
    out = [
        "-- Wire Archive views, generated by `python -m etl.archive.views > sql/views.sql`.",
        "-- The migrations create them; this file is for reading. Where the dialects differ,",
        "-- both texts are given; everywhere else one text serves PostgreSQL and SQLite.",
        "",
    ]
    for view in VIEWS:
        out.append(f"-- {view.name}: {view.doc}")
        if view.postgresql == view.sqlite:
            out.append(f"CREATE VIEW {view.name} AS\n{view.postgresql};\n")
        else:
            out.append("-- PostgreSQL:")
            out.append(f"CREATE VIEW {view.name} AS\n{view.postgresql};\n")
            out.append(f"-- SQLite (same columns and meaning):\n-- CREATE VIEW {view.name} AS")
            out.extend(f"-- {line}".rstrip() for line in view.sqlite.splitlines())
            out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_views_sql())
