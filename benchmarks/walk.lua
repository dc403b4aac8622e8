-- wrk script for benchmarks/search_benchmark.py: walk a list of addresses (one per line, in the file
-- named after "--"), thread t of T asking addresses t, t+T, t+2T …, so that no address is asked twice
-- until the list runs out (then it starts over; the benchmark reports how many requests that made).
--   wrk --threads 2 --connections 8 --duration 15s --script walk.lua http://127.0.0.1:8101 -- list.txt 2
-- At the end it prints one line of JSON: requests, seconds, requests per second, latency, errors.

local count = 0

function setup(thread)
  thread:set("id", count)
  count = count + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  threads = tonumber(args[2] or "1")
  sent = 0
end

function request()
  local i = (id + sent * threads) % #paths
  sent = sent + 1
  return wrk.format("GET", paths[i + 1], {Host = "127.0.0.1"})
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "latency_median_ms": %.1f, "latency_p95_ms": %.1f, '
      .. '"non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
