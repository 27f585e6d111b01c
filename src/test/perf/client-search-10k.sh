#!/usr/bin/env bash
# Measures client search with 10,000 clients on PostgreSQL (docs/performance.md).
# Needs a built target/ (mvn -DskipTests package), psql and a PostgreSQL on 127.0.0.1:5432.
# Usage: bash src/test/perf/client-search-10k.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=myochart_perf
port=8097
password='measure search speed'
psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" -c "create database $db"
work=$(mktemp -d)
MYOCHART_DATA_DIR=$work MYOCHART_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MYOCHART_DB_USER=postgres MYOCHART_SECOND_FACTOR_ROLES=NONE \
MYOCHART_OWNER_USERNAME=owner MYOCHART_OWNER_PASSWORD="$password" \
  java -jar target/payara-micro.jar --deploy target/myochart.war --contextroot / --nocluster --port $port \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
ready=no
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:$port/health/ready && { ready=yes; break; }; sleep 1; done
[ $ready = yes ] || { echo "server did not start; log:"; tail -20 "$work/server.log"; exit 1; }

psql -h 127.0.0.1 -U postgres -d $db -q <<'SQL'
insert into client (id, first_name, last_name, first_name_key, last_name_key, date_of_birth, phone, phone_digits,
                    active, possible_duplicate, created_at, updated_at, version)
select 100000 + g,
       (array['Anna','Ola','Kari','Per','Ingrid','Lars','Sofie','Emil','Nora','Jonas'])[1 + g % 10] || g,
       (array['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen','Jensen','Berg'])[1 + (g / 10) % 10],
       lower((array['Anna','Ola','Kari','Per','Ingrid','Lars','Sofie','Emil','Nora','Jonas'])[1 + g % 10] || g),
       lower((array['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen','Jensen','Berg'])[1 + (g / 10) % 10]),
       date '1940-01-01' + (g * 7) % 25000,
       '+47 9' || lpad(g::text, 7, '0'), '479' || lpad(g::text, 7, '0'),
       true, false, now(), now(), 1
from generate_series(1, 10000) g;
analyze client;
SQL

measure() {
  local label=$1 path=$2
  for _ in 1 2 3; do curl -s -o /dev/null -u "owner:$password" "http://127.0.0.1:$port$path"; done
  for _ in $(seq 1 50); do curl -s -o /dev/null -w '%{time_total}\n' -u "owner:$password" "http://127.0.0.1:$port$path"; done \
    | sort -n | awk -v label="$label" '{t[NR]=$1*1000} END {printf "%-32s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", label, t[int(NR*0.5)], t[int(NR*0.95)], t[NR]}'
}
echo "clients: $(psql -h 127.0.0.1 -U postgres -d $db -tAc 'select count(*) from client')"
measure "auth only (GET /staff/me)" "/api/v1/staff/me"
measure "name prefix 'ber'" "/api/v1/clients?q=ber"
measure "two prefixes 'ann han'" "/api/v1/clients?q=ann%20han"
measure "phone digits '0004711'" "/api/v1/clients?q=0004711"
measure "date of birth" "/api/v1/clients?q=1975-06-14"
measure "no query (first page)" "/api/v1/clients"
