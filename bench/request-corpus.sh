#!/usr/bin/env bash
# Feature-request corpus benchmark: a labelled CSV (columns text,group; group "none" for a
# non-request, "a;b" for an answer making two asks; any such file) through the real pipeline: a
# fresh workspace, one survey, every row posted through the widget's answers API by its own user,
# one theme run of the week, the groups read back from the feature-requests API. Prints detection
# precision and recall, groups per ask, asks split, groups mixing asks, ARI, duplicate names, the
# misses and false hits, and ends with one line a script can read:
#   requests: precision=0.95 recall=0.91 groups=33 asks=30 split=2 mixed=1 ari=0.88
#   bench/request-corpus.sh bench/request-corpora/wallet.csv
# Needs: JDK 17 and the build's dependencies in the local Maven repository. Builds in the reactor
# (package, no install). About 1-2 minutes for 300 rows on 2 cores (CoreNLP and MiniLM load once).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: bench/request-corpus.sh CORPUS.csv" >&2; exit 2; }
corpus="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$root"
./mvnw -q -o package dependency:build-classpath -DskipTests -pl server -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.server.http.RequestCorpusBench "$corpus" "${@:2}"
