#!/bin/sh
# Records a class-data-sharing archive for a faster start of MyoChart (docs/performance.md,
# "Start-up and memory"): starts MyoChart once with --warmup (boot, deploy, run its start-up on
# a throw-away embedded database, stop) and writes the classes it loaded to <archive>, which
# later starts map instead of loading and verifying those classes again.
# Usage: payara-config/class-data-archive.sh <payara-micro.jar> <myochart.war> <archive>
# Then start with the same payara-micro.jar, at the same path:
#   java @payara-config/jvm.options -XX:SharedArchiveFile=<archive> -jar <payara-micro.jar> ...
# The archive belongs to this JVM build and this payara-micro.jar: with another, the JVM warns
# and starts without it. A class that changed since (a new MyoChart WAR) is loaded normally, so
# a stale archive costs only speed; record it again after an update.
set -eu
if [ $# -ne 3 ]; then
  echo "usage: $0 <payara-micro.jar> <myochart.war> <archive>" >&2
  exit 2
fi
jar=$1
war=$2
archive=$3
config=$(cd "$(dirname "$0")" && pwd)
rm -f "$archive"
warmup=$(mktemp -d)
trap 'rm -rf "$warmup"' EXIT
# The warm-up must not touch a real clinic: its own data directory and embedded database.
env -u MYOCHART_DB_URL -u MYOCHART_DB_USER -u MYOCHART_DB_PASSWORD -u MYOCHART_DEMO \
  MYOCHART_DATA_DIR="$warmup" \
  java "@$config/jvm.options" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -XX:ArchiveClassesAtExit="$archive" \
    -jar "$jar" --deploy "$war" --contextroot / --nocluster \
    --prebootcommandfile "$config/pre-boot-commands.asadmin" \
    --postbootcommandfile "$config/post-boot-commands.asadmin" \
    --warmup > "$warmup/warmup.log" 2>&1 || { tail -40 "$warmup/warmup.log" >&2; exit 1; }
if [ ! -s "$archive" ]; then
  echo "no class-data-sharing archive was written; warm-up log:" >&2
  tail -40 "$warmup/warmup.log" >&2
  exit 1
fi
echo "Class-data-sharing archive: $archive ($(du -h "$archive" | cut -f1))"
