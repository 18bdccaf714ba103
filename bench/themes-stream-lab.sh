#!/usr/bin/env bash
# Development harness of the persistent themes (PersistentThemesLab, engine test sources): runs the
# weekly decisions over labelled streams (text,label,week; see bench/make-theme-stream.py) with the
# history in memory and cached embeddings, and prints the tracking measures. For choosing settings;
# the figures to report come from `productopsdash themes --week-column` (the product's pipeline).
#   bench/themes-stream-lab.sh --stream a.csv[,b.csv] [key=value ...] [--verbose]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source bench/engine-classpath.sh
exec java -Xmx3g -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.theme.PersistentThemesLab --root "$root" "$@"
