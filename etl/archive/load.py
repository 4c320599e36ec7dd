"""Parsed dumps -> rows, inside a transaction the caller owns (one per batch).

Every insert is ON CONFLICT-guarded so that two loaders racing over the same files
end with the same rows as one. Stories of a dump are written in story_key order,
so concurrent loaders take row locks in the same order. On PostgreSQL, paragraph
rows (the bulk of the data) go in with COPY over the raw psycopg connection; on
SQLite with executemany. The caller wraps each dump in a savepoint, so a dump's
rows land all together or not at all. This is the per-dump path; on PostgreSQL a
batch normally goes through etl.archive.bulk, which falls back to this one.

"Current version" of a story: the version carried by its appearance in the most
recent dump (latest dump_date, then latest loaded); stories.headline/byline/body
/current_version follow it. Credits (authors, agencies) follow the current version.
"""

from __future__ import annotations

import datetime as dt
import functools
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection

from etl.archive import identity
from etl.archive.schema import (
    agencies,
    appearances,
    authors,
    dumps,
    paragraphs,
    rejects,
    stories,
    story_agencies,
    story_authors,
    story_versions,
)
from etl.model import ParsedDump, Rejected, RunSummary, Story

# Test hook: called with (connection, parsed dump, dump id) after a dump's rows are
# written and before its savepoint is released. Raising from it must leave no row.
after_dump_hook: Callable[[Connection, ParsedDump, int], None] | None = None

ZLIB_LEVEL = 6


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def agency_registry() -> dict[str, str]:
    """The parser's registry (code -> name); empty until the parser provides it."""
    try:
        from etl.agencies import AGENCIES
    except ImportError:
        return {}
    return dict(AGENCIES)


def insert_ignore(conn: Connection, table: sa.Table, index: Sequence[str]) -> Any:
    """INSERT ... ON CONFLICT (index) DO NOTHING for the connection's dialect."""
    return _insert_ignore(conn.dialect.name, table, tuple(index))


def _insert_ignore(dialect_name: str, table: sa.Table, index: tuple[str, ...]) -> Any:
    dialect = pg_dialect if dialect_name == "postgresql" else sqlite_dialect
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(index))


@dataclass(frozen=True)
class Statements:
    """Statements built once per dialect: building them per row costs more than running them."""

    seen: Any
    dump_ins: Any
    stories_ins: Any
    stories_sel: Any
    versions_sel: Any
    versions_ins: Any
    appear_ins: Any
    author_ins: Any
    author_sel: Any
    story_author_ins: Any
    story_agency_ins: Any


@functools.cache
def statements(dialect_name: str) -> Statements:
    bp = sa.bindparam
    stories_sel = (
        sa.select(stories.c.id, stories.c.story_key, stories.c.current_version)
        .where(stories.c.story_key.in_(bp("keys", expanding=True)))
        .order_by(stories.c.story_key)
    )
    if dialect_name == "postgresql":  # versions are numbered under these row locks
        stories_sel = stories_sel.with_for_update()
    return Statements(
        seen=sa.union_all(
            sa.select(sa.literal("dump")).where(dumps.c.sha256 == bp("h")),
            sa.select(sa.literal("reject")).where(rejects.c.sha256 == bp("h")),
        ),
        dump_ins=_insert_ignore(dialect_name, dumps, ("sha256",)).returning(dumps.c.id),
        stories_ins=_insert_ignore(dialect_name, stories, ("story_key",)).returning(
            stories.c.id, stories.c.story_key
        ),
        stories_sel=stories_sel,
        versions_sel=sa.select(
            story_versions.c.id,
            story_versions.c.story_id,
            story_versions.c.version,
            story_versions.c.content_sha256,
        ).where(story_versions.c.story_id.in_(bp("sids", expanding=True))),
        versions_ins=sa.insert(story_versions).returning(
            story_versions.c.id,
            story_versions.c.story_id,
            story_versions.c.version,
            story_versions.c.content_sha256,
        ),
        appear_ins=_insert_ignore(dialect_name, appearances, ("dump_id", "position")),
        author_ins=_insert_ignore(dialect_name, authors, ("name_key",)).returning(authors.c.id),
        author_sel=sa.select(authors.c.id).where(authors.c.name_key == bp("k")),
        story_author_ins=_insert_ignore(dialect_name, story_authors, ("story_id", "author_id")),
        story_agency_ins=_insert_ignore(dialect_name, story_agencies, ("story_id", "agency_code")),
    )


@dataclass(slots=True)
class Loader:
    """Per-transaction state: the connection and caches that a rollback must reset."""

    conn: Connection
    run_id: int | None
    now: dt.datetime = field(default_factory=utcnow)
    known_agencies: set[str] | None = None
    author_ids: dict[str, int] = field(default_factory=dict)

    @property
    def pg(self) -> bool:
        return self.conn.dialect.name == "postgresql"

    @property
    def sql(self) -> Statements:
        return statements(self.conn.dialect.name)

    def reset_caches(self) -> None:
        """After a savepoint rollback, ids cached inside it may no longer exist."""
        self.known_agencies = None
        self.author_ids.clear()


# --- dumps and rejects -------------------------------------------------------------


def existing_sha(conn: Connection, sha256: str) -> str | None:
    """'dump' or 'reject' when these bytes are already archived, else None."""
    row = conn.execute(statements(conn.dialect.name).seen, {"h": sha256}).first()
    return str(row[0]) if row is not None else None


def existing_shas(conn: Connection, digests: Sequence[str]) -> list[str]:
    """Those of `digests` already archived, as a dump or a reject: one query per batch."""
    wanted = sorted(set(digests))
    found: list[str] = []
    for chunk in range(0, len(wanted), 1000):
        part = wanted[chunk : chunk + 1000]
        found.extend(
            str(r[0])
            for r in conn.execute(
                sa.union_all(
                    sa.select(dumps.c.sha256).where(dumps.c.sha256.in_(part)),
                    sa.select(rejects.c.sha256).where(rejects.c.sha256.in_(part)),
                )
            )
        )
    return found


def store_reject(ld: Loader, rejected: Rejected) -> bool:
    """Keep the refused input with its reason; False when it was already kept."""
    stmt = insert_ignore(ld.conn, rejects, ["sha256"]).values(
        sha256=rejected.sha256,
        source_uri=rejected.source,
        size_bytes=len(rejected.data),
        reason=rejected.reason.value,
        detail=rejected.detail,
        raw_zlib=zlib.compress(rejected.data, ZLIB_LEVEL),
        run_id=ld.run_id,
        rejected_at=ld.now,
    )
    return ld.conn.execute(stmt.returning(rejects.c.id)).first() is not None


def load_dump(
    ld: Loader, parsed: ParsedDump, data: bytes, *, dump_date_override: dt.date | None = None
) -> RunSummary:
    """Insert one dump and its stories. A dump already archived changes nothing."""
    summary = RunSummary(run_id=ld.run_id)
    values = dict(
        sha256=parsed.sha256,
        source_uri=parsed.source,
        size_bytes=len(data),
        dump_date=parsed.dump_date,
        format=parsed.format,
        encoding=parsed.encoding,
        header=parsed.header,
        leftover=list(parsed.leftover),
        raw_zlib=zlib.compress(data, ZLIB_LEVEL),
        story_count=len(parsed.stories),
        parser_version=parsed.parser_version,
        status="loaded",
        first_run_id=ld.run_id,
        last_run_id=ld.run_id,
        loaded_at=ld.now,
        dump_date_override=dump_date_override,
    )
    row = ld.conn.execute(ld.sql.dump_ins, values).first()
    if row is None:
        summary.duplicates = 1
        return summary
    dump_id = int(row[0])
    summary.merge(load_stories(ld, dump_id, parsed.stories, refresh=False))
    summary.dumps_loaded = 1
    if after_dump_hook is not None:
        after_dump_hook(ld.conn, parsed, dump_id)
    return summary


def _detach_dump(conn: sa.Connection, dump_id: int) -> set[int]:
    """Drop a dump's appearances; return the stories it carried, to clean up after."""
    old_ids = {
        int(r[0])
        for r in conn.execute(
            sa.select(appearances.c.story_id).where(appearances.c.dump_id == dump_id).distinct()
        )
    }
    conn.execute(sa.delete(appearances).where(appearances.c.dump_id == dump_id))
    return old_ids


def reprocess_dump(ld: Loader, dump_id: int, parsed: ParsedDump) -> RunSummary:
    """Replace a stored dump's derived rows with those of a fresh parse."""
    conn = ld.conn
    old_ids = _detach_dump(conn, dump_id)
    conn.execute(
        sa.update(dumps)
        .where(dumps.c.id == dump_id)
        .values(
            dump_date=parsed.dump_date,
            format=parsed.format,
            encoding=parsed.encoding,
            header=parsed.header,
            leftover=list(parsed.leftover),
            story_count=len(parsed.stories),
            parser_version=parsed.parser_version,
            status="loaded",
            last_run_id=ld.run_id,
        )
    )
    summary = load_stories(ld, dump_id, parsed.stories, refresh=True)
    summary.dumps_reprocessed = 1
    cleanup_stories(ld, old_ids)
    if after_dump_hook is not None:
        after_dump_hook(conn, parsed, dump_id)
    return summary


def retire_dump(ld: Loader, dump_id: int, status: str) -> None:
    """A stored dump the current parser refuses: keep its bytes, drop what it derived."""
    conn = ld.conn
    old_ids = _detach_dump(conn, dump_id)
    conn.execute(
        sa.update(dumps)
        .where(dumps.c.id == dump_id)
        .values(status=status, story_count=0, last_run_id=ld.run_id)
    )
    cleanup_stories(ld, old_ids)


# --- stories, versions, appearances ------------------------------------------------


def _story_values(key: str, story: Story, dump_id: int, now: dt.datetime) -> dict[str, Any]:
    dl = story.dateline
    return {
        "story_key": key,
        "is_teaser": story.is_teaser,
        "headline": story.headline,
        "byline_raw": story.byline.raw if story.byline else None,
        "dateline_raw": dl.raw if dl else None,
        "place": dl.place if dl else None,
        "region": dl.region if dl else None,
        "country": dl.country if dl else None,
        "date": dl.date if dl else None,
        "date_source": dl.date_source if dl else None,
        "body": story.text,
        "current_version": 1,
        "first_dump_id": dump_id,
        "first_seen_at": now,
        "updated_at": now,
        "lead_key": identity.lead_key(story),
    }


def load_stories(ld: Loader, dump_id: int, items: Sequence[Story], *, refresh: bool) -> RunSummary:
    """Stories of one dump, set-based: a handful of statements whatever the story count.

    `refresh` (reprocess) also rewrites the dateline fields and credits of known stories."""
    conn, sql = ld.conn, ld.sql
    summary = RunSummary(run_id=ld.run_id)
    keyed = [(identity.story_key(s), s) for s in sorted(items, key=lambda s: s.position)]
    first: dict[str, Story] = {}
    for key, story in keyed:
        first.setdefault(key, story)
    keys = sorted(first)  # one lock order for every loader

    # 1. Stories: insert the unknown ones, lock and read the known ones.
    ids: dict[str, int] = {}
    if keys:
        rows = [_story_values(k, first[k], dump_id, ld.now) for k in keys]
        for story_id, key in conn.execute(sql.stories_ins, rows):
            ids[key] = int(story_id)
    new_keys = set(ids)
    current: dict[int, int] = {}
    known = [k for k in keys if k not in new_keys]
    if known:
        for story_id, key, version in conn.execute(sql.stories_sel, {"keys": known}):
            ids[key] = int(story_id)
            current[int(story_id)] = int(version)
    summary.stories_new = len(new_keys)
    summary.stories_seen = len(known)

    # 2. Versions: reuse a known text, number new ones after the story's last.
    digests = {id(s): identity.content_sha256(s) for _, s in keyed}
    have: dict[tuple[int, str], tuple[int, int]] = {}
    top: dict[int, int] = {}
    if current:
        for vid, sid, number, digest in conn.execute(sql.versions_sel, {"sids": sorted(current)}):
            have[(int(sid), digest)] = (int(vid), int(number))
            top[int(sid)] = max(top.get(int(sid), 0), int(number))
    fresh: list[dict[str, Any]] = []
    fresh_story: dict[tuple[int, int], Story] = {}
    for key, story in keyed:
        sid = ids[key]
        pair = (sid, digests[id(story)])
        if pair in have:
            continue
        number = top.get(sid, 0) + 1
        top[sid] = number
        have[pair] = (-1, number)  # id filled in below
        fresh_story[(sid, number)] = story
        body = story.text
        fresh.append(
            {
                "story_id": sid,
                "version": number,
                "content_sha256": pair[1],
                "headline": story.headline,
                "byline_raw": story.byline.raw if story.byline else None,
                "body": body,
                "paragraph_count": len(story.paragraphs),
                "word_count": len(body.split()),
                "first_dump_id": dump_id,
                "first_seen_at": ld.now,
            }
        )
    if fresh:
        para_rows: list[tuple[int, int, int, str, str]] = []
        for vid, sid, number, digest in conn.execute(sql.versions_ins, fresh):
            have[(int(sid), digest)] = (int(vid), int(number))
            story = fresh_story[(int(sid), int(number))]
            para_rows.extend(
                (int(vid), i, int(sid), p.kind, p.text) for i, p in enumerate(story.paragraphs)
            )
        _paragraphs(ld, para_rows)
        new_ids = {ids[k] for k in new_keys}
        summary.versions_new = sum(1 for row in fresh if row["story_id"] not in new_ids)

    # 3. Appearances, one per story position in this dump.
    if keyed:
        conn.execute(
            sql.appear_ins,
            [
                {
                    "dump_id": dump_id,
                    "position": story.position,
                    "story_id": ids[key],
                    "version_id": have[(ids[key], digests[id(story)])][0],
                    "role": story.role,
                }
                for key, story in keyed
            ],
        )

    # 4. Credits of new stories; known stories follow their current version.
    _credits_many(ld, [(ids[k], first[k]) for k in keys if k in new_keys], replace=False)
    for key in known:
        sid, story = ids[key], first[key]
        version_id, number = have[(sid, digests[id(story)])]
        if refresh:
            _refresh_dateline(ld, sid, story)
        if (number != current[sid] or refresh) and refresh_current(ld, sid) == version_id:
            _credits_many(ld, [(sid, story)], replace=True)
    return summary


def _paragraphs(ld: Loader, rows: list[tuple[int, int, int, str, str]]) -> None:
    """The bulk of the data: COPY on PostgreSQL, one executemany on SQLite."""
    if not rows:
        return
    if ld.pg:
        raw = ld.conn.connection.driver_connection
        copy_sql = "COPY paragraphs (version_id, position, story_id, kind, text) FROM STDIN"
        with raw.cursor() as cur, cur.copy(copy_sql) as cp:  # type: ignore[union-attr]
            for row in rows:
                cp.write_row(row)
        return
    ld.conn.execute(
        sa.insert(paragraphs),
        [
            {"version_id": v, "position": i, "story_id": s, "kind": k, "text": t}
            for v, i, s, k, t in rows
        ],
    )


def _refresh_dateline(ld: Loader, story_id: int, story: Story) -> None:
    dl = story.dateline
    ld.conn.execute(
        sa.update(stories)
        .where(stories.c.id == story_id)
        .values(
            dateline_raw=dl.raw if dl else None,
            place=dl.place if dl else None,
            region=dl.region if dl else None,
            country=dl.country if dl else None,
            date=dl.date if dl else None,
            date_source=dl.date_source if dl else None,
            lead_key=identity.lead_key(story),
        )
    )


def refresh_current(ld: Loader, story_id: int) -> int | None:
    """Point the story at the version of its most recent appearance; returns that version id."""
    conn = ld.conn
    order_null = sa.case((dumps.c.dump_date.is_(None), 1), else_=0)
    row = conn.execute(
        sa.select(appearances.c.version_id)
        .join(dumps, dumps.c.id == appearances.c.dump_id)
        .where(appearances.c.story_id == story_id)
        .order_by(order_null, dumps.c.dump_date.desc(), dumps.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    version_id = int(row[0])
    v = conn.execute(
        sa.select(
            story_versions.c.version,
            story_versions.c.headline,
            story_versions.c.byline_raw,
            story_versions.c.body,
        ).where(story_versions.c.id == version_id)
    ).one()
    conn.execute(
        sa.update(stories)
        .where(stories.c.id == story_id, stories.c.current_version != v.version)
        .values(
            current_version=v.version,
            headline=v.headline,
            byline_raw=v.byline_raw,
            body=v.body,
            updated_at=ld.now,
        )
    )
    return version_id


def cleanup_stories(ld: Loader, story_ids: Iterable[int]) -> None:
    """Drop versions no dump carries any more, then stories no dump carries."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    conn = ld.conn
    for chunk in _chunks(ids, 500):
        carried = sa.select(appearances.c.version_id).where(
            appearances.c.version_id == story_versions.c.id
        )
        conn.execute(
            sa.delete(story_versions).where(
                story_versions.c.story_id.in_(chunk), ~sa.exists(carried)
            )
        )
        seen = sa.select(appearances.c.story_id).where(appearances.c.story_id == stories.c.id)
        conn.execute(sa.delete(stories).where(stories.c.id.in_(chunk), ~sa.exists(seen)))
    for story_id in ids:
        refresh_current(ld, story_id)


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- credits -----------------------------------------------------------------------


def ensure_agencies(ld: Loader, codes: Iterable[str]) -> None:
    """Insert agency codes the table lacks, named from the registry when it knows them."""
    if ld.known_agencies is None:
        ld.known_agencies = {r[0] for r in ld.conn.execute(sa.select(agencies.c.code))}
    missing = sorted(set(codes) - ld.known_agencies)
    if not missing:
        return
    registry = agency_registry()
    for code in missing:
        ld.conn.execute(
            insert_ignore(ld.conn, agencies, ["code"]).values(
                code=code, name=registry.get(code, code)
            )
        )
    ld.known_agencies.update(missing)


def _author_id(ld: Loader, name: str) -> int:
    key = identity.author_key(name)
    cached = ld.author_ids.get(key)
    if cached is not None:
        return cached
    row = ld.conn.execute(
        ld.sql.author_ins, {"name": " ".join(name.split()), "name_key": key}
    ).first()
    if row is None:
        row = ld.conn.execute(ld.sql.author_sel, {"k": key}).one()
    ld.author_ids[key] = int(row[0])
    return int(row[0])


def _credits_many(ld: Loader, pairs: Sequence[tuple[int, Story]], *, replace: bool) -> None:
    """Author and agency credits of several stories in two statements."""
    if not pairs:
        return
    conn = ld.conn
    if replace:
        sids = [sid for sid, _ in pairs]
        conn.execute(sa.delete(story_authors).where(story_authors.c.story_id.in_(sids)))
        conn.execute(sa.delete(story_agencies).where(story_agencies.c.story_id.in_(sids)))
    author_rows: list[dict[str, int]] = []
    agency_rows: list[dict[str, Any]] = []
    for sid, story in pairs:
        taken: set[int] = set()
        for name in story.byline.authors if story.byline else ():
            author_id = _author_id(ld, name)
            if author_id not in taken:
                author_rows.append(
                    {"story_id": sid, "author_id": author_id, "position": len(taken)}
                )
                taken.add(author_id)
        codes = list(dict.fromkeys(story.agencies))
        ensure_agencies(ld, codes)
        agency_rows.extend(
            {"story_id": sid, "agency_code": c, "position": i} for i, c in enumerate(codes)
        )
    if author_rows:
        conn.execute(ld.sql.story_author_ins, author_rows)
    if agency_rows:
        conn.execute(ld.sql.story_agency_ins, agency_rows)
