"""A small archive written row by row, so that every view's answer is known exactly.

The rows are chosen to exercise what the views promise: credit order that is not
alphabetical, a story seen in several dumps (one undated) with two versions, a backfilled
older dump loaded after a newer one, a linked and an unlinked teaser, a story with no
dateline, dateline dates far from the dump date, and rejects with two reasons.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import dataclass, field

import sqlalchemy as sa

from etl.archive import db, schema

NOW = dt.datetime(2017, 11, 12, 6, 0, tzinfo=dt.UTC)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class DumpRow:
    key: str
    source: str
    dump_date: dt.date | None


@dataclass(frozen=True)
class StoryRow:
    key: str
    headline: str | None
    dateline: str | None
    place: str | None
    country: str | None
    date: dt.date | None
    date_source: str | None
    is_teaser: bool
    versions: tuple[str, ...]  # bodies, oldest first; the last is current
    agencies: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    full_story: str | None = None  # key of the full story a teaser points to
    region: str | None = None


DUMPS = (
    DumpRow("D1", "landing/wire-2017-11-11-kathmandu.txt", dt.date(2017, 11, 11)),
    DumpRow("D2", "landing/wire-2017-11-12-geneva.txt", dt.date(2017, 11, 12)),
    DumpRow("D3", "landing/backfill/wire-2017-10-01-festival.html", dt.date(2017, 10, 1)),
    DumpRow("D4", "landing/undated-page.txt", None),
)

FLOOD_V1 = (
    "Floodwater swept through three mountain villages overnight, cutting the only road"
    " to the valley.\n\nRescue teams reached the first village at dawn."
)
FLOOD_V2 = (
    FLOOD_V1 + "\n\nRescue helicopters lifted forty residents to safety by the afternoon,"
    " officials said."
)

STORIES = (
    StoryRow(
        "S1",
        "Floods cut off mountain villages in the north",
        "Kathmandu (APP/AFP) Nov 11, 2017",
        "Kathmandu",
        "NP",
        dt.date(2017, 11, 11),
        "dateline",
        False,
        (FLOOD_V1, FLOOD_V2),
        agencies=("APP", "AFP"),
        authors=("Bo Lindqvist", "Anna Ortiz"),
    ),
    StoryRow(
        "S2",
        None,
        "Geneva (Reuters) Nov 10, 2017",
        "Geneva",
        "CH",
        dt.date(2017, 11, 10),
        "dateline",
        True,
        ("Negotiators met again in Geneva on Friday after a pause of two months.",),
        agencies=("Reuters",),
        full_story="S3",
    ),
    StoryRow(
        "S3",
        "Talks on refugee aid resume in Geneva",
        "Geneva (Reuters) Nov 10, 2017",
        "Geneva",
        "CH",
        dt.date(2017, 11, 10),
        "dateline",
        False,
        (
            "Negotiators met again on Friday after a pause of two months.\n\n"
            "The refugee aid package on the table would fund shelters through the winter.",
        ),
        agencies=("Reuters",),
        authors=("Clara Mbeki",),
    ),
    StoryRow(
        "S4",
        "Harvest festival draws record crowds",
        "Kathmandu (AFP) Oct 1, 2017",
        "Kathmandu",
        "NP",
        dt.date(2017, 10, 1),
        "dateline",
        False,
        ("Farmers and dancers filled the old square for the harvest festival.",),
        agencies=("AFP",),
        authors=("Anna Ortiz",),
    ),
    StoryRow(
        "S5",
        None,
        "Tehran (AFP) Sept 20, 2017",
        "Tehran",
        "IR",
        dt.date(2017, 9, 20),
        "dateline",
        True,
        ("A new metro line opened to passengers after years of delays.",),
        agencies=("AFP",),
    ),
    StoryRow(
        "S6",
        "Markets close higher on technology rally",
        None,
        None,
        None,
        dt.date(2017, 11, 12),
        "dump_date",
        False,
        ("Shares in chip makers led the gains as traders returned from the holiday.",),
    ),
    StoryRow(
        "S7",
        "Observers report calm along the border",
        "GENEVA (AFP)",
        "Geneva",
        "CH",
        None,
        None,
        False,
        ("Monitors said the night passed without incident for the first time in weeks.",),
        agencies=("AFP",),
    ),
)

# (dump, position, story, version number, role), inserted dump by dump in this order:
# D2 is loaded before the older D3 (a backfill), so S4's first load is not its first date;
# D3 (Oct 1) carries S2 (dated Nov 10): a dateline in the future of its page.
APPEARANCES = (
    ("D1", 0, "S1", 1, "main"),
    ("D1", 1, "S2", 1, "related"),
    ("D1", 2, "S5", 1, "related"),
    ("D2", 0, "S1", 2, "main"),
    ("D2", 1, "S3", 1, "related"),
    ("D2", 2, "S6", 1, "related"),
    ("D2", 3, "S4", 1, "related"),
    ("D3", 0, "S4", 1, "main"),
    ("D3", 1, "S2", 1, "related"),
    ("D4", 0, "S7", 1, "main"),
    ("D4", 1, "S1", 2, "related"),
)

REJECTS = (
    ("landing/empty-1.txt", "empty", b""),
    ("landing/empty-2.txt", "empty", b"\n"),
    ("landing/photo.txt", "binary", b"\x89PNG\r\n\x1a\n\x00\x00"),
)


@dataclass
class MiniArchive:
    url: str
    dumps: dict[str, int] = field(default_factory=dict)
    stories: dict[str, int] = field(default_factory=dict)
    versions: dict[tuple[str, int], int] = field(default_factory=dict)
    authors: dict[str, int] = field(default_factory=dict)
    run_id: int = 0

    def story_key(self, story_id: int) -> str:
        return {v: k for k, v in self.stories.items()}[story_id]


def _insert(conn: sa.Connection, table: sa.Table, **values: object) -> int:
    return conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()


def build(url: str) -> MiniArchive:
    """Migrate `url` to head and write the rows above; returns their ids by key."""
    db.upgrade(url)
    arch = MiniArchive(url)
    first_dump = {}
    for dump, _pos, story, _ver, _role in APPEARANCES:
        first_dump.setdefault(story, dump)
    with db.transaction(url) as conn:
        arch.run_id = _insert(
            conn,
            schema.ingest_runs,
            started_at=NOW,
            finished_at=NOW,
            trigger="cli",
            mode="new",
            parser_version="test",
            status="success",
            files_seen=7,
            dumps_loaded=4,
            rejected=3,
        )
        known = set(conn.execute(sa.select(schema.agencies.c.code)).scalars())
        for code in sorted({a for s in STORIES for a in s.agencies} - known):
            conn.execute(schema.agencies.insert().values(code=code, name=f"{code} agency"))
        for d in DUMPS:
            raw = f"raw page {d.key}".encode()
            arch.dumps[d.key] = _insert(
                conn,
                schema.dumps,
                sha256=hashlib.sha256(raw).hexdigest(),
                source_uri=d.source,
                size_bytes=len(raw),
                dump_date=d.dump_date,
                format="html" if d.source.endswith(".html") else "text",
                encoding="utf-8",
                header=None,
                leftover=["Related Links"],
                raw_zlib=zlib.compress(raw),
                story_count=sum(1 for a in APPEARANCES if a[0] == d.key),
                parser_version="test",
                status="loaded",
                first_run_id=arch.run_id,
                last_run_id=arch.run_id,
                loaded_at=NOW,
            )
        for s in STORIES:
            arch.stories[s.key] = _insert(
                conn,
                schema.stories,
                story_key=_sha(s.key),
                is_teaser=s.is_teaser,
                headline=s.headline,
                byline_raw=("By " + " and ".join(s.authors)) if s.authors else None,
                dateline_raw=s.dateline,
                place=s.place,
                region=s.region,
                country=s.country,
                date=s.date,
                date_source=s.date_source,
                body=s.versions[-1],
                current_version=len(s.versions),
                first_dump_id=arch.dumps[first_dump[s.key]],
                first_seen_at=NOW,
                updated_at=NOW,
            )
            for number, body in enumerate(s.versions, start=1):
                paras = body.split("\n\n")
                vid = _insert(
                    conn,
                    schema.story_versions,
                    story_id=arch.stories[s.key],
                    version=number,
                    content_sha256=_sha(body),
                    headline=s.headline,
                    byline_raw=None,
                    body=body,
                    paragraph_count=len(paras),
                    word_count=len(body.split()),
                    first_dump_id=arch.dumps[first_dump[s.key]],
                    first_seen_at=NOW,
                )
                arch.versions[(s.key, number)] = vid
                for pos, text in enumerate(paras):
                    conn.execute(
                        schema.paragraphs.insert().values(
                            version_id=vid,
                            position=pos,
                            story_id=arch.stories[s.key],
                            kind="text",
                            text=text,
                        )
                    )
            for pos, code in enumerate(s.agencies):
                conn.execute(
                    schema.story_agencies.insert().values(
                        story_id=arch.stories[s.key], agency_code=code, position=pos
                    )
                )
            for pos, name in enumerate(s.authors):
                if name not in arch.authors:
                    arch.authors[name] = _insert(
                        conn, schema.authors, name=name, name_key=name.casefold()
                    )
                conn.execute(
                    schema.story_authors.insert().values(
                        story_id=arch.stories[s.key], author_id=arch.authors[name], position=pos
                    )
                )
        for s in STORIES:
            if s.full_story:
                conn.execute(
                    schema.stories.update()
                    .where(schema.stories.c.id == arch.stories[s.key])
                    .values(full_story_id=arch.stories[s.full_story])
                )
        for dump, pos, story, ver, role in APPEARANCES:
            conn.execute(
                schema.appearances.insert().values(
                    dump_id=arch.dumps[dump],
                    position=pos,
                    story_id=arch.stories[story],
                    version_id=arch.versions[(story, ver)],
                    role=role,
                )
            )
        for i, (source, reason, data) in enumerate(REJECTS):
            conn.execute(
                schema.rejects.insert().values(
                    sha256=_sha(f"reject {i}"),
                    source_uri=source,
                    size_bytes=len(data),
                    reason=reason,
                    detail=f"{reason} input",
                    raw_zlib=zlib.compress(data),
                    run_id=arch.run_id,
                    rejected_at=NOW + dt.timedelta(minutes=i),
                )
            )
    return arch
