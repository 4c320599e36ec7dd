"""After each load: refresh the query planner's statistics and log what the archive holds.

Scheduled on the archive asset, so it runs once per `wire_archive` run that changed data
and never competes with a load for the database.
"""

from __future__ import annotations

import logging
import os
import sys

# The dags folder is on sys.path under the DAG processor, not under a bare DagBag or pytest.
if os.path.dirname(__file__) not in sys.path:
    sys.path.append(os.path.dirname(__file__))

from _common import ARCHIVE_ASSET, REFRESH_DAG_ID, START_DATE, archive_url, default_args, redact
from airflow.sdk import dag, task

log = logging.getLogger(__name__)

# Rows SQLite's ANALYZE samples per index: approximate statistics at a bounded cost.
SQLITE_ANALYSIS_LIMIT = 1000

DOC_MD = """
# Wire Archive: refresh statistics

Runs after every `wire_archive` load that changed the archive (it is scheduled on the
`wire_archive` asset). It refreshes the planner statistics (`ANALYZE` on both backends;
on SQLite with an analysis limit, so its cost stays bounded) so that user queries keep good
plans as the archive grows, and logs the row counts of the main tables. It takes no parameters.
"""


@dag(
    dag_id=REFRESH_DAG_ID,
    schedule=[ARCHIVE_ASSET],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    doc_md=DOC_MD,
    tags=["wire-archive"],
)
def wire_archive_refresh() -> None:
    @task
    def refresh_statistics() -> dict[str, int]:
        """Planner statistics go stale after a bulk load; refreshing them is cheap and safe."""
        import sqlalchemy as sa

        from etl.archive import db
        from etl.archive.stats import archive_stats

        url = archive_url()
        with db.get_engine(url).connect() as conn:
            if not db.is_postgres(conn):
                # Not PRAGMA optimize: on a fresh connection (each task is a new process) it
                # analyzes nothing, as it only acts on tables this connection has queried.
                conn.exec_driver_sql(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_LIMIT}")
            conn.execute(sa.text("ANALYZE"))
            conn.commit()
            stats = archive_stats(conn)
        log.info("archive %s holds %s", redact(url), stats.counts)
        log.info("dump dates %s .. %s, story dates %s .. %s", *stats.dump_dates, *stats.story_dates)
        if stats.reject_reasons:
            log.info("rejects by reason: %s", stats.reject_reasons)
        return stats.counts

    refresh_statistics()


wire_archive_refresh()
