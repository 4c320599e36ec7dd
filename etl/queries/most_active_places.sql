-- The most active dateline places, with their date span.
--
-- Where does the news come from? Places ranked by story count (ties share a rank).
-- @param top int = 10    keep places ranked this high or better
SELECT activity_rank, place, region, country, stories, full_stories, teasers,
       first_date, last_date
FROM place_activity
WHERE activity_rank <= :top
ORDER BY activity_rank, place
