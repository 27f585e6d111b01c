#!/usr/bin/env bash
# Measures MyoChart's start-up: time from launching java to the first "UP" from /health/ready,
# the CPU time the server used until then, and its resident memory (VmRSS) at that moment
# (docs/performance.md, "Start-up and memory").
# Needs a built target/ (mvn -DskipTests package), curl, psql and PostgreSQL on 127.0.0.1:5432.
# Usage: bash src/test/perf/startup.sh [starts per variant, default 5]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
db=myochart_startup
port=8098
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
export MALLOC_ARENA_MAX=2
psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" -c "create database $db"

# One start: prints "<ms to ready> <cpu ms> <rss MB>" and stops the server again.
start() {
  local log=$work/server.log begin end ticks rss
  begin=$(date +%s%N)
  MYOCHART_DATA_DIR=$work/data MYOCHART_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MYOCHART_DB_USER=postgres MYOCHART_SECOND_FACTOR_ROLES=NONE \
  MYOCHART_OWNER_USERNAME=owner MYOCHART_OWNER_PASSWORD='start-up measuring password' \
    java "$@" --contextroot / --port $port \
      --prebootcommandfile payara-config/pre-boot-commands.asadmin \
      --postbootcommandfile payara-config/post-boot-commands.asadmin > "$log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null http://127.0.0.1:$port/health/ready; do
    kill -0 $server 2>/dev/null || { echo "server exited; log:" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' /proc/$server/stat)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
  kill $server; wait $server 2>/dev/null || true; server=
  echo "$(( (end - begin) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) )) $(( rss / 1024 ))"
}

# Several starts of one variant: prints the median of each figure.
measure() {
  local label=$1; shift
  for _ in $(seq 1 "$runs"); do start "$@"; done | sort -n | awk -v label="$label" -v n="$runs" '
    { wall[NR] = $1; cpu[NR] = $2; rss[NR] = $3 }
    END {
      m = int((n + 1) / 2)
      asort(cpu); asort(rss)
      printf "%-58s ready %6.1f s  cpu %6.1f s  rss %4d MB\n", label, wall[m] / 1000, cpu[m] / 1000, rss[m]
    }'
}

plain=(-jar target/payara-micro.jar --deploy target/myochart.war)
echo "first start on an empty database (migrations, owner account): $(start @payara-config/jvm.options "${plain[@]}" --nocluster)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs starts each"
measure "JVM defaults, clustering on (Payara Micro's default)" "${plain[@]}"
measure "JVM defaults, --nocluster" "${plain[@]}" --nocluster
measure "payara-config/jvm.options, --nocluster" @payara-config/jvm.options "${plain[@]}" --nocluster
payara-config/class-data-archive.sh target/payara-micro.jar target/myochart.war "$work/myochart.jsa" > /dev/null
measure "jvm.options + class-data sharing, --nocluster" @payara-config/jvm.options \
  -XX:SharedArchiveFile="$work/myochart.jsa" "${plain[@]}" --nocluster
measure "jvm.options + class-data sharing, clustering on" @payara-config/jvm.options \
  -XX:SharedArchiveFile="$work/myochart.jsa" "${plain[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
