#!/usr/bin/env bash
# The clinic's busy hour under load with Gatling (docs/performance.md, "Busy hour under load").
# Starts MyoChart on loopback against a fresh PostgreSQL database with the production settings
# (payara-config/, as the Dockerfile does), runs the set-up and the busy hour
# (org.myochart.load.BusyHourSimulation), samples the server's CPU and RSS, stops the server and
# prints a summary. Needs Java 17, Maven, psql and PostgreSQL on 127.0.0.1:5432 (trust auth).
#
# Usage: bash src/test/perf/busy-hour.sh
# Smaller:  THERAPISTS=5 KIOSKS=1 OWNERS=1 MINUTES=2 SAVES_PER_NOTE=10 bash src/test/perf/busy-hour.sh
# MAVEN_ARGS="-o" runs Maven offline; JAVA_OPTS adds JVM options after payara-config/jvm.options
# (e.g. JAVA_OPTS=-Xmx1g for a larger heap than the production 512 MB); INSTANCES=2 runs two
# clustered instances sharing the database and sessions (ports PORT and PORT+1); EXTRA_ARGS are passed
# to the Gatling run, e.g. EXTRA_ARGS="-Dgatling.jvmArgs=-Dlogback.configurationFile=<file>" to log
# failed requests with Gatling's io.gatling.http.engine.response logger at DEBUG.
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${DB:-myochart_load}
port=${PORT:-8280}
therapists=${THERAPISTS:-50}
kiosks=${KIOSKS:-10}
owners=${OWNERS:-1}
minutes=${MINUTES:-10}
saves=${SAVES_PER_NOTE:-30}
java_opts=${JAVA_OPTS:-}
# The owner's password is the simulation's default (LoadSettings): a system property with spaces
# did not reach the JVM the Gatling plugin forks intact.
owner_password='quiet harbour evening 2026'
maven_args=${MAVEN_ARGS:-}

[ -f target/myochart.war ] && [ -f target/payara-micro.jar ] || mvn -B -q $maven_args -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" -c "create database $db"
# SLOW_SQL_MS=50 makes PostgreSQL log every statement of this database slower than that (server log).
[ -z "${SLOW_SQL_MS:-}" ] || psql -h 127.0.0.1 -U postgres -d postgres -q -c "alter database $db set log_min_duration_statement = $SLOW_SQL_MS"

work=target/busy-hour/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work/data"
# INSTANCES=2: two clustered instances of the clinic on ports $port and $port+1, sharing the
# database, the data directory (one record seal) and the staff sessions (data grid on loopback,
# MYOCHART_SESSION_REPLICATION=true); the virtual users are spread over both.
instances=${INSTANCES:-1}
cluster="myochart-load-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
grid_members=$(seq -s, -f "127.0.0.1:%g" 6960 $((6960 + instances - 1)))
servers=()
samplers=()
stop() {
  for p in "${samplers[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${servers[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop EXIT

start_instance() {
  local i=$1 p=$((port + $1)) suffix=${2:-}
  local mode=(--nocluster) replication=false
  if [ "$instances" -gt 1 ]; then
    mode=(--name "instance-$i" --clustername "$cluster" --clustermode "tcpip:$grid_members"
          --startport $((6960 + i)) --interfaces 127.0.0.1 --nohostaware)
    replication=true
  fi
  MYOCHART_DATA_DIR=$PWD/$work/data MYOCHART_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MYOCHART_DB_USER=postgres MYOCHART_SECOND_FACTOR_ROLES=NONE \
  MYOCHART_OWNER_USERNAME=owner MYOCHART_OWNER_PASSWORD="$owner_password" MYOCHART_CLINIC_NAME="Busy Hour Clinic" \
  MYOCHART_SESSION_REPLICATION=$replication MALLOC_ARENA_MAX=2 \
    java @payara-config/jvm.options $java_opts -jar target/payara-micro.jar --deploy target/myochart.war --contextroot / --port $p \
      "${mode[@]}" \
      --prebootcommandfile payara-config/pre-boot-commands.asadmin \
      --postbootcommandfile payara-config/post-boot-commands.asadmin \
      --logproperties payara-config/logging.properties \
      > "$work/server$suffix.log" 2>&1 &
  local server=$!
  servers+=($server)
  local ready=no
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$p/health/ready" && { ready=yes; break; }; sleep 1; done
  [ $ready = yes ] || { echo "server $i did not start; log:"; tail -20 "$work/server$suffix.log"; exit 1; }
  # CPU ticks (utime+stime, in 1/100 s) and VmRSS of the server every 5 s, with the load average.
  (
    # machine_ticks: the whole machine's busy CPU (user, nice, system, irq, softirq, steal of
    # /proc/stat), so that what the load generator and everything else cost shows beside the server.
    echo "epoch_s,cpu_ticks,rss_kb,load1,machine_ticks"
    while kill -0 "$server" 2>/dev/null; do
      ticks=$(awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo "")
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status" 2>/dev/null || echo "")
      machine=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
      echo "$(date +%s),$ticks,$rss,$(cut -d' ' -f1 /proc/loadavg),$machine"
      sleep 5
    done
  ) > "$work/server-usage$suffix.csv" &
  samplers+=($!)
}

base_urls="http://127.0.0.1:$port/"
if [ "$instances" -gt 1 ]; then
  # One after the other: the first migrates the database and creates the owner.
  for i in $(seq 0 $((instances - 1))); do start_instance "$i" "-$i"; done
  base_urls=$(seq -s, -f "http://127.0.0.1:%g/" "$port" $((port + instances - 1)))
else
  start_instance 0
fi

echo "load average at start: $(cat /proc/loadavg)"
set +e
mvn -B $maven_args -Pload test-compile gatling:test \
  -Dload.baseUrl="$base_urls" \
  -Dload.therapists="$therapists" -Dload.kiosks="$kiosks" -Dload.owners="$owners" -Dload.minutes="$minutes" \
  -Dload.savesPerNote="$saves" -Dgatling.resultsFolder="$PWD/$work/gatling" ${EXTRA_ARGS:-} \
  > "$work/gatling.log" 2>&1
gatling=$?
set -e
echo "load average at end: $(cat /proc/loadavg)"
stop
trap - EXIT

report=$(ls -d "$work"/gatling/*/ 2>/dev/null | head -1 || true)
if [ "$instances" -gt 1 ]; then
  for i in $(seq 0 $((instances - 1))); do
    echo "== instance $i"
    python3 src/test/perf/busy-hour-summary.py "$work/server-usage-$i.csv" none
  done | tee "$work/instances.txt"
  # One sequencer: every head covers more leaves than the one before, signed by whichever
  # instance held the sequencer's lock.
  psql -h 127.0.0.1 -U postgres -d "$db" -At -c "select count(*) || ' tree heads, ' || count(distinct tree_size) || ' sizes, leaves ' || (select count(*) from audit_leaf) || ', queued ' || (select count(*) from audit_unsequenced) from audit_tree_head" | tee -a "$work/instances.txt" || true
fi
python3 src/test/perf/busy-hour-summary.py "$work/server-usage.csv" "${report:-none}" | tee "$work/summary.txt"
echo "Gatling exit code $gatling; report: ${report:-none}; server log: $work/server.log"
grep -E "^(---- Global|> |Global:|.*failed)" "$work/gatling.log" | tail -5 || true
exit $gatling
