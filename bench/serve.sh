#!/usr/bin/env bash
# Load on `lakehouse serve` with wrk (Debian): GET /data/query with a small query, and
# tools/call of the same query over MCP's Streamable HTTP (POST /mcp), at 64 connections;
# req/s, p99 and errors, the server's memory at the start and the end, next to the same
# call in-process (bench_tool). Part of `make bench` (BENCH_ONLY=serve).
#   BENCH_SERVE_SECONDS  length of each wrk run (default 60)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
secs=${BENCH_SERVE_SECONDS:-60}
command -v wrk >/dev/null || { echo "bench: no wrk (make bench installs Debian's wrk)" >&2; exit 1; }
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
lh() { "$build/lakehouse" --lake "$work/lake" "$@"; }
lh init >/dev/null
lh sql -c "CREATE TABLE events AS SELECT range AS id, 'event ' || range AS msg, range % 7 AS kind FROM range(100000)" >/dev/null
token=$(lh token create --tenant bench --read-only 2>/dev/null | tail -n1)
sql="SELECT id, msg, kind FROM events WHERE id = 4242"
"$build/lakehouse" --lake "$work/lake" serve --port 0 --threads "$(nproc)" > "$work/serve.out" 2> "$work/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.out")
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
enc=$(/usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$sql")
curl -sf -H "Authorization: Bearer $token" "$url/data/query?sql=$enc" >/dev/null
cat > "$work/mcp.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"query","arguments":{"sql":"$sql"}}}'
LUA
echo "machine: $(nproc) cores; server: lakehouse serve --threads $(nproc); wrk -t2 -c64 -d${secs}s"
rss0=$(rss)
report() { # label, wrk output
    awk -v label="$1" '
        /Requests\/sec/ {rps = $2}
        /^ +99%/ {p99 = $2}
        /Non-2xx/ {bad = $4}
        /Socket errors/ {sock = $0}
        END {printf "%-34s %8.0f req/s   p99 %-9s non-2xx %s%s\n", label, rps, p99, bad ? bad : 0, sock ? "  " sock : ""}' <<<"$2"
}
out=$(wrk -t2 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $token" "$url/data/query?sql=$enc")
report "GET /data/query" "$out"
rss1=$(rss)
out=$(wrk -t2 -c64 -d"${secs}s" --latency -s "$work/mcp.lua" "$url/mcp")
report "POST /mcp tools/call query" "$out"
rss2=$(rss)
echo "server RSS: ${rss0} KiB at start, ${rss1} KiB after the first run, ${rss2} KiB after the second"
"$build/bench/bench_tool" "$work/lake" "$sql" 10
