#!/usr/bin/env bash
# Theme quality benchmark: runs `productopsdash themes` on the labelled data sets listed in
# bench/themes-quality.expected.yaml and checks NMI, ARI, Hungarian accuracy (percent) and the
# number of themes against the expected values and tolerances there. Exit code 1 if any run is
# out of tolerance (the issue targets are reported beside, not enforced).
#   bench/themes-quality.sh [--only NAME] [--threads 2] [--keep DIR]
# A run with `per_label: N` clusters a seeded sample of N texts per label (`sample_seed`, of the
# space-separated `labels` only when given) instead of the whole file.
# Needs: JDK 17, python3 and the data sets in ../shared/datasets. About 3 minutes on 2 idle cores
# (StackOverflow20's 20,000 embeddings are most of it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
expected="bench/themes-quality.expected.yaml"
only=""
threads=2
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
./mvnw -q package -Dmaven.test.skip=true -pl server -am >&2
jar="server/target/productopsdash-server.jar"
work="${keep:-$(mktemp -d)}"
mkdir -p "$work"

# The YAML subset used here: "- name: X" starts a run, "key: value" lines follow.
runs="$(awk '/^- name:/ {print $3}' "$expected")"
get() { # get RUN KEY
  awk -v run="$1" -v key="$2" '
    /^- name:/ { inrun = ($3 == run); next }
    inrun && $1 == key":" { sub(/^[^:]*:[ ]*/, ""); sub(/[ ]+#.*$/, ""); print; exit }' "$expected"
}

status=0
printf '%-30s %-8s %8s %8s %8s %8s   %s\n' run metric measured expected tolerance check target >&2
summary=""
for run in $runs; do
  if [ -n "$only" ] && [ "$run" != "$only" ]; then continue; fi
  csv="$(get "$run" csv)"
  log="$work/$run.log"
  per_label="$(get "$run" per_label)"
  if [ -n "$per_label" ]; then
    # A seeded sample of per_label texts of each label (of the listed labels only, when given).
    python3 - "$csv" "$(get "$run" label_column)" "$per_label" "$(get "$run" sample_seed)" "$(get "$run" labels)" \
      "$work/$run.input.csv" <<'PY'
import csv, random, sys
src, column, per, seed, labels, out = sys.argv[1:]
keep = set(labels.split()) if labels.strip() else None
rows = list(csv.DictReader(open(src, newline="", encoding="utf-8")))
by = {}
for r in rows:
    if keep is None or r[column] in keep:
        by.setdefault(r[column], []).append(r)
rnd = random.Random(int(seed or 1))
picked = []
for label in sorted(by):
    picked += rnd.sample(by[label], min(int(per), len(by[label])))
position = {id(r): i for i, r in enumerate(rows)}
picked.sort(key=lambda r: position[id(r)])
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(picked)
PY
    csv="$work/$run.input.csv"
  fi
  start=$(date +%s)
  # shellcheck disable=SC2046
  java -Xmx3g -jar "$jar" themes --csv "$csv" --text-column "$(get "$run" text_column)" \
    --label-column "$(get "$run" label_column)" --threads "$threads" --timings \
    --out "$work/$run.csv" $(get "$run" args) > "$log"
  secs=$(( $(date +%s) - start ))
  line="$(grep '^Against column' "$log")"
  # "Against column 'x' (77 classes): NMI 81.8, ARI 54.2, accuracy 65.0 (percent); 63 themes"
  read -r nmi ari acc themes <<<"$(echo "$line" | sed -E 's/.*NMI ([0-9.]+), ARI ([-0-9.]+), accuracy ([0-9.]+) \(percent\); ([0-9]+) themes.*/\1 \2 \3 \4/')"
  for metric in themes nmi ari accuracy; do
    case "$metric" in themes) got=$themes ;; nmi) got=$nmi ;; ari) got=$ari ;; accuracy) got=$acc ;; esac
    want="$(get "$run" "$metric")"
    tol="$(get "$run" "tolerance_$metric")"
    target="$(get "$run" "target_$metric")"
    check="$(awk -v g="$got" -v w="$want" -v t="$tol" 'BEGIN { d = g - w; if (d < 0) d = -d; print (d <= t + 1e-9 ? "ok" : "FAIL") }')"
    tgt=""
    if [ -n "$target" ]; then
      tgt="$(awk -v g="$got" -v t="$target" 'BEGIN { print (g >= t ? "target " t " met" : "target " t " MISSED") }')"
    fi
    [ "$check" = ok ] || status=1
    printf '%-30s %-8s %8s %8s %8s %8s   %s\n' "$run" "$metric" "$got" "$want" "±$tol" "$check" "$tgt" >&2
  done
  summary="$summary$run: $(grep '^Timings' "$log" | sed 's/^Timings: //') (whole command ${secs} s)"$'\n'
done
printf '\n%s' "$summary" >&2
[ -n "$keep" ] || rm -rf "$work"
if [ $status -ne 0 ]; then
  echo "Theme quality out of tolerance (see above)." >&2
fi
exit $status
