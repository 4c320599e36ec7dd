-- The archive's data-quality figures in one row.
--
-- How healthy is the archive? Counts of stories, teasers, and each kind of problem the
-- dq_* views list in detail.
SELECT
    (SELECT COUNT(*) FROM stories) AS stories,
    (SELECT COUNT(*) FROM stories WHERE is_teaser) AS teasers,
    (SELECT COUNT(*) FROM dq_no_dateline) AS no_dateline,
    (SELECT COUNT(*) FROM dq_unlinked_teasers) AS unlinked_teasers,
    (SELECT COUNT(DISTINCT story_id) FROM dq_date_drift) AS stories_with_date_drift,
    (SELECT COUNT(*) FROM stories WHERE place IS NOT NULL AND country IS NULL)
        AS places_without_country,
    (SELECT COUNT(*) FROM rejects) AS rejects
