#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the gateway tests (CTest fixture kessai_pg).
#   pgcluster.sh start STATE_DIR   initdb in a fresh temporary directory, start it on a free
#                                  127.0.0.1 port, write STATE_DIR/url and STATE_DIR/datadir
#   pgcluster.sh stop STATE_DIR    stop it and remove the temporary directory
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user.
# Any failure exits non-zero, so the tests that need the cluster fail instead of skipping.
# KESSAI_PG_SETTINGS adds server settings after the test ones (later -c wins): the benchmark
# turns durability back on and gives the cluster more shared buffers.
set -euo pipefail

PGBIN=${KESSAI_PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
state=${2:-}
[ -z "$state" ] || state=$(realpath -m "$state")
[ -n "$cmd" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }
cd /  # the postgres user may not be allowed into the caller's directory

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

stop_cluster() {
  local dir
  dir=$(cat "$state/datadir" 2>/dev/null || true)
  rm -f "$state/url" "$state/datadir"
  [ -n "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case $cmd in
start)
  mkdir -p "$state"
  stop_cluster # a cluster left over by an interrupted run
  for tool in initdb pg_ctl postgres; do
    [ -x "$PGBIN/$tool" ] || { echo "pgcluster: $PGBIN/$tool is missing (install postgresql-15, see ./dev)" >&2; exit 1; }
  done
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kessai-pg.XXXXXX")
  echo "$dir" >"$state/datadir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pgcluster: running as root but there is no postgres user" >&2; exit 1; }
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  if ! as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U kessai -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
  fi
  # A random port; if another process has it, try another one.
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    # Speed over durability: the cluster lives for one test run.
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB ${KESSAI_PG_SETTINGS:-}" \
        start >/dev/null; then
      echo "postgresql://kessai@127.0.0.1:$port/postgres" >"$state/url"
      echo "pgcluster: PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($dir)"
      exit 0
    fi
    echo "pgcluster: start on port $port failed (attempt $attempt)" >&2
    tail -n 5 "$dir/server.log" >&2 || true
  done
  exit 1
  ;;
stop)
  stop_cluster
  ;;
*)
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
  ;;
esac
