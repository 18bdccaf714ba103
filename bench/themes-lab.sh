#!/usr/bin/env bash
# Development harness of the automatic theme method (ThemeClusteringLab, engine test sources): the
# labelled sets are embedded once with all-MiniLM-L6-v2 and cached in engine/target/bench-cache,
# then one experiment runs its clustering variants in one JVM and prints NMI / ARI / accuracy
# beside label-free criteria. Data sets: b77train and so20a (development: Banking77 train, the
# StackOverflow20 titles whose CRC32 is even), b77test and so20 (the full sets that are reported),
# so20b (the other half).
#   bench/themes-lab.sh --experiment defaults --data b77train,so20a [--seeds 3]
# Experiments: baseline, gamma, agree, smooth, inspect, cohesion, qgreedy, defaults, ptime (see
# the class Javadoc). Needs: JDK 17 and ../shared/datasets. The first run embeds (about 1.5 minutes
# per 20,000 texts on 2 cores). Builds in the reactor (no install).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.cluster.ThemeClusteringLab --root "$root" "$@"
