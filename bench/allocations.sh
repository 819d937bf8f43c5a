#!/usr/bin/env bash
# The allocation budget of the in-process read path: BenchmarkDotNet (bench/Enterprise.Benchmarks, MemoryDiagnoser)
# sends GetProductQuery through the mediator's behaviors to the handler on a real database, with the cache off and on,
# and this fails when an uncached read allocates more than the budget.
#
#   bench/allocations.sh [--full] [--no-build] [--budget-kb N]
#   bench/allocations.sh --by-type [--no-build]
#     --full         BenchmarkDotNet's default job (minutes) instead of its short run (about a minute)
#     --by-type      instead of the budget check: 100,000 uncached reads (ENTERPRISE_BENCH_READS) with the runtime's
#                    allocation sampling on, and the bytes per read by allocated type (where to look when over budget);
#                    ENTERPRISE_BENCH_LOG_LEVEL=Warning shows what logging costs
#     --no-build     run the benchmark as last built (Release)
#     --budget-kb N  kilobytes one uncached read may allocate (default 10)
#
# SQLite in a temporary file by default; ENTERPRISE_BENCH_POSTGRES=<connection string> runs it on PostgreSQL (the
# database it names is migrated and seeded).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

build=true budget_kb=10 benchmark_args=() by_type=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) benchmark_args+=(--full); shift ;;
    --no-build) build=false; shift ;;
    --by-type) by_type=true; shift ;;
    --budget-kb) [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "error: --budget-kb takes a whole number" >&2; exit 2; }; budget_kb="$2"; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

project=bench/Enterprise.Benchmarks
if [[ "$by_type" == true ]]; then
  [[ "$build" == false ]] || dotnet build "$project" -c Release --nologo -v quiet
  exec dotnet run --project "$project" -c Release --no-build -- --by-type
fi
artifacts="$(mktemp -d /tmp/enterprise-allocations.XXXXXX)"
trap 'rm -rf "$artifacts"' EXIT
[[ "$build" == false ]] || dotnet build "$project" -c Release --nologo -v quiet
dotnet run --project "$project" -c Release --no-build -- --filter '*GetProductBenchmarks*' --exporters github --artifacts "$artifacts" \
  "${benchmark_args[@]}" | sed -n '/^| Method/,/^$/p'

# The report's Allocated column for the uncached row (Cached=False), e.g. "12.92 KB".
report="$(ls "$artifacts"/results/*GetProductBenchmarks-report-github.md)"
# Cells are padded and the rows bold (**False**): both are stripped.
allocated="$(awk -F'|' '/^\| Method/ { for (i = 2; i < NF; i++) { gsub(/ /, "", $i); if ($i == "Cached") c = i; if ($i == "Allocated") a = i } next }
  c && a { cached = $c; gsub(/[ *]/, "", cached); if (cached == "False") { value = $a; gsub(/\*/, "", value); gsub(/^ +| +$/, "", value); print value } }' "$report")"
bytes="$(awk -v value="$allocated" 'BEGIN { split(value, part, " "); unit = part[2]; n = part[1]; gsub(/,/, "", n)
  if (n !~ /^[0-9.]+$/) exit 1; print int(n * (unit == "KB" ? 1024 : unit == "MB" ? 1048576 : 1)) }')" ||
  { echo "error: cannot read the allocation '$allocated' in $report" >&2; exit 1; }
if [[ "$bytes" -le $((budget_kb * 1024)) ]]; then
  echo "Uncached read by id: $allocated allocated, within the budget of $budget_kb KB"
else
  echo "Uncached read by id: $allocated allocated, over the budget of $budget_kb KB" >&2
  exit 1
fi
