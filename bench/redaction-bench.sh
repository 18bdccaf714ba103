#!/usr/bin/env bash
# Redaction benchmark: planted secrets removed per kind (target 100%), Banking77 train answers
# changed by the full redactor, patterns + CoreNLP names (target < 1%), and throughput.
#   bench/redaction-bench.sh [--planted 2600] [--names 400] [--seed 20260301] [--threads 2]
#                            [--examples 20] [--banking77 PATH] [--compare-ner]
# Needs: JDK 17 and the CoreNLP models in the local Maven repository. About 1 minute on 2 cores
# after the build (3 to 5 minutes with --compare-ner).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.text.redact.RedactionBench \
  --banking77 "${BANKING77:-$root/../shared/datasets/banking77/train.csv}" "$@"
