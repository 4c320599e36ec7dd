"""A content fingerprint of an archive, independent of ids, timestamps and run history.

Two archives are "the same" when every table holds the same rows once surrogate ids are
replaced by the natural keys they point at (a dump by its sha256, a story by its
story_key, a version by (story_key, content_sha256), an author by name_key) and
wall-clock columns are dropped. Each table becomes a multiset (Counter) of tuples, so a
row that went missing and a row that was written twice both show up.

Runs are history, not content: `ingest_runs` is counted by (status, mode, trigger)
and `run_batches` by (batch_key, files), both leaving out the runs named in `exclude_runs`
(for instance a run that was killed, whose row may be left 'running' or closed later).

Used by tests/archive/test_crash.py; works on SQLite and PostgreSQL alike because it
reads through SQLAlchemy Core and the schema's own types.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from etl.archive import schema as t

Fingerprint = dict[str, Counter[tuple[Any, ...]]]

# Tables this module fingerprints by content; any other table in the schema is only
# counted (rows, not content), under "count:<name>", so a new table is never silently skipped.
COVERED = (
    "ingest_runs",
    "run_batches",
    "landing_files",
    "dumps",
    "rejects",
    "stories",
    "story_versions",
    "appearances",
    "paragraphs",
    "authors",
    "story_authors",
    "agencies",
    "story_agencies",
)


def _h(value: str | bytes | None) -> str | None:
    """A short, stable digest of a long text or blob (None stays None)."""
    if value is None:
        return None
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else bytes(value)
    return hashlib.sha256(data).hexdigest()[:20]


def _raw(blob: bytes | None) -> str | None:
    return None if blob is None else _h(zlib.decompress(bytes(blob)))


def _json(value: Any) -> str | None:
    if isinstance(value, str):  # a driver that hands JSON back as text
        value = json.loads(value)
    return _h(json.dumps(value, sort_keys=True, ensure_ascii=False))


class _Paths:
    """Landing paths written relative to `root`, so two landing copies compare equal."""

    def __init__(self, root: str | None) -> None:
        self.root = root.rstrip("/") if root else None

    def __call__(self, text: str | None) -> str | None:
        if text is None or self.root is None:
            return text
        return text.replace(self.root, "<landing>")


def fingerprint(
    url_or_engine: str | sa.Engine,
    *,
    root: str | None = None,
    exclude_runs: Iterable[int] = (),
) -> Fingerprint:
    """Every table of the archive at `url_or_engine` as a Counter of natural-key tuples."""
    owned = isinstance(url_or_engine, str)
    engine = sa.create_engine(_normalise(url_or_engine)) if owned else url_or_engine
    try:
        with engine.connect() as conn:
            return _fingerprint(conn, _Paths(root), set(int(r) for r in exclude_runs))
    finally:
        if owned:
            engine.dispose()


def _normalise(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _fingerprint(conn: sa.Connection, rel: _Paths, excluded: set[int]) -> Fingerprint:
    fp: Fingerprint = {}

    def put(name: str, query: sa.Select, shape: Any) -> None:
        fp[name] = Counter(tuple(shape(row)) for row in conn.execute(query))

    story = t.stories.alias("s")
    full = t.stories.alias("full")
    first_dump = t.dumps.alias("fd")
    version = t.story_versions.alias("v")
    vstory = t.stories.alias("vs")

    runs = t.ingest_runs
    put(
        "ingest_runs",
        sa.select(runs.c.status, runs.c.mode, runs.c.trigger).where(runs.c.id.not_in(excluded)),
        lambda r: (r.status, r.mode, r.trigger),
    )
    rb = t.run_batches
    put(
        "run_batches",
        sa.select(rb.c.batch_key, rb.c.files).where(rb.c.run_id.not_in(excluded)),
        lambda r: (r.batch_key, r.files),
    )
    lf = t.landing_files
    put(
        "landing_files",
        sa.select(lf.c.sha256, lf.c.source_uri, lf.c.size_bytes, lf.c.members),
        lambda r: (r.sha256, rel(r.source_uri), r.size_bytes, r.members),
    )
    d = t.dumps
    put(
        "dumps",
        sa.select(d),
        lambda r: (
            r.sha256,
            rel(r.source_uri),
            r.size_bytes,
            r.dump_date,
            r.format,
            r.encoding,
            _h(r.header),
            _json(r.leftover),
            _raw(r.raw_zlib),
            r.story_count,
            r.parser_version,
            r.status,
            r.dump_date_override,
        ),
    )
    rj = t.rejects
    put(
        "rejects",
        sa.select(rj),
        lambda r: (
            r.sha256,
            rel(r.source_uri),
            r.size_bytes,
            r.reason,
            rel(r.detail),
            _raw(r.raw_zlib),
        ),
    )
    put(
        "stories",
        sa.select(
            story, full.c.story_key.label("full_key"), first_dump.c.sha256.label("fd_sha")
        ).select_from(
            story.outerjoin(full, full.c.id == story.c.full_story_id).outerjoin(
                first_dump, first_dump.c.id == story.c.first_dump_id
            )
        ),
        lambda r: (
            r.story_key,
            r.is_teaser,
            r.headline,
            r.byline_raw,
            r.dateline_raw,
            r.place,
            r.region,
            r.country,
            r.date,
            r.date_source,
            _h(r.body),
            r.full_key,
            r.current_version,
            r.fd_sha,
            r.lead_key,
        ),
    )
    sv = t.story_versions
    put(
        "story_versions",
        sa.select(sv, story.c.story_key, first_dump.c.sha256.label("fd_sha")).select_from(
            sv.join(story, story.c.id == sv.c.story_id).outerjoin(
                first_dump, first_dump.c.id == sv.c.first_dump_id
            )
        ),
        lambda r: (
            r.story_key,
            r.version,
            r.content_sha256,
            r.headline,
            r.byline_raw,
            _h(r.body),
            r.paragraph_count,
            r.word_count,
            r.fd_sha,
        ),
    )
    ap = t.appearances
    put(
        "appearances",
        sa.select(
            d.c.sha256,
            ap.c.position,
            story.c.story_key,
            vstory.c.story_key.label("version_story"),
            version.c.content_sha256,
            ap.c.role,
        ).select_from(
            ap.join(d, d.c.id == ap.c.dump_id)
            .join(story, story.c.id == ap.c.story_id)
            .join(version, version.c.id == ap.c.version_id)
            .join(vstory, vstory.c.id == version.c.story_id)
        ),
        lambda r: tuple(r),
    )
    pg = t.paragraphs
    put(
        "paragraphs",
        sa.select(
            vstory.c.story_key.label("version_story"),
            version.c.content_sha256,
            pg.c.position,
            story.c.story_key,
            pg.c.kind,
            pg.c.text,
        ).select_from(
            pg.join(version, version.c.id == pg.c.version_id)
            .join(vstory, vstory.c.id == version.c.story_id)
            .join(story, story.c.id == pg.c.story_id)
        ),
        lambda r: (r[0], r[1], r[2], r[3], r[4], _h(r[5])),
    )
    au = t.authors
    put("authors", sa.select(au.c.name, au.c.name_key), lambda r: tuple(r))
    sa_ = t.story_authors
    put(
        "story_authors",
        sa.select(story.c.story_key, au.c.name_key, sa_.c.position).select_from(
            sa_.join(story, story.c.id == sa_.c.story_id).join(au, au.c.id == sa_.c.author_id)
        ),
        lambda r: tuple(r),
    )
    ag = t.agencies
    put("agencies", sa.select(ag.c.code, ag.c.name), lambda r: tuple(r))
    sg = t.story_agencies
    put(
        "story_agencies",
        sa.select(story.c.story_key, sg.c.agency_code, sg.c.position).select_from(
            sg.join(story, story.c.id == sg.c.story_id)
        ),
        lambda r: tuple(r),
    )
    for name, table in t.metadata.tables.items():
        if name not in COVERED:
            count = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            fp[f"count:{name}"] = Counter({(int(count),): 1})
    return fp


@dataclass(frozen=True)
class TableDiff:
    lost: int  # rows of the reference missing here
    doubled: int  # extra copies of a row the reference has
    foreign: int  # rows the reference does not have at all
    examples: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not (self.lost or self.doubled or self.foreign)


def compare(got: Fingerprint, want: Fingerprint, *, examples: int = 3) -> dict[str, TableDiff]:
    """Per table: rows lost, rows doubled and rows foreign to `want`."""
    out: dict[str, TableDiff] = {}
    for name in sorted(set(got) | set(want)):
        g, w = got.get(name, Counter()), want.get(name, Counter())
        missing, extra = w - g, g - w
        doubled = sum(n for row, n in extra.items() if w[row])
        foreign = sum(n for row, n in extra.items() if not w[row])
        shown = [f"lost {row!r}" for row in list(missing)[:examples]]
        shown += [f"extra {row!r}" for row in list(extra)[:examples]]
        out[name] = TableDiff(sum(missing.values()), doubled, foreign, tuple(shown))
    return out


def total_rows(fp: Fingerprint) -> int:
    return sum(sum(c.values()) for name, c in fp.items() if not name.startswith("count:"))
