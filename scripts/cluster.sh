#!/usr/bin/env bash
# The docker-compose.yml topology as local processes: api-server, scheduler, dag-processor,
# triggerer and two Celery workers, with Airflow's metadata and the archive in the local
# PostgreSQL (a database each) and Redis as the Celery broker.
#
#   scripts/cluster.sh up       start everything, wait until it answers (`make cluster`)
#   scripts/cluster.sh down     stop every process it started (`make cluster-down`)
#   scripts/cluster.sh status   each process, and Airflow's own health report
#   scripts/cluster.sh env      the environment the processes get (secrets shown as ***)
#
# The settings every deployment shares come from deploy/airflow.env, which docker-compose.yml
# reads too; this script adds only what is local (hosts, ports, paths, secrets, names).
# Any of them can be overridden from the caller's environment. Logs and pids: var/cluster/.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO/.venv/bin:$PATH"

DIR="${WIRE_ARCHIVE_CLUSTER_DIR:-$REPO/var/cluster}"
PG="${WIRE_ARCHIVE_CLUSTER_PG:-postgresql://postgres@127.0.0.1:5432}"
METADATA_DB="${WIRE_ARCHIVE_CLUSTER_METADATA_DB:-wire_archive_cluster_airflow}"
ARCHIVE_DB="${WIRE_ARCHIVE_CLUSTER_ARCHIVE_DB:-wire_archive_cluster}"
REDIS_URL="${WIRE_ARCHIVE_CLUSTER_REDIS:-redis://127.0.0.1:6379/0}"
START_TIMEOUT="${WIRE_ARCHIVE_CLUSTER_START_TIMEOUT:-240}"
WORKERS=(worker-1 worker-2)
COMPONENTS=(api-server scheduler dag-processor triggerer "${WORKERS[@]}")
LOGS="$DIR/logs"
PIDS="$DIR/pids"

# --------------------------------------------------------------------------- configuration

load_shared() {
    # KEY=VALUE lines, taken literally (as Compose reads an env_file); the caller's env wins.
    local line key
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in '' | '#'*) continue ;; esac
        key="${line%%=*}"
        [ -n "${!key+set}" ] || export "$key=${line#*=}"
    done <"$REPO/deploy/airflow.env"
}

configure() {
    load_shared
    local pg_sa="postgresql+psycopg://${PG#*://}"
    export AIRFLOW_HOME="$DIR/airflow"
    export AIRFLOW__CORE__DAGS_FOLDER="${AIRFLOW__CORE__DAGS_FOLDER:-$REPO/dags}"
    export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-$pg_sa/$METADATA_DB}"
    # psycopg 3 serves SQLAlchemy's async engine too; Airflow would guess asyncpg.
    export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC:-$AIRFLOW__DATABASE__SQL_ALCHEMY_CONN}"
    export AIRFLOW__CELERY__RESULT_BACKEND="${AIRFLOW__CELERY__RESULT_BACKEND:-db+$AIRFLOW__DATABASE__SQL_ALCHEMY_CONN}"
    export AIRFLOW__CELERY__BROKER_URL="${AIRFLOW__CELERY__BROKER_URL:-$REDIS_URL}"
    export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
    export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
    API_URL="http://$AIRFLOW__API__HOST:$AIRFLOW__API__PORT"
    export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="${AIRFLOW__CORE__EXECUTION_API_SERVER_URL:-$API_URL/execution/}"
    export AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST="${AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST:-127.0.0.1}"
    export AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT="${AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT:-8974}"
    # One small machine: one API worker process, one DAG parsing process.
    export AIRFLOW__API__WORKERS="${AIRFLOW__API__WORKERS:-1}"
    export AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="${AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES:-1}"
    # Every component records its own name (worker-1@host, ...), not the machine's.
    export AIRFLOW__CORE__HOSTNAME_CALLABLE="${AIRFLOW__CORE__HOSTNAME_CALLABLE:-wire_archive_node.hostname}"
    export PYTHONPATH="$REPO/deploy${PYTHONPATH:+:$PYTHONPATH}"
    # The archive, as the DAGs look it up (dags/_common.py CONN_ID), and what it reads.
    export AIRFLOW_CONN_WIRE_ARCHIVE_DB="${AIRFLOW_CONN_WIRE_ARCHIVE_DB:-${PG%/}/$ARCHIVE_DB}"
    export WIRE_ARCHIVE_LANDING="${WIRE_ARCHIVE_LANDING:-$REPO/landing/sample}"
    if [ "$WIRE_ARCHIVE_LANDING" = "$REPO/landing/sample" ]; then
        # The shipped sample is complete from checkout on, though its files look new.
        export WIRE_ARCHIVE_SETTLE_SECONDS="${WIRE_ARCHIVE_SETTLE_SECONDS:-0}"
    fi
    HOST="$(python -c 'import socket; print(socket.getfqdn())')"
}

secrets() {
    # api-server and scheduler must sign task tokens with the same key: one per cluster dir.
    local file="$DIR/jwt_secret"
    [ -s "$file" ] || (umask 077 && python -c 'import secrets; print(secrets.token_urlsafe(32))' >"$file")
    export AIRFLOW__API_AUTH__JWT_SECRET="${AIRFLOW__API_AUTH__JWT_SECRET:-$(cat "$file")}"
}

# --------------------------------------------------------------------------- processes

pid_of() { cat "$PIDS/$1.pid" 2>/dev/null || true; }

# Every process of a component: it was started as a session leader, and Airflow's task
# processes stay in that session (they only get process groups of their own).
session_pids() { ps -eo pid=,sid= | awk -v s="$1" '$2 == s {print $1}'; }

alive() {
    local pid
    pid="$(pid_of "$1")"
    [ -n "$pid" ] && [ -n "$(session_pids "$pid")" ]
}

start() {
    local name="$1"
    shift
    # Each start gets a fresh log; the previous one is kept as .log.1.
    [ ! -s "$LOGS/$name.log" ] || mv "$LOGS/$name.log" "$LOGS/$name.log.1"
    # A background subshell is no process-group leader, so setsid needs no fork: the pid
    # recorded is the component's own, and the session id of all its children.
    (
        export WIRE_ARCHIVE_NODE="$name@$HOST" PGAPPNAME="wire-archive-$name"
        exec setsid airflow "$@" >"$LOGS/$name.log" 2>&1 </dev/null
    ) &
    echo $! >"$PIDS/$name.pid"
}

api_up() {
    python - "$API_URL/api/v2/monitor/health" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=3)
except Exception:
    sys.exit(1)
PY
}

worker_ready() { grep -q "$1@$HOST ready" "$LOGS/$1.log" 2>/dev/null; }

stop_all() {
    local name pid left
    local -a sessions=()
    # Scheduler first, so nothing new is queued; workers get the same bounded grace.
    for name in scheduler triggerer dag-processor "${WORKERS[@]}" api-server; do
        pid="$(pid_of "$name")"
        [ -n "$pid" ] || continue
        sessions+=("$pid")
        for p in $(session_pids "$pid"); do kill -TERM "$p" 2>/dev/null || true; done
    done
    for _ in $(seq 1 60); do
        left=0
        for pid in "${sessions[@]}"; do [ -z "$(session_pids "$pid")" ] || left=1; done
        [ "$left" = 1 ] || break
        sleep 0.5
    done
    for pid in "${sessions[@]}"; do
        for p in $(session_pids "$pid"); do kill -KILL "$p" 2>/dev/null || true; done
    done
    rm -f "$PIDS"/*.pid
}

# --------------------------------------------------------------------------- commands

up() {
    for name in "${COMPONENTS[@]}"; do
        if alive "$name"; then
            echo "The cluster is already running ($name, pid $(pid_of "$name")); see: $0 status" >&2
            exit 1
        fi
    done
    mkdir -p "$LOGS" "$PIDS" "$AIRFLOW_HOME"
    secrets
    python - "$PG" "$METADATA_DB" "$ARCHIVE_DB" "$REDIS_URL" "$AIRFLOW__API__PORT" <<'PY'
"""Fail early, with one clear line, on what the cluster needs but cannot reach."""
import socket, sys
import psycopg, redis
from psycopg import sql

pg, dbs, broker, port = sys.argv[1], sys.argv[2:4], sys.argv[4], int(sys.argv[5])
try:
    with psycopg.connect(pg.rstrip("/") + "/postgres", autocommit=True, connect_timeout=5) as conn:
        for name in dbs:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"  created database {name}")
except psycopg.OperationalError as exc:
    sys.exit(f"PostgreSQL is not reachable at {pg}: {exc}")
try:
    redis.Redis.from_url(broker, socket_timeout=5).ping()
except redis.RedisError as exc:
    sys.exit(f"Redis is not reachable at {broker}: {exc}")
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        sys.exit(f"port {port} is in use: set AIRFLOW__API__PORT to another one")
PY
    echo "Migrating Airflow's metadata database $METADATA_DB ..."
    if ! airflow db migrate >>"$LOGS/migrate.log" 2>&1; then
        echo "airflow db migrate failed; last lines of $LOGS/migrate.log:" >&2
        tail -n 20 "$LOGS/migrate.log" >&2
        exit 1
    fi
    if ! wire-archive db upgrade --db "${PG%/}/$ARCHIVE_DB" >>"$LOGS/migrate.log" 2>&1; then
        echo "creating the archive schema failed; last lines of $LOGS/migrate.log:" >&2
        tail -n 20 "$LOGS/migrate.log" >&2
        exit 1
    fi

    echo "Starting ${COMPONENTS[*]} ..."
    start api-server api-server
    start scheduler scheduler
    start dag-processor dag-processor
    start triggerer triggerer --skip-serve-logs
    for name in "${WORKERS[@]}"; do
        # Task logs are files in the shared AIRFLOW_HOME: no log server (and no port) each.
        start "$name" celery worker --celery-hostname "$name@$HOST" --skip-serve-logs \
            -q "$AIRFLOW__OPERATORS__DEFAULT_QUEUE" --concurrency "$AIRFLOW__CELERY__WORKER_CONCURRENCY"
    done

    local deadline=$((SECONDS + START_TIMEOUT)) ready name
    while :; do
        for name in "${COMPONENTS[@]}"; do
            if ! alive "$name"; then
                echo "$name exited during start-up; last lines of $LOGS/$name.log:" >&2
                tail -n 30 "$LOGS/$name.log" >&2
                stop_all
                exit 1
            fi
        done
        ready=1
        api_up || ready=0
        for name in "${WORKERS[@]}"; do worker_ready "$name" || ready=0; done
        [ "$ready" = 0 ] || break
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "The cluster did not come up within ${START_TIMEOUT}s; logs: $LOGS" >&2
            stop_all
            exit 1
        fi
        sleep 1
    done
    cat <<MSG

  Airflow UI   $API_URL   (user admin; password in
               $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated)
  DAGs         wire_archive, wire_archive_refresh (paused at creation: unpause in the UI)
  workers      ${WORKERS[*]/%/@$HOST} (queue $AIRFLOW__OPERATORS__DEFAULT_QUEUE, concurrency $AIRFLOW__CELERY__WORKER_CONCURRENCY each)
  broker       $REDIS_URL
  metadata     ${PG%/}/$METADATA_DB
  archive      ${PG%/}/$ARCHIVE_DB   (wire-archive stats --db ${PG%/}/$ARCHIVE_DB)
  landing      $WIRE_ARCHIVE_LANDING
  logs, pids   $LOGS, $PIDS

Stop it with: make cluster-down
MSG
}

status() {
    local name pid all=0
    for name in "${COMPONENTS[@]}"; do
        pid="$(pid_of "$name")"
        if alive "$name"; then
            printf '  %-14s running  pid %-8s log %s\n' "$name" "$pid" "$LOGS/$name.log"
        else
            printf '  %-14s stopped\n' "$name"
            all=3
        fi
    done
    if api_up; then
        echo "  Airflow health ($API_URL/api/v2/monitor/health):"
        python - "$API_URL/api/v2/monitor/health" <<'PY'
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
    for part, report in json.load(response).items():
        print(f"    {part:24} {report.get('status')}")
PY
    else
        echo "  Airflow API: not answering at $API_URL"
    fi
    return "$all"
}

print_env() {
    # `up` takes the key from $DIR/jwt_secret; it is masked below in any case.
    export AIRFLOW__API_AUTH__JWT_SECRET="${AIRFLOW__API_AUTH__JWT_SECRET:-from-jwt_secret-file}"
    env | LC_ALL=C sort | while IFS= read -r line; do
        case "$line" in
        *JWT_SECRET=* | *FERNET_KEY=?*) echo "${line%%=*}=***" ;;
        AIRFLOW* | WIRE_ARCHIVE* | PYTHONPATH=*) echo "$line" ;;
        esac
    done
}

configure
case "${1:-}" in
up) up ;;
down)
    stop_all
    echo "Cluster stopped (databases $METADATA_DB and $ARCHIVE_DB kept; logs in $LOGS)."
    ;;
status) status ;;
env) print_env ;;
*)
    echo "usage: $0 up|down|status|env" >&2
    exit 2
    ;;
esac
