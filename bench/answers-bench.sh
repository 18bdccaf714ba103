#!/usr/bin/env bash
# Durable answers per second through POST /api/v1/surveys/{id}/answers on loopback, driven by wrk,
# with p50/p99 latency, then a check that every acknowledged (201) answer is in the SQLite file.
#   bench/answers-bench.sh [duration_s=20] [connections=16] [wrk_threads=1]   (BENCH_KILL=1: SIGKILL the server)
# Needs: wrk and sqlite3 (apt-get install -y wrk sqlite3), JDK 17.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-20}"; connections="${2:-16}"; threads="${3:-1}"
port="${BENCH_PORT:-7391}"
work="$(mktemp -d /tmp/pod-answers-bench.XXXXXX)"
token="bench-admin-token-$$-$(date +%s%N)"
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done

"$root/bin/productopsdash" --version >/dev/null   # builds when needed
PRODUCTOPSDASH_JAVA_OPTS="${PRODUCTOPSDASH_JAVA_OPTS:--Xmx1g}" \
  "$root/bin/productopsdash" serve --port "$port" --data "$work/data" --admin-token "$token" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "localhost:$port/widget.js" >/dev/null && break; sleep 0.2; done

survey=$(curl -sf -X POST "localhost:$port/api/v1/surveys" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d '{"name":"Bench","question":"How satisfied are you?","sampleRate":1,"openQuestion":"How can we make it better?"}' \
  | sed -E 's/^\{"id":([0-9]+).*/\1/')
url="http://127.0.0.1:$port/api/v1/surveys/$survey/answers"

echo "warm-up (5 s)..."
mkdir -p "$work/warm" "$work/acks"
BENCH_RUN=warm BENCH_ACKS="$work/warm" wrk -t"$threads" -c"$connections" -d5s -s "$root/bench/answers.lua" "$url" > /dev/null
echo "measuring ($duration s, $connections connections, $threads wrk threads)..."
BENCH_RUN=main BENCH_ACKS="$work/acks" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$root/bench/answers.lua" "$url" | tee "$work/wrk.txt" | grep -E "RESULT|Latency|Requests/sec"

# BENCH_KILL=1 stops the server with SIGKILL right after the load: no shutdown hook, no clean
# close. Acknowledged answers must survive that too (they were committed with synchronous=FULL).
if [ "${BENCH_KILL:-0}" = 1 ]; then kill -KILL $server; else kill -TERM $server; fi
wait $server || true; trap - EXIT
acked=$(cat "$work"/acks/acks-*.txt | wc -l)
cat "$work"/acks/acks-*.txt | sort > "$work/acked.txt"
sqlite3 "$work/data/productopsdash.db" "SELECT response_id FROM answers WHERE response_id LIKE 'main-%'" | sort > "$work/stored.txt"
missing=$(comm -23 "$work/acked.txt" "$work/stored.txt" | wc -l)
stored=$(wc -l < "$work/stored.txt")
echo "CHECK acknowledged=$acked stored=$stored acknowledged_but_missing=$missing"
[ "$missing" -eq 0 ] || { echo "FAIL: acknowledged answers missing from SQLite" >&2; exit 1; }
rm -rf "$work"
