-- POSTs one pre-signed Slack slash command, over and over, for wrk (Debian: apt-get install wrk).
-- The body and its signature come from the environment, signed by the caller right before the run
-- (Slack's signature: X-Slack-Signature = "v0=" + hex HMAC-SHA256 of "v0:" .. timestamp .. ":" .. body,
-- with the app's signing secret; the server refuses a timestamp more than 5 minutes off):
--
--   SLASH_BODY='token=x&...&command=%2Fistiocon&text=ebpf+talks' SLASH_TIMESTAMP=1700000000 \
--   SLASH_SIGNATURE=v0=... wrk -t1 -c16 -d10s -s src/bench/wrk/slash.lua http://127.0.0.1:3000/slack/events
--
-- SideBySide (src/bench/java) runs it that way. At the end it prints one line, "RESULT key=value ...",
-- for the caller to read: requests, duration_us, bytes, the socket errors (connect, read, write,
-- timeout), status (responses with a status of 400 or more, which is what wrk counts), and the
-- latency percentiles in microseconds.

wrk.method = "POST"
wrk.body = assert(os.getenv("SLASH_BODY"), "set SLASH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = assert(os.getenv("SLASH_TIMESTAMP"), "set SLASH_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = assert(os.getenv("SLASH_SIGNATURE"), "set SLASH_SIGNATURE")

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d timeout=%d"
    .. " status=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
