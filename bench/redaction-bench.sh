#!/usr/bin/env bash
# Redaction benchmarks.
#
#   bench/redaction-bench.sh --corpus FILE.csv [--glossary FILE] [--clients 4]
#     Every text of FILE (columns text,must_keep,must_remove; each a |-separated list of exact
#     substrings) is posted to the answer endpoint of a real server over a fresh workspace, as the
#     widget sends it; after name clearing has finished the stored texts are read from SQLite, every
#     lost or surviving substring is listed, and the last line is
#       redaction: kept=K/N removed=R/M
#     About 1-2 minutes for 400 texts on 2 cores (CoreNLP loads once).
#
#   bench/redaction-bench.sh [--planted 2600] [--names 400] [--seed 20260301] [--threads 2]
#                            [--examples 20] [--banking77 PATH] [--compare-ner]
#     Planted secrets removed per kind (target 100%), Banking77 train answers changed by the full
#     redactor, patterns + CoreNLP names (target: no more than before), and throughput. About 2
#     minutes on 2 cores after the build (3 to 5 minutes with --compare-ner).
#
# Needs: JDK 17 and the CoreNLP models in the local Maven repository (the first build fetches them).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for arg in "$@"; do
  if [ "$arg" = "--corpus" ]; then
    # The server module and its test classpath, built in the reactor (package, never install).
    ./mvnw -q -o package dependency:build-classpath -DskipTests -pl server -am -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt >&2
    cp="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"
    exec java -Xmx3g -Duser.language=en -Duser.country=US -Dorg.slf4j.simpleLogger.log.io.productopsdash=warn \
      -cp "$cp" io.productopsdash.server.bench.RedactionCorpusBench "$@"
  fi
done
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.text.redact.RedactionBench \
  --banking77 "${BANKING77:-$root/../shared/datasets/banking77/train.csv}" "$@"
