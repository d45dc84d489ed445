#!/usr/bin/env bash
# HTTP benchmark: LowCode.GraphQL.AspNetCore (Kestrel) vs graphql-js 16 behind graphql-http (node:http), same schema
# (schema.graphql), same data, same queries (queries/*.json), loopback only, wrk from apt.
# Usage: bench/GraphQL.Http/run.sh            (DURATION=20s CONNECTIONS=32 WARMUP=5s to override)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
duration="${DURATION:-20s}"
warmup="${WARMUP:-5s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-1}"
ours_port=5081
node_port=5082

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -d "$here/node/node_modules/graphql-http" ] || { echo "Run 'npm ci' in $here/node first." >&2; exit 1; }

dotnet build -c Release "$here/LowCode.GraphQL.Http.Bench.csproj" -v q -nologo >/dev/null
dotnet "$here/bin/Release/net10.0/LowCode.GraphQL.Http.Bench.dll" "$ours_port" >/dev/null &
ours_pid=$!
node "$here/node/server.mjs" "$node_port" >/dev/null &
node_pid=$!
trap 'kill "$ours_pid" "$node_pid" 2>/dev/null || true' EXIT

wait_ready() {
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null -X POST -H 'content-type: application/json' --data '{"query":"{ hello }"}' "http://127.0.0.1:$1/graphql"; then return 0; fi
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2; exit 1
}
wait_ready "$ours_port"
wait_ready "$node_port"

# Both servers must give the same answer before their speed means anything.
for query in "$here"/queries/*.json; do
  a="$(curl -s -X POST -H 'content-type: application/json' -H 'accept: application/graphql-response+json' --data @"$query" "http://127.0.0.1:$ours_port/graphql")"
  b="$(curl -s -X POST -H 'content-type: application/json' -H 'accept: application/graphql-response+json' --data @"$query" "http://127.0.0.1:$node_port/graphql")"
  if [ "$a" != "$b" ]; then echo "Responses differ for $(basename "$query"):"; echo "ours: $a"; echo "node: $b"; exit 1; fi
done

echo "| query | server | requests/s | p50 | p99 |"
echo "| --- | --- | ---: | ---: | ---: |"
for query in "$here"/queries/*.json; do
  name="$(basename "$query" .json)"
  for target in "ours:$ours_port" "graphql-http:$node_port"; do
    label="${target%%:*}"; port="${target##*:}"
    GQL_BODY_FILE="$query" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/post.lua" "http://127.0.0.1:$port/graphql" >/dev/null
    out="$(GQL_BODY_FILE="$query" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/post.lua" "http://127.0.0.1:$port/graphql")"
    if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; echo "non-2xx responses from $label" >&2; exit 1; fi
    rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    p50="$(echo "$out" | awk '$1 == "50%" {print $2}')"
    p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
    echo "| $name | $label | $rps | $p50 | $p99 |"
  done
done
