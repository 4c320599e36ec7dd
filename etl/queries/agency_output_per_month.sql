-- One agency's output per month: stories, full stories, teasers, places covered.
--
-- How much did an agency file each month? A story credited to several agencies counts
-- once for each. Stories with no date are left out. The agency code ignores case.
-- @param agency text = AFP    agency code (AFP, AP, Reuters, Xinhua, ...)
SELECT
    substr(CAST(s.date AS TEXT), 1, 7) AS month,
    COUNT(*) AS stories,
    SUM(CASE WHEN s.is_teaser THEN 0 ELSE 1 END) AS full_stories,
    SUM(CASE WHEN s.is_teaser THEN 1 ELSE 0 END) AS teasers,
    COUNT(DISTINCT s.place) AS places
FROM stories s
JOIN story_agencies sa ON sa.story_id = s.id
WHERE lower(sa.agency_code) = lower(:agency)
  AND s.date IS NOT NULL
GROUP BY substr(CAST(s.date AS TEXT), 1, 7)
ORDER BY month
