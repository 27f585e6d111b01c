#!/usr/bin/env bash
# What one authenticated API call costs (docs/performance.md, "API calls"): starts MyoChart on
# loopback with the production settings (payara-config/) on a fresh H2 database, or on PostgreSQL
# with DB=postgres, runs org.myochart.load.ApiCallSimulation (one client, calls one after another:
# an owner-issued bearer token, then HTTP Basic), stops the server and prints Gatling's figures.
# Needs Java 17, Maven and curl (and psql with PostgreSQL on 127.0.0.1:5432 for DB=postgres).
#
# Usage: bash src/test/perf/api-calls.sh          CALLS=5000 bash src/test/perf/api-calls.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
port=${PORT:-8281}
calls=${CALLS:-2000}
maven_args=${MAVEN_ARGS:-}
# The simulation's default owner password (LoadSettings).
owner_password='quiet harbour evening 2026'

[ -f target/myochart.war ] && [ -f target/payara-micro.jar ] || mvn -B -q $maven_args -DskipTests package
work=target/api-calls/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work/data"
if [ "${DB:-h2}" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists myochart_api_calls with (force)" -c "create database myochart_api_calls"
  db_url=jdbc:postgresql://127.0.0.1:5432/myochart_api_calls
else
  db_url="jdbc:h2:file:$PWD/$work/data/db/myochart"
fi
MYOCHART_DATA_DIR=$PWD/$work/data MYOCHART_DB_URL=$db_url MYOCHART_DB_USER=postgres MYOCHART_SECOND_FACTOR_ROLES=NONE \
MYOCHART_OWNER_USERNAME=owner MYOCHART_OWNER_PASSWORD="$owner_password" MALLOC_ARENA_MAX=2 \
  java @payara-config/jvm.options -jar target/payara-micro.jar --deploy target/myochart.war --contextroot / --nocluster --port $port \
    --prebootcommandfile payara-config/pre-boot-commands.asadmin \
    --postbootcommandfile payara-config/post-boot-commands.asadmin \
    > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "server did not start; log:"; tail -20 "$work/server.log"; exit 1; }

echo "load average at start: $(cat /proc/loadavg)"
set +e
mvn -B $maven_args -Pload test-compile gatling:test -Dload.simulation=org.myochart.load.ApiCallSimulation \
  -Dload.baseUrl="http://127.0.0.1:$port/" -Dload.calls="$calls" -Dgatling.resultsFolder="$PWD/$work/gatling" \
  > "$work/gatling.log" 2>&1
gatling=$?
set -e
echo "load average at end: $(cat /proc/loadavg)"
report=$(ls -d "$work"/gatling/*/ 2>/dev/null | head -1 || true)
python3 src/test/perf/busy-hour-summary.py none "${report:-none}" | tee "$work/summary.txt"
echo "Gatling exit code $gatling; log: $work/gatling.log; server log: $work/server.log"
exit $gatling
