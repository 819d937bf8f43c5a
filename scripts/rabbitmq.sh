#!/usr/bin/env bash
# A throwaway RabbitMQ broker on 127.0.0.1 for tests: its own node, ports, epmd and directories, no plugins, no service.
#   rabbitmq.sh start DIR PORT   start epmd and the broker (AMQP on PORT) with their PID files, data and logs in DIR,
#                                and wait until the broker has booted
#   rabbitmq.sh stop DIR         stop the broker that runs from DIR and its epmd, by the PIDs in DIR
# Several brokers can run side by side: each has an epmd of its own on a free port (ERL_EPMD_PORT), so none depends on
# another's. The user guest/guest may log in (from 127.0.0.1 only, RabbitMQ's default).
# Installs Debian's rabbitmq-server when it is missing (needs root, as on CI).
set -euo pipefail
source "$(dirname "$0")/lib/servers.sh"

rabbitmq_bin=/usr/lib/rabbitmq/bin

# The environment every RabbitMQ command of this broker needs: where it lives, how its tools find it, no system files.
broker_environment() {
  local dir="$1"
  export HOME="$dir" # the Erlang cookie the broker and rabbitmqctl share
  export RABBITMQ_NODENAME="rabbit@localhost"
  export ERL_EPMD_ADDRESS=127.0.0.1
  ERL_EPMD_PORT="$(cat "$dir/epmd.port")"
  export ERL_EPMD_PORT
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
}

start() {
  local dir="$1" port="$2"
  if [[ ! -x "$rabbitmq_bin/rabbitmq-server" ]]; then
    echo "RabbitMQ is not installed; installing Debian's package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade rabbitmq-server >&2
  fi
  mkdir -p "$dir/log" "$dir/mnesia"
  dir="$(cd "$dir" && pwd)"
  touch "$dir/rabbitmq-env.conf" "$dir/rabbitmq.conf"
  echo '[].' >"$dir/advanced.config"
  echo '[].' >"$dir/enabled_plugins"

  # A boot can fail for reasons outside the broker's data (a port taken between our check and the node's bind, seen
  # once in a loaded CI run): each attempt gets fresh epmd and distribution ports, and its log tail is printed.
  local attempt
  for attempt in 1 2 3; do
    if boot "$dir" "$port"; then
      return 0
    fi
    echo "RabbitMQ did not boot on 127.0.0.1:$port (attempt $attempt of 3); the end of its logs:" >&2
    tail -n 15 "$dir/log/server.out" "$dir"/log/*.log 2>/dev/null | sed 's/^/  /' >&2 || true
    stop "$dir" || true
  done
  echo "RabbitMQ did not boot on 127.0.0.1:$port in 3 attempts (logs: $dir/log)" >&2
  return 1
}

# One attempt: epmd and the node on fresh ports; succeeds once the broker has booted, fails as soon as the node exits
# or after 120 s.
boot() {
  local dir="$1" port="$2"
  # Random starting points keep brokers started at the same moment from choosing the same free ports.
  free_port $((20000 + RANDOM % 10000)) >"$dir/epmd.port"
  broker_environment "$dir"
  # Started detached from the caller's output: a test reading this script's output to its end must not wait for epmd.
  setsid epmd -address 127.0.0.1 -port "$ERL_EPMD_PORT" </dev/null >>"$dir/log/epmd.log" 2>&1 &
  echo $! >"$dir/epmd.pid"
  for _ in $(seq 1 100); do
    epmd -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1 && break
    sleep 0.1
  done

  # The node's distribution port is chosen too (RabbitMQ's default, PORT + 20000, may not exist) and kept on loopback.
  (
    cd "$dir"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" \
      RABBITMQ_DIST_PORT="$(free_port $((30000 + RANDOM % 10000)))" \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
      setsid "$rabbitmq_bin/rabbitmq-server" </dev/null >>"$dir/log/server.out" 2>&1 &
    echo $! >"$dir/server.pid"
  )
  "$rabbitmq_bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null 2>&1 &
  local waiter=$!
  while kill -0 "$waiter" 2>/dev/null; do
    if ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
      kill "$waiter" 2>/dev/null || true
      wait "$waiter" 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
  wait "$waiter"
}

stop() {
  local dir="$1" status=0
  if [[ -f "$dir/rabbitmq.pid" ]]; then
    # SIGTERM is a clean shutdown: the broker closes its connections and writes its durable state.
    stop_by_pid RabbitMQ "$(cat "$dir/rabbitmq.pid")" TERM || status=1
    rm -f "$dir/rabbitmq.pid"
  fi
  # The process started for the node, when it never wrote its PID file (a boot that did not complete).
  if [[ -f "$dir/server.pid" ]]; then
    stop_by_pid "RabbitMQ's start" "$(cat "$dir/server.pid")" TERM || status=1
    rm -f "$dir/server.pid"
  fi
  if [[ -f "$dir/epmd.pid" ]]; then
    stop_by_pid epmd "$(cat "$dir/epmd.pid")" TERM || status=1
    rm -f "$dir/epmd.pid"
  fi
  return "$status"
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
