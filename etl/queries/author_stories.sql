-- An author's stories, oldest first, with where the author stands in the byline.
--
-- What did a reporter write? The name is a LIKE pattern, ignoring case:
-- 'maya%' or '%gebeily' both work; the default lists every credit.
-- @param author text = '%'    author name pattern
SELECT author, credit_position, story_id, date, place, headline
FROM author_stories
WHERE lower(author) LIKE lower(:author)
ORDER BY author, CASE WHEN date IS NULL THEN 1 ELSE 0 END, date, story_id
