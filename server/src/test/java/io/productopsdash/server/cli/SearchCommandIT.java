package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code productopsdash reindex} and {@code productopsdash search} on a data folder of six answers:
 * the rebuild, the table (matches in brackets, control characters neutralised, facets), the JSON
 * equal to the API's beside a running server, and bad input with exit code 2.
 */
class SearchCommandIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private static final String TOKEN = "cli-search-test-token-1f2e";

  @TempDir Path dataDir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private final List<Long> ids = new ArrayList<>();
  private long surveyId;

  @BeforeEach
  void store() {
    try (Database db = Database.open(dataDir)) {
      Survey s = new SurveyService(db, CLOCK).create(new SurveyDraft("Weekly", "How satisfied are you?",
          new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", 1.0, 4, true));
      surveyId = s.id();
      Object[][] rows = {
        {"2026-W10", 1, "The swap fees are far too high"},
        {"2026-W10", 7, "Love the multi-chain view"},
        {"2026-W11", 2, "Fees again, too high \u001b[31mred"},
        {"2026-W11", 5, null},
        {"2026-W12", 3, "Login fails <b>every</b> morning & the fee page too"},
        {"2026-W12", 6, "Support was quick"},
      };
      db.write(c -> {
        AnswerRepository answers = new AnswerRepository();
        int i = 0;
        for (Object[] r : rows) {
          long id = answers.insert(c, "r" + i, s.id(), "u" + i, WeekId.parse((String) r[0]), (Integer) r[1],
              (String) r[2], "en", null, CLOCK.instant()).id();
          if (r[2] != null) {
            // Enriched (no names to clear): the index takes only comments that went through it.
            new EnrichmentRepository().upsert(c, id, "sha-" + i, List.of(), List.of(), CLOCK.instant());
          }
          ids.add(id);
          i++;
        }
        return null;
      });
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private int search(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "search";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data";
    all[args.length + 2] = dataDir.toString();
    return run(all);
  }

  @Test
  void reindexThenSearchPrintsATableWithFacets() {
    assertThat(run("reindex", "--data", dataDir.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Indexed 6 answers into " + dataDir.resolve("index").toAbsolutePath());

    assertThat(search("fees")).as(err.toString()).isZero();
    String[] lines = out.toString().split("\n");
    // "fee" stems like "fees": three answers. The first two have five indexed words each (stop
    // words dropped), so they tie and the lower id comes first; the longer third comes last.
    assertThat(lines[0]).isEqualTo("3 answers match \"fees\" (keyword); hits 1-3");
    assertThat(lines[1]).isEqualTo("id        week      score  theme  snippet");
    assertThat(lines[2]).isEqualTo(String.format("%-8d  2026-W10      1  -      The swap [fees] are far too high", ids.get(0)));
    // The escape character of the comment is shown as a space: it cannot colour the terminal.
    assertThat(lines[3]).isEqualTo(String.format("%-8d  2026-W11      2  -      [Fees] again, too high  [31mred", ids.get(2)));
    assertThat(lines[4]).isEqualTo(String.format(
        "%-8d  2026-W12      3  -      Login fails <b>every</b> morning & the [fee] page too", ids.get(4)));
    assertThat(lines[5]).isEqualTo("Facets");
    assertThat(lines[6]).isEqualTo("  theme:        -");
    assertThat(lines[7]).isEqualTo("  week:         2026-W10 (1), 2026-W11 (1), 2026-W12 (1)");
    assertThat(lines[8]).isEqualTo("  score_bucket: low (2), mid (1)");
    assertThat(lines[9]).isEqualTo("  sentiment:    unknown (3)");

    assertThat(search("", "--max-score", "2", "--sort", "date")).isZero();
    // Scores 1 and 2; all six answers were made at the same instant, so date order is id order.
    assertThat(out.toString()).startsWith("2 answers match (keyword); hits 1-2\n");
    assertThat(out.toString().split("\n")[2]).startsWith(String.format("%-8d  2026-W10", ids.get(0)));
    assertThat(out.toString().split("\n")[3]).startsWith(String.format("%-8d  2026-W11", ids.get(2)));

    assertThat(search("", "--from", "2026-W12", "--size", "1", "--page", "1")).isZero();
    assertThat(out.toString()).startsWith("2 answers match (keyword); hits 2-2\n");
    assertThat(out.toString().split("\n")[2]).startsWith(String.valueOf(ids.get(5)));
  }

  @Test
  void jsonEqualsTheApiBesideARunningServerAndReindexIsRefused() throws Exception {
    ServerConfig config = new ServerConfig(0, dataDir, TOKEN, ZoneOffset.UTC, List.of());
    try (Workspace workspace = Workspace.open(config, CLOCK)) {
      Javalin app = ServerApp.create(workspace.deps()).start("localhost", 0);
      try {
        String query = "fee OR support";
        HttpResponse<String> api = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/search?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&minScore=2&pageSize=5&surveyId=" + surveyId))
                .header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        // The server's catch-up indexed the folder at open; the CLI reads that commit read-only.
        assertThat(search(query, "--min-score", "2", "--size", "5", "--survey", String.valueOf(surveyId), "--json"))
            .as(err.toString()).isZero();
        assertThat(JsonParser.parseString(out.toString())).isEqualTo(JsonParser.parseString(api.body()));
        assertThat(JsonParser.parseString(out.toString()).getAsJsonObject().get("total").getAsInt()).isEqualTo(3);

        assertThat(run("reindex", "--data", dataDir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("in use by a running server");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void badInputExitsWith2NamingTheOption() {
    assertThat(search("fees", "--min-score", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --min-score: must be an integer, got 'x'");
    assertThat(search("fees", "--mode", "semantic")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --mode: must be keyword, hybrid or vector, got 'semantic'");
    assertThat(search("fees", "--size", "500")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --size: must be within 1..100");
    assertThat(search("fees", "--min-score", "5", "--max-score", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --min-score: must not be above maxScore");
    assertThat(search("fees", "--from", "2026-W99")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --from");
    assertThat(search("fees", "--sentiment", "angry")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid --sentiment");
    assertThat(search("fees", "--colour")).isEqualTo(2);
    assertThat(err.toString()).contains("--colour");
    assertThat(run("search", "fees", "--data", dataDir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No ProductOpsDash database");
    assertThat(run("reindex", "--data", dataDir.toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err.toString()).contains("--zone must be a time zone id");
  }

  @Test
  void onATerminalMatchesAreBoldAndOnlyOurEscapesPass() {
    SearchCommand command = new SearchCommand();
    command.bold = true;
    assertThat(command.snippet("a <em>fee</em> &lt;b&gt; \u001b[31mred\u0007"))
        .isEqualTo("a \u001b[1mfee\u001b[0m <b>  [31mred ");
    command.bold = false;
    assertThat(command.snippet("a <em>fee</em> &amp;lt;")).isEqualTo("a [fee] &lt;");
  }
}
