#!/usr/bin/env bash
# The typed C# client (clients/Enterprise.Client) against the committed OpenAPI documents it is generated from.
#
#   scripts/client.sh generate
#       Regenerates clients/Enterprise.Client/Generated/<Version>/ with Kiota from each docs/openapi/<version>.json
#       (namespace Enterprise.Client.<Version>) and deletes the code of a version no longer documented. Run it after
#       scripts/openapi.sh update, review the diff and commit it with the contract change.
#   scripts/client.sh check
#       Generates into a temporary copy of the same layout and fails, printing the diff, when the committed code
#       differs: a contract change whose client nobody regenerated.
#
# Kiota is the pinned local tool (.config/dotnet-tools.json); the output depends only on the documents and the tool's
# version. Its kiota-lock.json records the description's path relative to the output folder, so check mirrors the
# repository's layout to get the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Offline (no update check against the network), no telemetry and no hints: generation is local and quiet.
export KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false

documents_dir=docs/openapi
generated_dir=clients/Enterprise.Client/Generated

usage="usage: $0 generate|check"
[[ $# -eq 1 ]] || { echo "$usage" >&2; exit 2; }
command="$1"

# Generates a client for every document under ROOT/$documents_dir into ROOT/$generated_dir, replacing what was there.
generate_into() {
  local root="$1"
  shopt -s nullglob
  local documents=("$root/$documents_dir"/*.json)
  shopt -u nullglob
  if [[ ${#documents[@]} -eq 0 ]]; then
    echo "error: $documents_dir/ holds no OpenAPI document to generate the client from" >&2
    exit 1
  fi

  rm -rf "${root:?}/$generated_dir"
  local document version
  for document in "${documents[@]}"; do
    version="$(basename "$document" .json)"
    version="${version^}"
    # Relative paths from ROOT: kiota-lock.json keeps the description's location relative to the output folder.
    # Kiota's warning "No server url found" is expected: the documents name no server, consumers set BaseUrl.
    (cd "$root" && dotnet kiota generate \
      --openapi "$documents_dir/${document##*/}" \
      --output "$generated_dir/$version" \
      --language CSharp \
      --class-name "Enterprise${version}Client" \
      --namespace-name "Enterprise.Client.$version" \
      --exclude-backward-compatible \
      --disable-validation-rules NoServerEntry \
      --log-level Warning)
    # The log of the run, not part of the client.
    rm -f "$root/$generated_dir/$version/.kiota.log"
  done
}

dotnet tool restore >/dev/null

case "$command" in
  generate)
    generate_into "$PWD"
    git --no-pager diff --stat -- "$generated_dir" || true
    ;;
  check)
    scratch="$(mktemp -d /tmp/enterprise-client.XXXXXX)"
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/$documents_dir" "$scratch/.config"
    # dotnet finds the pinned local tool through the manifest above the working directory.
    cp .config/dotnet-tools.json "$scratch/.config/"
    cp "$documents_dir"/*.json "$scratch/$documents_dir/"
    generate_into "$scratch"
    # -N shows a version generated on one side only as wholly added or removed.
    if ! diff -u -N -r "$generated_dir" "$scratch/$generated_dir"; then
      echo "error: the committed client ($generated_dir/) is stale against the OpenAPI documents ($documents_dir/), see the diff above." >&2
      echo "Run scripts/client.sh generate, review the diff and commit it." >&2
      exit 1
    fi
    echo "The committed client matches the OpenAPI documents: $(cd "$generated_dir" && echo *)"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
