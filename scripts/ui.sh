#!/usr/bin/env bash
# `make ui`: a local Prefect server (UI + API) on 127.0.0.1:4200 and `claimtrack serve` with the
# deployments; Ctrl-C (or `make stop` from another terminal) stops both, by the PIDs written here.
#   scripts/ui.sh [start|stop|status]
# Environment: CLAIMTRACK_UI_PORT (4200), CLAIMTRACK_DB, CLAIMTRACK_FEEDS, PREFECT_HOME (.prefect),
# PREFECT_API_DATABASE_CONNECTION_URL (PostgreSQL for Prefect's own database; default SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
PORT=${CLAIMTRACK_UI_PORT:-4200}
BIN=${BIN:-.venv/bin}
export PREFECT_HOME=${PREFECT_HOME:-$PWD/.prefect}
export PREFECT_SERVER_ANALYTICS_ENABLED=${PREFECT_SERVER_ANALYTICS_ENABLED:-false}
export PREFECT_LOGGING_LEVEL=${PREFECT_LOGGING_LEVEL:-WARNING}
STATE=$PREFECT_HOME/ui
URL=http://$HOST:$PORT
mkdir -p "$STATE"

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_one() {  # stop_one NAME: SIGTERM to the process group we started, SIGKILL after 15 s
    local pidfile=$STATE/$1.pid pid
    if alive "$pidfile"; then
        pid=$(cat "$pidfile")
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
        echo "stopped $1 (pid $pid)"
    fi
    rm -f "$pidfile"
}

# `make stop` from another terminal leaves this mark first, so the `make ui` terminal ends quietly (exit 0).
stop() { touch "$STATE/stopping"; stop_one serve; stop_one server; }

api() {  # api METHOD PATH [JSON]: print the response body, fail on HTTP errors or no answer
    "$BIN/python" - "$1" "$URL/api$2" "${3:-}" <<'PY'
import json, sys, httpx
method, url, body = sys.argv[1:4]
r = httpx.request(method, url, json=json.loads(body) if body else None, timeout=5)
r.raise_for_status()
print(r.text)
PY
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2; shift 2
    for _ in $(seq $((limit * 2))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "ui: $what did not come up within ${limit}s; see $STATE/*.log" >&2
    stop
    exit 1
}

deployments_ready() {
    [[ $(api POST /deployments/count '{}') -ge 6 ]]
}

start() {
    if alive "$STATE/server.pid" || alive "$STATE/serve.pid"; then
        echo "ui: already running ($URL); \`make stop\` stops it" >&2
        exit 1
    fi
    if api GET /health >/dev/null 2>&1; then
        echo "ui: something else already answers on $URL; stop it or set CLAIMTRACK_UI_PORT" >&2
        exit 1
    fi
    rm -f "$STATE/stopping"
    echo "starting the Prefect server on $URL (Prefect's database: ${PREFECT_API_DATABASE_CONNECTION_URL:+PostgreSQL}${PREFECT_API_DATABASE_CONNECTION_URL:-SQLite in $PREFECT_HOME}) ..."
    # The UI asks the browser to call this API URL (else it assumes port 4200).
    PREFECT_UI_API_URL=${PREFECT_UI_API_URL:-$URL/api} PREFECT_SERVER_API_HOST=$HOST PREFECT_SERVER_API_PORT=$PORT \
        setsid "$BIN/prefect" server start --host "$HOST" --port "$PORT" >"$STATE/server.log" 2>&1 &
    echo $! >"$STATE/server.pid"
    trap 'echo; stop; rm -f "$STATE/stopping"; exit 0' INT TERM
    wait_for 120 "the Prefect server" api GET /health

    export PREFECT_API_URL=$URL/api
    echo "registering the deployments (claimtrack serve; log: $STATE/serve.log) ..."
    setsid "$BIN/claimtrack" serve >"$STATE/serve.log" 2>&1 &
    echo $! >"$STATE/serve.pid"
    wait_for 120 "claimtrack serve" deployments_ready
    # One ingest run now, so the dashboard is there on first visit (the hourly schedule does the rest).
    "$BIN/prefect" deployment run ingest-feeds/ingest-feeds >/dev/null 2>&1 \
        && echo "started a first ingest-feeds run" || echo "ui: could not start a first ingest-feeds run" >&2

    # The pages' own addresses (always their latest version), once the first run has published them.
    local links
    links=$("$BIN/claimtrack" links --wait 120 2>&1) || echo "ui: the dashboard is not published yet; \`claimtrack links\` prints its address later" >&2
    cat <<MSG

  Prefect UI:   $URL
$(sed 's/^/  /' <<<"$links")
  Deployments:  $URL/deployments  (review-claims: Run > Quick run, then Resume the paused run)
  Walk-through: docs/ui.md

  Ctrl-C here, or \`make stop\` from another terminal, stops the server and the deployments.
MSG
    while alive "$STATE/server.pid" && alive "$STATE/serve.pid"; do sleep 1; done
    if [[ -f $STATE/stopping ]]; then
        for _ in $(seq 200); do [[ -f $STATE/server.pid || -f $STATE/serve.pid ]] || break; sleep 0.1; done
        rm -f "$STATE/stopping"
        echo "ui: stopped by \`make stop\`"
        exit 0
    fi
    echo "ui: a process exited; see $STATE/server.log and $STATE/serve.log" >&2
    stop
    exit 1
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    status) for n in server serve; do alive "$STATE/$n.pid" && echo "$n: running (pid $(cat "$STATE/$n.pid"))" || echo "$n: stopped"; done ;;
    *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
