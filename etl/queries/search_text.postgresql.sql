-- Full-text search over headlines and text, best match first (PostgreSQL).
--
-- Which stories talk about something? Terms use web-search syntax: words (all must
-- match), "quoted phrases", OR, -excluded. English stemming: "floods" finds "flood".
-- Twin for SQLite: search_text.sqlite.sql. `wire-archive search` does the same on both.
-- @backend postgresql
-- @param terms text = talks        what to look for
-- @param limit int = 20            at most this many stories
SELECT
    s.id AS story_id,
    ts_rank(s.search_vector, q.query, 1) AS score,
    s.date,
    s.place,
    s.headline,
    ts_headline('english', s.body, q.query, 'StartSel=[, StopSel=], MaxWords=20, MinWords=8')
        AS snippet
FROM stories s, websearch_to_tsquery('english', :terms) AS q(query)
WHERE s.search_vector @@ q.query
ORDER BY score DESC, s.id
LIMIT :limit
