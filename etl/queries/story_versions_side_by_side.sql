-- A story's versions side by side: each version next to the one before it.
--
-- How did a story change between dumps? One row per version with its size, the words
-- it added, and both texts, so an editor's rewrite shows at a glance.
-- @param story_id int = 1    stories.id (story_full.story_id)
SELECT
    v.version,
    CASE WHEN v.version = s.current_version THEN 1 ELSE 0 END AS is_current,
    d.dump_date AS first_dump_date,
    d.source_uri AS first_dump_source,
    v.paragraph_count,
    v.word_count,
    v.word_count - LAG(v.word_count) OVER (ORDER BY v.version) AS words_added,
    v.headline,
    LAG(v.headline) OVER (ORDER BY v.version) AS previous_headline,
    v.body,
    LAG(v.body) OVER (ORDER BY v.version) AS previous_body
FROM story_versions v
JOIN stories s ON s.id = v.story_id
LEFT JOIN dumps d ON d.id = v.first_dump_id
WHERE v.story_id = :story_id
ORDER BY v.version
