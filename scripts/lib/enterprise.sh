# Shared by the scripts that run the published Enterprise (bench/run.sh, scripts/cluster.sh). Source it; it defines
# functions and the command below, and needs the current directory to be the repository's root.

# How the image starts the API (the Dockerfile's ENTRYPOINT), run from the publish directory: its threads under
# SCHED_BATCH, so that a woken thread does not preempt the one serving a request (docs/adr/0009).
deployed_api_command=(chrt --batch 0 dotnet Enterprise.WebApi.dll)

# Publishes src/WebApi (Release) into DIR ($1), emptied first: a ReadyToRun image left from an earlier publish must not
# stand in for this one's assembly. $2 = true builds it with ReadyToRun (src/WebApi's project file: the production
# publish, for this machine's runtime identifier); false reuses the portable Release build (after `dotnet build -c
# Release`, as scripts/test.sh does), without ReadyToRun, which needs a build for the runtime identifier. The output
# goes to LOG ($3) and is printed when the publish fails.
publish_webapi() {
  local dir="$1" build="$2" log="$3" options=(-c Release -o "$1" --nologo -v quiet)
  [[ "$build" == true ]] || options+=(--no-build -p:PublishReadyToRun=false)
  rm -rf "$dir"
  dotnet publish src/WebApi "${options[@]}" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}

# Applies Enterprise's migrations with the published app's `migrate` command (the deployment step) to the PostgreSQL
# database CONNECTION_STRING ($2), from the publish directory DIR ($1); the output goes to LOG ($3), printed on failure.
migrate_postgres() {
  local dir="$1" connection_string="$2" log="$3"
  (cd "$dir" && Database__Provider=PostgreSql ConnectionStrings__Enterprise="$connection_string" ASPNETCORE_ENVIRONMENT=Production \
    dotnet Enterprise.WebApi.dll migrate >"$log" 2>&1) || { cat "$log" >&2; return 1; }
}

# Waits up to 120 s until GET PATH ($2) on 127.0.0.1:PORT ($1) answers 200 while the process PID ($3) runs. When the
# process exits first, or the time runs out, prints the end of its LOG ($4) and why, and returns 1.
wait_until_answers() {
  local port="$1" path="$2" pid="$3" log="$4"
  for _ in $(seq 1 2400); do
    answers_ok "$port" "$path" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; echo "the process (PID $pid) exited before $path answered" >&2; return 1; }
    sleep 0.05
  done
  tail -n 30 "$log" >&2
  echo "GET $path on 127.0.0.1:$port did not answer 200 within 120 s" >&2
  return 1
}
