-- wrk script for benchmark 1: cycles through a pool of pre-signed Twilio message webhooks (bench/src/SignWebhooks.java
-- writes it: one "signature TAB body" per line). The same script drives handoff-service and the bare application.
-- Usage: POOL=file wrk -s ingest.lua URL
local pool = {}
for line in io.lines(os.getenv("POOL")) do
  local signature, body = line:match("^([^\t]+)\t(.*)$")
  pool[#pool + 1] = { signature = signature, body = body }
end
local i = math.random(#pool)
local path = "/api/webhooks/twilio/messages"

request = function()
  i = i % #pool + 1
  local item = pool[i]
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = item.signature,
  }, item.body)
end

-- one summary line that bench/run.sh reads (non2xx: answers other than 2xx/3xx, errors: socket errors and timeouts)
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
