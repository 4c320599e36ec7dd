"""PostgreSQL batch path: a whole batch of parsed dumps in a few set-based statements.

Why: the per-dump path (load.load_dump) costs about a dozen round trips per dump. Here
the batch's rows are COPYed (psycopg 3, raw DBAPI connection) into TEMP staging tables
(ON COMMIT DROP) and moved with INSERT ... SELECT ... ON CONFLICT; rows that cannot
conflict (appearances, paragraphs, credits after their delete) are COPYed straight in.

The final rows are the same as the per-dump path's: identity, version numbering,
"current version" and credits are decided by replaying the per-dump rules in memory,
dump by dump in batch order, over the state read once (under row locks) at the start:
- a story is new in the first dump of the batch that carries it, with that dump's
  first occurrence as its values;
- a text not yet known for a story becomes version top+1, numbered in order of sight;
- when a dump carries a version other than the current one, the story's current version
  becomes the one of its most recent appearance (dump_date, nulls last, then dump id),
  and when that is this dump's version its credits become this dump's.
Ties inside one dump (one story key at two positions with two texts) go to the lower
position; the per-dump SQL leaves that tie to the database.

The caller runs this inside a savepoint and falls back to the per-dump path when
should_fall_back(error) (a constraint broken by one bad dump, a deadlock...).
Lock order: dumps in batch order, stories by story_key, as the per-dump path.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from etl.archive import identity, load
from etl.model import ParsedDump, RunSummary, Story

try:  # errors raised by COPY on the raw connection are not wrapped by SQLAlchemy
    import psycopg

    _DRIVER_DATA_ERRORS: tuple[type[BaseException], ...] = (
        psycopg.IntegrityError,
        psycopg.DataError,
    )
except ImportError:  # pragma: no cover - psycopg is a dependency
    _DRIVER_DATA_ERRORS = ()

_RETRY_SQLSTATES = ("40001", "40P01", "55P03")  # serialization, deadlock, lock not available


def should_fall_back(exc: BaseException) -> bool:
    """Errors one bad dump or a lost race can cause: the per-dump path sorts them out.

    Anything else (the server gone, a bug) propagates and fails the batch as before."""
    if isinstance(exc, (sa.exc.IntegrityError, sa.exc.DataError, *_DRIVER_DATA_ERRORS)):
        return True
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    return getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES


# Whether ingest uses this path on PostgreSQL when the caller does not say.
DEFAULT_ON_POSTGRES = True

VersionRef = tuple[int, int]  # (story id, version number): ids of new versions come later

_STAGING = """
CREATE TEMP TABLE wa_stg_dumps (
    ord int, sha256 text, source_uri text, size_bytes bigint, dump_date date, format text,
    encoding text, header text, leftover json, raw_zlib bytea, story_count int,
    parser_version text, dump_date_override date
) ON COMMIT DROP;
CREATE TEMP TABLE wa_stg_stories (
    story_key text, is_teaser boolean, headline text, byline_raw text, dateline_raw text,
    place text, region text, country text, date date, date_source text, body text,
    first_dump_id bigint, lead_key text
) ON COMMIT DROP;
CREATE TEMP TABLE wa_stg_versions (
    story_id bigint, version int, content_sha256 text, headline text, byline_raw text,
    body text, paragraph_count int, word_count int, first_dump_id bigint
) ON COMMIT DROP
"""

_INSERT_DUMPS = """
INSERT INTO dumps (sha256, source_uri, size_bytes, dump_date, format, encoding, header,
    leftover, raw_zlib, story_count, parser_version, status, first_run_id, last_run_id,
    loaded_at, dump_date_override)
SELECT sha256, source_uri, size_bytes, dump_date, format, encoding, header, leftover,
    raw_zlib, story_count, parser_version, 'loaded', :run, :run, :now, dump_date_override
FROM wa_stg_dumps ORDER BY ord
ON CONFLICT (sha256) DO NOTHING
RETURNING id, sha256
"""

_INSERT_STORIES = """
INSERT INTO stories (story_key, is_teaser, headline, byline_raw, dateline_raw, place, region,
    country, date, date_source, body, current_version, first_dump_id, first_seen_at,
    updated_at, lead_key)
SELECT story_key, is_teaser, headline, byline_raw, dateline_raw, place, region, country, date,
    date_source, body, 1, first_dump_id, :now, :now, lead_key
FROM wa_stg_stories ORDER BY story_key
ON CONFLICT (story_key) DO NOTHING
RETURNING id, story_key
"""

_KNOWN_STORIES = "SELECT story_key FROM stories WHERE story_key = ANY(CAST(:keys AS text[]))"

_LOCK_STORIES = """
SELECT s.id, s.story_key, s.current_version FROM stories s
WHERE s.story_key = ANY(CAST(:keys AS text[]))
ORDER BY s.story_key FOR UPDATE OF s
"""

_VERSIONS = """
SELECT story_id, version, content_sha256 FROM story_versions
WHERE story_id = ANY(CAST(:ids AS bigint[]))
"""

_BEST = """
SELECT DISTINCT ON (a.story_id) a.story_id, v.version, d.dump_date, d.id
FROM appearances a JOIN dumps d ON d.id = a.dump_id JOIN story_versions v ON v.id = a.version_id
WHERE a.story_id = ANY(CAST(:ids AS bigint[]))
ORDER BY a.story_id, (d.dump_date IS NULL), d.dump_date DESC, d.id DESC
"""

_INSERT_VERSIONS = """
INSERT INTO story_versions (story_id, version, content_sha256, headline, byline_raw, body,
    paragraph_count, word_count, first_dump_id, first_seen_at)
SELECT story_id, version, content_sha256, headline, byline_raw, body, paragraph_count,
    word_count, first_dump_id, :now
FROM wa_stg_versions ORDER BY story_id, version
RETURNING id, story_id, version
"""

_CURRENT = """
UPDATE stories s SET current_version = v.version, headline = v.headline,
    byline_raw = v.byline_raw, body = v.body, updated_at = :now
FROM unnest(CAST(:sids AS bigint[]), CAST(:nums AS int[])) AS c(sid, num)
JOIN story_versions v ON v.story_id = c.sid AND v.version = c.num
WHERE s.id = c.sid AND s.current_version <> v.version
"""


@dataclass(slots=True)
class _StoryState:
    """What the replay knows about one story of the batch."""

    sid: int
    current: int
    new_in: int | None = None  # index of the dump that created it, if this batch did
    best: tuple[bool, dt.date, int] | None = None  # rank of its most recent appearance
    best_version: int = 0
    credits: Story | None = None  # last credits written in this batch


@dataclass(slots=True)
class _Replay:
    """Rows and counts the replay produces, written after it in set-based statements."""

    summary: RunSummary
    versions: list[tuple[Any, ...]] = field(default_factory=list)
    paragraphs: list[tuple[VersionRef, int, int, str, str]] = field(default_factory=list)
    appearances: list[tuple[int, int, VersionRef, str]] = field(default_factory=list)
    credit_events: list[tuple[int, Story]] = field(default_factory=list)
    current: dict[int, int] = field(default_factory=dict)


# Binary COPY: the server reads numbers, dates and the compressed bytes as they are,
# instead of parsing text (bytea in text form is hex: twice its size). Types per column.
_BIN = "text"
_COPY_TYPES: dict[str, list[str]] = {
    "wa_stg_dumps": ["int4", _BIN, _BIN, "int8", "date", _BIN, _BIN, _BIN, "json", "bytea",
                     "int4", _BIN, "date"],
    "wa_stg_stories": [_BIN, "bool", _BIN, _BIN, _BIN, _BIN, _BIN, _BIN, "date", _BIN, _BIN,
                       "int8", _BIN],
    "wa_stg_versions": ["int8", "int4", _BIN, _BIN, _BIN, _BIN, "int4", "int4", "int8"],
    "paragraphs": ["int8", "int4", "int8", _BIN, _BIN],
    "appearances": ["int8", "int4", "int8", "int8", _BIN],
    "story_authors": ["int8", "int8", "int4"],
    "story_agencies": ["int8", _BIN, "int4"],
}


def _copy(conn: sa.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """COPY rows in; binary when the table's column types are listed in _COPY_TYPES."""
    raw = conn.connection.driver_connection
    types = _COPY_TYPES.get(sql.split()[1])
    if types is not None:
        sql = sql.replace("FROM STDIN", "FROM STDIN (FORMAT BINARY)")
    with raw.cursor() as cur, cur.copy(sql) as cp:  # type: ignore[union-attr]
        if types is not None:
            cp.set_types(types)
        for row in rows:
            cp.write_row(row)


def _rank(parsed: ParsedDump, dump_id: int) -> tuple[bool, dt.date, int]:
    """Sort key of "most recent appearance": dated before undated, then date, then id."""
    day = parsed.dump_date
    return (day is not None, day or dt.date.min, dump_id)


def load_dumps(
    ld: load.Loader, items: Sequence[tuple[ParsedDump, bytes]], dump_date: dt.date | None
) -> RunSummary:
    """Insert the batch's dumps (already free of in-batch repeats) and all they derive."""
    conn = ld.conn
    summary = RunSummary(run_id=ld.run_id)
    if not items:
        return summary
    for ddl in _STAGING.split(";"):
        conn.exec_driver_sql(ddl)
    _copy(
        conn,
        "COPY wa_stg_dumps FROM STDIN",
        (
            (
                i,
                p.sha256,
                p.source,
                len(data),
                p.dump_date,
                p.format,
                p.encoding,
                p.header,
                list(p.leftover),
                zlib.compress(data, load.ZLIB_LEVEL),
                len(p.stories),
                p.parser_version,
                dump_date,
            )
            for i, (p, data) in enumerate(items)
        ),
    )
    ids = {
        sha: int(i)
        for i, sha in conn.execute(sa.text(_INSERT_DUMPS), {"run": ld.run_id, "now": ld.now})
    }
    loaded = [(p, ids[p.sha256]) for p, _ in items if p.sha256 in ids]
    summary.duplicates = len(items) - len(loaded)  # loaded meanwhile by another ingest
    summary.dumps_loaded = len(loaded)
    if loaded:
        summary.merge(_load_stories(ld, loaded))
    if load.after_dump_hook is not None:
        for parsed, dump_id in loaded:
            load.after_dump_hook(conn, parsed, dump_id)
    return summary


def _keyed(parsed: ParsedDump) -> list[tuple[str, Story]]:
    return [(identity.story_key(s), s) for s in sorted(parsed.stories, key=lambda s: s.position)]


def _load_stories(ld: load.Loader, loaded: list[tuple[ParsedDump, int]]) -> RunSummary:
    conn = ld.conn
    per_dump = [_keyed(p) for p, _ in loaded]
    first_seen: dict[str, tuple[Story, int]] = {}
    for (_, dump_id), keyed in zip(loaded, per_dump, strict=True):
        for key, story in keyed:
            first_seen.setdefault(key, (story, dump_id))
    if not first_seen:
        return RunSummary(run_id=ld.run_id)

    # Stories: insert the unknown ones, then lock every story of the batch in key order.
    created, states = _insert_and_lock(ld, first_seen)
    first_dump = {key: dump_id for key, (_, dump_id) in first_seen.items()}

    # Known texts of stories archived before this batch.
    have: dict[tuple[int, str], int] = {}
    top: dict[int, int] = {}
    old = sorted(st.sid for k, st in states.items() if k not in created)
    current_digest: dict[int, str] = {}
    if old:
        current_of = {st.sid: st.current for k, st in states.items() if k not in created}
        for sid, number, digest in conn.execute(sa.text(_VERSIONS), {"ids": old}):
            have[(int(sid), digest)] = int(number)
            top[int(sid)] = max(top.get(int(sid), 0), int(number))
            if current_of[int(sid)] == int(number):
                current_digest[int(sid)] = digest
    # Their most recent appearance matters only when the batch carries another text.
    by_sid = {st.sid: st for st in states.values()}
    moving = sorted(
        {
            states[key].sid
            for keyed in per_dump
            for key, story in keyed
            if key not in created
            and current_digest.get(states[key].sid) != identity.content_sha256(story)
        }
    )
    if moving:
        for sid, number, day, dump_id in conn.execute(sa.text(_BEST), {"ids": moving}):
            st = by_sid[int(sid)]
            st.best = (day is not None, day or dt.date.min, int(dump_id))
            st.best_version = int(number)

    index_of = {dump_id: i for i, (_, dump_id) in enumerate(loaded)}
    for key in created:
        states[key].new_in = index_of[first_dump[key]]
    replay = _Replay(RunSummary(run_id=ld.run_id))
    for index, ((parsed, dump_id), keyed) in enumerate(zip(loaded, per_dump, strict=True)):
        _replay_dump(replay, states, have, top, index, parsed, dump_id, keyed)
    _write(ld, replay, states)
    return replay.summary


def _insert_and_lock(
    ld: load.Loader, first_seen: dict[str, tuple[Story, int]]
) -> tuple[set[str], dict[str, _StoryState]]:
    """Insert the batch's stories the archive lacks, lock all of them in key order.

    Only stories not found by a first look are staged and inserted: a stored story would
    cost its row's transfer and, before ON CONFLICT turns it away, the computation of its
    full-text column. A story found by the look but deleted before the lock (a concurrent
    reprocess) is staged in another round; ON CONFLICT settles races with other loaders."""
    conn = ld.conn
    keys = sorted(first_seen)
    known = {str(r[0]) for r in conn.execute(sa.text(_KNOWN_STORIES), {"keys": keys})}
    pending = [key for key in keys if key not in known]
    created: set[str] = set()
    states: dict[str, _StoryState] = {}
    for _round in range(3):
        if pending:
            conn.exec_driver_sql("DELETE FROM wa_stg_stories")
            _copy(
                conn,
                "COPY wa_stg_stories FROM STDIN",
                (_story_row(key, *first_seen[key]) for key in pending),
            )
            rows = conn.execute(sa.text(_INSERT_STORIES), {"now": ld.now})
            created.update(str(key) for _, key in rows)
        unlocked = [key for key in keys if key not in states]
        for sid, key, current in conn.execute(sa.text(_LOCK_STORIES), {"keys": unlocked}):
            states[key] = _StoryState(int(sid), int(current))
        pending = [key for key in keys if key not in states]
        if not pending:
            return created, states
    raise RuntimeError(f"{len(pending)} stories vanished while the batch was loading them")


def _story_row(key: str, story: Story, dump_id: int) -> tuple[Any, ...]:
    dl = story.dateline
    return (
        key,
        story.is_teaser,
        story.headline,
        story.byline.raw if story.byline else None,
        dl.raw if dl else None,
        dl.place if dl else None,
        dl.region if dl else None,
        dl.country if dl else None,
        dl.date if dl else None,
        dl.date_source if dl else None,
        story.text,
        dump_id,
        identity.lead_key(story),
    )


def _replay_dump(
    rp: _Replay,
    states: dict[str, _StoryState],
    have: dict[tuple[int, str], int],
    top: dict[int, int],
    index: int,
    parsed: ParsedDump,
    dump_id: int,
    keyed: list[tuple[str, Story]],
) -> None:
    """One dump, by the per-dump rules (load.load_stories), on the in-memory state."""
    first: dict[str, Story] = {}
    for key, story in keyed:
        first.setdefault(key, story)
    keys = sorted(first)
    new_here = {k for k in keys if states[k].new_in == index}
    rp.summary.stories_new += len(new_here)
    rp.summary.stories_seen += len(keys) - len(new_here)
    rank = _rank(parsed, dump_id)
    number_of: dict[int, int] = {}  # id(story) -> version number
    for key, story in keyed:
        st = states[key]
        digest = identity.content_sha256(story)
        number = have.get((st.sid, digest))
        if number is None:
            number = top.get(st.sid, 0) + 1
            top[st.sid] = number
            have[(st.sid, digest)] = number
            body = story.text
            rp.versions.append(
                (
                    st.sid,
                    number,
                    digest,
                    story.headline,
                    story.byline.raw if story.byline else None,
                    body,
                    len(story.paragraphs),
                    len(body.split()),
                    dump_id,
                )
            )
            rp.paragraphs.extend(
                ((st.sid, number), i, st.sid, p.kind, p.text)
                for i, p in enumerate(story.paragraphs)
            )
            if key not in new_here:
                rp.summary.versions_new += 1
        number_of[id(story)] = number
        rp.appearances.append((dump_id, story.position, (st.sid, number), story.role))
        if st.best is None or rank > st.best:
            st.best, st.best_version = rank, number
    for key in keys:
        st, story = states[key], first[key]
        if key in new_here:
            st.current = 1
            rp.credit_events.append((st.sid, story))
            continue
        number = number_of[id(story)]
        if number == st.current:
            continue
        if st.best_version != st.current:
            st.current = st.best_version
            rp.current[st.sid] = st.current
        if st.best_version == number:
            rp.credit_events.append((st.sid, story))


def _write(ld: load.Loader, rp: _Replay, states: dict[str, _StoryState]) -> None:
    conn = ld.conn
    version_ids: dict[VersionRef, int] = {}
    if rp.versions:
        _copy(conn, "COPY wa_stg_versions FROM STDIN", rp.versions)
        for vid, sid, number in conn.execute(sa.text(_INSERT_VERSIONS), {"now": ld.now}):
            version_ids[(int(sid), int(number))] = int(vid)
    old_refs = {ref for _, _, ref, _ in rp.appearances if ref not in version_ids}
    if old_refs:
        sids = sorted({sid for sid, _ in old_refs})
        rows = conn.execute(
            sa.text(
                "SELECT id, story_id, version FROM story_versions "
                "WHERE story_id = ANY(CAST(:ids AS bigint[]))"
            ),
            {"ids": sids},
        )
        for vid, sid, number in rows:
            if (int(sid), int(number)) in old_refs:
                version_ids[(int(sid), int(number))] = int(vid)
    if rp.paragraphs:
        _copy(
            conn,
            "COPY paragraphs (version_id, position, story_id, kind, text) FROM STDIN",
            ((version_ids[ref], i, sid, k, t) for ref, i, sid, k, t in rp.paragraphs),
        )
    _copy(
        conn,
        "COPY appearances (dump_id, position, story_id, version_id, role) FROM STDIN",
        ((d, pos, ref[0], version_ids[ref], role) for d, pos, ref, role in rp.appearances),
    )
    if rp.current:
        sids = sorted(rp.current)
        conn.execute(
            sa.text(_CURRENT),
            {"sids": sids, "nums": [rp.current[s] for s in sids], "now": ld.now},
        )
    _credits(ld, rp.credit_events)


def _credits(ld: load.Loader, events: list[tuple[int, Story]]) -> None:
    """Authors/agencies registered in event order; each story keeps its last event's credits."""
    if not events:
        return
    conn = ld.conn
    names: dict[str, str] = {}
    codes: set[str] = set()
    final: dict[int, Story] = {}
    for sid, story in events:
        for name in story.byline.authors if story.byline else ():
            names.setdefault(identity.author_key(name), " ".join(name.split()))
        codes.update(story.agencies)
        final[sid] = story
    author_ids: dict[str, int] = {}
    if names:
        keys = sorted(names)
        conn.execute(
            sa.text(
                "INSERT INTO authors (name, name_key) "
                "SELECT n, k FROM unnest(CAST(:names AS text[]), CAST(:keys AS text[])) "
                "AS t(n, k) ORDER BY k ON CONFLICT (name_key) DO NOTHING"
            ),
            {"names": [names[k] for k in keys], "keys": keys},
        )
        for aid, key in conn.execute(
            sa.text("SELECT id, name_key FROM authors WHERE name_key = ANY(CAST(:k AS text[]))"),
            {"k": keys},
        ):
            author_ids[key] = int(aid)
    if codes:
        load.ensure_agencies(ld, codes)
    sids = sorted(final)
    conn.execute(
        sa.text("DELETE FROM story_authors WHERE story_id = ANY(CAST(:s AS bigint[]))"),
        {"s": sids},
    )
    conn.execute(
        sa.text("DELETE FROM story_agencies WHERE story_id = ANY(CAST(:s AS bigint[]))"),
        {"s": sids},
    )
    author_rows: list[tuple[int, int, int]] = []
    agency_rows: list[tuple[int, str, int]] = []
    for sid in sids:
        story = final[sid]
        taken: set[int] = set()
        for name in story.byline.authors if story.byline else ():
            aid = author_ids[identity.author_key(name)]
            if aid not in taken:
                author_rows.append((sid, aid, len(taken)))
                taken.add(aid)
        agency_rows.extend((sid, c, i) for i, c in enumerate(dict.fromkeys(story.agencies)))
    if author_rows:
        _copy(conn, "COPY story_authors (story_id, author_id, position) FROM STDIN", author_rows)
    if agency_rows:
        _copy(conn, "COPY story_agencies (story_id, agency_code, position) FROM STDIN", agency_rows)
