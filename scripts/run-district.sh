#!/usr/bin/env bash
# The main job: the controller (embedded MQTT broker, SQLite, REST API) and a simulated district
# of real firmware nodes living through a typhoon, each node on its own MQTT connection.
# Extra arguments go to `tocsin-sim district` (e.g. --communities 16 --minutes 20).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

data="${TOCSIN_DATA:-tocsin-data}"
mkdir -p "$data"
if [ -z "${TOCSIN_ADMIN_PASSWORD:-}" ]; then
  if [ ! -s "$data/admin-password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '+/=' > "$data/admin-password")
  fi
  TOCSIN_ADMIN_PASSWORD="$(cat "$data/admin-password")"
fi
export TOCSIN_ADMIN_PASSWORD

dotnet build controller/Tocsin.Controller/Tocsin.Controller.csproj -c Release -nologo -v quiet
dotnet build simulator/Tocsin.Simulator/Tocsin.Simulator.csproj -c Release -nologo -v quiet

dotnet controller/Tocsin.Controller/bin/Release/net10.0/tocsin-controller.dll serve --data "$data" \
  --regions controller/regions/licheng-sample.json --rules controller/rules/default-rules.json &
controller=$!
trap 'kill $controller 2>/dev/null || true; wait $controller 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then break; fi
  sleep 0.5
done

echo "controller API: http://127.0.0.1:8080 (OpenAPI: /openapi/v1.json); operator 'admin', password in $data/admin-password"
echo "web console: coming with the web console issue"
dotnet simulator/Tocsin.Simulator/bin/Release/net10.0/tocsin-sim.dll district "$@"
