package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.server.MetricsFixture;
import io.productopsdash.server.cli.ProductOpsDashCli;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The way out to Spark and back, on the command line and over HTTP: {@code export-events
 * --parquet} and {@code export-answers} write what the job reads; a job's output folder (here
 * the reports of {@link MetricsFixture}'s workspace, as the job writes them, with its {@code
 * summary.json}) goes into a workspace without events by {@code import-rollups}, whose metrics API
 * and digest then serve the snapshot and say so; a folder without summary or computed with
 * another configuration is refused and nothing is stored. (The spark module's tests run the job
 * itself and import its real output.)
 */
class RollupSnapshotApiIT {
  private static final String RANGE = "?from=2026-W46&to=2026-W47&asOf=2026-11-18T10:00:00Z";
  private static final MetricsConfig WALLET = MetricsConfig.walletExample(ApiTestServer.ZONE);

  @TempDir Path dir;

  /** Runs the command line; standard output and error of commands that print to System.out/err too. */
  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
      return new Run(code, out + sysOut.toString(StandardCharsets.UTF_8), err + sysErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** The folder RollupJob writes for weeks 2026-W46..W47: the three reports and summary.json. */
  private Path jobFolder(ApiTestServer job, MetricsConfig config) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("job-out"));
    JsonArray reports = new JsonArray();
    for (String kind : List.of("acquisition", "onboarding", "usage")) {
      Reply r = job.admin("GET", "/api/v1/metrics/" + kind + RANGE, null);
      assertThat(r.status()).isEqualTo(200);
      Files.writeString(folder.resolve(kind + ".json"), r.body());
      reports.add(kind + ".json");
    }
    JsonObject summary = new JsonObject();
    summary.addProperty("job", "io.productopsdash.spark.RollupJob");
    summary.addProperty("format", "segment");
    JsonArray events = new JsonArray();
    events.add("s3a://bucket/segment-logs");
    summary.add("events", events);
    summary.addProperty("from", "2026-W46");
    summary.addProperty("to", "2026-W47");
    summary.addProperty("asOf", "2026-11-18T10:00:00Z");
    summary.add("config", JsonParser.parseString(MetricsConfigJson.write(config)));
    JsonObject lines = new JsonObject();
    lines.addProperty("read", 6);
    lines.addProperty("stored", 6);
    summary.add("lines", lines);
    summary.add("reports", reports);
    Files.writeString(folder.resolve("summary.json"), summary.toString());
    return folder;
  }

  /** A workspace with the configuration saved and no events. */
  private Path emptyWorkspace(String name, MetricsConfig config) {
    Path data = dir.resolve(name);
    try (Database db = Database.open(data)) {
      db.write(c -> {
        new MetricsConfigRepository().save(c, config);
        return null;
      });
    }
    return data;
  }

  @Test
  void exportsForTheJobAndImportsWhatItWrote() throws Exception {
    Path jobData = dir.resolve("job-data");
    MetricsFixture.store(jobData);
    Path folder;
    long survey;
    try (ApiTestServer job = ApiTestServer.start(jobData)) {
      survey = job.createSurvey(1.0);
      assertThat(job.answer(survey, "{\"responseId\":\"r1\",\"userId\":\"u1\",\"score\":6,\"comment\":\"my email a@b.example\"}").status())
          .isEqualTo(201);
      folder = jobFolder(job, WALLET);
    }

    // export-events: the store as Parquet by event date, identities and traits, then _export.json.
    Path parquet = dir.resolve("parquet");
    Run export = cli("export-events", "--parquet", parquet.toString(), "--data", jobData.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("Wrote 6 events, 0 identity links and 1 users' traits");
    try (Stream<Path> days = Files.list(parquet.resolve("events"))) {
      assertThat(days.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("event_date=2026-11-10", "event_date=2026-11-16", "event_date=2026-11-17");
    }
    byte[] head = Files.readAllBytes(parquet.resolve("events/event_date=2026-11-16/part-00000.parquet"));
    assertThat(new String(head, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(parquet.resolve("identities/part-00000.parquet")).exists();
    assertThat(JsonParser.parseString(Files.readString(parquet.resolve("_export.json"))).getAsJsonObject().get("events").getAsLong())
        .isEqualTo(6);
    Run again = cli("export-events", "--parquet", parquet.toString(), "--data", jobData.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists and is not empty");

    // export-answers: scores only, never the comment.
    Path answers = dir.resolve("answers.jsonl");
    Run exported = cli("export-answers", "--survey", Long.toString(survey), "--out", answers.toString(), "--data", jobData.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
    List<String> exportedLines = Files.readAllLines(answers);
    assertThat(exportedLines).hasSize(1);
    JsonObject line = JsonParser.parseString(exportedLines.get(0)).getAsJsonObject();
    // When it was given, so that a job's --as-of leaves out later answers as the API does.
    java.time.Instant given = java.time.Instant.parse(line.remove("createdAt").getAsString());
    assertThat(given).isBefore(java.time.Instant.now().plusSeconds(1));
    assertThat(line.toString())
        .isEqualTo(
            "{\"surveyId\":" + survey + ",\"kind\":\"CSAT\",\"points\":7,\"topBox\":2,\"week\":\"2026-W47\",\"userId\":\"u1\",\"score\":6}");

    // import-rollups into a workspace without events: served, and saying so.
    Path target = emptyWorkspace("target", WALLET);
    Run imported = cli("import-rollups", folder.toString(), "--data", target.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Imported snapshot 1: spark segment s3a://bucket/segment-logs, weeks 2026-W46 to 2026-W47 as of 2026-11-18T10:00:00Z, 6 events");
    try (ApiTestServer server = ApiTestServer.start(target)) {
      for (String kind : List.of("acquisition", "onboarding", "usage")) {
        JsonObject body = server.admin("GET", "/api/v1/metrics/" + kind + "?from=2026-W46&to=2026-W47", null).json();
        JsonObject snapshot = body.remove("snapshot").getAsJsonObject();
        assertThat(body.toString()).as(kind).isEqualTo(Files.readString(folder.resolve(kind + ".json")));
        assertThat(snapshot.get("source").getAsString()).isEqualTo("spark segment s3a://bucket/segment-logs");
        assertThat(snapshot.get("events").getAsLong()).isEqualTo(6);
        assertThat(snapshot.get("asOf").getAsString()).isEqualTo("2026-11-18T10:00:00Z");
      }
      // The digest's acquisition and onboarding come from the snapshot too, and it says so.
      long id = server.createSurvey(1.0);
      String html = server.admin("GET", "/api/v1/digests/preview?surveyId=" + id + "&week=2026-W47", null).body();
      assertThat(html).contains("These two weeks come from an imported snapshot (spark segment s3a://bucket/segment-logs");
    }
  }

  @Test
  void aFolderWithoutSummaryOrWithAnotherConfigurationIsRefused() throws Exception {
    Path jobData = dir.resolve("job-data");
    MetricsFixture.store(jobData);
    Path folder;
    try (ApiTestServer job = ApiTestServer.start(jobData)) {
      folder = jobFolder(job, WALLET);
    }
    Path other = emptyWorkspace("other", MetricsConfig.segmentSpec(ApiTestServer.ZONE));
    Run differs = cli("import-rollups", folder.toString(), "--data", other.toString());
    assertThat(differs.code()).isEqualTo(2);
    assertThat(differs.err().strip())
        .startsWith("Cannot import " + folder + ": config: the job's configuration differs from the workspace's: ")
        .contains("firstTransactionEvents (workspace [\"Order Completed\"], job [\"Deposit Completed\"])")
        .contains("sourceProperty (workspace unset, job \"source\")");

    Files.delete(folder.resolve("summary.json"));
    Path target = emptyWorkspace("target", WALLET);
    Run missing = cli("import-rollups", folder.toString(), "--data", target.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("summary.json: missing in " + folder);
    try (ApiTestServer server = ApiTestServer.start(target)) {
      JsonObject body = server.admin("GET", "/api/v1/metrics/acquisition?from=2026-W46&to=2026-W47", null).json();
      assertThat(body.has("snapshot")).isFalse();
      assertThat(body.getAsJsonArray("weeks").get(1).getAsJsonObject().get("signups").getAsLong()).isZero();
    }
  }
}
