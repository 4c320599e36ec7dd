-- Every dump a story appeared in, oldest page first, with the version each one carried.
--
-- Where and when was this story published, and in which role (main story or teaser
-- under related links)? Undated dumps come last.
-- @param story_id int = 1    stories.id (story_full.story_id)
SELECT
    d.id AS dump_id,
    d.dump_date,
    d.source_uri,
    a.position,
    a.role,
    sv.version,
    d.loaded_at
FROM appearances a
JOIN dumps d ON d.id = a.dump_id
JOIN story_versions sv ON sv.id = a.version_id
WHERE a.story_id = :story_id
ORDER BY CASE WHEN d.dump_date IS NULL THEN 1 ELSE 0 END, d.dump_date, d.id, a.position
