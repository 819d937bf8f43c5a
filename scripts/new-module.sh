#!/usr/bin/env bash
# A new module in every layer, from the enterprise-module template, with what a template cannot write itself.
#
#   scripts/new-module.sh MODULE AGGREGATE PLURAL [--configuration NAME] [--no-migration]
#       e.g. scripts/new-module.sh Inventory StockItem StockItems
#       --no-migration: leave step 3 for later (scripts/database.sh add MODULE), to add use cases first and build once.
#
# 1. `dotnet new enterprise-module` into this repository (install the templates first: dotnet new install ./templates);
# 2. the module's row in README's module table (before the "(shared)" row);
# 3. the module's migration for every provider (scripts/database.sh add MODULE): a migration's model snapshot depends
#    on every other module's model, so no template can hold a correct one.
# See docs/adding-a-feature.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

usage="usage: $0 MODULE AGGREGATE PLURAL [--configuration NAME] [--no-migration] (each in PascalCase)"
[[ $# -ge 3 ]] || { echo "$usage" >&2; exit 2; }
module="$1" aggregate="$2" plural="$3"
shift 3
migration=true
database_options=()
for option in "$@"; do
  if [[ "$option" == --no-migration ]]; then migration=false; else database_options+=("$option"); fi
done
for name in "$module" "$aggregate" "$plural"; do
  [[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "$usage" >&2; exit 2; }
done
if [[ -e "src/Domain/$module" ]]; then
  echo "error: src/Domain/$module exists: module $module is already there" >&2
  exit 1
fi

echo "== dotnet new enterprise-module: $module ($aggregate, $plural)"
dotnet new enterprise-module --name "$module" --aggregate "$aggregate" --plural "$plural" --output .

echo "== README: the module table's row for $module"
schema="$(tr '[:upper:]' '[:lower:]' <<<"$module")"
route="$(sed -E 's/([a-z0-9])([A-Z])/\1-\2/g' <<<"$plural" | tr '[:upper:]' '[:lower:]')"
row="| $module | \`$aggregate\` | ${route//-/ } use cases (get, list, create, replace, delete) | \`$schema\`: $plural | v2 $route |"
if ! grep -q '^| (shared) |' README.md; then
  echo "error: README.md has no '| (shared) |' row to put the module's row before; add it by hand: $row" >&2
  exit 1
fi
awk -v row="$row" '/^\| \(shared\) \|/ { print row } { print }' README.md >README.md.new
mv README.md.new README.md

if [[ "$migration" == true ]]; then
  echo "== migration $module for every provider"
  scripts/database.sh add "$module" "${database_options[@]}"
else
  echo "== no migration yet: add it with scripts/database.sh add $module once the module's model is as you want it"
fi
