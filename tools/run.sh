#!/usr/bin/env bash
# tools/run.sh [stop] — everything on this machine: Azurite, then the host with all roles (Orleans silo + HTTP API +
# worker), then the demo through the CLI. The server stays up; `tools/run.sh stop` stops it and Azurite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
state="$root/.transfer"
pidfile="$state/server.pid"
url="${TRANSFER_URL:-http://127.0.0.1:5080}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$state"

server_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

if [ "${1:-}" = "stop" ]; then
  if server_running; then kill -INT "$(cat "$pidfile")"; for _ in $(seq 1 50); do server_running || break; sleep 0.2; done; fi
  server_running && kill -KILL "$(cat "$pidfile")" || true
  rm -f "$pidfile"
  tools/azurite.sh stop
  exit 0
fi

tools/azurite.sh start
echo "building (Release)..." >&2
dotnet build Transfer.sln -c Release --verbosity quiet -nologo >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }

if server_running; then
  echo "server: already running (pid $(cat "$pidfile"))" >&2
else
  nohup dotnet src/Transfer.Server/bin/Release/net10.0/Transfer.Server.dll --urls "$url" --Transfer:PublicUrl "$url" \
    >"$state/server.log" 2>&1 &
  echo $! >"$pidfile"
  echo -n "server: starting on $url " >&2
  for _ in $(seq 1 120); do
    if curl -fsS "$url/health/ready" >/dev/null 2>&1; then break; fi
    if ! server_running; then echo; echo "server: exited; see $state/server.log" >&2; tail -50 "$state/server.log" >&2; exit 1; fi
    echo -n "." >&2; sleep 0.5
  done
  echo >&2
  curl -fsS "$url/health/ready" >/dev/null || { echo "server: not ready after 60 s; see $state/server.log" >&2; exit 1; }
fi

transfer() { dotnet clients/Transfer.Cli/bin/Release/net10.0/transfer.dll "$@"; }
echo "== demo: upload a real dataset (Fashion-MNIST footwear, IDX) through the CLI" >&2
transfer datasets upload knowledge-base-seeds/datasets/fmnist-shoes-a --name "fmnist footwear (demo)"
transfer datasets list
echo >&2
echo "The server is up at $url (log: $state/server.log). CLI: dotnet clients/Transfer.Cli/bin/Release/net10.0/transfer.dll --help" >&2
echo "Stop everything with: tools/run.sh stop" >&2
