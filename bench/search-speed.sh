#!/usr/bin/env bash
# Search speed benchmark: indexing throughput without vectors (target >= 20,000 answers/s) and with
# precomputed vectors (>= 3,000/s), one thread; then p50/p99 latency over 1,000,000 answers of
# keyword, filtered + faceted (target p99 < 20 ms), vector (p99 < 50 ms) and hybrid queries, 2,000
# each after a warm-up. Synthetic answers from Banking77 train questions and their real embeddings
# with small noise (see SearchSpeedBench).
#   bench/search-speed.sh [--phase throughput|latency|all] [--plain 200000] [--vectors 50000]
#                         [--docs 1000000] [--queries 2000] [--warmup 500] [--build-threads 2]
#                         [--index DIR] [--cache DIR]
# Needs: JDK 17, ../shared/datasets/banking77/train.csv, about 3 GB of disk for the 1M index
# (built once into engine/target/bench-cache/search-1m and reused; delete it to rebuild). The
# first run embeds the train questions (1-2 minutes) and builds the 1M index (tens of minutes
# on 2 cores); later runs take a few minutes. Builds in the reactor (no install).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx4g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.search.SearchSpeedBench \
  --train "${BANKING77_TRAIN:-$root/../shared/datasets/banking77/train.csv}" "$@"
