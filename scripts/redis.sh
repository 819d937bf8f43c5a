#!/usr/bin/env bash
# A throwaway Redis server on 127.0.0.1 for tests: no persistence, its own directory and port, no service.
#   redis.sh start DIR PORT   start the server with its PID file and log in DIR, wait until it answers PING
#   redis.sh stop DIR         stop the server that runs from DIR, by the PID in DIR/redis.pid
# Installs Debian's redis-server when it is missing (needs root, as on CI).
set -euo pipefail
source "$(dirname "$0")/lib/servers.sh"

start() {
  local dir="$1" port="$2"
  if ! command -v redis-server >/dev/null; then
    echo "Redis is not installed; installing Debian's package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade redis-server >&2
  fi
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --pidfile "$dir/redis.pid" \
    --save '' --appendonly no --dir "$dir" --logfile "$dir/redis.log"
  for _ in $(seq 1 100); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" == PONG ]] && return 0
    sleep 0.1
  done
  echo "Redis did not answer on 127.0.0.1:$port in 10 s (log: $dir/redis.log)" >&2
  return 1
}

stop() {
  local dir="$1" pid
  [[ -f "$dir/redis.pid" ]] || return 0
  pid="$(cat "$dir/redis.pid")"
  stop_by_pid Redis "$pid" TERM
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
