#!/usr/bin/env bash
# Proves the `dotnet new` templates (templates/) in a throwaway copy of this working tree: installs them into a
# temporary DOTNET_CLI_HOME (the user's template list is untouched; packages come from the shared NuGet cache), makes a
# module with scripts/new-module.sh (Inventory: StockItem, StockItems), a command in it and a query in an existing module
# (Catalog: Category), adds the module's migrations, regenerates the OpenAPI documents and lints them
# (scripts/contract.sh, with the TypeScript types), regenerates the C# client, builds with warnings as errors and runs
# the generated tests with the architecture, endpoint-coverage and migration-drift tests. Prints the time from
# `dotnet new` to green.
#
#   scripts/templates.sh [--keep]     --keep: leave the copy in /tmp and print its path (to look at what was made)
#
# Integration tests run on SQLite, and on PostgreSQL when ENTERPRISE_TEST_POSTGRES names a server (scripts/test.sh
# runs this stage while its throwaway server is up).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
# The stage times what a developer waits for, and a developer's builds run with the SDK's defaults: the C# compiler
# server and reused MSBuild nodes, so each of the stage's builds does not start and JIT-compile the compiler, its
# analyzers and MSBuild afresh. CI machines often turn both off (UseSharedCompilation=false,
# MSBUILDDISABLENODEREUSE=1) so that no process outlives a job: here they are on, and stopped when the stage ends.
export UseSharedCompilation=true
unset MSBUILDDISABLENODEREUSE

keep=false
case "${1:-}" in
  "") ;;
  --keep) keep=true ;;
  *) echo "usage: $0 [--keep]" >&2; exit 2 ;;
esac

configuration=Release
work="$(mktemp -d /tmp/enterprise-templates.XXXXXX)"
# `dotnet build-server shutdown` does not stop reused MSBuild nodes, so the compiler server and the nodes are found by
# the DOTNET_CLI_HOME this stage gave them (its own, below) and stopped: only what this stage started.
stop_build_servers() {
  local pid
  for pid in $(pgrep -f 'MSBuild\.dll .*/nodeReuse:true|VBCSCompiler\.dll' || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "DOTNET_CLI_HOME=$work/dotnet-home"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
}
if [[ "$keep" == true ]]; then
  trap 'stop_build_servers; echo "The copy is kept in $work/repo"' EXIT
else
  trap 'stop_build_servers; rm -rf "$work"' EXIT
fi

# The working tree as git sees it (tracked and new files, no build output), so uncommitted changes are proven too.
source="$PWD"
mkdir "$work/repo" "$work/dotnet-home"
git ls-files -z --cached --others --exclude-standard \
  | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null \
  | tar -xf - -C "$work/repo"
# The templates go into a home of their own; the packages stay in the shared cache, so nothing is downloaded again.
export NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
export DOTNET_CLI_HOME="$work/dotnet-home"
cd "$work/repo"
# An empty repository, so the scripts' `git diff` summaries have one to look at.
git init --quiet

# Each step's wall time and the CPU time its processes used: on a busy machine the wall time is mostly waiting, and
# the CPU time says which step to make cheaper.
declare -a step_names=() step_seconds=() step_cpu=()
# `times` must run in this shell (inside $(...) or a pipe it would measure a subshell): its second line is the
# children's "user system", each as 1m2.345s.
children_cpu_seconds() {
  tail -1 "$work/times" | awk '{ total = 0; for (i = 1; i <= 2; i++) { split($i, part, /[ms]/); total += part[1] * 60 + part[2] } printf "%d", total }'
}
step() {
  echo "== templates: $1"
  step_names+=("$1")
  step_seconds+=("$SECONDS")
  times >"$work/times"
  step_cpu+=("$(children_cpu_seconds)")
}

started=$SECONDS
# Only what the stage builds and runs (the benchmarks project is left out). Neither template adds a project or a
# package, so the restore and the tool restore run at once, beside the templating, which leaves a core idle.
cat >Templates.slnf <<'JSON'
{
  "solution": {
    "path": "Enterprise.sln",
    "projects": [
      "tests/Enterprise.UnitTests/Enterprise.UnitTests.csproj",
      "tests/Enterprise.IntegrationTests/Enterprise.IntegrationTests.csproj",
      "tests/Enterprise.ArchitectureTests/Enterprise.ArchitectureTests.csproj"
    ]
  }
}
JSON
(dotnet restore Templates.slnf --locked-mode --verbosity quiet && dotnet tool restore --verbosity quiet >/dev/null) >"$work/restore.log" 2>&1 &
restore=$!
step "install the templates"
dotnet new install ./templates >/dev/null

# The migration waits until the use cases are written too, so the layers below the API are built once, not twice.
step "new module Inventory (template, README row)"
scripts/new-module.sh Inventory StockItem StockItems --no-migration

# A command calls the aggregate's domain method of its use case: what a developer writes first (see
# docs/adding-a-feature.md), written here so the command has one to call.
step "a command in Inventory, a query in Catalog"
python3 - src/Domain/Inventory/StockItem.cs <<'PY'
import sys
path = sys.argv[1]
source = open(path).read()
anchor = "    /// <summary>The name as stored"
method = """    /// <summary>Records that the stock item was counted now: a new version.</summary>
    public Result Count(DateTimeOffset now)
    {
        UpdatedAt = UtcTimestamp.From(now);
        IncrementVersion();
        return Result.Success();
    }

"""
assert anchor in source, "the aggregate changed shape: update scripts/templates.sh"
open(path, "w").write(source.replace(anchor, method + anchor, 1))
PY
dotnet new enterprise-usecase --name CountStockItem --module Inventory --aggregate StockItem --plural StockItems \
  --kind command --domain-method Count --http-method Post --route count --output .
dotnet new enterprise-usecase --name CategorySummary --module Catalog --aggregate Category --plural Categories \
  --kind query --route summary --api-version 2 --output .

step "restore (locked) and tool restore, begun at the start"
wait "$restore" || { cat "$work/restore.log"; echo "error: the restore failed, see above" >&2; exit 1; }
step "build Domain, Application, Infrastructure"
dotnet build src/Infrastructure --configuration "$configuration" --no-restore --nologo --verbosity quiet
step "migrations for Inventory (every provider)"
scripts/database.sh add Inventory --configuration "$configuration" --no-build

# The API is built first: its build writes the OpenAPI documents the contract checks and the C# client come from.
step "build the API ($configuration, warnings are errors)"
dotnet build src/WebApi --configuration "$configuration" --no-restore --nologo --verbosity quiet

step "OpenAPI documents regenerated and checked"
scripts/openapi.sh update --configuration "$configuration" --no-build >/dev/null
scripts/openapi.sh check --configuration "$configuration" --no-build

# The lint and the TypeScript compiler (single-threaded Node), and the C# client's generation and build, run beside
# the tests' build. The client has no project reference, so its own build shares no output with the tests'; the
# integration tests are compiled without the client's scenario (IncludeClientScenario), which this stage does not run,
# so they need not wait for the client.
step "build the tests ($configuration, warnings are errors); lint, TypeScript types and C# client beside it"
# The Node tools of the working tree, when installed and current (contract.sh's own test), so the copy skips npm ci;
# otherwise contract.sh installs them into the copy.
node_modules="$source/clients/typescript/node_modules"
if [[ "$node_modules/.package-lock.json" -nt clients/typescript/package-lock.json ]]; then
  ln -s "$node_modules" clients/typescript/node_modules
fi
scripts/contract.sh refresh >"$work/contract.log" 2>&1 &
contract=$!
(scripts/client.sh generate >/dev/null \
  && dotnet build clients/Enterprise.Client --configuration "$configuration" --no-restore --nologo --verbosity quiet) \
  >"$work/client.log" 2>&1 &
client=$!
dotnet build Templates.slnf --configuration "$configuration" --no-restore --nologo --verbosity quiet \
  -p:IncludeClientScenario=false
background_failed=0
wait "$client" || { cat "$work/client.log"; echo "error: the C# client's generation or build failed, see above" >&2; background_failed=1; }
wait "$contract" || { cat "$work/contract.log"; echo "error: the contract lint or the TypeScript check failed, see above" >&2; background_failed=1; }
[[ "$background_failed" -eq 0 ]] || exit 1
cat "$work/contract.log"

step "generated, architecture, endpoint-coverage and migration-drift tests"
test_options=(--configuration "$configuration" --no-build --logger "console;verbosity=minimal")
# The unit and architecture tests run beside the integration tests, which wait on the database most of the time.
dotnet test tests/Enterprise.UnitTests "${test_options[@]}" \
  --filter "FullyQualifiedName~Enterprise.UnitTests.Inventory.|FullyQualifiedName~Enterprise.UnitTests.Catalog.CategorySummary|FullyQualifiedName~MigrationsMatchModelTests" \
  >"$work/unit.log" 2>&1 &
unit_tests=$!
dotnet test tests/Enterprise.ArchitectureTests "${test_options[@]}" >"$work/architecture.log" 2>&1 &
architecture_tests=$!
failed=0
dotnet test tests/Enterprise.IntegrationTests "${test_options[@]}" \
  --filter "FullyQualifiedName~Enterprise.IntegrationTests.Inventory.|FullyQualifiedName~Enterprise.IntegrationTests.Catalog.CategorySummary|FullyQualifiedName~EndpointCoverageTests|FullyQualifiedName~ApiContractTests" \
  || failed=1
wait "$unit_tests" || failed=1
cat "$work/unit.log"
wait "$architecture_tests" || failed=1
cat "$work/architecture.log"
if [[ "$failed" -ne 0 ]]; then
  echo "error: a test of the template stage failed, see above; scripts/templates.sh --keep keeps the copy to look at" >&2
  exit 1
fi

step "end"
echo "Template stage breakdown (wall time, CPU time of its processes):"
for ((index = 0; index < ${#step_names[@]} - 1; index++)); do
  printf '  %4d s  %4d s CPU  %s\n' "$((step_seconds[index + 1] - step_seconds[index]))" \
    "$((step_cpu[index + 1] - step_cpu[index]))" "${step_names[index]}"
done
echo "time from dotnet new to green: $((SECONDS - started)) s"
echo "CPU time of the stage: $((step_cpu[-1] - step_cpu[0])) s"
