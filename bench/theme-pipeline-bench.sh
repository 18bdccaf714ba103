#!/usr/bin/env bash
# Theme pipeline benchmark: the first N (10,000) Banking77 train questions inserted as answers of
# one survey in one week into a fresh SQLite file, then ThemePipeline timed stage by stage
# (enrichment, embedding, clustering with sub-themes, labelling from the stored enrichment,
# storing), model loading included, with the peak heap; then the background sentiment run's
# throughput; then a second run of the same week, which must enrich 0 and embed 0.
# Target (issue 4): under 60 s on 2 cores, heap under 3 GB (-Xmx3g).
#   bench/theme-pipeline-bench.sh [--n 10000] [--banking77 PATH] [--dir PATH]
# Needs: JDK 17, the models in the local Maven repository, ../shared/datasets/banking77/train.csv.
# About 1 minute for the first run, 1-2 minutes of sentiment, some seconds for the second run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
timer=()
if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -f "process: wall %e s, user %U s, system %S s, peak RSS %M KB")
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
"${timer[@]}" java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.theme.ThemePipelineBench \
  --banking77 "${BANKING77_TRAIN:-$root/../shared/datasets/banking77/train.csv}" "$@"
