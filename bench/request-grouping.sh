#!/usr/bin/env bash
# Request-grouping benchmark: average-linkage grouping of new feature requests (RequestGrouping)
# at several thresholds against the greedy leader clustering used before, on Banking77 questions
# standing in for a week's requests (40 draws of 12 asks). Prints ARI, NMI and groups per method
# for the train split (where the default 0.45 was chosen) and the test split (reported).
#   bench/request-grouping.sh [--draws 40] [--seed 7]
# Needs: JDK 17 and the data sets in ../shared/datasets. The first run embeds Banking77 (1-2
# minutes on 2 cores, cached in engine/target/bench-cache); then a few seconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${DATASETS:-$root/../shared/datasets}/banking77"
source bench/engine-classpath.sh
for split in train test; do
  java -Duser.language=en -Duser.country=US -cp "$cp" io.productopsdash.engine.theme.RequestGroupingBench \
    --csv "$data/$split.csv" --cache engine/target/bench-cache/banking77-$split.minilm "$@"
  echo
done
