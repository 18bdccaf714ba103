-- wrk script: POST unique answers; every acknowledged (201) answer's responseId is written to
-- a file per thread so the bench can check each one is in SQLite afterwards.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  acked = 0
  failed = 0
  run = os.getenv("BENCH_RUN") or "run"
  out = io.open((os.getenv("BENCH_ACKS") or "/tmp") .. "/acks-" .. tid .. ".txt", "w")
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"responseId":"%s-%d-%d","userId":"user-%d-%d","score":%d,"comment":"Swaps are slow on mobile, please add more chains"}',
    run, tid, counter, tid, counter % 50000, (counter % 7) + 1)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  if status == 201 then
    local id = string.match(body, '"responseId":"([^"]+)"')
    out:write(id, "\n")
    acked = acked + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) / 1000.0 end
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    p(50), p(99), latency.max / 1000.0,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
