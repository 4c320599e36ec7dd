"""Table counts and date ranges: the first look at an archive."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive import schema

COUNTED = (
    "ingest_runs",
    "landing_files",
    "dumps",
    "stories",
    "story_versions",
    "appearances",
    "paragraphs",
    "authors",
    "story_authors",
    "agencies",
    "story_agencies",
    "rejects",
)


@dataclass(slots=True)
class ArchiveStats:
    counts: dict[str, int] = field(default_factory=dict)
    dump_dates: tuple[str | None, str | None] = (None, None)
    story_dates: tuple[str | None, str | None] = (None, None)
    reject_reasons: dict[str, int] = field(default_factory=dict)


def _range(conn: Connection, column: sa.Column) -> tuple[str | None, str | None]:
    low, high = conn.execute(sa.select(sa.func.min(column), sa.func.max(column))).one()
    return (str(low) if low is not None else None, str(high) if high is not None else None)


def archive_stats(conn: Connection) -> ArchiveStats:
    stats = ArchiveStats()
    for name in COUNTED:
        table = schema.metadata.tables[name]
        stats.counts[name] = int(
            conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0
        )
    stats.dump_dates = _range(conn, schema.dumps.c.dump_date)
    stats.story_dates = _range(conn, schema.stories.c.date)
    reasons = conn.execute(
        sa.select(schema.rejects.c.reason, sa.func.count()).group_by(schema.rejects.c.reason)
    )
    stats.reject_reasons = {r: int(n) for r, n in reasons}
    return stats
