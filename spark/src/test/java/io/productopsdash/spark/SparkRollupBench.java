package io.productopsdash.spark;

import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventFileImporter;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.engine.rollup.EventLog;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.rollup.SatisfactionByUsage;
import io.productopsdash.models.Answer;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The steps of {@code bench/spark-rollups.sh} that are not the Spark job itself, each run in its
 * own JVM by the script:
 *
 * <ul>
 *   <li>{@code generate DIR EVENTS SEED}: Segment logs ({@link SegmentLogGenerator}), the metrics
 *       configuration and two surveys' answers (1.5 % and 0.7 % of the events in count);
 *   <li>{@code import DIR}: every log file, in path order, into a SQLite workspace with the real
 *       importer (as {@code productopsdash import} does), for the embedded engine;
 *   <li>{@code embedded DIR OUT}: the embedded engine's rollups and satisfaction reports over the
 *       workspace, written as the job writes them, timed (scan and reports, wall and CPU);
 *   <li>{@code compare EXPECTED ACTUAL}: every value of every report, as {@link ReportComparison}.
 * </ul>
 */
public final class SparkRollupBench {
  static final Scale CSAT = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  static final Scale NPS = new Scale(ScoreKind.NPS, 11, null, null, 2);

  private SparkRollupBench() {}

  static WeekId from() {
    return WeekId.of(Instant.ofEpochMilli(SegmentLogGenerator.START), SegmentLogGenerator.ZONE);
  }

  static WeekId to() {
    return from().plusWeeks(SegmentLogGenerator.WEEKS - 1);
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]));
      case "import" -> importLogs(Path.of(args[1]));
      case "embedded" -> embedded(Path.of(args[1]), Path.of(args[2]));
      case "compare" -> compare(Path.of(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException("generate, import, embedded or compare, not " + args[0]);
    }
  }

  private static List<List<Answer>> answers(long events) {
    return List.of(
        SegmentLogGenerator.answers(3, 1, 7, (int) Math.max(100, events * 15 / 1000), events),
        SegmentLogGenerator.answers(4, 0, 10, (int) Math.max(50, events * 7 / 1000), events));
  }

  private static void generate(Path dir, long events, long seed) throws IOException {
    long start = System.nanoTime();
    SegmentLogGenerator.Result r = SegmentLogGenerator.write(dir.resolve("logs"), events, seed);
    JobRuns.writeConfig(dir.resolve("metrics.json"), SegmentLogGenerator.CONFIG);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("answers.jsonl"), StandardCharsets.UTF_8)) {
      for (List<Answer> survey : answers(events)) {
        for (Answer a : survey) {
          Scale scale = a.surveyId() == 3 ? CSAT : NPS;
          w.write(String.format(
              Locale.ROOT, "{\"surveyId\":%d,\"kind\":\"%s\",\"points\":%d,\"topBox\":%d,\"week\":\"%s\",\"userId\":\"%s\",\"score\":%d,\"createdAt\":\"%s\"}%n",
              a.surveyId(), scale.kind(), scale.points(), scale.topBox(), a.week(), a.userId(), a.score(), a.createdAt()));
        }
      }
    }
    Files.writeString(dir.resolve("generated.txt"), events + " " + seed + " " + r.lines() + "\n");
    Files.writeString(dir.resolve("job-args.txt"), "--from " + from() + " --to " + to() + " --as-of " + SegmentLogGenerator.AS_OF + "\n");
    System.out.printf(Locale.ROOT, "generated %,d lines in %d files (%.1f s)%n", r.lines(), r.files().size(), (System.nanoTime() - start) / 1e9);
  }

  private static List<Path> logs(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void importLogs(Path dir) throws IOException {
    long start = System.nanoTime();
    long imported = 0;
    try (Database db = Database.open(dir.resolve("workspace"))) {
      new RollupService(db, SegmentLogGenerator.ZONE).saveConfig(SegmentLogGenerator.CONFIG);
      EventFileImporter importer = new EventFileImporter(db, Clock.fixed(SegmentLogGenerator.AS_OF, ZoneOffset.UTC));
      for (Path f : logs(dir)) {
        imported += importer.importFile(f, EventFileImporter.Options.defaults().withFormat(ImportFormat.SEGMENT), EventFileImporter.Progress.NONE)
            .counters().imported();
      }
    }
    System.out.printf(Locale.ROOT, "embedded import: %,d events stored in %.1f s%n", imported, (System.nanoTime() - start) / 1e9);
  }

  private static void embedded(Path dir, Path out) throws IOException {
    Files.createDirectories(out);
    MetricsConfig config = SegmentLogGenerator.CONFIG;
    Instant asOf = SegmentLogGenerator.AS_OF;
    RollupService.WeekRange range = new RollupService.WeekRange(from(), to());
    List<List<Answer>> answers = answers(Long.parseLong(Files.readString(dir.resolve("generated.txt")).split(" ")[0]));
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    try (Database db = Database.open(dir.resolve("workspace"))) {
      RollupService service = new RollupService(db, config.zone());
      EventLog log = service.log(config);
      long t1 = System.nanoTime();
      String acquisition = ApiJson.GSON.toJson(service.acquisition(config, range, asOf));
      String onboarding = ApiJson.GSON.toJson(service.onboarding(config, range, asOf));
      String usage = ApiJson.GSON.toJson(service.usage(config, range, asOf));
      Map<String, String> identities = db.read(EventScan::identities);
      List<String> satisfaction = new ArrayList<>();
      for (List<Answer> survey : answers) {
        long id = survey.get(0).surveyId();
        satisfaction.add(ApiJson.GSON.toJson(
            SatisfactionByUsage.of(log, config, id, id == 3 ? CSAT : NPS, survey, identities, range.from(), range.to(), asOf)));
      }
      long t2 = System.nanoTime();
      long cpu = cpu() - cpu0;
      Files.writeString(out.resolve("acquisition.json"), acquisition);
      Files.writeString(out.resolve("onboarding.json"), onboarding);
      Files.writeString(out.resolve("usage.json"), usage);
      Files.writeString(out.resolve("satisfaction-3.json"), satisfaction.get(0));
      Files.writeString(out.resolve("satisfaction-4.json"), satisfaction.get(1));
      System.out.printf(
          Locale.ROOT, "embedded: events=%d scan_s=%.2f reports_s=%.2f wall_s=%.2f cpu_s=%.2f heap_used_mb=%d%n", log.size(),
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, cpu / 1e9,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
  }

  /** CPU time of all this JVM's threads, ns. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void compare(Path expected, Path actual) throws IOException {
    ReportComparison c = new ReportComparison();
    for (String report : List.of("acquisition.json", "onboarding.json", "usage.json", "satisfaction-3.json", "satisfaction-4.json")) {
      c.compare(report, Files.readString(expected.resolve(report)), Files.readString(actual.resolve(report)));
    }
    c.differences.stream().limit(20).forEach(d -> System.out.println("DIFFERENT " + d));
    long summaryLines = JsonParser.parseString(Files.readString(actual.resolve("summary.json"))).getAsJsonObject()
        .getAsJsonObject("lines").get("read").getAsLong();
    System.out.printf(Locale.ROOT, "compared=%d equal=%d shape_differences=%d lines=%d%n", c.compared, c.compared - c.unequal,
        c.differences.size() - c.unequal, summaryLines);
  }
}
