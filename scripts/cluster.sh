#!/usr/bin/env bash
# Several instances of the published Enterprise on one machine, on 127.0.0.1, behind nginx as the load balancer, sharing
# one throwaway PostgreSQL, Redis (cache, its backplane and the rate limits) and RabbitMQ (the integration events).
#   cluster.sh up N [DIR] [--no-build]   publish src/WebApi (Release) into artifacts/cluster/enterprise, start the
#                                        servers, apply the migrations once with the `migrate` command, start N instances
#                                        and wait until each is ready, start nginx; print the balancer's address
#                                        (http://127.0.0.1:PORT) and write DIR/cluster.env for the tests
#   cluster.sh down [DIR]                stop everything the cluster in DIR started, by PID (logs stay in DIR)
#   cluster.sh restart-instance K [DIR]  start instance K (1..N) again with its settings, on its port, after it died or
#                                        was killed (a running one is stopped first), and wait until it is ready
#   cluster.sh bench [--duration S] [--rounds N] [--no-build]
#                                        reads by id through the balancer with 1 and with 2 instances (wrk, 64
#                                        connections; N rounds of S seconds each, default 3 of 10, the best kept);
#                                        prints req/s and req/s per core. A cluster of its own, stopped afterwards
# DIR defaults to artifacts/cluster/state. --no-build publishes the Release build already made (without ReadyToRun), as
# scripts/test.sh does. Needs root for apt-get (nginx, wrk and the servers are installed from Debian when missing) and
# for running PostgreSQL as its own user. nginx runs with its own configuration, logs and PID file in DIR/nginx, never as
# the system's service.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
source scripts/lib/servers.sh
source scripts/lib/enterprise.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

default_dir="$repo/artifacts/cluster/state"
publish_dir="$repo/artifacts/cluster/enterprise"
# The write budget every caller gets, shared by all instances: small, and not refilled within a test run (an hour per
# refill), so the shared-budget test can count it exactly. Reads are not limited in practice (the bench reads through it).
write_budget=20

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

log() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() {
  echo "error: $*" >&2
  exit 1
}

install_from_debian() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null && return
  log "$command is not installed; installing Debian's $package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends --no-upgrade "$package" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends --no-upgrade "$package" >/dev/null; }
}

sql() { "$(psql_bin)" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# ---- Instances ---------------------------------------------------------------------------------------------------
# The settings of an instance on port $1: Production as deployed, everything shared through the servers.
instance_settings() {
  echo ASPNETCORE_ENVIRONMENT=Production
  echo "ASPNETCORE_URLS=http://127.0.0.1:$1"
  echo Database__Provider=PostgreSql
  echo "ConnectionStrings__Enterprise=$connection_string"
  # The runtime setting the image carries (Dockerfile).
  echo DOTNET_TC_CallCountingDelayMs=0
  echo "Authentication__Jwt__Issuer=$jwt_issuer"
  echo "Authentication__Jwt__Audience=$jwt_issuer"
  echo "Authentication__Jwt__SigningKeys__0=$signing_key"
  # On, as in production: the stale-read test needs the backplane to reach every instance's memory.
  echo Caching__Enabled=true
  echo "Redis__ConnectionString=127.0.0.1:$redis_port"
  echo Messaging__Transport=RabbitMq
  echo "Messaging__RabbitMq__ConnectionString=$rabbitmq_url"
  # Rows claimed by an instance killed mid-batch are claimed again after this, not after the default minute.
  echo Messaging__LeaseDuration=00:00:10
  # nginx connects from 127.0.0.1: trust its X-Forwarded-For, so anonymous callers are told apart by their address.
  echo ForwardedHeaders__KnownProxies__0=127.0.0.1
  echo RateLimiting__Reads__TokenLimit=1000000000
  echo RateLimiting__Reads__TokensPerPeriod=1000000000
  echo "RateLimiting__Writes__TokenLimit=$write_budget"
  echo "RateLimiting__Writes__TokensPerPeriod=$write_budget"
  echo RateLimiting__Writes__ReplenishmentPeriod=01:00:00
}

# Starts instance $2 of the cluster in $1 with the settings in its env file; detached, so it outlives this script.
start_instance() {
  local dir="$1" index="$2" environment
  mapfile -t environment <"$dir/instance-$index.env"
  # From the publish directory, as deployed: it is the content root, where appsettings.json is read from.
  (cd "$publish_dir" && exec env "${environment[@]}" setsid "${deployed_api_command[@]}" </dev/null >>"$dir/instance-$index.log" 2>&1) &
  echo $! >"$dir/instance-$index.pid"
}

# Waits until instance $2 of the cluster in $1 answers /health/ready with 200 (database, cache and broker checked).
wait_instance_ready() {
  local dir="$1" index="$2"
  wait_until_answers "$(cat "$dir/instance-$index.port")" /health/ready "$(cat "$dir/instance-$index.pid")" "$dir/instance-$index.log" ||
    fail "instance $index did not become ready"
}

stop_instance() {
  local dir="$1" index="$2" pid
  [[ -f "$dir/instance-$index.pid" ]] || return 0
  pid="$(cat "$dir/instance-$index.pid")"
  stop_by_pid "instance $index" "$pid" TERM || stop_by_pid "instance $index" "$pid" KILL
  rm -f "$dir/instance-$index.pid"
}

# ---- Balancer ----------------------------------------------------------------------------------------------------
# nginx's configuration for the cluster in $1: the balancer on port $2, an upstream of the instances numbered $3...
write_nginx_config() {
  local dir="$1" port="$2" index servers=""
  shift 2
  for index in "$@"; do
    # Passive health: one failed attempt (no connection, a broken response, a timeout) takes the instance out of the
    # rotation for 5 s; then one request tries it again.
    servers+="    server 127.0.0.1:$(cat "$dir/instance-$index.port") max_fails=1 fail_timeout=5s;"$'\n'
  done
  cat >"$dir/nginx/nginx.conf" <<EOF
# Written by scripts/cluster.sh; nginx runs from $dir/nginx, not as the system's service.
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events {
    worker_connections 4096;
}
http {
    # Which instance answered each request, and how: the cluster tests read it.
    log_format cluster '\$msec|\$request_method|\$request_uri|\$status|\$upstream_addr|\$upstream_status|\$http_user_agent';
    access_log $dir/nginx/access.log cluster;
    client_body_temp_path $dir/nginx/client-body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;

    upstream enterprise {
        # Shared by the workers: an instance one worker saw fail is skipped by all of them.
        zone enterprise 64k;
$servers        # Idle connections kept open to the instances, per worker: no TCP handshake per request.
        keepalive 32;
    }

    server {
        listen 127.0.0.1:$port;
        # Writes go to @writes, which has nginx's own retry rule for non-idempotent requests.
        error_page 418 = @writes;
        if (\$request_method !~ ^(GET|HEAD)\$) {
            return 418;
        }

        location / {
            proxy_pass http://enterprise;
            # A read that failed on one instance (it died, refused, or answered 502-504) is sent to another: reads
            # change nothing, so sending one twice is safe.
            proxy_next_upstream error timeout http_502 http_503 http_504;
            include $dir/nginx/proxy.conf;
        }

        location @writes {
            proxy_pass http://enterprise;
            # Only when the instance could not be reached: nginx never sends a POST or PATCH again once it reached an
            # instance (no non_idempotent here), so a write that may have been applied is answered 502, not repeated
            # (the client repeats it, with its Idempotency-Key). A PUT or DELETE may be sent again after a broken
            # answer: a PUT carries If-Match, so a repeat of an applied one gets 412, never a second write.
            proxy_next_upstream error timeout;
            include $dir/nginx/proxy.conf;
        }
    }
}
EOF
  cat >"$dir/nginx/proxy.conf" <<'EOF'
proxy_http_version 1.1;
proxy_set_header Connection "";
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
proxy_set_header X-Forwarded-Proto $scheme;
proxy_connect_timeout 2s;
# Longer than the instances' own request timeout (RequestTimeouts:Default, 30 s), which answers 504 itself.
proxy_read_timeout 35s;
proxy_next_upstream_tries 2;
EOF
}

start_nginx() {
  local dir="$1" port="$2"
  # -e: the error log before the configuration is read, so nothing is written under /var/log/nginx.
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log"
  for _ in $(seq 1 100); do
    answers_ok "$port" /health/live 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$dir/nginx/error.log" >&2
  fail "nginx did not answer on 127.0.0.1:$port in 10 s"
}

# nginx reads its configuration again (SIGHUP): new workers with the new upstream, the old ones finish their requests.
reload_nginx() {
  local dir="$1" port="$2"
  kill -HUP "$(cat "$dir/nginx/nginx.pid")"
  sleep 1
  answers_ok "$port" /health/live || fail "nginx did not answer after reloading its configuration"
}

# ---- Up and down -------------------------------------------------------------------------------------------------
up() {
  local count="$1" dir="$2" build="$3" index port balancer_port
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || fail "N must be a whole number of instances, at least 1, not '$count'"
  [[ ! -f "$dir/cluster.env" ]] || fail "a cluster already runs from $dir: scripts/cluster.sh down $dir first"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # What an earlier cluster left here (its logs, its database): this one starts empty.
  rm -rf "$dir/postgres" "$dir/redis" "$dir/rabbitmq" "$dir/nginx" "$dir"/instance-* "$dir/logs"
  mkdir -p "$dir/nginx" "$dir/logs"
  # PostgreSQL runs as its own user, nginx's workers as theirs: both must reach their directories inside.
  chmod 755 "$dir"
  # Whatever fails from here on, what was started is stopped; the caller's own trap comes back once all is up.
  local callers_trap
  callers_trap="$(trap -p EXIT)"
  trap 'down "'"$dir"'" >/dev/null 2>&1 || true' EXIT
  install_from_debian nginx nginx

  pg_port="$(free_port 55432)"
  redis_port="$(free_port 56379)"
  local rabbitmq_port
  rabbitmq_port="$(free_port 45672)"
  log "starting PostgreSQL, Redis and RabbitMQ while Enterprise is published"
  scripts/postgres.sh start "$dir/postgres" "$pg_port" >"$dir/logs/postgres-start.log" 2>&1 &
  local postgres_starting=$!
  scripts/redis.sh start "$dir/redis" "$redis_port" >"$dir/logs/redis-start.log" 2>&1 &
  local redis_starting=$!
  scripts/rabbitmq.sh start "$dir/rabbitmq" "$rabbitmq_port" >"$dir/logs/rabbitmq-start.log" 2>&1 &
  local rabbitmq_starting=$!
  log "publishing Enterprise (Release$([[ "$build" == true ]] && echo ', ReadyToRun' || echo ', without ReadyToRun: --no-build')) to artifacts/cluster/enterprise"
  publish_webapi "$publish_dir" "$build" "$dir/logs/publish.log" || fail "dotnet publish failed"
  wait "$postgres_starting" || { cat "$dir/logs/postgres-start.log" >&2; fail "PostgreSQL did not start"; }
  wait "$redis_starting" || { cat "$dir/logs/redis-start.log" >&2; fail "Redis did not start"; }
  wait "$rabbitmq_starting" || { cat "$dir/logs/rabbitmq-start.log" >&2; fail "RabbitMQ did not start"; }

  sql -d postgres -c 'CREATE DATABASE enterprise'
  connection_string="Host=127.0.0.1;Port=$pg_port;Database=enterprise;Username=postgres"
  log "applying the migrations once, with the migrate command, before any instance starts"
  migrate_postgres "$publish_dir" "$connection_string" "$dir/logs/migrate.log" || fail "the migrate command failed"

  rabbitmq_url="amqp://guest:guest@127.0.0.1:$rabbitmq_port/"
  jwt_issuer=enterprise-cluster
  signing_key="$(head -c 48 /dev/urandom | base64 -w0)"
  port=18100
  for index in $(seq 1 "$count"); do
    port="$(free_port $((port + 1)))"
    echo "$port" >"$dir/instance-$index.port"
    instance_settings "$port" >"$dir/instance-$index.env"
    start_instance "$dir" "$index"
  done
  log "waiting until the $count instance(s) are ready"
  for index in $(seq 1 "$count"); do wait_instance_ready "$dir" "$index"; done

  balancer_port="$(free_port 18080)"
  write_nginx_config "$dir" "$balancer_port" $(seq 1 "$count")
  start_nginx "$dir" "$balancer_port"

  {
    echo "BALANCER_URL='http://127.0.0.1:$balancer_port'"
    echo "BALANCER_PORT='$balancer_port'"
    echo "BALANCER_ACCESS_LOG='$dir/nginx/access.log'"
    echo "INSTANCE_COUNT='$count'"
    for index in $(seq 1 "$count"); do
      echo "INSTANCE_${index}_URL='http://127.0.0.1:$(cat "$dir/instance-$index.port")'"
      echo "INSTANCE_${index}_PID='$(cat "$dir/instance-$index.pid")'"
      echo "INSTANCE_${index}_LOG='$dir/instance-$index.log'"
    done
    echo "POSTGRES_CONNECTION_STRING='$connection_string'"
    echo "REDIS='127.0.0.1:$redis_port'"
    echo "RABBITMQ_URL='$rabbitmq_url'"
    echo "JWT_ISSUER='$jwt_issuer'"
    echo "JWT_AUDIENCE='$jwt_issuer'"
    echo "JWT_SIGNING_KEY='$signing_key'"
    echo "WRITE_BUDGET='$write_budget'"
    echo "CLUSTER_SCRIPT='$repo/scripts/cluster.sh'"
    echo "STATE_DIR='$dir'"
  } >"$dir/cluster.env"
  eval "${callers_trap:-trap - EXIT}"
  log "$count instance(s) behind nginx; state in $dir/cluster.env"
  echo "http://127.0.0.1:$balancer_port"
}

down() {
  local dir="$1" status=0 pid_file index pid stopping=()
  [[ -d "$dir" ]] || return 0
  # In parallel, since each stop waits for its process: the instances and nginx first, then the servers they used.
  for pid_file in "$dir"/instance-*.pid; do
    [[ -f "$pid_file" ]] || continue
    index="${pid_file##*/instance-}"
    stop_instance "$dir" "${index%.pid}" &
    stopping+=($!)
  done
  if [[ -f "$dir/nginx/nginx.pid" ]]; then
    stop_by_pid nginx "$(cat "$dir/nginx/nginx.pid")" TERM &
    stopping+=($!)
  fi
  for pid in "${stopping[@]}"; do wait "$pid" || status=1; done
  stopping=()
  scripts/rabbitmq.sh stop "$dir/rabbitmq" &
  stopping+=($!)
  scripts/redis.sh stop "$dir/redis" &
  stopping+=($!)
  scripts/postgres.sh stop "$dir/postgres" &
  stopping+=($!)
  for pid in "${stopping[@]}"; do wait "$pid" || status=1; done
  rm -f "$dir/cluster.env"
  return "$status"
}

restart_instance() {
  local index="$1" dir="$2"
  [[ -f "$dir/cluster.env" ]] || fail "no cluster runs from $dir"
  [[ -f "$dir/instance-$index.env" ]] || fail "the cluster in $dir has no instance $index"
  dir="$(cd "$dir" && pwd)"
  stop_instance "$dir" "$index"
  start_instance "$dir" "$index"
  wait_instance_ready "$dir" "$index"
  sed -i "s/^INSTANCE_${index}_PID=.*/INSTANCE_${index}_PID='$(cat "$dir/instance-$index.pid")'/" "$dir/cluster.env"
  log "instance $index is ready again (PID $(cat "$dir/instance-$index.pid"))"
}

# ---- Bench -------------------------------------------------------------------------------------------------------
# wrk's reads by id through the balancer on port $1 for $2 seconds: prints "REQ/S P99_MS ERRORS" (errors: connections
# refused, broken or timed out after 5 s, which a machine busy with other work can cause); a non-2xx answer fails.
measure() {
  local port="$1" seconds="$2" ids="$3" output
  output="$(BENCH_MODE=by-id BENCH_IDS="$ids" wrk -t1 -c64 -d"${seconds}s" --timeout 5s -s bench/lib/load.lua "http://127.0.0.1:$port")" ||
    fail "wrk failed: $output"
  awk '/^result / { for (i = 2; i <= NF; i++) { split($i, pair, "="); value[pair[1]] = pair[2] }
    if (value["non2xx"] > 0) { print "error: " value["non2xx"] " non-2xx answers" > "/dev/stderr"; exit 1 }
    printf "%.0f %s %d\n", value["requests"] / value["seconds"], value["p99_ms"], value["errors"] }' <<<"$output"
}

# One line of the report: $1 instances measured as "REQ/S P99_MS ERRORS" ($2) on $3 cores.
report_line() {
  local rps p99 errors
  read -r rps p99 errors <<<"$2"
  printf '  %s instance(s): %6d req/s, %5d req/s per core, p99 %s ms, %d errors\n' "$1" "$rps" $((rps / $3)) "$p99" "$errors"
}

bench() {
  local duration="$1" rounds="$2" build="$3" dir port single both cores load_before
  install_from_debian wrk wrk
  dir="$(mktemp -d /tmp/enterprise-cluster-bench.XXXXXX)"
  trap 'down "'"$dir"'" || true; rm -rf "'"$dir"'"' EXIT
  up 2 "$dir" "$build" >/dev/null
  # shellcheck source=/dev/null
  source "$dir/cluster.env"
  port="$BALANCER_PORT"
  pg_port="$(sed -n 's/.*Port=\([0-9]*\);.*/\1/p' <<<"$POSTGRES_CONNECTION_STRING")"
  log "inserting the benchmark's 10000 products (bench/lib/seed.sql)"
  sql -d enterprise -v products=10000 -f bench/lib/seed.sql >/dev/null
  sql -d enterprise -v count=1000 -f bench/lib/ids.sql >"$dir/ids.txt"
  cores="$(nproc)"
  load_before="$(cut -d' ' -f1 /proc/loadavg)"

  log "warming both instances through the balancer (${duration} s)"
  measure "$port" "$duration" "$dir/ids.txt" >/dev/null
  # Rounds alternate one and two instances; the best of each is kept, since other work on the machine (and the JIT
  # still compiling in the first round) only ever slows a round down.
  local round instances result
  local -A best=()
  for round in $(seq 1 "$rounds"); do
    for instances in 1 2; do
      write_nginx_config "$dir" "$port" $(seq 1 "$instances")
      reload_nginx "$dir" "$port"
      log "round $round of $rounds: $instances instance(s) behind nginx, reads by id for ${duration} s"
      result="$(measure "$port" "$duration" "$dir/ids.txt")"
      [[ -n "${best[$instances]:-}" && "${best[$instances]%% *}" -ge "${result%% *}" ]] || best[$instances]="$result"
    done
  done
  single="${best[1]}"
  both="${best[2]}"

  echo "Reads by id (GET /api/v2/products/{id}, cached, wrk with 64 connections) through nginx, best of $rounds rounds of ${duration} s, on a"
  echo "$cores-core machine (load average before: $load_before) that wrk, nginx, the instances, PostgreSQL, Redis and RabbitMQ share:"
  report_line 1 "$single" "$cores"
  report_line 2 "$both" "$cores"
  echo "  2 instances / 1 instance: $(awk -v a="${both%% *}" -v b="${single%% *}" 'BEGIN { printf "%.2f", a / b }')x"
}

# ---- Command line ------------------------------------------------------------------------------------------------
command="${1:-}"
[[ $# -gt 0 ]] && shift
build=true
positional=()
duration=10
rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=false; shift ;;
    --duration | --rounds)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage
      [[ "$1" == --duration ]] && duration="$2" || rounds="$2"
      shift 2
      ;;
    -*) usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
case "$command" in
  up) [[ ${#positional[@]} -ge 1 && ${#positional[@]} -le 2 ]] || usage; up "${positional[0]}" "${positional[1]:-$default_dir}" "$build" ;;
  down) [[ ${#positional[@]} -le 1 ]] || usage; down "${positional[0]:-$default_dir}" ;;
  restart-instance) [[ ${#positional[@]} -ge 1 && ${#positional[@]} -le 2 ]] || usage; restart_instance "${positional[0]}" "${positional[1]:-$default_dir}" ;;
  bench) [[ ${#positional[@]} -eq 0 ]] || usage; bench "$duration" "$rounds" "$build" ;;
  *) usage ;;
esac
