#!/usr/bin/env bash
# Live-mode scale benchmark: the controller (embedded broker, SQLite on tmpfs when there is one)
# in one process and a simulated district in another, every node on its own MQTT connection.
# Default: all 41 sample communities with a sensor and 243 loudspeakers each (10,004 nodes) for
# 3 real minutes. The simulator prints its memory per node in every report line.
# Usage: scripts/bench-live-district.sh [speakers-per-community] [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
speakers="${1:-243}"
minutes="${2:-3}"
root=/tmp; [ -d /dev/shm ] && root=/dev/shm
data="$(mktemp -d "$root/tocsin-live-bench.XXXXXX")"
TOCSIN_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
export TOCSIN_ADMIN_PASSWORD
http=18080; mqtt=18830

dotnet build controller/Tocsin.Controller/Tocsin.Controller.csproj -c Release -nologo -v quiet
dotnet build simulator/Tocsin.Simulator/Tocsin.Simulator.csproj -c Release -nologo -v quiet

dotnet controller/Tocsin.Controller/bin/Release/net10.0/tocsin-controller.dll serve --data "$data" \
  --http "http://127.0.0.1:$http" --mqtt-port "$mqtt" \
  --regions controller/regions/licheng-sample.json --rules controller/rules/default-rules.json > "$data/controller.log" 2>&1 &
controller=$!
trap 'kill $controller 2>/dev/null || true; wait $controller 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$http") 2>/dev/null; then break; fi
  sleep 0.5
done

/usr/bin/time -f "simulator: %e s wall, %U s user, peak resident %M KB" \
  dotnet simulator/Tocsin.Simulator/bin/Release/net10.0/tocsin-sim.dll district --api "http://127.0.0.1:$http" \
  --mqtt-port "$mqtt" --communities 41 --speakers-per-community "$speakers" --minutes "$minutes"
ps -o rss=,cmd= -p "$controller" | awk '{ printf "controller: resident %.0f MB\n", $1 / 1024 }'
