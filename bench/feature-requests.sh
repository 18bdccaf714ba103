#!/usr/bin/env bash
# Feature-request detection benchmark: precision, recall and F1 of the feature-request class on
# app_reviews_panichella and app_reviews_maalej for the rules (the product default), with
# confusion counts on all rows, on the development and held-out halves and per distinct text,
# then 15 false positives and 15 false negatives per set (seeded sample) with the cues that fired.
#   bench/feature-requests.sh [--examples 15] [--seed 20260301] [--embedding] [--learned]
#                             [--panichella PATH] [--maalej PATH]
# --embedding adds the all-MiniLM-L6-v2 signal (a logistic regression fitted only on the
# hand-written examples in the engine's test resources) alone and blended with the rules, on the same
# subsets, with its cost in answers/s; and the blend's weight and threshold tuned on the
# development halves only.
# --learned adds a logistic regression over word 1-2-grams (with and without the rules' cues),
# trained on one set and tested on the other, and by stratified 5-fold cross-validation within
# each set; it is measured, never shipped (the sets' licence is not stated).
# Needs: JDK 17 and the build's dependencies in the local Maven repository. Builds with `package`
# (never `install`: the snapshot jars in ~/.m2 are shared) and runs from the modules' classes.
# About 17 s (rules only; the detection itself takes 3 s), +30-60 s with --embedding (embedding
# 5,081 reviews on 2 cores), +25 s with --learned, on 2 cores, Maven included.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
datasets="${DATASETS:-$root/../shared/datasets}"
source bench/engine-classpath.sh
exec java -Duser.language=en -Duser.country=US -cp "$cp" \
  io.productopsdash.engine.request.FeatureRequestBench \
  --panichella "$datasets/app_reviews_panichella/pan_text_label.csv" \
  --maalej "$datasets/app_reviews_maalej/maalej_text_label.csv" "$@"
