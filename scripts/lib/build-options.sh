# Shared by the scripts that take a command and work on a build of one project. Source it; it defines functions only.

# Usage: read_command_and_build PROJECT COMMANDS "$@", COMMANDS being the accepted commands joined by "|".
# Reads "COMMAND [--configuration NAME] [--no-build]" into $command, $configuration (Debug unless given) and $build
# (false with --no-build), printing the usage and exiting 2 on anything else; then builds PROJECT unless --no-build.
read_command_and_build() {
  local project="$1" commands="$2"
  shift 2
  local usage="usage: $0 $commands [--configuration NAME] [--no-build]"
  command="${1:-}"
  if [[ -z "$command" || "|$commands|" != *"|$command|"* ]]; then
    echo "$usage" >&2
    exit 2
  fi
  shift

  configuration=Debug
  build=true
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --configuration | -c)
        [[ $# -ge 2 ]] || { echo "$usage" >&2; exit 2; }
        configuration="$2"
        shift 2
        ;;
      --no-build)
        build=false
        shift
        ;;
      *)
        echo "$usage" >&2
        exit 2
        ;;
    esac
  done

  if [[ "$build" == true ]]; then
    dotnet build "$project" --configuration "$configuration" --nologo --verbosity quiet
  fi
}
