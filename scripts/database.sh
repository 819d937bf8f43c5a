#!/usr/bin/env bash
# Checks and scripts for every provider's migrations; none of it needs a database server.
#
#   scripts/database.sh drift [--configuration NAME] [--no-build]
#       Fails when a provider's model has changes that none of its migrations captures.
#   scripts/database.sh sql [--configuration NAME] [--no-build]
#       Writes an idempotent migration script per server provider, for a DBA to review and run:
#       artifacts/sql/SqlServer.sql and artifacts/sql/PostgreSql.sql.
#   scripts/database.sh add NAME [--configuration NAME] [--no-build]
#       Adds the migration NAME for every provider, each in its own folder (see README, Adding a migration).
#
# Without --no-build the Infrastructure project is built once, then every context is checked against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

project=src/Infrastructure
sql_dir=artifacts/sql
# Provider name (the Database:Provider value) and its context, in the order they are checked.
declare -A contexts=(
  [Sqlite]=SqliteEnterpriseDbContext
  [SqlServer]=SqlServerEnterpriseDbContext
  [PostgreSql]=PostgreSqlEnterpriseDbContext
)
all_providers=(Sqlite SqlServer PostgreSql)
server_providers=(SqlServer PostgreSql)

source scripts/lib/build-options.sh
# `add` takes the migration's name before the options.
migration=""
if [[ "${1:-}" == add ]]; then
  migration="${2:-}"
  if [[ ! "$migration" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
    echo "usage: $0 add NAME [--configuration NAME] [--no-build] (NAME in PascalCase)" >&2
    exit 2
  fi
  set -- add "${@:3}"
fi
read_command_and_build "$project" "drift|sql|add" "$@"
ef_options=(--project "$project" --configuration "$configuration" --no-build)
# `dotnet ef` is a local tool (.config/dotnet-tools.json): restore it so this script also works on its own on a fresh
# clone. Once the tool is in the NuGet cache this takes about a second and needs no network.
dotnet tool restore --verbosity quiet >/dev/null

# Runs "dotnet ef ARGS --context CONTEXT" for each provider named. Each run is a process of its own that spends most of
# its time starting up, so after the first the others run at once (on 2 cores about half the time). The first runs
# alone because a tool run on a fresh build copies its build host into the output folder, and two runs copying the
# same files fail. Outputs are printed one after another, in the order given; the providers whose run failed are left
# in $failed_providers.
run_for_providers() {
  local title="$1" providers_variable="$2"
  shift 2
  local -n providers="$providers_variable"
  local logs pids=() provider index first_status=0
  logs="$(mktemp -d)"
  for index in "${!providers[@]}"; do
    provider="${providers[index]}"
    # The arguments may name {provider}: each run gets its own output folder or file.
    dotnet ef "${@//\{provider\}/$provider}" --context "${contexts[$provider]}" "${ef_options[@]}" \
      >"$logs/$provider.log" 2>&1 &
    pids+=($!)
    if [[ "$index" -eq 0 ]]; then
      wait "${pids[0]}" || first_status=$?
    fi
  done
  failed_providers=()
  for index in "${!providers[@]}"; do
    provider="${providers[index]}"
    echo "== $provider: ${title//\{provider\}/$provider}"
    if [[ "$index" -eq 0 ]]; then
      [[ "$first_status" -eq 0 ]] || failed_providers+=("$provider")
    else
      wait "${pids[index]}" || failed_providers+=("$provider")
    fi
    cat "$logs/$provider.log"
  done
  rm -rf "$logs"
}

case "$command" in
  drift)
    run_for_providers "migrations match the model" all_providers migrations has-pending-model-changes
    if [[ ${#failed_providers[@]} -gt 0 ]]; then
      echo "error: the model has changes that no migration captures for: ${failed_providers[*]}; add a migration (see README, Databases)" >&2
      exit 1
    fi
    ;;
  sql)
    mkdir -p "$sql_dir"
    run_for_providers "$sql_dir/{provider}.sql" server_providers migrations script --idempotent --output "$sql_dir/{provider}.sql"
    [[ ${#failed_providers[@]} -eq 0 ]] || { echo "error: no SQL script for: ${failed_providers[*]}" >&2; exit 1; }
    ;;
  add)
    run_for_providers "migration $migration" all_providers migrations add "$migration" --output-dir "Persistence/{provider}/Migrations"
    [[ ${#failed_providers[@]} -eq 0 ]] || { echo "error: migration $migration was not added for: ${failed_providers[*]}" >&2; exit 1; }
    ;;
esac
