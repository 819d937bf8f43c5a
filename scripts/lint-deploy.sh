#!/usr/bin/env bash
# Lints the Dockerfile, since no Docker engine runs on the build machines to build it (docs/operations.md).
#
#   scripts/lint-deploy.sh [DOCKERFILE]   Lints ./Dockerfile (or DOCKERFILE); exits 1 on any finding, of any level.
#
# The linter is dockerlinter (npm), which ports hadolint's rules to Node.js and runs ShellCheck on each RUN line;
# hadolint itself comes from PyPI or GitHub, which these machines cannot reach. It is pinned in
# deploy/lint/package-lock.json and installed with `npm ci --ignore-scripts` (its install script would download
# ShellCheck from GitHub): ShellCheck comes from Debian's package, installed when missing. Rules that are not applied
# are listed, each with its reason, in deploy/lint/dockerfilelinter.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

if [[ $# -gt 1 ]]; then
  echo "usage: scripts/lint-deploy.sh [DOCKERFILE]" >&2
  exit 2
fi
dockerfile="$(realpath "${1:-Dockerfile}")"
[[ -f "$dockerfile" ]] || { echo "error: no Dockerfile at $dockerfile" >&2; exit 2; }

lint=deploy/lint
# npm leaves node_modules/.package-lock.json behind after an install: older than the lock file means stale.
if [[ ! "$lint/node_modules/.package-lock.json" -nt "$lint/package-lock.json" ]]; then
  echo "== npm ci ($lint)"
  (cd "$lint" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

if ! command -v shellcheck >/dev/null; then
  echo "== apt-get install shellcheck"
  apt-get install -y -qq shellcheck >/dev/null || { apt-get update -qq && apt-get install -y -qq shellcheck >/dev/null; }
fi

echo "== lint of $dockerfile ($lint/dockerfilelinter.yaml)"
# The linter writes a script per RUN line into its working directory for ShellCheck: a directory of its own keeps
# them out of the tree.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && node "$root/$lint/node_modules/dockerlinter/bin/dockerfilelinter.js" \
  --file "$dockerfile" --yaml "$root/$lint/dockerfilelinter.yaml" --error info)
echo "no findings"
