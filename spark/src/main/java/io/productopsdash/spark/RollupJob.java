package io.productopsdash.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import com.google.gson.JsonParser;
import io.productopsdash.definitions.events.JsonLines;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.definitions.metrics.Percentiles;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.rollup.SatisfactionReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The rollups (acquisition, onboarding, usage and, with survey answers, satisfaction by usage)
 * as one Spark job over event files, with the embedded engine's definitions and numbers:
 *
 * <pre>
 * spark-submit --class io.productopsdash.spark.RollupJob productopsdash-spark.jar \
 *   --events s3a://bucket/segment-logs --config metrics.json --from 2026-W01 --to 2026-W13 --out s3a://bucket/rollups
 * </pre>
 *
 * The steps: read and normalise every line ({@link EventInputs}), keep the first of each
 * messageId and replay the store's identity links and traits ({@link Identities}), gather each user's
 * traits, activity events in time order and survey answers ({@link SatisfactionReports}) and
 * tally the user's part of every report ({@link UserPass}), sum the tallies per report cell and
 * build the reports from them ({@link RollupReports}); write them as the metrics API's JSON, then
 * {@code summary.json}. Bad input ends the job with one line naming the problem and
 * exit code 2.
 */
public final class RollupJob {
  /** Exit code for bad input (options, paths, configuration, no events). */
  public static final int BAD_INPUT = 2;
  /** Identity links sent whole to every task instead of shuffling the events to join them. */
  static final long MAX_BROADCAST_LINKS = 2_000_000;

  private RollupJob() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job as the command line does; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    RollupJobOptions options;
    try {
      options = RollupJobOptions.parse(args, Instant.now());
    } catch (InvalidInputException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("productopsdash-rollups");
    if (options.master() != null) {
      builder.master(options.master());
    }
    boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = builder.getOrCreate();
    if (!existing) {
      spark.sparkContext().setLogLevel("WARN");
    }
    try {
      JobSummary summary = run(spark, options, out);
      out.println("wrote " + String.join(", ", summary.reports()) + " and " + JobSummary.FILE + " to " + options.out());
      return 0;
    } catch (InvalidInputException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    } finally {
      if (!existing) {
        spark.stop();
      }
    }
  }

  /** Runs the job on {@code spark} and returns what it wrote into {@code summary.json}. */
  static JobSummary run(SparkSession spark, RollupJobOptions options, PrintStream out) {
    JobMetrics metrics = JobMetrics.listenTo(spark);
    try {
      return run(spark, options, out, metrics);
    } finally {
      spark.sparkContext().removeSparkListener(metrics);
    }
  }

  private static JobSummary run(SparkSession spark, RollupJobOptions options, PrintStream out, JobMetrics metrics) {
    Instant started = Instant.now();
    JobFiles files = new JobFiles(spark.sparkContext().hadoopConfiguration());
    MetricsConfig config = config(files, options.config());
    String configJson = MetricsConfigJson.write(config);
    for (String path : options.events()) {
      files.requireExisting("--events", path);
      if (options.format() == RollupJobOptions.InputFormat.PARQUET) {
        files.requireExisting("--events", path + "/events");
      }
    }
    if (options.answers() != null) {
      files.requireExisting("--answers", options.answers());
    }
    files.requireEmptyOutput(options.out());
    long asOf = options.asOf().toEpochMilli();

    // One pass reads, normalises and numbers every line per messageId; it is kept for the rest.
    Dataset<Row> numbered = Identities.numbered(read(spark, options, configJson)).persist(StorageLevel.MEMORY_AND_DISK());
    TreeMap<String, Long> skipped = new TreeMap<>();
    long read = 0;
    long unique = 0;
    for (Row r : numbered.groupBy(col("reason"), col("nth").equalTo(1)).count().collectAsList()) {
      read += r.getLong(2);
      if (!r.isNullAt(0)) {
        skipped.merge(r.getString(0), r.getLong(2), Long::sum);
      } else if (r.getBoolean(1)) {
        unique += r.getLong(2);
      }
    }
    long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
    JobSummary.Lines lines =
        new JobSummary.Lines(read, read - skippedTotal, read - skippedTotal - unique, unique, skippedTotal, skipped);
    out.printf(Locale.ROOT, "[%s] lines: read=%d events=%d duplicates=%d skipped=%d%s%n", elapsed(started), read,
        lines.events(), lines.duplicates(), skippedTotal, skipped.isEmpty() ? "" : " " + skipped);
    if (unique == 0) {
      numbered.unpersist();
      throw new InvalidInputException(
          "--events", String.join(", ", options.events()) + ": no events (" + read + " lines read, " + skippedTotal + " skipped"
              + (skipped.isEmpty() ? "" : ": " + skipped) + ")");
    }
    Dataset<Row> events = numbered.filter(col("reason").isNull().and(col("nth").equalTo(1))).drop("reason", "nth");

    boolean stored = options.format() == RollupJobOptions.InputFormat.PARQUET;
    Identities.State identity =
        stored
            ? Identities.stored(
                EventInputs.parquetLinks(spark, options.events().get(0)),
                EventInputs.parquetTraits(spark, options.events().get(0), configJson))
            : Identities.replay(events, configJson);
    Dataset<Row> links = identity.links().persist(StorageLevel.MEMORY_AND_DISK());
    // Up to a few million links go to every task (a broadcast join), so the events are not
    // shuffled once more just to be resolved; more are joined by shuffling both sides.
    long linkCount = links.count();
    boolean broadcastLinks = linkCount <= MAX_BROADCAST_LINKS;
    Dataset<Row> stream = Identities.activity(events, links, broadcastLinks, asOf).unionByName(Identities.traitsStream(identity.traits()));
    Map<Long, Scale> scales = Map.of();
    Long answers = null;
    if (options.answers() != null) {
      Dataset<Row> answerRows = SatisfactionReports.givenBy(SatisfactionReports.read(spark, options.answers()), asOf);
      long[] count = new long[1];
      scales = SatisfactionReports.scales(answerRows, count);
      answers = count[0];
      stream = stream.unionByName(SatisfactionReports.stream(answerRows, links, broadcastLinks));
    }
    // Each user's traits, events and answers together, in time order: the per-user pass. As many
    // partitions as spark.sql.shuffle.partitions says, not fewer: the pass is CPU work per row,
    // and merging its partitions by bytes (as adaptive execution does) leaves cores idle.
    int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> summed =
        stream
            .repartition(partitions, col("user"))
            .sortWithinPartitions("user", "part", "ts", "file", "block", "row")
            .mapPartitions(new UserPass(configJson, options.from(), options.to(), asOf), Encoders.row(Tally.SCHEMA))
            .groupBy("report", "id", "key", "key2", "value")
            .agg(sum("n").as("n"), sum("a").as("a"), sum("b").as("b"), sum("c").as("c"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Column distribution = col("report").isin(Tally.DISTRIBUTIONS.toArray());
    List<Row> cells = summed.filter(not(distribution)).collectAsList();
    numbered.unpersist();
    // Distributions may have a cell per distinct value: streamed to the driver in order, never collected.
    Map<String, Map<Long, Percentiles.Counted>> distributions = new HashMap<>();
    for (Row r : summed.filter(distribution).groupBy("report", "id").agg(sum("n")).collectAsList()) {
      distributions.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getLong(1), new Percentiles.Counted(r.getLong(2)));
    }
    long distributionCells = 0;
    Iterator<Row> ordered = summed.filter(distribution).select("report", "id", "value", "n").orderBy("report", "id", "value").toLocalIterator();
    while (ordered.hasNext()) {
      Row r = ordered.next();
      distributions.get(r.getString(0)).get(r.getLong(1)).add(r.getDouble(2), r.getLong(3));
      distributionCells++;
    }
    summed.unpersist();
    links.unpersist();
    RollupReports rollups = new RollupReports(config, options.from(), options.to(), options.asOf(), cells, distributions);
    long[] totals = rollups.totals();
    out.printf(Locale.ROOT, "[%s] activity events=%d users=%d, %d report cells (%d of distributions)%n", elapsed(started), totals[1],
        totals[0], cells.size() + distributionCells, distributionCells);
    List<String> reports = new ArrayList<>();
    List<String[]> texts = new ArrayList<>();
    texts.add(new String[] {"acquisition.json", ApiJson.GSON.toJson(rollups.acquisition())});
    texts.add(new String[] {"onboarding.json", ApiJson.GSON.toJson(rollups.onboarding())});
    texts.add(new String[] {"usage.json", ApiJson.GSON.toJson(rollups.usage())});
    for (SatisfactionReport r : rollups.satisfaction(scales)) {
      texts.add(new String[] {"satisfaction-" + r.surveyId() + ".json", ApiJson.GSON.toJson(r)});
    }
    for (String[] t : texts) {
      files.write(options.out(), t[0], t[1]);
      reports.add(t[0]);
    }
    JobMetrics.Totals cost = metrics.finish(spark);
    out.printf(Locale.ROOT, "[%s] tasks=%d executor CPU %.1f s, input %,d bytes, shuffle written %,d bytes, spilled %,d bytes%n",
        elapsed(started), cost.tasks(), cost.executorCpuSeconds(), cost.inputBytes(), cost.shuffleWriteBytes(), cost.spilledBytes());
    Instant finished = Instant.now();
    JobSummary summary =
        new JobSummary(
            RollupJob.class.getName(), spark.version(), options.format().label(), options.events(), options.from(),
            options.to(), options.asOf(), JsonParser.parseString(configJson), lines, totals[1], totals[0], answers, reports,
            finished, Duration.between(started, finished).toMillis() / 1000.0, cost);
    files.write(options.out(), JobSummary.FILE, ApiJson.GSON.toJson(summary));
    return summary;
  }

  /** Seconds since {@code start}, for the progress lines. */
  private static String elapsed(Instant start) {
    return String.format(Locale.ROOT, "%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  private static Dataset<Row> read(SparkSession spark, RollupJobOptions options, String configJson) {
    Instant receivedAt = Instant.now();
    return switch (options.format()) {
      case SEGMENT -> EventInputs.jsonLines(spark, options.events(), JsonLines.Source.SEGMENT, configJson, receivedAt);
      case AMPLITUDE -> EventInputs.jsonLines(spark, options.events(), JsonLines.Source.AMPLITUDE, configJson, receivedAt);
      case PARQUET -> {
        if (options.events().size() != 1) {
          throw new InvalidInputException("--events", "give one export folder for --format parquet");
        }
        yield EventInputs.parquetEvents(spark, options.events().get(0), configJson);
      }
    };
  }

  private static MetricsConfig config(JobFiles files, String path) {
    String text = files.readText("--config", path);
    try {
      return MetricsConfigJson.read(text);
    } catch (InvalidInputException e) {
      // "body" is the whole file: say so without the API's field name.
      throw new InvalidInputException("--config", path + (e.field().equals("body") ? " " + e.rule() : ": " + e.getMessage()));
    }
  }
}
