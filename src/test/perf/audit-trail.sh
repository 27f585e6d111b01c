#!/usr/bin/env bash
# The audit trail's appends and check (docs/performance.md, "Audit trail: appends and the check at
# a million entries"): runs org.myochart.audit.AuditTrailThroughput against a fresh PostgreSQL
# database (myochart_it_auditbench on 127.0.0.1:5432), or on H2 with DB=h2. The harness starts
# MyoChart with the production settings, measures appends per second with WRITERS concurrent
# writers for SECONDS, then adds ENTRIES queued entries and times the sequencer, the whole check and
# one inclusion proof. Needs Java 17, Maven, and psql for PostgreSQL.
#
# Usage: bash src/test/perf/audit-trail.sh      WRITERS=50 SECONDS_MEASURED=30 ENTRIES=1000000 (the defaults)
set -euo pipefail
cd "$(dirname "$0")/../../.."
maven_args=${MAVEN_ARGS:-}
[ -f target/myochart.war ] && [ -f target/payara-micro.jar ] || mvn -B -q $maven_args -DskipTests package
db_args=()
if [ "${DB:-postgres}" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists myochart_it_auditbench with (force)" -c "create database myochart_it_auditbench"
  db_args=(-Dmyochart.it.dbUrl=jdbc:postgresql://127.0.0.1:5432/myochart_it_auditbench -Dmyochart.it.dbUser=postgres)
fi
rm -rf target/it-data/auditbench
mvn -B -q $maven_args test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.myochart.audit.AuditTrailThroughput \
  -Dexec.args="${WRITERS:-50} ${SECONDS_MEASURED:-30} ${ENTRIES:-1000000}" \
  -Dmyochart.it.targetDir="$PWD/target" "${db_args[@]}"
