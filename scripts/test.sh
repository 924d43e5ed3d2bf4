#!/usr/bin/env bash
# Builds everything (including the nanoFramework compile check) and runs every test project.
# Installs what the tests need on a fresh Debian/Ubuntu machine that has the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The external-broker tests run Debian's Mosquitto (started by the tests themselves on free ports).
if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends mosquitto
fi

# The PostgreSQL storage tests start their own throwaway server (initdb into a temp directory, a free
# port on 127.0.0.1), so only the binaries are needed; Debian puts them in /usr/lib/postgresql/N/bin.
initdb_found=""
for candidate in /usr/lib/postgresql/*/bin/initdb /usr/local/bin/initdb; do
  if [ -x "$candidate" ]; then initdb_found="$candidate"; fi
done
if [ -z "$initdb_found" ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql
fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Nodes.sln -c Release -warnaserror -nologo -v minimal
set +e
dotnet test Nodes.sln -c Release --no-build -nologo -v minimal \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects, summed from each project's summary line
# ("Passed!  - Failed: 0, Passed: 49, Skipped: 0, Total: 49, ...").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- ' "$results/console.log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
