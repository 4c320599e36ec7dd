#!/usr/bin/env bash
# `make airflow`: Airflow's UI and scheduler (`airflow standalone`) on the same throwaway setup
# as `make run`, sized for a small machine. Ctrl+C stops every component.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/airflow_env.sh"
cd "$WA_REPO"
mkdir -p var
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
# Workers reach the Execution API on the same port the UI uses, whichever that is.
export AIRFLOW__API__BASE_URL="${AIRFLOW__API__BASE_URL:-http://localhost:$AIRFLOW__API__PORT}"
# api-server and scheduler must sign task tokens with the same key: keep one per AIRFLOW_HOME.
SECRET_FILE="$AIRFLOW_HOME/jwt_secret"
[ -s "$SECRET_FILE" ] || python -c "import secrets; print(secrets.token_urlsafe(32))" >"$SECRET_FILE"
export AIRFLOW__API_AUTH__JWT_SECRET="${AIRFLOW__API_AUTH__JWT_SECRET:-$(cat "$SECRET_FILE")}"
LOG="$WA_REPO/var/airflow_standalone.log"
PASSWORDS="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE:-$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated}"
URL="$AIRFLOW__API__BASE_URL"

echo "Starting Airflow standalone (log: ${LOG#"$WA_REPO"/}) ..."

# Airflow runs in its own process group (job control on), so that stopping can reach every
# component it started; its plain SIGINT shutdown can hang, so escalate with bounded waits.
set -m
airflow standalone >"$LOG" 2>&1 &
PID=$!
set +m

alive() { ps -eo pgid=,stat= | awk -v g="$PID" '$1 == g && $2 !~ /^Z/ {found=1} END {exit !found}'; }
stop() {
    trap - INT TERM
    echo; echo "Stopping Airflow ..."
    for sig in INT TERM KILL; do
        kill -"$sig" -- -"$PID" 2>/dev/null || break
        for _ in $(seq 1 15); do alive || break 2; sleep 1; done
    done
    wait "$PID" 2>/dev/null || true
    echo "Airflow stopped."
    exit 0
}
trap stop INT TERM

for _ in $(seq 1 150); do
    alive || { echo "Airflow exited; see $LOG" >&2; tail -n 30 "$LOG" >&2; exit 1; }
    python - "$URL" <<'PY' && break
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1] + "/api/v2/monitor/health", timeout=2)
except Exception:
    sys.exit(1)
PY
    sleep 2
done

cat <<MSG

  Airflow UI   $URL
  user         admin
  password     in $PASSWORDS  (JSON: {"admin": "<password>"})
  DAGs         wire_archive (nightly 02:00 UTC; "Trigger" opens the parameter form)
               wire_archive_refresh (runs after each load)
  archive      $WIRE_ARCHIVE_DATABASE_URL
  landing      $WIRE_ARCHIVE_LANDING
  log          $LOG

  The DAGs start unpaused, so the scheduler starts the latest nightly wire_archive run at
  once (unless it ran already) and loads whatever in the landing folder is new: the sample,
  unless \`make run\` loaded it before. A run you trigger then finds nothing new there.
  Each run's outcome is the label of its "report" task: open the run (Dags -> wire_archive,
  then the run), column "Map Index": "48 loaded, 75 new stories, ..." or "nothing new: ...".

Press Ctrl+C to stop.
MSG
while alive; do sleep 2; done
echo "Airflow exited; see $LOG" >&2
exit 1
