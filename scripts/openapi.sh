#!/usr/bin/env bash
# The committed OpenAPI documents (docs/openapi/<version>.json, the contract under review) against the ones the
# build generates (artifacts/openapi/<version>.json, written by every build of src/WebApi).
#
#   scripts/openapi.sh check [--configuration NAME] [--no-build]
#       Fails, printing the diff, when a generated document differs from its committed copy or exists on one side
#       only: a contract change that nobody committed.
#   scripts/openapi.sh update [--configuration NAME] [--no-build]
#       After an intentional contract change: copies the generated documents over the committed ones (and deletes
#       the committed document of a version no longer served). Review the diff and commit it with the change.
#
# Without --no-build src/WebApi is built first, which generates the documents. Neither command touches
# docs/openapi/baselines/: a published version's baseline changes only by hand (see README, OpenAPI contract).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

project=src/WebApi
generated_dir=artifacts/openapi
committed_dir=docs/openapi

source scripts/lib/build-options.sh
read_command_and_build "$project" "check|update" "$@"

shopt -s nullglob
generated=("$generated_dir"/*.json)
if [[ ${#generated[@]} -eq 0 ]]; then
  echo "error: $generated_dir/ holds no document; build src/WebApi first (or leave out --no-build)" >&2
  exit 1
fi

case "$command" in
  check)
    # -N shows a document present on one side only as wholly added or removed.
    if ! diff -u -N -r --exclude=baselines "$committed_dir" "$generated_dir"; then
      echo "error: the OpenAPI documents the build generates ($generated_dir/) differ from the committed ones ($committed_dir/), see the diff above." >&2
      echo "If the contract change is intended, run scripts/openapi.sh update, review the diff and commit it." >&2
      exit 1
    fi
    echo "The committed OpenAPI documents match the generated ones: ${generated[*]##*/}"
    ;;
  update)
    for committed in "$committed_dir"/*.json; do
      [[ -f "$generated_dir/${committed##*/}" ]] || rm -v "$committed"
    done
    cp -v "${generated[@]}" "$committed_dir/"
    git --no-pager diff --stat -- "$committed_dir" || true
    ;;
esac
