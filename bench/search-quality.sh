#!/usr/bin/env bash
# Search quality benchmark, two phases (SearchQualityBench). Validation: 1,000 Banking77 train
# questions (seed 77) held out as queries against the other 9,003, sixteen hybrid fusions (convex
# and RRF variants) measured, the best nDCG@10 + Recall@100 chosen. Test, once: train (10,003
# questions) indexed as answers with their all-MiniLM-L6-v2 embeddings, each test question (3,080)
# searched through AnswerSearch as the API does; relevant = train questions of the same intent.
# Prints nDCG@10 and Recall@100 for BM25, vector, the chosen hybrid fusion and plain RRF, then the
# chosen fusion minus BM25 and minus vector per query (paired bootstrap interval, wins/ties/losses).
#   bench/search-quality.sh [--threads 2] [--limit N] [--train PATH] [--test PATH] [--cache DIR]
# Needs: JDK 17 and ../shared/datasets/banking77/{train,test}.csv. The first run embeds the 13,083
# questions (1-2 minutes on 2 cores) and caches the vectors in engine/target/bench-cache; then
# about 3 minutes. Builds in the reactor (no install): the jars of this worktree are used.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.search.SearchQualityBench \
  --train "${BANKING77_TRAIN:-$root/../shared/datasets/banking77/train.csv}" \
  --test "${BANKING77_TEST:-$root/../shared/datasets/banking77/test.csv}" "$@"
