-- wrk script of the load test (tests/load/run.sh): every request is the next of the API's main
-- reads, in turn, each thread starting at a different one. At the end, one line of figures for
-- run.sh to read: `RESULT key=value ...`.

local doc = os.getenv("LOAD_DOCUMENT_ID") or "none"

local paths = {
  "/api/stats",
  "/api/dyads",
  "/api/events?dyad=SAU,KAZ&limit=20",
  "/api/events?code=04&from=2015-01-01&to=2025-12-31&limit=50",
  "/api/events?modality=asserted&q=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6&limit=20",
  "/api/timeline?a=SAU&b=KAZ",
  "/api/entities?kind=person&limit=50",
  "/api/entities?q=tokayev",
  "/api/network?dyad=SAU,KAZ",
  "/api/conflicts",
  "/api/commitments",
  "/api/search?q=visit&limit=10",
  "/api/search?q=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6&lang=ar&limit=10",
  "/api/documents?limit=20",
  "/api/documents?lang=en&limit=50&offset=100",
  "/api/documents/" .. doc,
  "/healthz",
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  next_path = id
  bad = 0
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("non-2xx: " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f " ..
    "non2xx=%d status_errors=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx, e.status, e.connect, e.read, e.write, e.timeout))
end
