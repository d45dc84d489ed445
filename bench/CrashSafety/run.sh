#!/usr/bin/env bash
# Runs the crash-safety harness N times (default 20) against a Release build of the Api and prints each result.
#   bench/CrashSafety/run.sh [runs] [kills per run] [--fault]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}; kills=${2:-3}; fault=${3:-}
dotnet build -c Release src/Api -p:SkipDesignerBuild=true --nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/CrashSafety --nologo -v:q -clp:ErrorsOnly >/dev/null
echo "load: $(cat /proc/loadavg)"
failed=0
for run in $(seq 1 "$runs"); do
  if out=$(dotnet bench/CrashSafety/bin/Release/net10.0/LowCode.CrashSafety.dll src/Api/bin/Release/net10.0/LowCode.Api.dll seed "$kills" 6 $fault 2>&1); then
    echo "run $run: $(echo "$out" | tail -1)"
  else
    failed=$((failed + 1)); echo "run $run: $(echo "$out" | tail -1)"
  fi
done
echo "$failed of $runs runs found violations"
[ "$failed" -eq 0 ]
