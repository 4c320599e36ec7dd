-- The latest pipeline runs with their counts, newest first.
--
-- Did last night's run load anything, and did it succeed?
-- @param limit int = 10    how many runs
SELECT id AS run_id, started_at, finished_at, trigger, mode, status, files_seen,
       dumps_loaded, duplicates, rejected, stories_new, versions_new, teasers_linked
FROM ingest_runs
ORDER BY started_at DESC, id DESC
LIMIT :limit
