#!/usr/bin/env bash
# tools/run.sh [stop|status] — everything on this machine: Azurite, then the host with all roles (Orleans silo + HTTP
# API + worker), then a demo through the CLI (uploads a table, auto-trains a real image dataset). The server stays up;
# `tools/run.sh stop` stops it and Azurite.
#
# Needs: the .NET 10 SDK, Node.js + npm (Azurite), curl.
# Environment (all optional):
#   TRANSFER_URL            where the API listens (default http://127.0.0.1:5080)
#   TRANSFER_SILO_PORT      Orleans silo port (default 11111)
#   TRANSFER_GATEWAY_PORT   Orleans gateway port (default 30000)
#   AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT   Azurite ports (default 10000/10001/10002)
#   TRANSFER_CREDENTIALS    the credentials file the host writes and the CLI reads (default ~/.transfer/credentials.json)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
state="$root/.transfer"
pidfile="$state/server.pid"
log="$state/server.log"
url="${TRANSFER_URL:-http://127.0.0.1:5080}"
url="${url%/}"
silo_port="${TRANSFER_SILO_PORT:-11111}"
gateway_port="${TRANSFER_GATEWAY_PORT:-30000}"
blob="${AZURITE_BLOB_PORT:-10000}"; queue="${AZURITE_QUEUE_PORT:-10001}"; table="${AZURITE_TABLE_PORT:-10002}"
credentials="${TRANSFER_CREDENTIALS:-$HOME/.transfer/credentials.json}"
server_dll="src/Transfer.Server/bin/Release/net10.0/Transfer.Server.dll"
cli_dll="clients/Transfer.Cli/bin/Release/net10.0/transfer.dll"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export TRANSFER_URL="$url" TRANSFER_CREDENTIALS="$credentials"
mkdir -p "$state"

step() { echo "== $*" >&2; }
fail() { echo "run.sh: error: $*" >&2; exit 1; }
server_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
port_of() { local rest="${1#*://}"; rest="${rest%%/*}"; echo "${rest##*:}"; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  stop)
    if server_running; then
      pid="$(cat "$pidfile")"
      kill -INT "$pid"
      for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" || true; fi
      echo "server: stopped (pid $pid)" >&2
    else
      echo "server: not running" >&2
    fi
    rm -f "$pidfile"
    tools/azurite.sh stop
    exit 0 ;;
  status)
    if server_running; then echo "server: running (pid $(cat "$pidfile")) at $url"; else echo "server: stopped"; fi
    tools/azurite.sh status || true
    exit 0 ;;
  "") ;;
  *) echo "usage: tools/run.sh [stop|status]" >&2; exit 2 ;;
esac

command -v dotnet >/dev/null || fail "the .NET SDK is not installed (need .NET 10: https://dot.net)."
dotnet --list-sdks | grep -q '^10\.' || fail "no .NET 10 SDK found (dotnet --list-sdks: $(dotnet --list-sdks | tr '\n' ' '))."
command -v npm >/dev/null || fail "Node.js/npm is not installed (Azurite, the local blob storage, is an npm package)."
command -v curl >/dev/null || fail "curl is not installed."

step "1/4 Azurite (local Azure Storage) on 127.0.0.1:$blob"
AZURITE_BLOB_PORT="$blob" AZURITE_QUEUE_PORT="$queue" AZURITE_TABLE_PORT="$table" tools/azurite.sh start \
  || fail "Azurite did not start (see .azurite/azurite.log)."
if [ "$blob$queue$table" = "100001000110002" ]; then
  storage="UseDevelopmentStorage=true"
else
  key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
fi

# A running host keeps its build: rebuilding would overwrite the assemblies it has loaded.
projects=(clients/Transfer.Cli/Transfer.Cli.csproj)
server_running || projects=(src/Transfer.Server/Transfer.Server.csproj "${projects[@]}")
step "2/4 building ${projects[*]} (Release; the first build restores packages and takes a few minutes)"
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release --verbosity quiet -nologo >"$state/build.log" 2>&1 \
    || { tail -40 "$state/build.log" >&2; fail "building $project failed (full log: $state/build.log)."; }
done

if server_running; then
  step "3/4 host: already running (pid $(cat "$pidfile")) at $url"
else
  step "3/4 starting the host (silo + API + worker) at $url; log: $log"
  if answers "$(port_of "$url")"; then fail "port $(port_of "$url") already answers: another server runs there. Stop it, or set TRANSFER_URL=http://127.0.0.1:<free port>."; fi
  for port in "$silo_port" "$gateway_port"; do
    if answers "$port"; then fail "Orleans port $port is taken (another silo?). Set TRANSFER_SILO_PORT / TRANSFER_GATEWAY_PORT to free ports."; fi
  done
  nohup dotnet "$server_dll" --urls "$url" --Transfer:PublicUrl "$url" \
    --Transfer:Storage:ConnectionString "$storage" \
    --Transfer:Silo:SiloPort "$silo_port" --Transfer:Silo:GatewayPort "$gateway_port" \
    --Transfer:Bootstrap:CredentialsFile "$credentials" >"$log" 2>&1 &
  echo $! >"$pidfile"
  echo -n "   waiting for $url/health/ready " >&2
  ready=0
  for _ in $(seq 1 240); do
    if curl -fsS "$url/health/ready" >/dev/null 2>&1; then ready=1; break; fi
    if ! server_running; then echo >&2; tail -40 "$log" >&2; rm -f "$pidfile"; fail "the host exited during start (log above: $log)."; fi
    echo -n "." >&2; sleep 0.5
  done
  echo >&2
  [ "$ready" = 1 ] || { tail -40 "$log" >&2; fail "the host is not ready after 120 s (log: $log); stop it with tools/run.sh stop."; }
fi
for _ in $(seq 1 50); do [ -s "$credentials" ] && break; sleep 0.2; done
[ -s "$credentials" ] || fail "the host did not write the admin key to $credentials (log: $log)."
echo "   ready; the admin key is in $credentials (the CLI reads it from there)" >&2

transfer() { dotnet "$cli_dll" "$@"; }
step "4/4 demo through the CLI: seed the knowledge base, upload a table, then the main job — auto-train a real image dataset"
# The knowledge base: the seed datasets (all but the demo's), the benchmark model, the tuning histories. Idempotent, and
# kept in Azurite, so a second start adds nothing. --wait: until the background meta-features and groups are done.
transfer kb seed knowledge-base-seeds --exclude fmnist-sandal-bag --wait \
  || fail "seeding the knowledge base from knowledge-base-seeds/ failed (exit $?)."
# The seed's one benchmark model was pretrained on six clothing classes and serves the clothing group. As an admin would,
# publish it for the footwear group too, whose classes it never saw (the transfer task of tools/bench transfer), so that
# the main job below fine-tunes it. Idempotent; --wait: until the knowledge base has its embedding and has re-grouped.
transfer kb publish-model knowledge-base-seeds/benchmark-models/cnn-fmnist-clothing6 --id cnn-fmnist-clothing6-footwear \
  --group-of fmnist-shoes-a --wait \
  || fail "publishing the benchmark model for the footwear group failed (exit $?)."
transfer datasets upload knowledge-base-seeds/datasets/iris/data.csv --name "iris (demo)" --label label \
  || fail "uploading knowledge-base-seeds/datasets/iris/data.csv failed (exit $?)."
# Upload Fashion-MNIST sandals vs bags (IDX; the knowledge base has its footwear neighbours, not it), search 4 trials
# fine-tuning the footwear group's benchmark model (the baseline = its default configuration first), 2 epochs each, and
# print the winner against the baseline with its held-out test score.
transfer train knowledge-base-seeds/datasets/fmnist-sandal-bag --name "fmnist sandal/bag (demo)" --trials 4 --epochs 2 --seed 1 \
  || fail "the auto-training job failed (exit $?); see $log."
transfer jobs list || fail "listing jobs failed."
cat >&2 <<EOF

The server is up at $url (log: $log).
  CLI:   dotnet $cli_dll --help        (e.g. dotnet $cli_dll datasets list)
  API:   $url/openapi/v1.json
  Stop:  tools/run.sh stop
EOF
