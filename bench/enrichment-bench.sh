#!/usr/bin/env bash
# Enrichment benchmark on Banking77 train: CoreNLP model load times, enrichment throughput (tokens,
# lemmas, noun phrases, names; no sentiment) in memory and into SQLite, sentiment throughput with
# the shift-reduce parser, and sample theme labels.
#   bench/enrichment-bench.sh [--n 2000] [--threads 2] [--labels 12] [--banking77 PATH]
# Needs: JDK 17 and the CoreNLP models in the local Maven repository. About 1 minute on 2 cores
# after the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.text.enrich.EnrichmentBench \
  --banking77 "${BANKING77:-$root/../shared/datasets/banking77/train.csv}" "$@"
