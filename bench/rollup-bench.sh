#!/usr/bin/env bash
# The three rollups (acquisition, onboarding, usage) over 10,000,000 generated events of ~100,000
# users in 12 weeks, with -Xmx2g: wall time of each step and peak heap; then the same rollups as
# SQL in DuckDB over the same tables, the time ratio, and a check that every number agrees.
#   bench/rollup-bench.sh [events=10000000] [users=100000] [seed=20260105] [runs=3]
# The generated SQLite file (about 0.8 GB) is kept in $BENCH_DIR (default /tmp/pod-rollup-bench)
# and reused while seed and size match: generating takes about 2 minutes, a run 2-4 minutes
# (three Java runs, the copy into DuckDB, three DuckDB runs).
# BENCH_DUCKDB=false skips DuckDB. Needs: JDK 17 (the Maven wrapper fetches the rest).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events="${1:-10000000}"; users="${2:-100000}"; seed="${3:-20260105}"; runs="${4:-3}"
dir="${BENCH_DIR:-/tmp/pod-rollup-bench}"
cd "$root"
./mvnw -q install -DskipTests >&2
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
classpath="engine/target/test-classes:engine/target/classes:$(cat "$cp_file")"
# Generating needs more than the benchmark's 2 GB; the rollups run in their own JVM with -Xmx2g.
if [ ! -f "$dir/seed-$seed-events-$events/generated.ok" ]; then
  java -Xmx6g -cp "$classpath" io.productopsdash.engine.rollup.bench.RollupBench \
    --events "$events" --users "$users" --seed "$seed" --dir "$dir" --runs 0 --duckdb false
fi
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$classpath" io.productopsdash.engine.rollup.bench.RollupBench \
  --events "$events" --users "$users" --seed "$seed" --dir "$dir" --runs "$runs" --duckdb "${BENCH_DUCKDB:-true}"
