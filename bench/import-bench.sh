#!/usr/bin/env bash
# Import throughput: `productopsdash import` of N generated Segment events (JSON lines, seed 42)
# against sqlite3's own `.import` of the same rows as CSV into the same table shape (the events
# table of migration V002, with its unique messageId index), in the same run, runs alternating.
#   bench/import-bench.sh [events=1000000] [runs=3]
# Prints per run the wall time, events/s and peak resident memory of both, then the medians and
# the ratio productopsdash/sqlite3 (target: at most 2). Takes about a minute per run for 1M events
# on 2 cores, plus ~10 s to generate the files (~580 MB in a temporary folder, removed at the end).
# Needs: JDK 17, sqlite3 (apt-get install -y sqlite3); /usr/bin/time (apt-get install -y time)
# for peak memory, else the importer's own report of its peak resident memory is used.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000000}"
runs="${2:-3}"
command -v sqlite3 >/dev/null || { echo "missing sqlite3: apt-get install -y sqlite3" >&2; exit 2; }
work="$(mktemp -d /tmp/pod-import-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$root/bin/productopsdash" --version >/dev/null   # builds when needed
# A bounded heap: the importer's live set is small (chunks of 10,000 events), and without a bound
# the JVM grows its heap (and resident memory) to ~1.8 GB for nothing. Override as you like.
java_opts="${PRODUCTOPSDASH_JAVA_OPTS:--Xmx512m}"
echo "JVM options: $java_opts"
jar="$root/server/target/productopsdash-server.jar"
echo "generating $n Segment events and the same rows as CSV (seed 42)..."
java "$root/bench/GenerateEvents.java" "$n" 42 "$work/events.jsonl" "$work/events.csv"
sed -n '/CREATE TABLE events/,/);/p' "$root/data/src/main/resources/io/productopsdash/data/migrations/V002__events.sql" \
  > "$work/events-table.sql"
echo "files: $(du -h "$work/events.jsonl" | cut -f1) JSON lines, $(du -h "$work/events.csv" | cut -f1) CSV"

# timed LABEL CMD...: runs CMD, sets wall (s) and rss (KB, or empty).
timed() {
  local start end
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  else
    "$@" > "$work/out.txt" 2>&1
    rss=""
  fi
  end=$(date +%s%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
}

count() { sqlite3 "$1" "SELECT COUNT(*) FROM events"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

: > "$work/pod.txt"
: > "$work/sq.txt"
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  # shellcheck disable=SC2086
  timed java $java_opts -jar "$jar" import "$work/events.jsonl" --format segment --data "$work/data"
  if [ -z "$rss" ]; then
    rss=$(awk '/peak resident memory/ {print $(NF-1) * 1024}' "$work/out.txt")
  fi
  stored=$(count "$work/data/productopsdash.db")
  [ "$stored" -eq "$n" ] || { echo "FAIL: productopsdash stored $stored of $n events" >&2; cat "$work/out.txt" >&2; exit 1; }
  pod_wall=$wall
  pod_rss=$rss
  echo "$pod_wall" >> "$work/pod.txt"

  rm -f "$work/sqlite.db"
  sqlite3 "$work/sqlite.db" < "$work/events-table.sql"
  timed sqlite3 "$work/sqlite.db" ".import --csv --skip 1 $work/events.csv events"
  stored=$(count "$work/sqlite.db")
  [ "$stored" -eq "$n" ] || { echo "FAIL: sqlite3 .import stored $stored of $n rows" >&2; cat "$work/out.txt" >&2; exit 1; }
  echo "$wall" >> "$work/sq.txt"
  awk -v r="$run" -v pw="$pod_wall" -v pr="$pod_rss" -v sw="$wall" -v sr="$rss" -v n="$n" 'BEGIN {
    printf "run %d: productopsdash import %.2f s (%.0f events/s, peak %s MB) | sqlite3 .import %.2f s (%.0f rows/s, peak %s MB) | ratio %.2f\n",
      r, pw, n / pw, pr == "" ? "?" : sprintf("%.0f", pr / 1024), sw, n / sw, sr == "" ? "?" : sprintf("%.0f", sr / 1024), pw / sw }'
done
pod=$(median < "$work/pod.txt")
sq=$(median < "$work/sq.txt")
awk -v p="$pod" -v s="$sq" -v n="$n" -v runs="$runs" 'BEGIN {
  printf "RESULT median of %d runs, %d events: productopsdash import %.2f s = %.0f events/s; sqlite3 .import %.2f s = %.0f rows/s; ratio %.2f (target <= 2)\n",
    runs, n, p, n / p, s, n / s, p / s }'
