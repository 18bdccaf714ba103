#!/usr/bin/env bash
# Persistent themes over weekly streams (issue 12): builds the four 8-week streams of the
# benchmarks with bench/make-theme-stream.py (stable, emerging, fading and one tripling label) and
# runs `productopsdash themes --week-column` on each, printing each stream's `tracking:` line.
# Streams: b77-train (Banking77 train, seed 1) and b77-train-s5 (seed 5) chose the settings;
# b77-test (Banking77 test, seed 2, 3-5 answers per label and week) and so20 (StackOverflow20, 20
# tags, seed 3) are the report. About 3-5 minutes per stream on 2 cores.
#   bench/theme-streams.sh [--only NAME] [--keep DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${DATASETS:-$root/../shared/datasets}"
only=""; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown option $1; usage: bench/theme-streams.sh [--only NAME] [--keep DIR]" >&2; exit 2 ;;
  esac
done
./mvnw -q -o package -Dmaven.test.skip=true -pl server -am >&2
work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
streams=(
  "b77-train|$data/banking77/train.csv|category|--seed 1"
  "b77-train-s5|$data/banking77/train.csv|category|--seed 5"
  "b77-test|$data/banking77/test.csv|category|--seed 2 --min 3 --max 5"
  "so20|$data/stackoverflow20/stackoverflow20.csv|label|--seed 3 --labels 20"
)
for s in "${streams[@]}"; do
  IFS='|' read -r name csv label args <<<"$s"
  if [ -n "$only" ] && [ "$name" != "$only" ]; then continue; fi
  # shellcheck disable=SC2086
  python3 bench/make-theme-stream.py --csv "$csv" --label-column "$label" --out "$work/$name.csv" $args >&2
  java -Xmx4g -jar server/target/productopsdash-server.jar themes --csv "$work/$name.csv" --text-column text \
    --week-column week --label-column label --out "$work/$name.out.csv" > "$work/$name.log" 2>&1
  echo "$name: $(grep '^tracking' "$work/$name.log")"
done
[ -n "$keep" ] || rm -rf "$work"
