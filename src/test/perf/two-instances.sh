#!/usr/bin/env bash
# Two clustered MyoChart instances on one machine, sharing one PostgreSQL database and their web
# sessions, to try session failover by hand (docs/operations.md, "Scale-out and clustering").
# Needs a built target/ (mvn -DskipTests package), psql and a PostgreSQL on 127.0.0.1:5432.
# Usage: bash src/test/perf/two-instances.sh        (Ctrl+C stops both instances)
# It drops and recreates the database myochart_cluster and starts a demo clinic in it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
db=myochart_cluster
ports=(8380 8381)
grid=(6950 6951)
password='calm shoulders 2026'
# A cluster name of its own, so that no other Payara Micro on the network joins these two.
cluster="myochart-try-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
members="127.0.0.1:${grid[0]},127.0.0.1:${grid[1]}"
psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" -c "create database $db"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start() {
  local i=$1
  mkdir -p "$work/instance-$i"
  # Both instances use one data directory, so that both seal records with the same clinic key.
  (cd "$work/instance-$i" && \
   MYOCHART_DATA_DIR=$work/clinic MYOCHART_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MYOCHART_DB_USER=postgres MYOCHART_SECOND_FACTOR_ROLES=NONE \
   MYOCHART_DEMO=true MYOCHART_DEMO_PASSWORD="$password" MYOCHART_CLINIC_NAME='Two Rooms Clinic' \
   MYOCHART_SESSION_REPLICATION=true \
   exec java @"$root/payara-config/jvm.options" -jar "$root/target/payara-micro.jar" --deploy "$root/target/myochart.war" --contextroot / \
     --prebootcommandfile "$root/payara-config/pre-boot-commands.asadmin" \
     --postbootcommandfile "$root/payara-config/post-boot-commands.asadmin" \
     --port "${ports[$i]}" --name "instance-$i" \
     --clustername "$cluster" --clustermode "tcpip:$members" --startport "${grid[$i]}" \
     --interfaces 127.0.0.1 --nohostaware \
     > "$work/instance-$i/server.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}/health/ready" && return 0
    kill -0 "${pids[$i]}" 2>/dev/null || break
    sleep 1
  done
  echo "instance $i did not start; log:"; tail -30 "$work/instance-$i/server.log"; exit 1
}

# One after the other: the first creates the demo clinic, the second finds it.
start 0
start 1
grep -h -A4 "Data Grid Status" "$work/instance-1/server.log" | tail -4 || true
cat <<EOF

Two instances of one clinic are running (cluster $cluster, logs in $work):
  instance 0: http://127.0.0.1:${ports[0]}/   (pid ${pids[0]})
  instance 1: http://127.0.0.1:${ports[1]}/   (pid ${pids[1]})

Try the failover:
  1. Open http://127.0.0.1:${ports[0]}/ and sign in as therapist1 with the password '$password';
     open a client, e.g. Anna Bergström.
  2. Stop instance 0:   kill ${pids[0]}
  3. In the same browser open http://127.0.0.1:${ports[1]}/staff/dashboard.xhtml : you are still
     signed in (browsers keep cookies per host name, not per port, so the session cookie goes
     along), and you can carry on on instance 1. Behind a load balancer nobody changes
     addresses: it sends the next request to the instance that is alive, and even a form that
     was open on the stopped instance saves there (SessionFailoverIT shows this).

Ctrl+C stops both instances.
EOF
wait
