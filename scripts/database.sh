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

case "$command" in
  drift)
    drifted=()
    for provider in "${all_providers[@]}"; do
      echo "== $provider: migrations match the model"
      dotnet ef migrations has-pending-model-changes --context "${contexts[$provider]}" "${ef_options[@]}" || drifted+=("$provider")
    done
    if [[ ${#drifted[@]} -gt 0 ]]; then
      echo "error: the model has changes that no migration captures for: ${drifted[*]}; add a migration (see README, Databases)" >&2
      exit 1
    fi
    ;;
  sql)
    mkdir -p "$sql_dir"
    for provider in "${server_providers[@]}"; do
      echo "== $provider: $sql_dir/$provider.sql"
      dotnet ef migrations script --idempotent --context "${contexts[$provider]}" "${ef_options[@]}" \
        --output "$sql_dir/$provider.sql"
    done
    ;;
  add)
    for provider in "${all_providers[@]}"; do
      echo "== $provider: migration $migration"
      dotnet ef migrations add "$migration" --context "${contexts[$provider]}" "${ef_options[@]}" \
        --output-dir "Persistence/$provider/Migrations"
    done
    ;;
esac
