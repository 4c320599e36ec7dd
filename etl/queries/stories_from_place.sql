-- Stories datelined in one place within a date range, newest first.
--
-- What did the wires file from a city between two dates? The place is matched as the
-- dateline names it (display case), ignoring case; dates are dateline dates.
-- @param place text = Beirut        dateline place
-- @param since date = 2017-01-01    first dateline date included
-- @param until date = 2017-12-31    last dateline date included
SELECT story_id, date, headline, agencies, authors, is_teaser, dump_count
FROM story_full
WHERE lower(place) = lower(:place)
  AND date >= :since
  AND date <= :until
ORDER BY date DESC, story_id
