#!/usr/bin/env bash
# Theme speed benchmark: 10,000 texts (the first rows of Banking77 train) from raw text to
# clustered and labelled themes with `productopsdash themes`, 2 threads, -Xmx3g. Prints the time
# of each stage (model load, embedding, clustering, labelling), the peak heap and, from
# /usr/bin/time when present, the whole process's wall and CPU time and peak RSS.
# Target (issue 4): under 60 s on 2 cores.
#   bench/themes-speed.sh [--rows 10000] [--threads 2] [--repeat 1]
# Needs: JDK 17 and ../shared/datasets/banking77/train.csv. About 40 s per run on 2 idle cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rows=10000
threads=2
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
./mvnw -q package -Dmaven.test.skip=true -pl server -am >&2
csv="${BANKING77_TRAIN:-$root/../shared/datasets/banking77/train.csv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
timer=()
if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -f "process: wall %e s, user %U s, system %S s, peak RSS %M KB")
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
status=0
for i in $(seq 1 "$repeat"); do
  start=$(date +%s.%N)
  "${timer[@]}" java -Xmx3g -jar server/target/productopsdash-server.jar themes --csv "$csv" \
    --text-column text --label-column category --limit "$rows" --threads "$threads" --timings \
    --out "$work/themes.csv" > "$work/out.log" 2> "$work/err.log" || { cat "$work/err.log" >&2; exit 1; }
  wall="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
  grep -E '^(Read|[0-9]+ themes|Timings|Against)' "$work/out.log" >&2
  grep '^process:' "$work/err.log" >&2 || true
  verdict="$(awk -v w="$wall" 'BEGIN { print (w < 60 ? "under" : "OVER") }')"
  echo "run $i: $rows texts, whole command ${wall} s ($verdict the 60 s target)" >&2
  [ "$verdict" = under ] || status=1
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
exit $status
