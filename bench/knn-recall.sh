#!/usr/bin/env bash
# Neighbour search: the exact k-nearest-neighbour graph against the inverted file the clustering
# switches to above 20,000 x 20,000 pairs, on the first N texts of any CSV with a text column
# (embedded with all-MiniLM-L6-v2 once, then cached beside the CSV). Last line:
#   knn: n=N k=K lists=L probes=P recall=R exact_s=E approx_s=A
#   bench/knn-recall.sh --csv PATH [--text-column text] [--n 30000] [--k 10] [--probes 12] [--sample 2000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
java -Xmx"${BENCH_HEAP:-4g}" -cp "$cp" io.productopsdash.engine.cluster.KnnRecallBench "$@"
