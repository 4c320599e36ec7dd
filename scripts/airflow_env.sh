#!/usr/bin/env bash
# Shared environment for `make run` and `make airflow`: a throwaway Airflow under var/airflow,
# the project's DAGs, the SQLite archive and the sample landing zone, sized for 2 cores.
# Source it (`. scripts/airflow_env.sh`); every value can be overridden from the caller's env.

WA_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WA_REPO
export PATH="$WA_REPO/.venv/bin:$PATH"

export AIRFLOW_HOME="${AIRFLOW_HOME:-$WA_REPO/var/airflow}"
mkdir -p "$AIRFLOW_HOME"

# The archive and its inputs (the DAG reads these; a `wire_archive_db` connection would win).
export WIRE_ARCHIVE_DATABASE_URL="${WIRE_ARCHIVE_DATABASE_URL:-sqlite:///$WA_REPO/var/wire_archive.sqlite}"
export WIRE_ARCHIVE_LANDING="${WIRE_ARCHIVE_LANDING:-$WA_REPO/landing/sample}"
# Landing files are read once untouched for WIRE_ARCHIVE_SETTLE_SECONDS (default 60). The
# shipped sample is complete from checkout on, though its files look new: no wait for it.
if [ "$WIRE_ARCHIVE_LANDING" = "$WA_REPO/landing/sample" ]; then
    export WIRE_ARCHIVE_SETTLE_SECONDS="${WIRE_ARCHIVE_SETTLE_SECONDS:-0}"
fi

# Airflow: our DAGs only, SQLite metadata inside AIRFLOW_HOME, small parallelism.
export AIRFLOW__CORE__DAGS_FOLDER="${AIRFLOW__CORE__DAGS_FOLDER:-$WA_REPO/dags}"
export AIRFLOW__CORE__LOAD_EXAMPLES="${AIRFLOW__CORE__LOAD_EXAMPLES:-False}"
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-sqlite:///$AIRFLOW_HOME/airflow.db}"
export AIRFLOW__CORE__EXECUTOR="${AIRFLOW__CORE__EXECUTOR:-LocalExecutor}"
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-2}"
export AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG="${AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG:-2}"
export AIRFLOW__CORE__MAX_ACTIVE_RUNS_PER_DAG="${AIRFLOW__CORE__MAX_ACTIVE_RUNS_PER_DAG:-1}"
# Unpaused, so the nightly schedule and the refresh-on-asset DAG work as in production.
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="${AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION:-False}"
export AIRFLOW__SCHEDULER__PARSING_PROCESSES="${AIRFLOW__SCHEDULER__PARSING_PROCESSES:-1}"
export AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="${AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES:-1}"
export AIRFLOW__API__WORKERS="${AIRFLOW__API__WORKERS:-1}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS:-admin:admin}"
export AIRFLOW__LOGGING__BASE_LOG_FOLDER="${AIRFLOW__LOGGING__BASE_LOG_FOLDER:-$AIRFLOW_HOME/logs}"
export AIRFLOW__CORE__LAZY_LOAD_PLUGINS="${AIRFLOW__CORE__LAZY_LOAD_PLUGINS:-True}"
