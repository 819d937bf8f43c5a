-- wrk script for the benchmark. Environment:
--   BENCH_MODE  by-id (GET /api/v2/products/{id}, a random id of BENCH_IDS per request),
--               list (GET /api/v2/products?limit=20) or mixed (three by-id reads, then a list, repeated)
--   BENCH_IDS   file with one product id per line
-- done() prints one line for run.sh: "result requests=N seconds=S errors=E non2xx=X p50_ms=A p99_ms=B".
local mode = os.getenv("BENCH_MODE") or "by-id"
local paths = {}
for id in io.lines(os.getenv("BENCH_IDS")) do
  paths[#paths + 1] = "/api/v2/products/" .. id
end
assert(#paths > 0, "no ids in BENCH_IDS")
local list = "/api/v2/products?limit=20"
local count = 0

function init(args)
  math.randomseed(os.time())
end

function request()
  count = count + 1
  if mode == "list" or (mode == "mixed" and count % 4 == 0) then
    return wrk.format("GET", list)
  end
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("result requests=%d seconds=%.3f errors=%d non2xx=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
