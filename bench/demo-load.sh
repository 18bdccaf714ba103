#!/usr/bin/env bash
# Demo load time: `productopsdash demo --exit-after-load` into a fresh data folder, which
# generates the whole demo data set (users and events, the weekly survey through the survey loop,
# enrichment and twelve weekly theme runs, sentiment, the search index) and exits instead of
# serving. Prints the phases' wall times as the command reports them, and the process's wall
# time, CPU and peak RSS. Target (issue 6): ready in under 2 minutes on 2 cores.
#   bench/demo-load.sh [--users 10000] [--seed 42] [--runs 1] [--dir PATH]
# Needs: JDK 17, the models in the local Maven repository. About 1-2 minutes per run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
users=10000
seed=42
runs=1
dir="$root/bench/out/demo-load"
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
./mvnw -q -o package -DskipTests >&2
timer=()
if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -f "process: wall %e s, user %U s, system %S s, peak RSS %M KB")
fi
for i in $(seq 1 "$runs"); do
  rm -rf "$dir"
  echo "run $i, load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
  "${timer[@]}" java ${PRODUCTOPSDASH_JAVA_OPTS:-} -jar server/target/productopsdash-server.jar demo \
    --data "$dir" --users "$users" --seed "$seed" --admin-token bench-admin-token-0123456789abcdef --exit-after-load 2>&1 \
    | grep -E "^(Generating|Phases|Data set|process)"
done
rm -rf "$dir"
