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

# npm packages for tests that compare with or drive the JavaScript reference implementations.
# `npm ci` runs only when the lock file is newer than the last install.
for dir in tests/*/js tests/*/js-reference tests/*/*/js bench/*/js; do
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
(cd src/Designer && npm test --silent 2>&1) | tee "$designer_log"

step "dotnet test"
dotnet_log=$(mktemp)
set +e
dotnet test LowCode.sln --no-build --nologo 2>&1 | tee "$dotnet_log"
status=${PIPESTATUS[0]}
set -e

# One closing line over both runners: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$dotnet_log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$dotnet_log" | awk '{s+=$2} END {print s+0}')
v_passed=$(grep -oE 'Tests +[0-9]+ passed' "$designer_log" | awk '{s+=$2} END {print s+0}')
v_failed=$(grep -oE '[0-9]+ failed' "$designer_log" | head -n 1 | awk '{print $1+0}')
echo
echo "$((passed + v_passed)) passed, $((failed + ${v_failed:-0})) failed"
exit "$status"
