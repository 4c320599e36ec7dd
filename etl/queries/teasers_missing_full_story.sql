-- Teasers whose full story is not in the archive (yet), newest first.
--
-- Which related-story teasers point at stories we never captured? Useful as a list of
-- pages to fetch. Teasers with no date are listed last.
-- @param since date = 1900-01-01    only teasers dated on or after this day (or undated)
SELECT story_id, date, place, country, dateline, first_dump_source, text
FROM dq_unlinked_teasers
WHERE date IS NULL OR date >= :since
ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, story_id
