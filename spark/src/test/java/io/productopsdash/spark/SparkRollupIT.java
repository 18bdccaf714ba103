package io.productopsdash.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.data.events.ParquetEventExport;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.engine.rollup.RollupFixture;
import io.productopsdash.models.Answer;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job ({@code local[2]}) against the embedded engine over the same files, compared
 * value by value ({@link ReportComparison}): the golden rollup fixture with its survey answers
 * (hand-computed in the engine's RollupsIT and SatisfactionByUsageIT: the exact 30-minute gap,
 * 29:59, the 24-hour cap, window edges, an alias after a pre-identify id, a duplicate, out-of-order
 * storage, a session over Sunday midnight), with Spark's ANSI mode on (its default) and off; 200,000
 * generated events with every edge case, as JSON lines and as the Parquet export; an Amplitude
 * export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkRollupIT {
  static final Scale CSAT = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  private static final WeekId FROM = WeekId.parse("2026-W05");
  private static final WeekId TO = WeekId.parse("2026-W12");

  @TempDir Path dir;

  /** The fixture's calls as a Segment S3 destination would write them: three day folders, one file gzipped. */
  private static List<Path> goldenFiles(Path root) {
    List<String> calls = RollupFixture.calls().stream().map(c -> c.replace('\'', '"')).toList();
    List<Path> files = new ArrayList<>();
    String[] names = {"1770940800000/1770990000000.a1.json", "1771027200000/1771070000000.b2.gz", "1771113600000/1771150000000.c3.json"};
    // Every third call in each file, as RollupFixture stores them: users' events out of time order.
    for (int phase = 0; phase < 3; phase++) {
      List<String> lines = new ArrayList<>();
      for (int i = phase; i < calls.size(); i += 3) {
        lines.add(calls.get(i));
      }
      files.add(JobRuns.writeLines(root.resolve("segment-logs/src1").resolve(names[phase]), lines));
    }
    return files;
  }

  private static List<Answer> goldenAnswers() {
    List<Answer> out = new ArrayList<>();
    Object[][] rows = RollupFixture.answerRows();
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < rows.length; i++) {
      out.add(new Answer(
          i + 1, "r" + i, 42, (String) rows[i][0], WeekId.parse("2026-" + rows[i][1]), (int) rows[i][2], null, null, null, at, at));
    }
    return out;
  }

  /** Answers as {@code productopsdash export-answers} writes them. */
  static Path writeAnswers(Path file, long surveyId, Scale scale, List<Answer> answers) {
    List<String> lines = new ArrayList<>();
    for (Answer a : answers) {
      lines.add(ApiJson.GSON.toJson(new AnswerLine(surveyId, scale.kind().name(), scale.points(), scale.topBox(), a.week().toString(), a.userId(), a.score(), a.createdAt().toString())));
    }
    return JobRuns.writeLines(file, lines);
  }

  private record AnswerLine(
      long surveyId, String kind, int points, int topBox, String week, String userId, int score, String createdAt) {}

  /** Compares the four reports of the embedded engine and of the job's output folder. */
  static ReportComparison compare(EmbeddedRollups embedded, Path out, long surveyId, Scale scale, List<Answer> answers) {
    ReportComparison c = new ReportComparison();
    c.compare("acquisition", ApiJson.GSON.toJson(embedded.acquisition()), JobRuns.read(out.resolve("acquisition.json")));
    c.compare("onboarding", ApiJson.GSON.toJson(embedded.onboarding()), JobRuns.read(out.resolve("onboarding.json")));
    c.compare("usage", ApiJson.GSON.toJson(embedded.usage()), JobRuns.read(out.resolve("usage.json")));
    if (answers != null) {
      c.compare(
          "satisfaction", ApiJson.GSON.toJson(embedded.satisfaction(surveyId, scale, answers)),
          JobRuns.read(out.resolve("satisfaction-" + surveyId + ".json")));
    }
    return c;
  }

  @Test
  void theGoldenFixtureGivesTheEmbeddedNumbersValueByValue() {
    List<Path> files = goldenFiles(dir.resolve("in"));
    MetricsConfig config = RollupFixture.CONFIG;
    Path configFile = JobRuns.writeConfig(dir.resolve("metrics.json"), config);
    List<Answer> answers = goldenAnswers();
    Path answersFile = writeAnswers(dir.resolve("answers.jsonl"), 42, CSAT, answers);
    Path out = dir.resolve("out");
    JobSummary summary =
        JobRuns.run(
            List.of(dir.resolve("in/segment-logs").toString()), RollupJobOptions.InputFormat.SEGMENT, configFile, FROM, TO,
            RollupFixture.AS_OF, out, answersFile);
    // 129 calls, alice's "Wallet Opened" twice: 128 stored, 121 of them activity events of 13 users.
    assertThat(summary.lines().read()).isEqualTo(129);
    assertThat(summary.lines().duplicates()).isEqualTo(1);
    assertThat(summary.lines().stored()).isEqualTo(128);
    assertThat(summary.lines().skipped()).isZero();
    assertThat(summary.activityEvents()).isEqualTo(121);
    assertThat(summary.users()).isEqualTo(13);
    assertThat(summary.reports()).containsExactly("acquisition.json", "onboarding.json", "usage.json", "satisfaction-42.json");
    try (EmbeddedRollups embedded =
        new EmbeddedRollups(dir.resolve("embedded"), files, ImportFormat.SEGMENT, config, FROM, TO, RollupFixture.AS_OF)) {
      assertThat(embedded.imported).isEqualTo(128);
      ReportComparison c = compare(embedded, out, 42, CSAT, answers);
      assertThat(c.differences).isEmpty();
      assertThat(c.compared).isGreaterThan(500);
      System.out.println("golden fixture: compared " + c.compared + " values, all equal");
    }
    // Spark 4 runs with ANSI SQL on (its default, above); without it nothing changes.
    String ansi = LocalSpark.get().conf().get("spark.sql.ansi.enabled");
    assertThat(ansi).isEqualTo("true");
    Path legacy = dir.resolve("out-legacy");
    try {
      LocalSpark.get().conf().set("spark.sql.ansi.enabled", "false");
      JobRuns.run(
          List.of(dir.resolve("in/segment-logs").toString()), RollupJobOptions.InputFormat.SEGMENT, configFile, FROM, TO,
          RollupFixture.AS_OF, legacy, answersFile);
    } finally {
      LocalSpark.get().conf().set("spark.sql.ansi.enabled", ansi);
    }
    for (String report : summary.reports()) {
      assertThat(JobRuns.read(legacy.resolve(report))).as(report).isEqualTo(JobRuns.read(out.resolve(report)));
    }
  }

  /**
   * 200,000 generated events with every edge case ({@link SegmentLogGenerator}: DST change,
   * window edges, aliases before signup, retries, late deliveries, malformed lines) and two
   * surveys' answers, as Segment JSON lines and then as the Parquet export of the embedded store.
   */
  @Test
  void twoHundredThousandGeneratedEventsGiveTheEmbeddedNumbersValueByValue() throws java.io.IOException {
    SegmentLogGenerator.Result generated = SegmentLogGenerator.write(dir.resolve("in"), 200_000, 20260302L);
    MetricsConfig config = SegmentLogGenerator.CONFIG;
    Path configFile = JobRuns.writeConfig(dir.resolve("metrics.json"), config);
    WeekId from = WeekId.of(java.time.Instant.ofEpochMilli(SegmentLogGenerator.START), SegmentLogGenerator.ZONE);
    WeekId to = from.plusWeeks(SegmentLogGenerator.WEEKS - 1);
    List<Answer> csat = SegmentLogGenerator.answers(3, 1, 7, 1500, 200_000);
    List<Answer> nps = SegmentLogGenerator.answers(4, 0, 10, 700, 200_000);
    Scale npsScale = new Scale(ScoreKind.NPS, 11, null, null, 2);
    List<String> lines = new ArrayList<>();
    for (List<Answer> answers : List.of(csat, nps)) {
      Scale scale = answers == csat ? CSAT : npsScale;
      for (Answer a : answers) {
        lines.add(ApiJson.GSON.toJson(new AnswerLine(a.surveyId(), scale.kind().name(), scale.points(), scale.topBox(), a.week().toString(), a.userId(), a.score(), a.createdAt().toString())));
      }
    }
    Path answersFile = JobRuns.writeLines(dir.resolve("answers/part-0.jsonl"), lines);
    Path out = dir.resolve("out");
    JobSummary summary =
        JobRuns.run(
            List.of(dir.resolve("in/segment-logs").toString()), RollupJobOptions.InputFormat.SEGMENT, configFile, from, to,
            SegmentLogGenerator.AS_OF, out, answersFile);
    assertThat(summary.lines().read()).isEqualTo(generated.lines());
    assertThat(summary.activityEvents()).isGreaterThan(150_000);
    try (EmbeddedRollups embedded =
        new EmbeddedRollups(dir.resolve("embedded"), generated.files(), ImportFormat.SEGMENT, config, from, to, SegmentLogGenerator.AS_OF)) {
      // Every line counted alike: stored, duplicate or skipped for the same reasons.
      assertThat(summary.lines().stored()).isEqualTo(embedded.imported);
      assertThat(summary.lines().duplicates()).isEqualTo(embedded.duplicates).isGreaterThan(1000);
      assertThat(summary.lines().skipped()).isEqualTo(embedded.skipped).isEqualTo(14);
      assertThat(summary.lines().skippedByReason())
          .containsEntry("empty_line", 2L).containsEntry("malformed_json", 2L).containsEntry("not_an_object", 2L)
          .containsEntry("missing_user", 1L).containsEntry("missing_event_name", 1L).containsEntry("bad_timestamp", 2L)
          .containsEntry("unknown_type", 1L).containsEntry("bad_field", 2L).containsEntry("too_large", 1L);
      ReportComparison c = compare(embedded, out, 3, CSAT, csat);
      c.compare("satisfaction-nps", ApiJson.GSON.toJson(embedded.satisfaction(4, npsScale, nps)), JobRuns.read(out.resolve("satisfaction-4.json")));
      assertThat(c.differences).isEmpty();
      assertThat(c.compared).isGreaterThan(3_000);
      System.out.println("200,000 generated events: compared " + c.compared + " values, all equal");

      // The same store exported as Parquet (export-events) and read back by the job.
      Path parquet = dir.resolve("parquet");
      ParquetEventExport.Result exported =
          ParquetEventExport.export(embedded.db(), parquet, Long.MIN_VALUE, Long.MAX_VALUE, ParquetEventExport.Progress.NONE);
      assertThat(exported.events()).isEqualTo(embedded.imported);
      Path fromParquet = dir.resolve("out-parquet");
      JobSummary p =
          JobRuns.run(List.of(parquet.toString()), RollupJobOptions.InputFormat.PARQUET, configFile, from, to, SegmentLogGenerator.AS_OF,
              fromParquet, answersFile);
      assertThat(p.lines().stored()).isEqualTo(embedded.imported);
      assertThat(p.lines().duplicates()).isZero();
      assertThat(p.lines().skipped()).isZero();
      ReportComparison cp = compare(embedded, fromParquet, 3, CSAT, csat);
      cp.compare("satisfaction-nps", ApiJson.GSON.toJson(embedded.satisfaction(4, npsScale, nps)), JobRuns.read(fromParquet.resolve("satisfaction-4.json")));
      assertThat(cp.differences).isEmpty();
      assertThat(cp.compared).isEqualTo(c.compared);
      System.out.println("the same events as Parquet: compared " + cp.compared + " values, all equal");
    }
  }

  @Test
  void anAmplitudeExportGivesTheEmbeddedNumbersValueByValue() {
    Path file = JobRuns.writeLines(dir.resolve("amplitude/export/123_2026-02-02_10#0.json.gz"), AmplitudeExport.lines(400, 11));
    Path configFile = JobRuns.writeConfig(dir.resolve("metrics.json"), RollupFixture.CONFIG);
    Path out = dir.resolve("out");
    JobSummary summary =
        JobRuns.run(
            List.of(dir.resolve("amplitude").toString()), RollupJobOptions.InputFormat.AMPLITUDE, configFile, FROM, TO,
            RollupFixture.AS_OF, out, null);
    try (EmbeddedRollups embedded =
        new EmbeddedRollups(dir.resolve("embedded"), List.of(file), ImportFormat.AMPLITUDE, RollupFixture.CONFIG, FROM, TO, RollupFixture.AS_OF)) {
      assertThat(summary.lines().stored()).isEqualTo(embedded.imported);
      assertThat(summary.lines().skipped()).isEqualTo(embedded.skipped).isPositive();
      ReportComparison c = compare(embedded, out, 0, CSAT, null);
      assertThat(c.differences).isEmpty();
      System.out.println("Amplitude export: compared " + c.compared + " values, all equal");
    }
  }
}
