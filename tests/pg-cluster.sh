#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks; never for data anyone keeps.
#   tests/pg-cluster.sh start DIR [durable]   initdb into DIR, start on a free loopback port, print the connection string
#   tests/pg-cluster.sh stop DIR              stop the cluster and delete DIR
# Runs the server as the `postgres` user when started as root (PostgreSQL refuses root). Without `durable` the
# cluster skips fsync: fast, and lost on a crash, which is what a test cluster wants.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a folder for the cluster}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if command -v initdb >/dev/null; then bindir=$(dirname "$(command -v initdb)"); else
    echo "PostgreSQL server binaries (initdb, pg_ctl) are not installed: run ./test.sh, which installs the Debian package postgresql." >&2
    exit 3
  fi
fi

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    options="-c listen_addresses=127.0.0.1 -c max_connections=300 -c unix_socket_directories=$dir"
    if [ "${3:-}" != durable ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi   # something answers: taken
      if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port -k $dir $options" start >/dev/null 2>&1; then
        echo "Host=127.0.0.1;Port=$port;Username=postgres"
        exit 0
      fi
    done
    echo "Could not start PostgreSQL in $dir; its log:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [durable]" >&2
    exit 2
    ;;
esac
