#!/usr/bin/env bash
# `make run`: the real `wire_archive` DAG, run once with dag.test() over the sample landing
# zone into the SQLite archive; Airflow's own log goes to var/make_run.log, our summary to stdout.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/airflow_env.sh"
cd "$WA_REPO"
mkdir -p var
LOG="${WIRE_ARCHIVE_RUN_LOG:-$WA_REPO/var/make_run.log}"
: >"$LOG"

echo "Wire Archive: loading $WIRE_ARCHIVE_LANDING"
echo "  archive  $(python -c 'import sys; from etl.archive.db import redact_url; print(redact_url(sys.argv[1]))' "$WIRE_ARCHIVE_DATABASE_URL")"
echo "  airflow  $AIRFLOW_HOME (log: ${LOG#"$WA_REPO"/})"
if ! airflow db migrate >>"$LOG" 2>&1; then
    echo "airflow db migrate failed; last lines of $LOG:" >&2
    tail -n 20 "$LOG" >&2
    exit 1
fi

exec python - "$LOG" <<'PY'
"""Run the DAG with its Airflow noise in the log file, then show what landed."""

import os
import subprocess
import sys
import time

log_path = sys.argv[1]
out = os.fdopen(os.dup(1), "w")


def say(text: str = "") -> None:
    out.write(text + "\n")
    out.flush()


# From here on, everything Airflow or the tasks print goes to the log file.
log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND)
os.dup2(log_fd, 1)
os.dup2(log_fd, 2)

import sqlalchemy as sa  # noqa: E402
from airflow.dag_processing.dagbag import DagBag  # noqa: E402

bag = DagBag(dag_folder=os.environ["AIRFLOW__CORE__DAGS_FOLDER"])
if bag.import_errors:
    say(f"DAG import errors (see {log_path}):")
    for path, err in bag.import_errors.items():
        say(f"  {path}: {err.strip().splitlines()[-1]}")
    sys.exit(1)
dag = bag.get_dag("wire_archive")
conf = {"landing_path": os.environ["WIRE_ARCHIVE_LANDING"]}
started = time.monotonic()
dag_run = dag.test(run_conf=conf)
elapsed = time.monotonic() - started
state = str(getattr(dag_run, "state", "unknown"))
say(f"DAG run {dag_run.run_id}: {state} in {elapsed:.1f}s")
if state != "success":
    say(f"The run did not succeed; task logs are in {log_path}")
    sys.exit(1)

from airflow.models.xcom import XComModel  # noqa: E402
from airflow.utils.session import create_session  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

with create_session() as session:
    row = session.execute(
        XComModel.get_many(
            run_id=dag_run.run_id, dag_ids="wire_archive", task_ids="report", key="return_value"
        )
    ).first()
    summary = XComModel.deserialize_value(row[0]) if row else {}

console = Console(file=out)
table = Table(title=f"This run (ingest run {summary.get('run_id')})")
table.add_column("count")
table.add_column("value", justify="right")
for key in ("files_seen", "dumps_loaded", "duplicates", "rejected", "stories_new",
            "stories_seen", "versions_new", "teasers_linked"):
    table.add_row(key, str(summary.get(key, 0)))
for reason, n in sorted(summary.get("reject_reasons", {}).items()):
    table.add_row(f"  rejected: {reason}", str(n))
console.print(table)
if summary.get("files_seen", 0) == 0:
    say("Nothing new: every file in the landing zone is already in the archive.")
say()
out.flush()

# The archive as a user sees it, through the project's own command line.
cli = [os.path.join(os.path.dirname(sys.executable), "wire-archive")]
example = ["sql", "--file", "busiest_days", "--param", "limit=5", "--format", "table"]
for args in (["stats"], example):
    if args is example:
        say("Example query: wire-archive " + " ".join(args))
    wide = {**os.environ, "COLUMNS": os.environ.get("COLUMNS", "110")}
    done = subprocess.run(cli + args, stdout=out, stderr=subprocess.PIPE, text=True, env=wide)
    if done.returncode != 0:
        say(f"wire-archive {args[0]} failed: {done.stderr.strip()[-500:]}")
        sys.exit(1)
PY
