"""The nightly Wire Archive load: landing zone -> archive, one thin task per pipeline stage.

Every task is one call into `etl.pipeline`; the DAG only adds scheduling, parameters,
fan-out over batches and retries. Nothing runs at import time but the DAG definition.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

# The dags folder is on sys.path under the DAG processor, not under a bare DagBag or pytest.
if os.path.dirname(__file__) not in sys.path:
    sys.path.append(os.path.dirname(__file__))

from _common import (
    ARCHIVE_ASSET,
    DAG_ID,
    LANDING_ENV,
    START_DATE,
    archive_url,
    default_args,
    default_landing,
    fail_fast,
    landing_problem,
    parse_day,
    redact,
    trigger_of,
)
from airflow.sdk import Param, TriggerRule, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

log = logging.getLogger(__name__)

MAX_PARALLEL_BATCHES = 2  # the reference machine has two cores
BATCH_SIZE_MAX = 5000


DOC_MD = f"""
# Wire Archive: nightly load

Reads raw news-wire dumps from the landing zone, splits them into stories and loads them
into the archive (PostgreSQL or SQLite). Runs every night at 02:00 UTC. For an extra load,
a dry run, or to parse stored dumps again, press **Trigger** on the DAG's page: its form
takes the parameters listed below.

**Outcome**: the `report` task shows the run's result in one line ("3 loaded, 5 new
stories, 2 rejected", or "nothing new: ...") in the run's *Task Instances* list, column
*Map Index*; its XCom `return_value` holds every count.

**Tasks**

1. `open_run`: records the run in `ingest_runs` (skipped on a dry run).
2. `discover`: lists landing files whose content hash the archive has not seen yet
   (mode `new`), or the stored dumps in the date range (mode `reprocess`), and records
   them, with their batch numbers, in the archive's manifest (`run_plans`,
   `run_manifest`). It pushes only a few numbers (plan id, files, batches), never the
   list: the XCom is the same size for ten files or a million.
3. `plan`: the batch numbers to map over (1..n). A run has at most 1000 batches; past
   that, batches grow beyond `batch_size`.
4. `ingest`: one mapped copy per batch ("batch 3 of 7"), at most {MAX_PARALLEL_BATCHES}
   at a time. Each receives only the plan and its batch number and reads its files (or
   dump ids) from the manifest; each batch is one transaction, so a retry reads the same
   list and never duplicates anything. Bad files become rows in `rejects` with a reason;
   they never fail the run.
5. `link_teasers`: joins teasers to the full story once it has arrived.
6. `check`: data-quality invariants (counts add up, no dump without stories unless
   recorded, no orphan rows). A broken invariant fails the run.
7. `report`: adds up the batches and closes the run in `ingest_runs`; its one-line
   outcome is its label in the task list, its counts are its return value.
8. `publish`: an event on the `wire_archive` asset, which schedules
   `wire_archive_refresh`; skipped on a dry run or when nothing changed.
9. `mark_failed`: runs only when a task above failed, and closes the run in
   `ingest_runs` as `failed`; skipped on every run that succeeds.

**Parameters**

| name | meaning |
| --- | --- |
| `landing_path` | folder (or file) to read; default `${LANDING_ENV}` or `landing/sample` |
| `mode` | `new`: only files never seen; `reprocess`: parse stored dumps again |
| `since`, `until` | `reprocess` only: dump dates to include (inclusive, YYYY-MM-DD) |
| `batch_size` | files (or dumps) per mapped `ingest` task |
| `dry_run` | parse and report, write nothing to the archive (see below) |

**The plan** of a run that succeeds is deleted with its last step (`report`); a failed
run keeps it, so its cleared tasks can still run, until a run a week later sweeps it.
**Dry runs** load nothing and record no run. On an archive with the current schema the
plan is still kept in the manifest while the run lasts (a plan row marked dry, with no
ingest run), so a dry run plans exactly as a real one would and scales the same; `report`
(or `mark_failed`) deletes it. On an archive without the schema nothing is written at
all: each batch lists the landing zone again to find its share (fine for a first look,
slow for a very large zone: run `wire-archive db upgrade` first).

**Failures**: a landing path that is missing, unreadable or not a folder/file, or a
malformed date, fails `discover` on its first try (no retries). Database trouble keeps
the retries (2, `$WIRE_ARCHIVE_RETRY_DELAY_SECONDS` apart, default 5 minutes); inside a
batch a lost connection is first retried within seconds. A run left `running` by a dead
worker is closed as `abandoned` when a later run starts.

**Archive location**: Airflow connection `wire_archive_db` when defined, else
`WIRE_ARCHIVE_DATABASE_URL`, else `var/wire_archive.sqlite`.
"""

PARAMS = {
    "landing_path": Param(
        default_landing(),
        type="string",
        minLength=1,
        title="Landing path",
        description="Folder (searched recursively) or single file holding the raw dumps.",
    ),
    "mode": Param(
        "new",
        type="string",
        enum=["new", "reprocess"],
        title="Mode",
        description="new: load files the archive has not seen. "
        "reprocess: parse stored dumps again with the current parser.",
        values_display={"new": "New files", "reprocess": "Reprocess stored dumps"},
    ),
    "since": Param(
        None,
        type=["null", "string"],
        format="date",
        title="Since (reprocess)",
        description="Reprocess only dumps dated on or after this day. Empty: no lower bound.",
    ),
    "until": Param(
        None,
        type=["null", "string"],
        format="date",
        title="Until (reprocess)",
        description="Reprocess only dumps dated on or before this day. Empty: no upper bound.",
    ),
    "batch_size": Param(
        200,
        type="integer",
        minimum=1,
        maximum=BATCH_SIZE_MAX,
        title="Batch size",
        description="Files (or stored dumps) per batch; each batch is one mapped task "
        "and one transaction.",
    ),
    "dry_run": Param(
        False,
        type="boolean",
        title="Dry run",
        description="Parse and report what would be loaded; write nothing to the archive.",
    ),
}


def _params() -> dict[str, Any]:
    return dict(get_current_context()["params"])


@dag(
    dag_id=DAG_ID,
    schedule="0 2 * * *",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    params=PARAMS,
    doc_md=DOC_MD,
    tags=["wire-archive"],
)
def wire_archive() -> None:
    @task
    def open_run() -> dict[str, int | None]:
        """Record the run first, so even an empty night leaves a trace in ingest_runs."""
        from etl import pipeline

        params = _params()
        if params["dry_run"]:
            log.info("dry run: no ingest_runs row is written")
            return {"ingest_run": None}
        dag_run = get_current_context()["dag_run"]
        url = archive_url()
        trigger = trigger_of(dag_run.run_type)
        run_id = pipeline.start_run(
            url, trigger=trigger, mode=params["mode"], airflow_run_id=dag_run.run_id
        )
        log.info("archive %s: ingest run %s (%s, %s)", redact(url), run_id, trigger, params["mode"])
        return {"ingest_run": run_id}

    @task
    def discover(run: dict[str, int | None]) -> dict[str, Any]:
        """Find the run's inputs and record them in the archive's manifest, batch by batch.

        Returns a few numbers (etl.archive.manifest.Plan), never the inputs themselves:
        the XCom is the same size for ten files or a million."""
        from etl import pipeline

        params = _params()
        dag_run = get_current_context()["dag_run"]
        common: dict[str, Any] = dict(
            run_id=run["ingest_run"],
            airflow_run_id=dag_run.run_id,
            dry_run=params["dry_run"],
            batch_size=params["batch_size"],
        )
        # Mistakes in the parameters fail here, at once and without retries (fail_fast);
        # only trouble with the archive database is worth the task's retries.
        if params["mode"] == "reprocess":
            since = parse_day(params["since"], "since")
            until = parse_day(params["until"], "until")
            if since and until and since > until:
                raise AirflowFailException(f"since {since} is after until {until}")
            url = archive_url()
            found = pipeline.plan_run(url, mode="reprocess", since=since, until=until, **common)
            log.info("%d stored dumps to reprocess (%s .. %s)", found.files, since, until)
        else:
            problem = landing_problem(params["landing_path"])
            if problem is not None:
                raise AirflowFailException(problem)
            url = archive_url()
            with fail_fast():
                found = pipeline.plan_run(url, mode="new", paths=[params["landing_path"]], **common)
            log.info("%d new files under %s", found.files, params["landing_path"])
        log.info(
            "plan %s: %d batches of up to %d (%s)",
            found.plan_id if found.plan_id is not None else "(dry, not stored)",
            found.batches,
            found.batch_size,
            "asked for" if found.batch_size == params["batch_size"] else "raised: batch cap",
        )
        return found.to_json()

    @task
    def plan(found: dict[str, Any]) -> list[int]:
        """The batch numbers to map over: at most etl.archive.manifest.MAX_BATCHES (1000)
        small integers, whatever the number of files."""
        from etl.archive.manifest import Plan

        return Plan.from_json(found).batch_numbers()

    @task(max_active_tis_per_dagrun=MAX_PARALLEL_BATCHES, map_index_template="{{ batch_label }}")
    def ingest(batch_no: int, run_plan: dict[str, Any]) -> dict[str, Any]:
        """Load (or reprocess) one batch in one transaction; safe to retry. Its inputs come
        from the archive's manifest: the task receives only the plan and a batch number."""
        from etl import pipeline
        from etl.archive.manifest import Plan

        found = Plan.from_json(run_plan)
        label = found.label(batch_no)
        context = get_current_context()
        context["batch_label"] = label  # type: ignore[typeddict-unknown-key]
        params = dict(context["params"])
        reprocess = found.mode == "reprocess"
        # Symlinks may point anywhere under the landing path; settling: the
        # WIRE_ARCHIVE_SETTLE_SECONDS of the worker (default 60 s).
        try:
            summary = pipeline.ingest_planned_batch(
                archive_url(),
                found,
                batch_no,
                landing=None if reprocess else [params["landing_path"]],
                since=parse_day(params["since"], "since") if reprocess else None,
                until=parse_day(params["until"], "until") if reprocess else None,
            )
        except LookupError as exc:  # the plan is gone: no retry brings it back
            raise AirflowFailException(str(exc)) from exc
        log.info("%s: %s", label, summary.to_json())
        return summary.to_json()

    @task(trigger_rule=TriggerRule.NONE_FAILED)
    def link_teasers() -> int:
        """Teasers that arrived before their full story get linked once it lands."""
        from etl import pipeline

        if _params()["dry_run"]:
            return 0
        linked = pipeline.link_teasers(archive_url())
        log.info("%d teasers linked to their full story", linked)
        return linked

    @task
    def check() -> None:
        """A broken invariant fails the run at once: retrying cannot mend the data."""
        from etl import pipeline

        problems = pipeline.check_archive(archive_url())
        for problem in problems:
            log.error("invariant broken: %s", problem)
        if problems:
            raise AirflowFailException(f"{len(problems)} archive invariant(s) broken")

    @task(trigger_rule=TriggerRule.NONE_FAILED, map_index_template="{{ outcome }}")
    def report(
        run: dict[str, int | None], batches: list[dict[str, Any]], linked: int
    ) -> dict[str, Any]:
        """Add up the batches and close the run; the return value is the run's summary."""
        from etl import pipeline
        from etl.model import RunSummary

        params = _params()
        run_id = run["ingest_run"]
        summary = RunSummary(run_id=run_id, mode=params["mode"], dry_run=params["dry_run"])
        for part in batches or []:
            summary.merge(RunSummary.from_json(part))
        summary.teasers_linked = linked
        if run_id is not None:  # also drops the run's plan: its batches are done
            summary = pipeline.finish_run(archive_url(), run_id, summary, status="success")
        else:
            pipeline.drop_dry_plans(archive_url(), get_current_context()["dag_run"].run_id)
            summary.status = "success"
        result = summary.to_json()
        log.info("wire_archive run summary: %s", result)
        # Rendered as this task's label in the UI's task list: the outcome at a glance.
        get_current_context()["outcome"] = summary.outcome()  # type: ignore[typeddict-unknown-key]
        return result

    @task(outlets=[ARCHIVE_ASSET])
    def publish(result: dict[str, Any]) -> None:
        """Tell downstream DAGs the archive changed; a skip emits no asset event."""
        changed = result["dumps_loaded"] + result["dumps_reprocessed"] + result["teasers_linked"]
        if result["dry_run"] or not changed:
            raise AirflowSkipException("archive unchanged: no asset event")

    @task(trigger_rule=TriggerRule.ONE_FAILED)
    def mark_failed(run: dict[str, int | None]) -> None:
        """Close a failed run as failed, so ingest_runs never shows a dead run as running."""
        from etl import pipeline
        from etl.model import RunSummary

        run_id = run["ingest_run"]
        airflow_run = get_current_context()["dag_run"].run_id
        if run_id is None:  # a dry run: leave no plan behind
            pipeline.drop_dry_plans(archive_url(), airflow_run)
        else:
            mode = _params()["mode"]
            pipeline.finish_run(
                archive_url(),
                run_id,
                RunSummary(run_id=run_id, mode=mode),
                status="failed",
                detail=f"a task of Airflow run {airflow_run} failed; see its task logs",
            )
            log.error("an upstream task failed; ingest run %s closed as failed", run_id)

    run = open_run()
    found = discover(run)
    loaded = ingest.partial(run_plan=found).expand(batch_no=plan(found))
    linked = link_teasers()
    loaded >> linked
    checked = check()
    result = report(run, loaded, linked)
    linked >> checked >> result
    publish(result)
    [loaded, linked, checked, result] >> mark_failed(run)


wire_archive()
