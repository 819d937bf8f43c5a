#!/usr/bin/env bash
# Builds and tests everything; the one command developers and CI run.
# Stops at the first failing step and ends with the line "N passed, N failed[, N skipped]".
#
# A hang must not eat CI's 90 minutes. The whole run has a budget, ENTERPRISE_TEST_BUDGET_MINUTES (default 30; a run
# takes 3-4 minutes on CI's machine): when it is spent, the run and everything it started (test hosts, database
# servers) is stopped and fails with a message saying so. Each test gets ENTERPRISE_TEST_HANG_TIMEOUT (default 10m):
# a test running longer has its test host dumped into artifacts/test-results/ and stopped, which fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

budget_minutes="${ENTERPRISE_TEST_BUDGET_MINUTES:-30}"
if [[ -z "${ENTERPRISE_TEST_WITHIN_BUDGET:-}" ]]; then
  if [[ ! "$budget_minutes" =~ ^[1-9][0-9]*$ ]]; then
    echo "error: ENTERPRISE_TEST_BUDGET_MINUTES must be a whole number of minutes, not '$budget_minutes'" >&2
    exit 2
  fi
  # timeout runs the script in a process group of its own and signals the whole group, then kills what is left.
  status=0
  ENTERPRISE_TEST_WITHIN_BUDGET=1 timeout --kill-after=60 "${budget_minutes}m" "$PWD/scripts/test.sh" "$@" || status=$?
  if [[ "$status" -eq 124 || "$status" -eq 137 ]]; then
    echo "error: ./scripts/test.sh was stopped after its budget of $budget_minutes minutes (ENTERPRISE_TEST_BUDGET_MINUTES); a step hung or the suite outgrew the budget" >&2
  fi
  exit "$status"
fi

configuration=Release
results_dir=artifacts/test-results
hang_timeout="${ENTERPRISE_TEST_HANG_TIMEOUT:-10m}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

rm -rf "$results_dir"
mkdir -p "$results_dir"

echo "== restore tools and packages"
dotnet tool restore
# Locked mode on every run, not only under CI=true: restore never rewrites the lock files (packages.lock.json) here,
# and a package change made without updating them fails a developer's run just as it fails CI's.
dotnet restore Enterprise.sln --locked-mode

echo "== build ($configuration, warnings are errors)"
dotnet build Enterprise.sln --configuration "$configuration" --no-restore

echo "== the committed OpenAPI documents (docs/openapi/) match the ones the build generated (artifacts/openapi/)"
scripts/openapi.sh check --no-build

echo "== the OpenAPI documents pass the lint, and the TypeScript types generated from them are current and compile"
scripts/contract.sh check

echo "== the typed client (clients/Enterprise.Client) is generated from the committed OpenAPI documents"
scripts/client.sh check

echo "== migrations match the model, for every provider"
scripts/database.sh drift --configuration "$configuration" --no-build

echo "== idempotent SQL scripts for DBAs (artifacts/sql)"
scripts/database.sh sql --configuration "$configuration" --no-build

echo "== database servers"
source scripts/lib/servers.sh

# Starts a throwaway server with scripts/NAME.sh and exports its address in VARIABLE. A server that will
# not start fails the run under CI=true, and only skips its suite otherwise.
start_test_server() {
  local label="$1" script="$2" dir="$3" port="$4" variable="$5" value="$6"
  if "$script" start "$dir" "$port"; then
    export "$variable=$value"
    echo "$label is running on 127.0.0.1:$port ($dir)"
  elif [[ "${CI:-}" == "true" ]]; then
    echo "error: $label could not be started, and CI=true requires it" >&2
    exit 1
  else
    echo "warning: $label could not be started; the tests that need it will be skipped" >&2
  fi
}

pg_dir="$(mktemp -d /tmp/enterprise-pg.XXXXXX)"
redis_dir="$(mktemp -d /tmp/enterprise-redis.XXXXXX)"
rabbitmq_dir="$(mktemp -d /tmp/enterprise-rabbitmq.XXXXXX)"
cluster_dir="$(mktemp -d /tmp/enterprise-cluster.XXXXXX)"
# One trap for every server, stopped by PID however this script ends; each is stopped even if another fails to.
trap 'scripts/postgres.sh stop "$pg_dir" || true; scripts/redis.sh stop "$redis_dir" || true; scripts/rabbitmq.sh stop "$rabbitmq_dir" || true; scripts/cluster.sh down "$cluster_dir" || true; rm -rf "$pg_dir" "$redis_dir" "$rabbitmq_dir" "$cluster_dir"' EXIT
# A signal (the budget running out, Ctrl+C) ends the run through that trap: without these, bash killed by SIGTERM
# while `dotnet test` runs skips its EXIT trap and leaves PostgreSQL running.
trap 'exit 143' TERM
trap 'exit 130' INT

pg_port="$(free_port 55432)"
start_test_server PostgreSQL scripts/postgres.sh "$pg_dir" "$pg_port" \
  ENTERPRISE_TEST_POSTGRES "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
# The outage tests start and stop servers of their own with the same script.
export ENTERPRISE_TEST_POSTGRES_SCRIPT="$PWD/scripts/postgres.sh"

# Redis is for the shared rate-limit test.
redis_port="$(free_port 56379)"
start_test_server Redis scripts/redis.sh "$redis_dir" "$redis_port" ENTERPRISE_TEST_REDIS "127.0.0.1:$redis_port"

# RabbitMQ carries the integration events in the broker-transport tests; guest may log in from 127.0.0.1.
rabbitmq_port="$(free_port 45672)"
start_test_server RabbitMQ scripts/rabbitmq.sh "$rabbitmq_dir" "$rabbitmq_port" \
  ENTERPRISE_TEST_RABBITMQ "amqp://guest:guest@127.0.0.1:$rabbitmq_port/"

# The dotnet new templates make a module and two use cases in a throwaway copy of the tree, which must build, stay in
# step with its OpenAPI documents and migrations, and pass its tests (on the PostgreSQL above too). It runs before the
# suites, so its result and its time from `dotnet new` to green are in the log minutes before theirs. Its failure fails
# the run, after the summary at the end is printed.
echo "== templates: a module and use cases from dotnet new, built and tested (scripts/templates.sh)"
templates_failed=0
scripts/templates.sh || templates_failed=1

echo "== tests"
test_failed=0
aborted_runs=0
# Runs one test project, its results in its own TRX (a shared default name lets one project overwrite another's).
run_test_project() {
  local project="$1" name
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --configuration "$configuration" --no-build \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type mini \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results_dir" || test_failed=1
  if [[ ! -f "$results_dir/$name.trx" ]]; then
    echo "error: $name produced no test results" >&2
    test_failed=1
  elif grep -q 'The active test run was aborted' "$results_dir/$name.trx"; then
    # The test that hung or crashed its host has no result of its own: the aborted run counts as one failure.
    echo "error: $name's test run was aborted: a test ran past the hang timeout ($hang_timeout) or crashed the test host; dumps are under $results_dir/" >&2
    aborted_runs=$((aborted_runs + 1))
  fi
}

cluster_project=tests/Enterprise.ClusterTests/Enterprise.ClusterTests.csproj
for project in tests/*/*.csproj; do
  # The cluster suite needs a cluster: its own stage below.
  [[ "$project" == "$cluster_project" ]] || run_test_project "$project"
done

# Two published instances behind nginx, sharing a PostgreSQL, Redis and RabbitMQ of their own: what a single-instance
# suite cannot prove (shared rate limits, cache invalidation across instances, events handled once, an instance killed).
# Its TRX joins the others, so the summary counts it.
echo "== cluster: 2 published instances behind nginx (scripts/cluster.sh up 2, Enterprise.ClusterTests)"
cluster_started=$SECONDS
if scripts/cluster.sh up 2 "$cluster_dir" --no-build; then
  ENTERPRISE_TEST_CLUSTER="$cluster_dir/cluster.env" run_test_project "$cluster_project"
elif [[ "${CI:-}" == "true" ]]; then
  echo "error: the cluster could not be started, and CI=true requires it" >&2
  test_failed=1
else
  # Without ENTERPRISE_TEST_CLUSTER the suite reports itself ignored, with the reason.
  echo "warning: the cluster could not be started; its suite will be skipped" >&2
  run_test_project "$cluster_project"
fi
# Its servers' and instances' logs, for a failed run.
mkdir -p "$results_dir/cluster"
cp "$cluster_dir"/*.log "$cluster_dir"/nginx/*.log "$results_dir/cluster/" 2>/dev/null || true
scripts/cluster.sh down "$cluster_dir" || true
echo "Cluster stage: $((SECONDS - cluster_started)) s"

# The benchmark harness runs end to end with one-second loads and no targets, so it cannot rot between full runs.
# It starts a PostgreSQL of its own. Its failure fails the run, after the summary below is printed.
echo "== benchmark smoke run (bench/run.sh --smoke)"
bench_failed=0
bench_started=$SECONDS
bench/run.sh --smoke --no-build || bench_failed=1
echo "Benchmark smoke run: $((SECONDS - bench_started)) s, $([[ "$bench_failed" -eq 0 ]] && echo passed || echo FAILED)"

# Count outcomes from the TRX files rather than trusting console output.
outcomes="$(cat "$results_dir"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="[A-Za-z]*"' | grep -o 'outcome="[A-Za-z]*"' || true)"
passed="$(grep -c '"Passed"' <<<"$outcomes" || true)"
failed="$(grep -cE '"(Failed|Error|Timeout|Aborted)"' <<<"$outcomes" || true)"
total="$(grep -c . <<<"$outcomes" || true)"
skipped=$((total - passed - failed))
failed=$((failed + aborted_runs))

if [[ "$total" -eq 0 ]]; then
  echo "error: no test was executed" >&2
  test_failed=1
fi

# The hostile-input suite names each case "Rejects ..."; say how many were sent and rejected as they must be.
hostile="$(cat "$results_dir"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*testName="Rejects [^"]*"[^>]*outcome="Passed"' | grep -c . || true)"
echo "Hostile input: $hostile hostile requests rejected with a 4xx problem and no change to the database (all providers)"
# The OpenAPI fuzz run's seeds and case fingerprints, so a failed run can be replayed with ENTERPRISE_FUZZ_SEED.
fuzz_runs="$(cat "$results_dir"/*.trx 2>/dev/null | grep -o 'OpenAPI fuzz ([A-Za-z]*): seed [0-9]* ([^<]*' | sort -u || true)"
echo "${fuzz_runs:-OpenAPI fuzz: no run recorded}"

if [[ "$bench_failed" -ne 0 ]]; then
  echo "error: bench/run.sh --smoke failed; see its output above" >&2
  test_failed=1
fi

if [[ "$templates_failed" -ne 0 ]]; then
  echo "error: scripts/templates.sh failed; see its output above" >&2
  test_failed=1
fi

summary="$passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then
  summary="$summary, $skipped skipped"
fi
echo "$summary"

if [[ "$test_failed" -ne 0 || "$failed" -ne 0 ]]; then
  exit 1
fi
