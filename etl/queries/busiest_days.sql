-- The busiest news days: stories per dateline date, most first.
--
-- On which days did the archive gather the most stories, and from how many places?
-- @param limit int = 10    how many days
SELECT
    date,
    COUNT(*) AS stories,
    SUM(CASE WHEN is_teaser THEN 0 ELSE 1 END) AS full_stories,
    SUM(CASE WHEN is_teaser THEN 1 ELSE 0 END) AS teasers,
    COUNT(DISTINCT place) AS places
FROM stories
WHERE date IS NOT NULL
GROUP BY date
ORDER BY stories DESC, date DESC
LIMIT :limit
