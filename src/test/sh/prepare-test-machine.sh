#!/usr/bin/env bash
# Run by Maven before the integration tests (pre-integration-test). It gets the machine ready for
# what Maven cannot install itself, and says so loudly when it cannot:
#   - Debian's chromium and chromium-driver for the browser tests (installed with apt-get when
#     missing and this runs as root; otherwise the browser tests are skipped with a banner);
#   - Debian's poppler-utils (pdfsig, pdftotext, pdfdetach) for the checks of sealed PDFs with a
#     second, independent PDF implementation (installed the same way, or skipped with a banner);
#   - openssl and sha256sum, with which ExportReadMeStepsIT follows the export README's steps
#     (openssl installed the same way when missing; those checks are skipped with a banner);
#   - python3, which runs the export's check-audit-proofs.py in its README's last step (installed
#     the same way when missing; those checks are skipped with a banner);
#   - axe-core, the accessibility checker the browser tests inject into every page, installed from
#     npm at the exact version src/test/js/package-lock.json pins, with `npm ci` into
#     target/test-js (npm itself installed with apt-get when missing; those checks are skipped
#     with a banner when it cannot be installed);
#   - for the PostgreSQL variant (mvn verify -Ppostgres): a running server on the configured host,
#     started with pg_ctlcluster when it is installed but stopped, and empty test databases.
set -u
target_dir=${1:?target directory}
db_url=${2:-}

banner() {
  printf '\n%s\n' "################################################################################"
  printf '## %s\n' "$@"
  printf '%s\n\n' "################################################################################"
}

missing=""
rm -rf "$target_dir/it-data"
mkdir -p "$target_dir/it-data"

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "Browser tests: using $(chromium --version 2>/dev/null | head -1) and $(chromedriver --version 2>/dev/null | head -1)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Browser tests: installing Debian's chromium and chromium-driver with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
    banner "BROWSER TESTS WILL BE SKIPPED: apt-get could not install chromium and chromium-driver."; missing="chromium"
  fi
else
  banner "BROWSER TESTS WILL BE SKIPPED: chromium and chromedriver are missing and cannot be" \
         "installed here (needs root and apt-get). Install Debian's chromium and chromium-driver."
  missing="chromium"
fi

if command -v pdfsig >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdfdetach >/dev/null 2>&1; then
  echo "PDF checks: using $(pdfsig -v 2>&1 | head -1)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "PDF checks: installing Debian's poppler-utils (pdfsig, pdftotext, pdfdetach) with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }; then
    banner "POPPLER CHECKS WILL BE SKIPPED: apt-get could not install poppler-utils."; missing="$missing poppler-utils"
  fi
else
  banner "POPPLER CHECKS WILL BE SKIPPED: pdfsig, pdftotext and pdfdetach are missing and cannot be" \
         "installed here (needs root and apt-get). Install Debian's poppler-utils."
  missing="$missing poppler-utils"
fi

if command -v openssl >/dev/null 2>&1 && command -v sha256sum >/dev/null 2>&1; then
  echo "Export README checks: using $(openssl version)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Export README checks: installing Debian's openssl with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq openssl coreutils >/dev/null; }; then
    banner "EXPORT README CHECKS WILL BE SKIPPED: apt-get could not install openssl."; missing="$missing openssl"
  fi
else
  banner "EXPORT README CHECKS WILL BE SKIPPED: openssl or sha256sum is missing and cannot be" \
         "installed here (needs root and apt-get). Install Debian's openssl."
  missing="$missing openssl"
fi

if command -v python3 >/dev/null 2>&1; then
  echo "Export proof script checks: using $(python3 --version 2>&1)"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Export proof script checks: installing Debian's python3 with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }; then
    banner "EXPORT PROOF SCRIPT CHECKS WILL BE SKIPPED: apt-get could not install python3."; missing="$missing python3"
  fi
else
  banner "EXPORT PROOF SCRIPT CHECKS WILL BE SKIPPED: python3 is missing and cannot be installed" \
         "here (needs root and apt-get). Install Debian's python3."
  missing="$missing python3"
fi

test_js="$(cd "$(dirname "$0")/../js" && pwd)"
axe="$target_dir/test-js/node_modules/axe-core/axe.min.js"
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Accessibility checks: installing Debian's npm with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq npm >/dev/null; } || true
fi
if ! command -v npm >/dev/null 2>&1; then
  banner "ACCESSIBILITY CHECKS WILL BE SKIPPED: npm is missing and cannot be installed here" \
         "(needs root and apt-get). Install Debian's npm, which installs axe-core for the browser tests."
  missing="$missing axe-core"
else
  # A fresh copy each run, so that the installed version is always the one the lock file pins.
  rm -rf "$target_dir/test-js"
  mkdir -p "$target_dir/test-js"
  cp "$test_js/package.json" "$test_js/package-lock.json" "$target_dir/test-js/"
  if (cd "$target_dir/test-js" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) && [ -f "$axe" ]; then
    echo "Accessibility checks: using axe-core $(cd "$target_dir/test-js" && node -p 'require("axe-core/package.json").version' 2>/dev/null || echo '(version unknown)')"
  else
    rm -rf "$target_dir/test-js/node_modules"
    banner "ACCESSIBILITY CHECKS WILL BE SKIPPED: npm ci could not install axe-core from" \
           "src/test/js/package-lock.json into $target_dir/test-js."
    missing="$missing axe-core"
  fi
fi

if [[ "$db_url" == jdbc:postgresql://* ]]; then
  hostport=${db_url#jdbc:postgresql://}
  hostport=${hostport%%/*}
  host=${hostport%%:*}
  port=${hostport##*:}
  [ "$port" = "$hostport" ] && port=5432
  user=${PGUSER:-postgres}
  if ! command -v psql >/dev/null 2>&1; then
    banner "POSTGRESQL VARIANT CANNOT RUN: psql is not installed (apt-get install postgresql)."
    exit 1
  fi
  if ! pg_isready -h "$host" -p "$port" -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      echo "PostgreSQL is not answering on $host:$port; starting the local cluster ..."
      for version in $(ls /etc/postgresql); do
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
      done
      for _ in $(seq 1 30); do pg_isready -h "$host" -p "$port" -q && break; sleep 1; done
    fi
  fi
  if ! pg_isready -h "$host" -p "$port" -q; then
    banner "POSTGRESQL VARIANT CANNOT RUN: no server answers on $host:$port."
    exit 1
  fi
  # Each test database is made the way docs/operations.md ("Database roles") tells an operator to:
  # owned by myochart_it_owner, who migrates it; the test clinics connect as myochart_it_app
  # (ADR-061). The roles are created once; the server trusts local connections, so their
  # passwords are never used.
  for database in myochart_it_demo myochart_it_fresh myochart_it_idle myochart_it_container myochart_it_export myochart_it_faults myochart_it_cluster myochart_it_dbadmin myochart_load_smoke; do
    psql -h "$host" -p "$port" -U "$user" -d postgres -q -v ON_ERROR_STOP=1 \
      -c "drop database if exists $database with (force)" \
      || { banner "Could not drop the test database $database"; exit 1; }
    psql -h "$host" -p "$port" -U "$user" -d postgres -q -v ON_ERROR_STOP=1 \
      -v database="$database" -v owner_role=myochart_it_owner -v app_role=myochart_it_app \
      -v owner_password="$(head -c 18 /dev/urandom | base64)" \
      -v app_password="$(head -c 18 /dev/urandom | base64)" \
      -f "$(dirname "$0")/../../../payara-config/create-database-roles.sql" >/dev/null \
      || { banner "Could not create the test database $database with payara-config/create-database-roles.sql"; exit 1; }
  done
  echo "PostgreSQL on $host:$port: fresh test databases created."
else
  banner "THE FAULT TESTS (NoteSaveFaultIT, AuditExportRecoveryIT) RUN ON POSTGRESQL ONLY:" \
         "this H2 run leaves them out; mvn verify -Ppostgres runs them (CI does)."
fi
# On a developer's machine a missing tool skips its tests (loudly, above); CI must not pass
# with tests that never ran.
if [ -n "$missing" ] && [ "${CI:-}" = "true" ]; then
  banner "CI=true and the tests need what is missing here:$missing. Failing instead of skipping."
  exit 1
fi
exit 0
