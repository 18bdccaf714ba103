#!/usr/bin/env bash
# Theme pipeline benchmark: the first N (10,000) Banking77 train questions inserted as answers of
# one survey in one week into a fresh SQLite file, then ThemePipeline timed stage by stage
# (enrichment, embedding, clustering with sub-themes, labelling from the stored enrichment,
# storing), model loading included, with the peak heap; then the background sentiment run's
# throughput; then a second run of the same week, which must enrich 0 and embed 0.
# Targets: 10,000 answers under 60 s on 2 cores with heap under 3 GB (-Xmx3g, issue 4); 100,000
# answers under 5 minutes with heap under 4 GB (BENCH_HEAP=4g, issue 12).
#   bench/theme-pipeline-bench.sh [--n 10000] [--csv PATH [--text-column text]] [--dir PATH]
# --csv takes any CSV with a header and a text column; bench/make-scale-texts.py builds 100,000
# distinct answers from the labelled sets for the scale runs (10k, 30k, 100k are its prefixes).
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
"${timer[@]}" java -Xmx"${BENCH_HEAP:-3g}" -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.theme.ThemePipelineBench \
  --banking77 "${BANKING77_TRAIN:-$root/../shared/datasets/banking77/train.csv}" "$@"
