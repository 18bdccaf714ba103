#!/usr/bin/env bash
# The Spark job against the embedded engine on the same generated events.
#   bench/spark-rollups.sh [--events N] [--seed S] [--embedded true|false] [--parquet true|false]
# N (default 10,000,000) activity events of a wallet app over 12 ISO weeks (Europe/Berlin, across
# the change to summer time), as Segment's S3 destination writes them (gzip and plain JSON lines
# in day folders, with retries, late deliveries and a few malformed lines), plus two surveys'
# answers. Then, each in its own JVM:
#   1. the embedded engine: every file imported into SQLite with the real importer (cached with
#      the events), then acquisition, onboarding, usage and satisfaction timed (embedded_s);
#   2. productopsdash-spark.jar under SparkSubmit, --master local[2], on the JSON lines (spark_s)
#      and, unless --parquet false, on the store's Parquet export (export-events --parquet);
#   3. every value of every report compared with the embedded engine's.
# Wall time, CPU and peak memory of each JVM come from /usr/bin/time (apt-get install -y time).
# Files stay in $BENCH_DIR (default /tmp/pod-spark-bench/<N>-<seed>) and are reused while N and the
# seed match. --embedded false skips 1 (and the comparison), for sizes the embedded engine's
# heap cannot hold. The last line is:
#   spark: events=N compared=C equal=E spark_s=S embedded_s=T
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events=10000000; seed=20260302; embedded=true; parquet=true
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --embedded) embedded="$2"; shift 2 ;;
    --parquet) parquet="$2"; shift 2 ;;
    *) echo "unknown option $1; usage: bench/spark-rollups.sh [--events N] [--seed S] [--embedded true|false] [--parquet true|false]" >&2; exit 2 ;;
  esac
done
[ "$embedded" = true ] || parquet=false
command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time: apt-get install -y time" >&2; exit 2; }
dir="${BENCH_DIR:-/tmp/pod-spark-bench}/$events-$seed"
mkdir -p "$dir"
cd "$root"

# Build in the reactor (package, never install): the job's jar, the server (export-events) and
# the test classes (generator, embedded runner, comparison).
./mvnw -q package dependency:build-classpath -DskipTests -pl spark,server -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
test_cp="spark/target/test-classes:spark/target/classes:$(cat spark/target/bench-classpath.txt)"
# Spark's own jars only: what spark-submit puts on a driver's class path.
spark_cp="$(tr ':' '\n' < spark/target/bench-classpath.txt | grep -v -e productopsdash -e '/gson/' -e commons-math3 -e 'classes$' | paste -sd:)"
# A copy of the job's jar, so a rebuild while the benchmark runs cannot change it underneath.
cp "$root/spark/target/productopsdash-spark.jar" "$dir/productopsdash-spark.jar"
jar="$dir/productopsdash-spark.jar"
jvm_opts="$(sed -n 's:.*<spark.test.jvm.options>\(.*\)</spark.test.jvm.options>.*:\1:p' spark/pom.xml | head -n 1)"
heap="${BENCH_SPARK_HEAP:-3g}"

# timed NAME CMD...: runs CMD, keeps its output in $dir/NAME.out, prints wall, CPU and peak RSS.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$dir/$name.time" "$@" > "$dir/$name.out" 2> "$dir/$name.err" \
    || { echo "FAIL: $name (exit $?); see $dir/$name.err" >&2; tail -n 5 "$dir/$name.err" >&2; exit 1; }
  read -r wall user sys rss < "$dir/$name.time"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-14s wall %8.1f s   CPU %8.1f s   peak RSS %6.0f MB\n", n, w, u + s, r / 1024 }'
}

if [ ! -f "$dir/generated.txt" ]; then
  echo "generating $events events (seed $seed) into $dir/logs ..."
  java -Xmx2g -cp "$test_cp" io.productopsdash.spark.SparkRollupBench generate "$dir" "$events" "$seed"
fi
echo "input: $(find "$dir/logs" -type f | wc -l) files, $(du -sh "$dir/logs" | cut -f1) on disk"

submit() { # submit NAME OUT ARGS...: the jar under SparkSubmit, local[2]
  local name="$1" out="$2"; shift 2
  rm -rf "$out"
  # shellcheck disable=SC2086
  timed "$name" java -Xmx"$heap" $jvm_opts -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    --master 'local[2]' --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=8 \
    --class io.productopsdash.spark.RollupJob "$jar" --config "$dir/metrics.json" \
    $(cat "$dir/job-args.txt") --answers "$dir/answers.jsonl" --out "$out" "$@"
  grep -h "lines:\|activity" "$dir/$name.out" | sed 's/^/  /'
}

submit spark-json "$dir/spark-json" --events "$dir/logs" --format segment
spark_s=$(cut -d' ' -f1 "$dir/spark-json.time")

compared=0; equal=0; embedded_s=0
if [ "$embedded" = true ]; then
  if [ ! -f "$dir/workspace/productopsdash.db" ]; then
    heap_import="${BENCH_IMPORT_HEAP:-2g}"
    timed embedded-load java -Xmx"$heap_import" -cp "$test_cp" io.productopsdash.spark.SparkRollupBench import "$dir"
    sed 's/^/  /' "$dir/embedded-load.out"
  fi
  timed embedded java -Xmx"${BENCH_EMBEDDED_HEAP:-6g}" -cp "$test_cp" io.productopsdash.spark.SparkRollupBench embedded "$dir" "$dir/embedded-out"
  sed 's/^/  /' "$dir/embedded.out"
  embedded_s=$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' "$dir/embedded.out")
  java -cp "$test_cp" io.productopsdash.spark.SparkRollupBench compare "$dir/embedded-out" "$dir/spark-json" > "$dir/compare-json.out"
  sed 's/^/  json lines vs embedded: /' "$dir/compare-json.out"
  read -r c e < <(sed -n 's/^compared=\([0-9]*\) equal=\([0-9]*\).*/\1 \2/p' "$dir/compare-json.out")
  compared=$((compared + c)); equal=$((equal + e))
  if [ "$parquet" = true ]; then
    rm -rf "$dir/parquet"
    timed export-events java -Xmx1g -jar server/target/productopsdash-server.jar export-events --parquet "$dir/parquet" --data "$dir/workspace"
    echo "  parquet: $(du -sh "$dir/parquet" | cut -f1) in $(find "$dir/parquet" -name '*.parquet' | wc -l) files"
    submit spark-parquet "$dir/spark-parquet" --events "$dir/parquet" --format parquet
    java -cp "$test_cp" io.productopsdash.spark.SparkRollupBench compare "$dir/embedded-out" "$dir/spark-parquet" > "$dir/compare-parquet.out"
    sed 's/^/  parquet vs embedded: /' "$dir/compare-parquet.out"
    read -r c e < <(sed -n 's/^compared=\([0-9]*\) equal=\([0-9]*\).*/\1 \2/p' "$dir/compare-parquet.out")
    compared=$((compared + c)); equal=$((equal + e))
  fi
fi
echo "spark: events=$events compared=$compared equal=$equal spark_s=$spark_s embedded_s=$embedded_s"
