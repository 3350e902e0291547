#!/usr/bin/env bash
# tools/test.sh [dotnet test args...] — runs every test of the solution and ends with a line "N passed, M failed".
# Installs the pinned Azurite first (the end-to-end tests start their own private instance of it).
# Exits non-zero when any test failed or when no test ran.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# One torch thread without OpenMP spin-waiting (../shared/STACK-NOTES.md): set before any test process starts.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
tools/azurite.sh install || { echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test Transfer.sln "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}

# VSTest prints one summary line per test project: "Passed!  - Failed:     0, Passed:    34, Skipped:     0, ..."
passed=$(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | sed -E 's/.*Passed: +([0-9]+)$/\1/' | paste -sd+ - | bc)
failed=$(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+' "$log" | sed -E 's/.*Failed: +([0-9]+)$/\1/' | paste -sd+ - | bc)
passed=${passed:-0}; failed=${failed:-0}
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any summary line said so
fi
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$code" -ne 0 ]; then
  exit 1
fi
