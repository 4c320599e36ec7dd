-- Dateline places within one country, busiest first.
--
-- Which cities of a country does the archive cover, and since when?
-- @param country text = FR    ISO 3166-1 alpha-2 code
SELECT place, region, stories, full_stories, teasers, first_date, last_date
FROM place_activity
WHERE country = upper(:country)
ORDER BY stories DESC, place
