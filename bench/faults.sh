#!/usr/bin/env bash
# Fault trials against the real launcher, each ending in counts:
#  1. kill -9 trials: answers (widget API) and Segment batches (/v1/batch) posted while the server
#     is killed with SIGKILL at a random moment, restarted on the same data folder, killed again...
#     Then every acknowledged id must be in SQLite (lost=0) and no id the server refused with an
#     answer of its own may be (refused_but_stored=0).
#  2. slow clients: 300 connections from loopback addresses of their own trickle an answer's body a
#     byte every 200 ms; 10 normal answers meanwhile must each get their 201 within 1 s.
#  3. disk full: the data folder on a 24 MB tmpfs that is filled up under load and freed again:
#     writes either acknowledged and stored or refused (503) and not stored; /readyz says 503 while
#     full and 200 once freed. Needs root for the mount (as in CI); otherwise this check is skipped
#     and says so.
#   bench/faults.sh [trials=10] [seconds_per_trial=6]
# Needs: sqlite3 and curl (apt-get install -y sqlite3 curl), JDK 17.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
trials="${1:-10}"; seconds="${2:-6}"
port="${BENCH_PORT:-7393}"
base="http://127.0.0.1:$port"
work="$(mktemp -d /tmp/pod-faults.XXXXXX)"
token="faults-admin-token-$$-$(date +%s%N)"
for tool in sqlite3 curl javac; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $tool" >&2; exit 2; }
done
[ "$seconds" -ge 3 ] || { echo "seconds_per_trial must be at least 3" >&2; exit 2; }

"$root/bin/productopsdash" --version >/dev/null   # builds when needed
javac -d "$work/classes" "$root/bench/FaultClient.java"
client() { java -cp "$work/classes" FaultClient "$@"; }

server=""
cleanup() {
  [ -n "$server" ] && kill -KILL "$server" 2>/dev/null || true
  if [ -n "${mounted:-}" ]; then umount -l "$work/mnt" 2>/dev/null || true; fi
}
trap cleanup EXIT

# Starts serve on $1 (log $2) and waits until it answers /readyz.
start_server() {
  PRODUCTOPSDASH_JAVA_OPTS="${PRODUCTOPSDASH_JAVA_OPTS:--Xmx1g}" \
    "$root/bin/productopsdash" serve --port "$port" --data "$1" --admin-token "$token" > "$work/$2.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -sf "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { echo "serve exited; log:" >&2; cat "$work/$2.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "serve did not become ready; log:" >&2; cat "$work/$2.log" >&2; exit 1
}

admin() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
new_survey() { admin POST /api/v1/surveys '{"name":"Faults","question":"How satisfied are you?","sampleRate":1}' | sed -E 's/^\{"id":([0-9]+).*/\1/'; }

# Prints "lost refused_but_stored" for acknowledged ids $1, refused ids $2, stored ids $3 (files).
compare() {
  sort -u "$1" > "$1.sorted"; sort -u "$2" > "$2.sorted"; sort -u "$3" > "$3.sorted"
  echo "$(comm -23 "$1.sorted" "$3.sorted" | wc -l) $(comm -12 "$2.sorted" "$3.sorted" | wc -l)"
}

# ---- 1. kill -9 trials ----
echo "kill -9: $trials trials of up to $seconds s of answers and Segment batches each..."
data="$work/kill9"
start_server "$data" serve-0
survey="$(new_survey)"
write_key="$(admin POST /api/v1/sources '{"name":"faults"}' | sed -E 's/.*"writeKey":"([^"]+)".*/\1/')"
for t in $(seq 1 "$trials"); do
  [ "$t" -gt 1 ] && start_server "$data" "serve-$t"
  client answers "$base" "$survey" "$((seconds + 20))" 8 "a$t" "$work/acked-answers-$t" "$work/refused-answers-$t" > "$work/client-a-$t.log" &
  answers_client=$!
  client segment "$base" "$write_key" "$((seconds + 20))" 4 "s$t" "$work/acked-events-$t" "$work/refused-events-$t" > "$work/client-s-$t.log" &
  events_client=$!
  # Kill at a random moment once both loads are acknowledged, within the trial's seconds.
  for _ in $(seq 1 150); do
    grep -q "first acknowledgement" "$work/client-a-$t.log" && grep -q "first acknowledgement" "$work/client-s-$t.log" && break
    sleep 0.1
  done
  sleep "$(( RANDOM % (seconds - 2) )).$(( RANDOM % 10 ))"
  kill -KILL "$server"; wait "$server" 2>/dev/null || true; server=""
  wait "$answers_client" "$events_client"
  echo "  trial $t: answers $(tail -n 1 "$work/client-a-$t.log"); events $(tail -n 1 "$work/client-s-$t.log")"
done
cat "$work"/acked-answers-* > "$work/acked-answers"; cat "$work"/refused-answers-* > "$work/refused-answers"
cat "$work"/acked-events-* > "$work/acked-events"; cat "$work"/refused-events-* > "$work/refused-events"
sqlite3 "$data/productopsdash.db" "SELECT response_id FROM answers" > "$work/stored-answers"
sqlite3 "$data/productopsdash.db" "SELECT message_id FROM events" > "$work/stored-events"
read -r lost_a rbs_a <<< "$(compare "$work/acked-answers" "$work/refused-answers" "$work/stored-answers")"
read -r lost_e rbs_e <<< "$(compare "$work/acked-events" "$work/refused-events" "$work/stored-events")"
acked_a=$(sort -u "$work/acked-answers" | wc -l); acked_e=$(sort -u "$work/acked-events" | wc -l)
refused_a=$(sort -u "$work/refused-answers" | wc -l); refused_e=$(sort -u "$work/refused-events" | wc -l)
echo "RESULT kill9 trials=$trials acknowledged=$((acked_a + acked_e)) lost=$((lost_a + lost_e)) refused=$((refused_a + refused_e)) refused_but_stored=$((rbs_a + rbs_e)) (answers: acknowledged=$acked_a lost=$lost_a; segment events: acknowledged=$acked_e lost=$lost_e)"
failed=0
[ $((lost_a + lost_e + rbs_a + rbs_e)) -eq 0 ] || { echo "FAIL: acknowledged writes lost or refused writes stored" >&2; failed=1; }

# ---- 2. slow clients ----
echo "slow clients: 300 trickling bodies, 10 normal answers meanwhile..."
start_server "$work/slow" serve-slow
survey="$(new_survey)"
slow_line="$(client slow "$base" "$survey" 300)"
echo "$slow_line"
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
echo "$slow_line" | grep -q "normal_201_within_1s=10 " || { echo "FAIL: a normal answer was slow or refused" >&2; failed=1; }

# ---- 3. disk full ----
mkdir -p "$work/mnt"
if mount -t tmpfs -o size=24m tmpfs "$work/mnt" 2>/dev/null; then
  mounted=1
  echo "disk full: a 24 MB tmpfs filled under load, then freed..."
  data="$work/mnt/data"
  start_server "$data" serve-full
  survey="$(new_survey)"
  client answers "$base" "$survey" 12 8 "f" "$work/acked-full" "$work/refused-full" > "$work/client-full.log" &
  full_client=$!
  sleep 2
  dd if=/dev/zero of="$work/mnt/filler" bs=64k 2>/dev/null || true   # until the disk is full
  sleep 4
  ready_full="$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")"
  rm -f "$work/mnt/filler"
  sleep 2
  ready_after="$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")"
  wait "$full_client"
  after="$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/surveys/$survey/answers" \
    -H 'Content-Type: application/json' -d '{"responseId":"after-free","userId":"a","score":5}')"
  kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
  sqlite3 "$data/productopsdash.db" "SELECT response_id FROM answers" > "$work/stored-full"
  read -r lost_f rbs_f <<< "$(compare "$work/acked-full" "$work/refused-full" "$work/stored-full")"
  acked_f=$(sort -u "$work/acked-full" | wc -l); refused_f=$(sort -u "$work/refused-full" | wc -l)
  echo "RESULT disk-full trials=1 acknowledged=$acked_f lost=$lost_f refused=$refused_f refused_but_stored=$rbs_f readyz_full=$ready_full readyz_freed=$ready_after answer_after_free=$after"
  [ $((lost_f + rbs_f)) -eq 0 ] && [ "$refused_f" -gt 0 ] && [ "$ready_full" = 503 ] && [ "$ready_after" = 200 ] && [ "$after" = 201 ] \
    || { echo "FAIL: disk-full check" >&2; failed=1; }
  umount -l "$work/mnt"; mounted=""
else
  echo "SKIP disk-full: cannot mount a tmpfs here (needs root, as in CI)"
fi

trap - EXIT
[ "$failed" -eq 0 ] && rm -rf "$work"
exit "$failed"
