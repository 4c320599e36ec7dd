-- The stories carried by the most dumps.
--
-- Which stories kept coming back on page after page (as main story or teaser)?
-- @param min_dumps int = 2    at least this many dumps
-- @param limit int = 20       at most this many stories
SELECT story_id, dump_count, headline, place, date, first_dump_date, last_dump_date
FROM story_full
WHERE dump_count >= :min_dumps
ORDER BY dump_count DESC, story_id
LIMIT :limit
