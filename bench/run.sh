#!/usr/bin/env bash
# Enterprise v2 against Fastify + node-postgres and NestJS + TypeORM (on Express and on Fastify), on one PostgreSQL,
# reading the same 10,000 products. One command: installs wrk (Debian) and the Node peers (npm ci from their lock
# files), publishes Enterprise (Release), starts a throwaway PostgreSQL with Enterprise's schema, checks that every
# server returns the same JSON, measures, writes docs/performance.md, and exits non-zero when a target is missed.
#
#   bench/run.sh [options]
#     --smoke                 the whole path with tiny durations (CI): no targets, writes no docs/performance.md
#     --warmup S              seconds of load after each server starts, before the rounds (default 70: .NET's tiered
#                             compilation and dynamic PGO keep speeding up for about a minute)
#     --first-window S        the "fast from the start" window: requests served in the first S seconds after the
#                             process starts, no warm-up before (default 30)
#     --slice S               length of each load slice during the warm-up, the resolution of the warm-up curve (default 5)
#     --duration S            seconds per measurement in each round and in the connections mode (default 10)
#     --rounds N              interleaved rounds; the tables show medians (default 3)
#     --connections LIST      also hold each count of idle keep-alive connections (e.g. 1000,5000,15000) while
#                             measuring throughput and memory; derives the memory for 50,000
#     --cached-env NAME=VALUE start a second Enterprise with this setting added (repeatable; Caching__Enabled=true switches
#                             its cache on; the first runs with Caching__Enabled=false) and require its by-id reads at 1.5x Fastify + node-postgres
#     --servers LIST          only these servers, comma-separated, of enterprise, fastify-pg, nest-express, nest-fastify
#                             and enterprise-cached (needs --cached-env); default all; ratios and targets that need a
#                             server left out are not reported (e.g. --servers enterprise --warmup 30 --rounds 1: the
#                             start of Enterprise alone)
#     --enterprise-env NAME=VALUE  add this setting to every Enterprise server (repeatable), e.g. Warmup__Enabled=false
#                             or DOTNET_TieredPGO=0, to measure a setting against the defaults
#     --no-targets            report the ratios without failing when one is below its target
#     --output FILE           where the report goes (default docs/performance.md; with --smoke the work directory)
#     --no-build              publish Enterprise without building it (after a Release build, as scripts/test.sh does);
#                             that publish is without ReadyToRun, which needs a build for the runtime identifier
#     --published DIR         measure the Enterprise already published in DIR instead of publishing (to compare builds)
#     --products N            products in the table (default 10000)
#     --ids N                 product ids the load generator picks from at random (default 1000)
#     --server-cpu N          core the server under test runs on (default 0)
#     --load-cpu N            core wrk, PostgreSQL and the connection holder run on (default 1)
#     --keep-work             keep the work directory (server logs, raw results) instead of deleting it
#
# Needs root for apt-get (wrk, and PostgreSQL when missing) and for running PostgreSQL as its own user. Everything
# listens on 127.0.0.1, on free ports; every process started here is stopped by its PID when the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
bench="$repo/bench"
source "$repo/scripts/lib/servers.sh"
source "$repo/scripts/lib/enterprise.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

smoke=false warmup=70 first_window=30 slice=5 duration=10 rounds=3 connections="" enforce=true output=""
build=true products=10000 id_count=1000 server_cpu=0 load_cpu=1 keep_work=false
cached_env=() enterprise_env=() only_servers="" published=""
arguments=("$@")
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=true; shift ;;
    --no-targets) enforce=false; shift ;;
    --no-build) build=false; shift ;;
    --keep-work) keep_work=true; shift ;;
    --warmup | --first-window | --slice | --duration | --rounds | --connections | --cached-env | --enterprise-env | --servers | --published | --output | --products | --ids | --server-cpu | --load-cpu)
      [[ $# -ge 2 ]] || usage
      case "$1" in
        --warmup) warmup="$2" ;;
        --first-window) first_window="$2" ;;
        --slice) slice="$2" ;;
        --duration) duration="$2" ;;
        --rounds) rounds="$2" ;;
        --connections) connections="$2" ;;
        --cached-env) cached_env+=("$2") ;;
        --enterprise-env) enterprise_env+=("$2") ;;
        --servers) only_servers="$2" ;;
        --published) published="$2" ;;
        --output) output="$2" ;;
        --products) products="$2" ;;
        --ids) id_count="$2" ;;
        --server-cpu) server_cpu="$2" ;;
        --load-cpu) load_cpu="$2" ;;
      esac
      shift 2
      ;;
    *) usage ;;
  esac
done

if [[ "$smoke" == true ]]; then
  # Every step once, each as short as it can be: what CI checks is that the path works, not the numbers.
  warmup=2 first_window=2 slice=1 duration=1 rounds=1 enforce=false
  connections="${connections:-50}"
fi
for number in "$warmup" "$first_window" "$slice" "$duration" "$rounds" "$products" "$id_count" "$server_cpu" "$load_cpu"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "error: '$number' is not a whole number" >&2; usage; }
done
[[ "$first_window" -ge 1 && "$slice" -ge 1 && "$duration" -ge 1 && "$rounds" -ge 1 && "$products" -ge 100 && "$id_count" -ge 1 ]] ||
  { echo "error: --first-window, --slice, --duration, --rounds and --ids must be at least 1, --products at least 100" >&2; exit 2; }
[[ -z "$connections" || "$connections" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "error: --connections takes counts such as 1000,5000,15000" >&2; exit 2; }
descriptor_limit="$(ulimit -Hn)"
for count in ${connections//,/ }; do
  # The server needs a descriptor per connection, plus wrk's 64 and a few hundred of its own.
  [[ "$count" -ge 1 && ("$descriptor_limit" == unlimited || "$count" -le $((descriptor_limit - 1000))) ]] ||
    { echo "error: --connections $count: between 1 and the descriptor limit (ulimit -Hn: $descriptor_limit) minus 1000" >&2; exit 2; }
done
for setting in "${cached_env[@]}" "${enterprise_env[@]}"; do
  [[ "$setting" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { echo "error: --cached-env and --enterprise-env take NAME=VALUE, not '$setting'" >&2; exit 2; }
done
servers=(enterprise fastify-pg nest-express nest-fastify)
[[ ${#cached_env[@]} -eq 0 ]] || servers+=(enterprise-cached)
if [[ -n "$only_servers" ]]; then
  selected=()
  for name in ${only_servers//,/ }; do
    [[ " ${servers[*]} " == *" $name "* ]] ||
      { echo "error: --servers: '$name' is not one of: ${servers[*]} (enterprise-cached needs --cached-env)" >&2; exit 2; }
    [[ " ${selected[*]} " == *" $name "* ]] || selected+=("$name")
  done
  servers=("${selected[@]}")
fi
cpus="$(nproc)"
if [[ "$server_cpu" -ge "$cpus" || "$load_cpu" -ge "$cpus" ]]; then
  echo "error: this machine has $cpus CPU(s); --server-cpu and --load-cpu must be below that" >&2
  exit 2
fi
[[ "$server_cpu" != "$load_cpu" ]] || echo "warning: the server and the load generator share CPU $server_cpu: numbers are not comparable" >&2

work="$(mktemp -d /tmp/enterprise-bench.XXXXXX)"
# PostgreSQL runs as its own user and needs to reach its data directory inside.
chmod 755 "$work"
mkdir -p "$work/logs"
if [[ -z "$output" ]]; then
  if [[ "$smoke" == true ]]; then output="$work/performance.md"; else output="$repo/docs/performance.md"; fi
fi
results="$work/results.jsonl"
: >"$results"

declare -A pids=() ports=()
pg_dir="$work/postgres"
holder_pid=""
# When each server was started, when it first answered a read (the JSON check's servers), its readiness watcher.
declare -A started_at=() answered_after=() readiness_watchers=()

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() {
  echo "error: $*" >&2
  exit 1
}

cleanup() {
  local status=$?
  [[ -z "$holder_pid" ]] || stop_by_pid "connection holder" "$holder_pid" TERM || true
  for name in "${!readiness_watchers[@]}"; do stop_readiness_watcher "$name"; done
  for name in "${!pids[@]}"; do
    stop_by_pid "$name" "${pids[$name]}" TERM || stop_by_pid "$name" "${pids[$name]}" KILL || true
  done
  [[ ! -f "$pg_dir/postmaster.pid" ]] || "$repo/scripts/postgres.sh" stop "$pg_dir" || true
  if [[ "$keep_work" == true || $status -ne 0 ]]; then
    echo "Work directory kept: $work (server logs in logs/, raw results in results.jsonl)" >&2
  else
    rm -rf "$work"
    [[ "$output" != "$work"/* ]] || echo "(the smoke run's report went with its work directory: keep it with --keep-work or --output FILE)"
  fi
  exit $status
}
trap cleanup EXIT
trap 'echo "error: bench/run.sh stopped at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

now() { date +%s.%N; }
# Seconds from $1 (a now) until now, to the millisecond.
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.3f", to - from }'; }

# ---- Tools -------------------------------------------------------------------------------------------------------
install_wrk() {
  command -v wrk >/dev/null && return
  log "installing wrk (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends --no-upgrade wrk >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends --no-upgrade wrk >/dev/null; }
}

# npm ci when node_modules was not installed from the committed lock file; the Nest peer is compiled when its
# sources or dependencies changed.
install_peer() {
  local dir="$bench/peers/$1" stamp lock
  stamp="$dir/node_modules/.installed-from-lock"
  lock="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ "$(cat "$stamp" 2>/dev/null)" != "$lock" ]]; then
    log "npm ci in bench/peers/$1"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$lock" >"$stamp"
  fi
  if [[ -f "$dir/tsconfig.json" ]] &&
    [[ ! -f "$dir/dist/main.js" || -n "$(find "$dir/src" "$bench/peers/shared" "$stamp" -newer "$dir/dist/main.js" -print -quit)" ]]; then
    log "compiling bench/peers/$1"
    (cd "$dir" && rm -rf dist && npx tsc -p tsconfig.json)
  fi
}

# The peers the selected servers need, installed in the background; wait_for_peer_installs waits for them.
peer_installs=()
start_peer_installs() {
  local peer
  for peer in fastify-pg nest-typeorm; do
    [[ " ${servers[*]} " == *" ${peer%-typeorm}"* ]] || continue
    install_peer "$peer" >"$work/logs/install-$peer.log" 2>&1 &
    peer_installs+=("$peer=$!")
  done
}

wait_for_peer_installs() {
  local install
  for install in "${peer_installs[@]}"; do
    wait "${install#*=}" || { cat "$work/logs/install-${install%=*}.log" >&2; fail "installing bench/peers/${install%=*} failed"; }
    cat "$work/logs/install-${install%=*}.log"
  done
}

publish_dir="$repo/artifacts/bench/enterprise"
publish_enterprise() {
  if [[ -n "$published" ]]; then
    [[ -f "$published/Enterprise.WebApi.dll" ]] || fail "--published $published: no Enterprise.WebApi.dll there"
    publish_dir="$(cd "$published" && pwd)"
    log "measuring Enterprise as published in $publish_dir"
    return
  fi
  if [[ "$build" == true ]]; then
    log "publishing Enterprise (Release, ReadyToRun) to artifacts/bench/enterprise"
  else
    log "publishing Enterprise (Release, without ReadyToRun: --no-build) to artifacts/bench/enterprise"
  fi
  publish_webapi "$publish_dir" "$build" "$work/logs/publish.log" || fail "dotnet publish failed"
}

# ---- Database ----------------------------------------------------------------------------------------------------
sql() { "$(psql_bin)" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# Started in the background while Enterprise is published (neither needs the other); start_database waits for it.
start_postgres() {
  pg_port="$(free_port 55432)"
  log "starting PostgreSQL on 127.0.0.1:$pg_port (CPU $load_cpu) while Enterprise is published"
  taskset -c "$load_cpu" "$repo/scripts/postgres.sh" start "$pg_dir" "$pg_port" >"$work/logs/postgres-start.log" 2>&1 &
  pg_starting=$!
}

start_database() {
  wait "$pg_starting" || { cat "$work/logs/postgres-start.log" >&2; fail "PostgreSQL did not start"; }
  sql -d postgres -c 'CREATE DATABASE enterprise'
  connection_string="Host=127.0.0.1;Port=$pg_port;Database=enterprise;Username=postgres"
  database_url="postgres://postgres@127.0.0.1:$pg_port/enterprise"

  log "creating Enterprise's schema with its migrations"
  migrate_postgres "$publish_dir" "$connection_string" "$work/logs/migrate.log" || fail "the migrate command failed"

  log "inserting $products products"
  sql -d enterprise -v products="$products" -f "$bench/lib/seed.sql" >/dev/null
  sql -d enterprise -v count="$id_count" -f "$bench/lib/ids.sql" >"$work/ids.txt"
  { head -n 20 "$work/ids.txt" && sql -d enterprise -f "$bench/lib/edge-ids.sql"; } >"$work/compared-ids.txt"
  first_id="$(head -n 1 "$work/ids.txt")"
  archived_id="$(sql -d enterprise -c "SELECT \"Id\" FROM catalog.\"Products\" WHERE \"Status\" = 'Archived' LIMIT 1")"
  [[ -n "$first_id" && -n "$archived_id" ]] || fail "the seed left no active or no archived product"
}

# ---- Servers -----------------------------------------------------------------------------------------------------
enterprise_settings() {
  # Production as deployed: JWT validation configured (a key made for this run), rate limits too high to reject.
  echo ASPNETCORE_ENVIRONMENT=Production
  echo "ASPNETCORE_URLS=http://127.0.0.1:$1"
  # The runtime setting the image carries (Dockerfile), measured as shipped.
  echo DOTNET_TC_CallCountingDelayMs=0
  echo Database__Provider=PostgreSql
  echo "ConnectionStrings__Enterprise=$connection_string"
  echo Authentication__Jwt__Issuer=enterprise-bench
  echo Authentication__Jwt__Audience=enterprise-bench
  echo "Authentication__Jwt__SigningKeys__0=$signing_key"
  # The plain server measures the uncached pipeline; --cached-env Caching__Enabled=true adds the cached one.
  echo Caching__Enabled=false
  local bucket
  for bucket in Reads Writes; do
    echo "RateLimiting__${bucket}__TokenLimit=1000000000"
    echo "RateLimiting__${bucket}__TokensPerPeriod=1000000000"
  done
}

# Starts NAME on CPUS (the server's core unless given) at a free port.
start_server() {
  local name="$1" cpus="${2:-$server_cpu}" port environment=()
  port="$(free_port $((${last_port:-18080} + 1)))"
  last_port="$port"
  ports[$name]="$port"
  started_at[$name]="$(now)"
  case "$name" in
    enterprise | enterprise-cached)
      mapfile -t environment < <(enterprise_settings "$port")
      environment+=("${enterprise_env[@]}")
      [[ "$name" == enterprise ]] || environment+=("${cached_env[@]}")
      # From the publish directory, as deployed: it is the content root, where appsettings.json is read from.
      (cd "$publish_dir" && exec env "${environment[@]}" taskset -c "$cpus" "${deployed_api_command[@]}" >>"$work/logs/$name.log" 2>&1) &
      ;;
    fastify-pg)
      env NODE_ENV=production PORT="$port" DATABASE_URL="$database_url" \
        taskset -c "$cpus" node "$bench/peers/fastify-pg/server.mjs" >>"$work/logs/$name.log" 2>&1 &
      ;;
    nest-express | nest-fastify)
      env NODE_ENV=production PLATFORM="${name#nest-}" PORT="$port" DATABASE_URL="$database_url" \
        taskset -c "$cpus" node "$bench/peers/nest-typeorm/dist/main.js" >>"$work/logs/$name.log" 2>&1 &
      ;;
  esac
  pids[$name]=$!
  [[ "$name" != enterprise* ]] || watch_readiness "$name"
}

# Waits until the server answers a product read with 200; prints the seconds since $2 (its start).
wait_ready() {
  local name="$1" started="$2"
  wait_until_answers "${ports[$name]}" "/api/v2/products/$first_id" "${pids[$name]}" "$work/logs/$name.log" || fail "$name did not start"
  since "$started"
}

# ---- Load --------------------------------------------------------------------------------------------------------
# Runs wrk against a server and prints the load script's result line (requests=... seconds=... ...) and the
# server's resident memory afterwards (rss_kb=...).
load() {
  local name="$1" mode="$2" seconds="$3" output
  output="$(BENCH_MODE="$mode" BENCH_IDS="$work/ids.txt" taskset -c "$load_cpu" \
    wrk -t1 -c64 -d"${seconds}s" --timeout 5s -s "$bench/lib/load.lua" "http://127.0.0.1:${ports[$name]}")" ||
    fail "wrk failed against $name: $output"
  kill -0 "${pids[$name]}" 2>/dev/null || { tail -n 30 "$work/logs/$name.log" >&2; fail "$name exited under load"; }
  count_log_errors "$name"
  echo "$(grep '^result ' <<<"$output" | cut -d' ' -f2-) rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/${pids[$name]}/status")"
}

# Enterprise logs every request (two events at Information, a few GB over a full run): the error events are counted
# and the log emptied after each load. The server appends (>>), so it goes on writing at the new end.
count_log_errors() {
  local log="$work/logs/$1.log"
  [[ -s "$log" ]] || return 0
  # Compact JSON log events carry "@l" only when the level is above Information.
  grep -c '"@l":"\(Error\|Fatal\)"' "$log" >>"$work/logs/$1.errors" || true
  : >"$log"
}

# Appends one JSON record to the results: record KIND SERVER ENDPOINT "key=value ..." (numbers).
record() {
  local fields="" pair
  for pair in $4; do fields+=",\"${pair%%=*}\":${pair#*=}"; done
  printf '{"kind":"%s","server":"%s","endpoint":"%s"%s}\n' "$1" "$2" "$3" "$fields" >>"$results"
}

# Starts the server, loads it from the moment it answers (reads by id until the first window ends, then lists and
# reads by id in turn, slice by slice) until the warm-up is over and both reads have run; every slice is recorded
# with its end time.
start_and_warm() {
  log "starting $1 (CPU $server_cpu)"
  start_server "$1"
  warm "$1"
}

# The load of start_and_warm on a server already started (the smoke run goes on with the JSON check's servers).
warm() {
  local name="$1" started="${started_at[$1]}" ready elapsed seconds endpoint=by-id result
  local -A loaded=()
  ready="${answered_after[$name]:-$(wait_ready "$name" "$started")}"
  log "loading $name until ${warmup} s after its start (it answered after $ready s)"
  while :; do
    elapsed="$(since "$started")"
    if awk -v e="$elapsed" -v w="$first_window" 'BEGIN { exit !(e < w) }'; then
      endpoint=by-id
      # Stops at the window's end (wrk takes whole seconds), so the window's count holds no later request.
      seconds="$(awk -v e="$elapsed" -v w="$first_window" -v s="$slice" 'BEGIN { r = int(w - e); print (r < s ? r : s) }')"
      [[ "$seconds" -ge 1 ]] || { sleep "$(awk -v e="$elapsed" -v w="$first_window" 'BEGIN { print w - e }')"; continue; }
    else
      awk -v e="$elapsed" -v w="$warmup" 'BEGIN { exit !(e < w) }' || [[ ${#loaded[@]} -lt 2 ]] || break
      [[ "$endpoint" == by-id ]] && endpoint=list || endpoint=by-id
      seconds="$slice"
    fi
    result="$(load "$name" "$endpoint" "$seconds")"
    loaded[$endpoint]=1
    record slice "$name" "$endpoint" "$result end_seconds=$(since "$started") first_window=$(awk -v e="$elapsed" -v w="$first_window" 'BEGIN { print (e < w ? 1 : 0) }')"
  done
  stop_readiness_watcher "$name"
  [[ ! -s "$work/$name.healthy" ]] || ready+=" healthy_seconds=$(cat "$work/$name.healthy")"
  record start "$name" none "ready_seconds=$ready"
}

# Enterprise answers reads before /health/ready turns 200 (its warm-up runs first): polls readiness in the background
# from the process start, so the report can show both.
watch_readiness() {
  local name="$1"
  rm -f "$work/$name.healthy"
  (
    until answers_ok "${ports[$name]}" /health/ready 2>/dev/null; do sleep 0.1; done
    since "${started_at[$name]}" >"$work/$name.healthy"
  ) &
  readiness_watchers[$name]=$!
}

# Stops NAME's watcher if readiness did not turn 200 by now; the report then shows none.
stop_readiness_watcher() {
  [[ -n "${readiness_watchers[$1]:-}" ]] || return 0
  stop_by_pid "readiness watcher" "${readiness_watchers[$1]}" TERM || true
  unset "readiness_watchers[$1]"
}

# Reads by id while COUNT idle keep-alive connections are held open, then records throughput and resident memory.
with_idle_connections() {
  local name="$1" count="$2" held result
  taskset -c "$load_cpu" node "$bench/lib/hold-connections.mjs" "${ports[$name]}" "$count" "/api/v2/products/$first_id" \
    >"$work/holder.out" 2>&1 &
  holder_pid=$!
  for _ in $(seq 1 1200); do
    grep -q '^holding' "$work/holder.out" && break
    kill -0 "$holder_pid" 2>/dev/null || { cat "$work/holder.out" >&2; fail "could not hold $count connections to $name"; }
    sleep 0.1
  done
  grep -q '^holding' "$work/holder.out" || fail "$count connections to $name were not open after 120 s"
  result="$(load "$name" by-id "$duration")"
  kill -TERM "$holder_pid"
  wait "$holder_pid" || true
  holder_pid=""
  held="$(awk '/^held/ { print $2 }' "$work/holder.out")"
  record connections "$name" by-id "$result connections=$count held=${held:-0}"
}

# ---- Run ---------------------------------------------------------------------------------------------------------
run_started="$(now)"
# Other work on the machine changes every number: the report shows how busy it was.
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
ulimit -n "$(ulimit -Hn)"
install_wrk
# The peers install (mostly waiting on the npm registry) and PostgreSQL starts while Enterprise is published.
start_peer_installs
start_postgres
publish_enterprise
start_database
wait_for_peer_installs
signing_key="$(head -c 48 /dev/urandom | base64 -w0)"

# Before anything is measured: every server, started side by side for this check only, returns the same JSON.
log "checking that every server returns the same JSON"
targets=()
for name in "${servers[@]}"; do
  start_server "$name" "$server_cpu,$load_cpu"
  targets+=("$name=http://127.0.0.1:${ports[$name]}")
done
for name in "${servers[@]}"; do answered_after[$name]="$(wait_ready "$name" "${started_at[$name]}")"; done
node "$bench/lib/compare.mjs" "$work/compared-ids.txt" "$archived_id" "${targets[@]}"
if [[ "$smoke" == true ]]; then
  # The numbers mean nothing here: the smoke run loads the servers it checked instead of starting each one again.
  for name in "${servers[@]}"; do warm "$name"; done
else
  for name in "${servers[@]}"; do
    stop_readiness_watcher "$name"
    stop_by_pid "$name" "${pids[$name]}" TERM
    unset "pids[$name]" "answered_after[$name]"
  done
  for name in "${servers[@]}"; do start_and_warm "$name"; done
fi

for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds: ${duration} s per server and read"
  # Each round starts with the next server, so no server always follows the same one.
  for index in "${!servers[@]}"; do
    name="${servers[$(((index + round - 1) % ${#servers[@]}))]}"
    for endpoint in by-id list; do
      result="$(load "$name" "$endpoint" "$duration")"
      record round "$name" "$endpoint" "$result round=$round"
    done
  done
done

if [[ -n "$connections" ]]; then
  for name in "${servers[@]}"; do
    log "$name: reads by id beside $connections idle keep-alive connections"
    for count in ${connections//,/ }; do with_idle_connections "$name" "$count"; done
  done
fi

for name in "${servers[@]}"; do
  count_log_errors "$name"
  record log "$name" none "error_events=$(awk '{ sum += $1 } END { print sum + 0 }' "$work/logs/$name.errors" 2>/dev/null || echo 0)"
done

log "writing $output"
# The runtime the running Enterprise loaded (it rolls forward to the newest patch installed).
dotnet_runtime=""
for name in enterprise enterprise-cached; do
  [[ -z "${pids[$name]:-}" || -n "$dotnet_runtime" ]] ||
    dotnet_runtime="$(grep -m 1 -o 'Microsoft.NETCore.App/[^/]*' "/proc/${pids[$name]}/maps" | cut -d/ -f2 || true)"
done
settings="$work/settings.json"
if [[ -n "$published" ]]; then publish="published in $publish_dir (--published)"
elif [[ "$build" == true ]]; then publish="published Release, ReadyToRun"
else publish="published Release without ReadyToRun (--no-build)"; fi
printf '{"loadAtStart":"%s","dotnetRuntime":"%s","publish":"%s","smoke":%s,"warmup":%s,"firstWindow":%s,"slice":%s,"duration":%s,"rounds":%s,"products":%s,"ids":%s,"serverCpu":%s,"loadCpu":%s,"cached":%s,"enforce":%s,"seconds":%s}\n' \
  "$load_at_start" "$dotnet_runtime" "$publish" "$smoke" "$warmup" "$first_window" "$slice" "$duration" "$rounds" "$products" "$id_count" "$server_cpu" "$load_cpu" \
  "$([[ ${#cached_env[@]} -gt 0 ]] && echo true || echo false)" "$enforce" "$(since "$run_started")" >"$settings"
node "$bench/lib/report.mjs" "$results" "$settings" "$output" "${arguments[@]}"
