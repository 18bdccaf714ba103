#!/usr/bin/env bash
# Feature-request detection benchmark: precision, recall and F1 of the feature-request class on
# app_reviews_panichella and app_reviews_maalej for the rules (the product default), with
# confusion counts on all rows, on the development and held-out halves and per distinct text,
# then 15 false positives and 15 false negatives per set (seeded sample) with the cues that fired.
#   bench/feature-requests.sh [--examples 15] [--seed 20260301] [--learned]
#                             [--panichella PATH] [--maalej PATH]
# --learned adds a logistic regression over word 1-2-grams (with and without the rules' cues),
# trained on one set and tested on the other, and by stratified 5-fold cross-validation within
# each set; it is measured, never shipped (the sets' licence is not stated).
# Needs: JDK 17 and the build's dependencies in the local Maven repository. About 17 s (rules
# only; the detection itself takes 4 s) or 40 s (with --learned) on 2 cores, Maven included.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
datasets="${DATASETS:-$root/../shared/datasets}"
./mvnw -q -o install -DskipTests -pl engine -am >&2
./mvnw -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/feature-requests-classpath.txt >&2
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/feature-requests-classpath.txt)"
exec java -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.request.FeatureRequestBench \
  --panichella "$datasets/app_reviews_panichella/pan_text_label.csv" \
  --maalej "$datasets/app_reviews_maalej/maalej_text_label.csv" "$@"
