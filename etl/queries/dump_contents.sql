-- One dump's stories in page order: the main story, then the related teasers.
--
-- What exactly did this page carry, and which version of each story?
-- @param dump_id int = 1    dumps.id
SELECT position, role, story_id, version, is_teaser, dateline, place, date, headline
FROM dump_stories
WHERE dump_id = :dump_id
ORDER BY position
