"""Teaser -> full story links (stories.full_story_id); the rule is in etl/archive/identity.py.

Linking runs after loading, over every unlinked teaser, so the order in which a
teaser and its full story arrive does not matter. Candidates come from an indexed
join on lead_key, a chunk of teasers at a time (memory stays flat); the word-prefix
check then confirms each one.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive import identity
from etl.archive.schema import stories

CHUNK = 500


def link_teasers(conn: Connection) -> int:
    """Link every unlinked teaser that has a matching full story; returns how many."""
    teaser = stories.alias("t")
    full = stories.alias("f")
    has_candidate = sa.exists(
        sa.select(full.c.id).where(
            full.c.lead_key == teaser.c.lead_key, full.c.is_teaser.is_(False)
        )
    )
    pending = [
        int(r[0])
        for r in conn.execute(
            sa.select(teaser.c.id)
            .where(
                teaser.c.is_teaser.is_(True),
                teaser.c.full_story_id.is_(None),
                teaser.c.lead_key.is_not(None),
                has_candidate,
            )
            .order_by(teaser.c.id)
        )
    ]
    linked = 0
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        rows = conn.execute(
            sa.select(teaser.c.id, teaser.c.body, full.c.id, full.c.body)
            .join(full, sa.and_(full.c.lead_key == teaser.c.lead_key, full.c.is_teaser.is_(False)))
            .where(teaser.c.id.in_(chunk))
            .order_by(teaser.c.id, full.c.id)
        )
        links: dict[int, int] = {}
        for teaser_id, teaser_body, full_id, full_body in rows:
            if teaser_id not in links and identity.is_prefix(
                identity.words(teaser_body), identity.words(full_body)
            ):
                links[teaser_id] = full_id
        if links:
            _write_links(conn, sorted(links.items()))
            linked += len(links)
    return linked


def _write_links(conn: Connection, pairs: list[tuple[int, int]]) -> None:
    """One UPDATE for a chunk on PostgreSQL (arrays); executemany on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            sa.text(
                "UPDATE stories s SET full_story_id = l.fid FROM unnest("
                "CAST(:tids AS bigint[]), CAST(:fids AS bigint[])) AS l(tid, fid) "
                "WHERE s.id = l.tid AND s.full_story_id IS NULL"
            ),
            {"tids": [t for t, _ in pairs], "fids": [f for _, f in pairs]},
        )
        return
    conn.execute(
        sa.update(stories)
        .where(stories.c.id == sa.bindparam("tid"), stories.c.full_story_id.is_(None))
        .values(full_story_id=sa.bindparam("fid")),
        [{"tid": t, "fid": f} for t, f in pairs],
    )
