-- Appearances whose dateline date is far from the dump's date, the worst first.
--
-- Which datelines look wrong (dated after the page that carries them) or old (more
-- than a month before it)? A wrong year guess shows here first.
SELECT story_id, dump_id, position, story_date, dump_date, days_from_dump, date_source,
       dateline
FROM dq_date_drift
ORDER BY abs(days_from_dump) DESC, story_id, dump_id
