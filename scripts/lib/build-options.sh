# Shared by the scripts that work on a build of one project. Source it; it defines functions only.

# Reads "[--configuration NAME] [--no-build]" into $configuration (Debug unless given) and $build (false with
# --no-build); anything else calls the sourcing script's usage function. Then builds project $1 unless told not to.
build_unless_told_not_to() {
  local project="$1"
  shift
  configuration=Debug
  build=true
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --configuration | -c)
        [[ $# -ge 2 ]] || usage
        configuration="$2"
        shift 2
        ;;
      --no-build)
        build=false
        shift
        ;;
      *) usage ;;
    esac
  done

  if [[ "$build" == true ]]; then
    dotnet build "$project" --configuration "$configuration" --nologo --verbosity quiet
  fi
}
