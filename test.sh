#!/usr/bin/env bash
# The one test command: installs what the tests need, builds with zero warnings, runs every test.
# Usage: ./test.sh            (CI runs exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n== %s\n' "$*"; }

# Browser tests drive Debian's Chromium through Playwright; never a downloaded browser.
if [ ! -x /usr/bin/chromium ]; then
  step "Installing chromium (apt)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Storage and Api tests run on SQLite and on PostgreSQL: Debian's server binaries start a throwaway cluster below.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  step "Installing postgresql (apt)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own; the tests never use it.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
fi

# npm packages for tests that compare with or drive the JavaScript reference implementations.
# `npm ci` runs only when the lock file is newer than the last install.
for dir in tests/*/js tests/*/js-reference tests/*/*/js; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

step "dotnet build (warnings are errors; also builds the designer through npm)"
dotnet build LowCode.sln --nologo -v:q -clp:ErrorsOnly

step "Designer unit tests (vitest)"
designer_log=$(mktemp)
(cd src/Designer && NO_COLOR=1 FORCE_COLOR=0 npm test --silent 2>&1) | tee "$designer_log"

step "PostgreSQL: a throwaway cluster for this run"
pg_dir=$(mktemp -d -t lowcode-pg-XXXXXX)
cleanup() { tests/pg-cluster.sh stop "$pg_dir" || true; }
trap cleanup EXIT
LOWCODE_TEST_POSTGRES=$(tests/pg-cluster.sh start "$pg_dir")
export LOWCODE_TEST_POSTGRES
echo "listening: $LOWCODE_TEST_POSTGRES"

# Snapshots: a missing or different snapshot fails under CI instead of being written.
if [ "${CI:-}" = "true" ]; then export SNAPSHOOTER_STRICT_MODE=true; fi

step "dotnet test"
dotnet_log=$(mktemp)
results=$(mktemp -d)
set +e
dotnet test LowCode.sln --no-build --nologo --logger trx --results-directory "$results" 2>&1 | tee "$dotnet_log"
status=${PIPESTATUS[0]}
set -e

step "Crash safety: the real Api killed -9 twice under load (bench/CrashSafety, docs/benchmarks/crash-safety.md)"
dotnet bench/CrashSafety/bin/Debug/net10.0/LowCode.CrashSafety.dll src/Api/bin/Debug/net10.0/LowCode.Api.dll seed 2 6 || status=1

# One closing line over both runners: "N passed, N failed".
count() { grep -oE "$1" "$2" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}' || true; }
passed=$(count 'Passed: +[0-9]+' "$dotnet_log")
failed=$(count 'Failed: +[0-9]+' "$dotnet_log")
vitest_tests=$(grep -E '^ *Tests ' "$designer_log" > "$designer_log.tests"; echo "$designer_log.tests")
v_passed=$(count '[0-9]+ passed' "$vitest_tests")
v_failed=$(count '[0-9]+ failed' "$vitest_tests")
# Storage and Api tests per database: their classes end in OnSqlite or OnPostgreSQL.
per_db() { cat "$results"/*.trx 2>/dev/null | grep -oE "testName=\"[^\"]*On$1\.[^\"]*\"[^>]*outcome=\"$2\"" | wc -l; }
echo
echo "storage and Api tests on SQLite: $(per_db Sqlite Passed) passed, $(per_db Sqlite Failed) failed; on PostgreSQL: $(per_db PostgreSQL Passed) passed, $(per_db PostgreSQL Failed) failed"
echo "$((passed + v_passed)) passed, $((failed + v_failed)) failed"
exit "$status"
