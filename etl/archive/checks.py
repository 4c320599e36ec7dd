"""Data-quality invariants of the archive: each query counts the rows that break one.

An empty result means every guarantee in DESIGN.md that the tables can show holds.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

# (description, SQL returning the number of offending rows); portable SQL only.
INVARIANTS: tuple[tuple[str, str], ...] = (
    (
        "stories carried by no dump",
        "SELECT count(*) FROM stories s WHERE NOT EXISTS "
        "(SELECT 1 FROM appearances a WHERE a.story_id = s.id)",
    ),
    (
        "story versions carried by no dump",
        "SELECT count(*) FROM story_versions v WHERE NOT EXISTS "
        "(SELECT 1 FROM appearances a WHERE a.version_id = v.id)",
    ),
    (
        "stories whose current version is missing or differs from their body",
        "SELECT count(*) FROM stories s LEFT JOIN story_versions v "
        "ON v.story_id = s.id AND v.version = s.current_version "
        "WHERE v.id IS NULL OR v.body <> s.body",
    ),
    (
        "appearances whose version belongs to another story",
        "SELECT count(*) FROM appearances a JOIN story_versions v ON v.id = a.version_id "
        "WHERE v.story_id <> a.story_id",
    ),
    (
        "loaded dumps whose story_count differs from their appearances",
        "SELECT count(*) FROM dumps d WHERE d.status = 'loaded' AND d.story_count <> "
        "(SELECT count(*) FROM appearances a WHERE a.dump_id = d.id)",
    ),
    (
        "versions whose paragraph_count differs from their paragraphs",
        "SELECT count(*) FROM story_versions v WHERE v.paragraph_count <> "
        "(SELECT count(*) FROM paragraphs p WHERE p.version_id = v.id)",
    ),
    (
        "paragraphs filed under another story than their version's",
        "SELECT count(*) FROM paragraphs p JOIN story_versions v ON v.id = p.version_id "
        "WHERE v.story_id <> p.story_id",
    ),
    (
        "teasers linked to a story that is not a full story",
        "SELECT count(*) FROM stories t JOIN stories f ON f.id = t.full_story_id "
        "WHERE f.is_teaser = TRUE OR t.is_teaser = FALSE",
    ),
    (
        "inputs archived both as a dump and as a reject",
        "SELECT count(*) FROM dumps d JOIN rejects r ON r.sha256 = d.sha256",
    ),
    (
        "finished ingest runs whose counts do not add up",
        "SELECT count(*) FROM ingest_runs WHERE status = 'success' AND mode = 'new' "
        "AND files_seen <> dumps_loaded + duplicates + rejected",
    ),
    (
        "finished reprocess runs whose counts do not add up",
        "SELECT count(*) FROM ingest_runs WHERE status = 'success' AND mode = 'reprocess' "
        "AND files_seen <> dumps_reprocessed + rejected",
    ),
)


def check_archive(conn: Connection) -> list[str]:
    """Human-readable list of broken invariants, empty when all hold."""
    problems = []
    for description, sql in INVARIANTS:
        count = int(conn.execute(text(sql)).scalar() or 0)
        if count:
            problems.append(f"{count} {description}")
    return problems
