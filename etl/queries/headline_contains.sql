-- Stories whose headline contains some text, newest first (no index needed).
--
-- A quick look-up by headline words when full-text search is more than you need.
-- The pattern is SQL LIKE, ignoring case: '%talks%', 'german%'.
-- @param pattern text = '%talks%'    LIKE pattern on the headline
SELECT story_id, date, place, agencies, headline
FROM story_full
WHERE lower(headline) LIKE lower(:pattern)
ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, story_id
