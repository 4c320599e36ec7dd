-- Full-text search over headlines and text, best match first (SQLite).
--
-- Which stories talk about something? Terms use FTS5 syntax: words (all must match),
-- "quoted phrases", OR, NOT, prefix* . Porter stemming: "floods" finds "flood".
-- Twin for PostgreSQL: search_text.postgresql.sql. `wire-archive search` does the same
-- on both with one syntax.
-- @backend sqlite
-- @param terms text = talks        what to look for
-- @param limit int = 20            at most this many stories
SELECT
    s.id AS story_id,
    -bm25(stories_fts, 4.0, 1.0) AS score,
    s.date,
    s.place,
    s.headline,
    snippet(stories_fts, 1, '[', ']', '...', 20) AS snippet
FROM stories_fts
JOIN stories s ON s.id = stories_fts.rowid
WHERE stories_fts MATCH :terms
ORDER BY score DESC, s.id
LIMIT :limit
