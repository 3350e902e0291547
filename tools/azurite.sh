#!/usr/bin/env bash
# tools/azurite.sh install|start|stop|status — the pinned Azurite (tools/azurite/package.json) for local runs.
#   install  npm ci into tools/azurite/node_modules (git-ignored), once
#   start    start it in the background on 127.0.0.1 (blob 10000, queue 10001, table 10002) with data in .azurite/data,
#            and wait until its ports answer; a no-op when ours is already running
#   stop     stop it by PID: SIGINT, then SIGKILL after 10 s (Azurite can ignore SIGTERM)
#   status   say whether it runs
# Environment: AZURITE_DATA (data folder), AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/azurite"
state="$root/.azurite"
data="${AZURITE_DATA:-$state/data}"
pidfile="$state/azurite.pid"
blob="${AZURITE_BLOB_PORT:-10000}"; queue="${AZURITE_QUEUE_PORT:-10001}"; table="${AZURITE_TABLE_PORT:-10002}"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

install() {
  if [ ! -x "$dir/node_modules/.bin/azurite" ]; then
    echo "azurite: installing the pinned version (npm ci in tools/azurite)..." >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

start() {
  install
  if running; then echo "azurite: already running (pid $(cat "$pidfile"))" >&2; return 0; fi
  if answers "$blob"; then echo "azurite: something already answers on port $blob; using it" >&2; return 0; fi
  mkdir -p "$data"
  nohup "$dir/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --location "$data" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$state/azurite.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 150); do
    if answers "$blob" && answers "$table"; then echo "azurite: ready on 127.0.0.1:$blob (pid $(cat "$pidfile"))" >&2; return 0; fi
    if ! running; then echo "azurite: exited during start; see $state/azurite.log" >&2; cat "$state/azurite.log" >&2; return 1; fi
    sleep 0.2
  done
  echo "azurite: ports did not answer within 30 s; see $state/azurite.log" >&2
  return 1
}

stop() {
  if ! running; then rm -f "$pidfile"; echo "azurite: not running" >&2; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "azurite: stopped" >&2
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: tools/azurite.sh install|start|stop|status" >&2; exit 2 ;;
esac
