#!/usr/bin/env bash
# What consumers of the committed OpenAPI documents (docs/openapi/<version>.json) rely on, beyond their equality with
# the build's (scripts/openapi.sh):
#   - the lint: Redocly with the ruleset in redocly.yaml (operation ids, descriptions, problem responses, examples...);
#   - the TypeScript types in clients/typescript/types/<version>.ts are the ones openapi-typescript generates from
#     them, and the typed example (clients/typescript/example.ts) still compiles against them (tsc --noEmit).
#
#   scripts/contract.sh [check]   Lints, checks the types are current and type-checks; fails on any finding.
#   scripts/contract.sh update    Regenerates the types after `scripts/openapi.sh update`; review and commit them.
#   scripts/contract.sh refresh   update, then the lint and the type-check: check without re-generating the types it
#                                 has just generated to compare them (scripts/templates.sh).
#
# The Node tools are pinned in clients/typescript/package-lock.json and installed with `npm ci` (node 20+, npm 10+):
# on a fresh clone, or whenever the lock file is newer than the install.
set -euo pipefail
cd "$(dirname "$0")/.."

command="${1:-check}"
if [[ ! "$command" =~ ^(check|update|refresh)$ ]] || [[ $# -gt 1 ]]; then
  echo "usage: scripts/contract.sh [check|update|refresh]" >&2
  exit 2
fi

client=clients/typescript
# Redocly reports usage and checks for updates over the network unless told not to; this stays off the network.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
started=$SECONDS

# npm leaves node_modules/.package-lock.json behind after an install: older than the lock file means stale.
if [[ ! "$client/node_modules/.package-lock.json" -nt "$client/package-lock.json" ]]; then
  echo "== npm ci ($client)"
  (cd "$client" && npm ci --no-audit --no-fund --loglevel=error)
fi
bin="$client/node_modules/.bin"

shopt -s nullglob
documents=(docs/openapi/*.json)
if [[ ${#documents[@]} -eq 0 ]]; then
  echo "error: docs/openapi/ holds no document" >&2
  exit 1
fi

# One types file per document, named after its version; a types file whose document is gone is stale.
types_of() { local document="$1"; local name="${document##*/}"; echo "$client/types/${name%.json}.ts"; }
stale=()
for types in "$client"/types/*.ts; do
  [[ -f "docs/openapi/$(basename "$types" .ts).json" ]] || stale+=("$types")
done

if [[ "$command" != check ]]; then
  mkdir -p "$client/types"
  for document in "${documents[@]}"; do
    "$bin/openapi-typescript" "$document" --output "$(types_of "$document")"
  done
  [[ ${#stale[@]} -eq 0 ]] || rm -v "${stale[@]}"
  git --no-pager diff --stat -- "$client/types" || true
  [[ "$command" == refresh ]] || exit 0
fi

echo "== lint of the OpenAPI documents (redocly.yaml): ${documents[*]}"
"$bin/redocly" lint --config redocly.yaml --format=stylish "${documents[@]}"

if [[ "$command" == check ]]; then
  echo "== the TypeScript types ($client/types/) are the ones generated from the documents"
  failed=0
  for document in "${documents[@]}"; do
    types="$(types_of "$document")"
    if [[ ! -f "$types" ]] || ! "$bin/openapi-typescript" "$document" --output "$types" --check; then
      echo "error: $types is not what openapi-typescript generates from $document" >&2
      failed=1
    fi
  done
  for types in "${stale[@]}"; do
    echo "error: $types has no document in docs/openapi/ any more" >&2
    failed=1
  done
  if [[ "$failed" -ne 0 ]]; then
    echo "Run scripts/contract.sh update, review the diff and commit it." >&2
    exit 1
  fi
fi

echo "== the typed example compiles against the types (tsc --noEmit)"
"$bin/tsc" --noEmit --project "$client"

echo "The contract is linted and the TypeScript types are current and compile ($((SECONDS - started)) s)"
