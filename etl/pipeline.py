"""discover -> parse -> load -> link -> check: the one entry point the CLI and the DAG share.

CONTRACT (owned by the archive work; the DAG and CLI call exactly these names):

    default_database_url() -> str
        WIRE_ARCHIVE_DATABASE_URL, else sqlite:///var/wire_archive.sqlite (relative to cwd).
    discover(paths, database_url) -> list[str]
        Landing files under `paths` (folders recurse; *.txt *.html *.htm *.gz *.zip *.tar.gz
        *.tgz) whose content sha256 is not yet in the `landing_files` ledger. Sorted.
    plan_batches(files, batch_size) -> list[list[str]]
    start_run(database_url, *, trigger, mode, airflow_run_id=None) -> int
        Inserts an ingest_runs row (status running); runs pending migrations first.
    ingest_batch(files, database_url, *, run_id, dump_date=None, dry_run=False) -> RunSummary
        Reads, parses and loads one batch; one transaction per batch, and a dump's rows land
        all together or not at all. Idempotent: running it again changes nothing.
    reprocess_batch(dump_ids, database_url, *, run_id) -> RunSummary
    select_dumps_for_reprocess(database_url, *, since=None, until=None) -> list[int]
    link_teasers(database_url) -> int          teasers newly linked to their full story
    check_archive(database_url) -> list[str]   broken invariants, empty when all hold
    finish_run(database_url, run_id, summary, *, status) -> RunSummary
        Writes the counts and status to ingest_runs.
    ingest(paths, database_url=None, *, batch_size=200, trigger="cli", airflow_run_id=None,
           dry_run=False, dump_date=None, progress=None) -> RunSummary
    reprocess(database_url=None, *, since=None, until=None, batch_size=200,
              trigger="cli", airflow_run_id=None, progress=None) -> RunSummary
"""
