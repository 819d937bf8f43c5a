#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for tests: its own data directory and port, no service.
#   postgres.sh start DIR PORT   initialise DIR if empty, start the server, wait until it accepts connections
#   postgres.sh stop DIR         stop the server that runs from DIR, by the PID in its postmaster.pid
# Installs Debian's PostgreSQL when no server binaries are present (needs root, as on CI).
set -euo pipefail
source "$(dirname "$0")/lib/servers.sh"

find_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$bin" || ! -x "$bin/postgres" ]]; then
    echo "PostgreSQL is not installed; installing Debian's package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade postgresql >&2
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$bin"
}

as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

start() {
  local dir="$1" port="$2" bin
  bin="$(find_bin)"
  mkdir -p "$dir"
  chown postgres: "$dir"
  chmod 700 "$dir"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    as_postgres "$bin/initdb" -D "$dir" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  # The socket goes in the data directory: postgres can write there, and nothing else shares it.
  as_postgres "$bin/pg_ctl" start -w -t 30 -D "$dir" -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
}

stop() {
  local dir="$1" pid
  [[ -f "$dir/postmaster.pid" ]] || return 0
  pid="$(head -n 1 "$dir/postmaster.pid")"
  # SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the server exits cleanly.
  stop_by_pid PostgreSQL "$pid" INT
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
