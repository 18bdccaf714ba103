package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.server.MetricsFixture;
import io.productopsdash.server.cli.ProductOpsDashCli;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code GET /api/v1/metrics/satisfaction} over {@link MetricsFixture}'s events and answers
 * posted through the widget endpoint: in 2026-W47 u1 7, u2 5, u3 2, u4 4; in 2026-W48 u1 6, u3 3
 * (7-point CSAT, top box 6-7, bottom box 1-2). As of Wed 25 Nov 10:00Z, in Berlin:
 *
 * <ul>
 *   <li>u1: signup W47, deposit 40 min later: converted; /swap in W47: Atomic swap adopter for
 *       both answers;
 *   <li>u2: signup W47, no deposit, last event 8 days ago: in progress; no area;
 *   <li>u3: no signup; /wallet in W46: Wallet home adopter for both answers;
 *   <li>u4: no events at all: no signup, no area.
 * </ul>
 */
class SatisfactionApiIT {
  private static final double EPS = 1e-9;
  private static final String AS_OF = "2026-11-25T10:00:00Z";
  private static final String RANGE = "&from=2026-W47&to=2026-W48&asOf=" + AS_OF;

  @TempDir Path dataDir;
  private ApiTestServer server;
  private long surveyId;

  @BeforeEach
  void start() {
    MetricsFixture.store(dataDir);
    server = ApiTestServer.start(dataDir);
    surveyId = server.createSurvey(1.0);
    answer("w47-1", "u1", 7);
    answer("w47-2", "u2", 5);
    answer("w47-3", "u3", 2);
    answer("w47-4", "u4", 4);
    server.clock.advanceWeeks(1);
    answer("w48-1", "u1", 6);
    answer("w48-2", "u3", 3);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void scoresBySignupCohortOnboardingOutcomeAndAreaAdoption() {
    Reply r = server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=" + surveyId + RANGE, null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.keySet())
        .containsExactly("surveyId", "from", "to", "asOf", "overall", "bySignupCohort", "byOnboarding", "byArea");
    assertThat(body.get("surveyId").getAsLong()).isEqualTo(surveyId);
    assertThat(body.get("from").getAsString()).isEqualTo("2026-W47");
    assertThat(body.get("to").getAsString()).isEqualTo("2026-W48");
    assertThat(body.get("asOf").getAsString()).isEqualTo(AS_OF);

    // 7 + 5 + 2 + 4 + 6 + 3 = 27 over 6; one answer at each of 2..7; top box 7, 6; bottom box 2.
    JsonObject overall = body.getAsJsonObject("overall");
    assertScore(overall, 6, 4.5);
    assertThat(overall.getAsJsonArray("distribution").toString()).isEqualTo("[0,1,1,1,1,1,1]");
    assertThat(overall.get("topBox").getAsDouble()).isCloseTo(2.0 / 6, within(EPS));
    assertThat(overall.get("bottomBox").getAsDouble()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(overall.get("lowSample").getAsBoolean()).isTrue();
    // The t interval: 4.5 ± t(0.975, 5) · sd / √6, sd² = (2.5² + .5² + 2.5² + .5² + 1.5² + 1.5²) / 5 = 3.5.
    double half = 2.5705818356363146 * Math.sqrt(3.5 / 6);
    assertThat(overall.getAsJsonObject("meanCi").get("low").getAsDouble()).isCloseTo(4.5 - half, within(1e-6));
    assertThat(overall.getAsJsonObject("meanCi").get("high").getAsDouble()).isCloseTo(4.5 + half, within(1e-6));

    // Cohort W47: u1 7 and 6, u2 5 = 18 / 3; no signup: u3 2 and 3, u4 4 = 9 / 3.
    JsonArray cohorts = body.getAsJsonArray("bySignupCohort");
    assertThat(keys(cohorts, "key")).containsExactly("2026-W47", "(no signup seen)");
    assertScore(score(cohorts, 0), 3, 6.0);
    assertScore(score(cohorts, 1), 3, 3.0);

    JsonArray outcomes = body.getAsJsonArray("byOnboarding");
    assertThat(keys(outcomes, "key")).containsExactly("converted", "in progress", "silent give-up", "no signup seen");
    assertScore(score(outcomes, 0), 2, 6.5);
    assertScore(score(outcomes, 1), 1, 5.0);
    assertScore(score(outcomes, 2), 0, null);
    assertThat(score(outcomes, 2).getAsJsonArray("distribution").toString()).isEqualTo("[0,0,0,0,0,0,0]");
    assertScore(score(outcomes, 3), 3, 3.0);

    JsonArray areas = body.getAsJsonArray("byArea");
    assertThat(keys(areas, "area")).containsExactly("Wallet home", "Atomic swap", "Multi-chain");
    // Wallet home: u3's 2 and 3 against 7, 5, 4, 6.
    JsonObject wallet = areas.get(0).getAsJsonObject();
    assertScore(wallet.getAsJsonObject("adopters"), 2, 2.5);
    assertScore(wallet.getAsJsonObject("others"), 4, 5.5);
    assertThat(wallet.get("meanDelta").getAsDouble()).isCloseTo(-3.0, within(EPS));
    assertThat(wallet.get("pValue").getAsDouble())
        .isCloseTo(new TTest().tTest(new double[] {2, 3}, new double[] {7, 5, 4, 6}), within(1e-9));
    // Atomic swap: u1's 7 and 6 against 5, 2, 4, 3.
    JsonObject swap = areas.get(1).getAsJsonObject();
    assertScore(swap.getAsJsonObject("adopters"), 2, 6.5);
    assertScore(swap.getAsJsonObject("others"), 4, 3.5);
    assertThat(swap.get("meanDelta").getAsDouble()).isCloseTo(3.0, within(EPS));
    assertThat(swap.get("pValue").getAsDouble())
        .isCloseTo(new TTest().tTest(new double[] {7, 6}, new double[] {5, 2, 4, 3}), within(1e-9));
    // Multi-chain: nobody; no difference to report.
    JsonObject chains = areas.get(2).getAsJsonObject();
    assertScore(chains.getAsJsonObject("adopters"), 0, null);
    assertScore(chains.getAsJsonObject("others"), 6, 4.5);
    assertThat(chains.has("meanDelta")).isFalse();
    assertThat(chains.has("pValue")).isFalse();
  }

  @Test
  void asOfCutsTheAnswersAsWellAsTheEvents() {
    // On Friday of W47 the W48 answers (given on 25 Nov) do not exist yet: 7, 5, 2, 4 remain.
    JsonObject early =
        server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=" + surveyId + "&from=2026-W47&to=2026-W48&asOf=2026-11-20T00:00:00Z", null)
            .json();
    assertScore(early.getAsJsonObject("overall"), 4, 4.5);
    // At the instant of the W48 answers they count (at or before asOf).
    JsonObject at = server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=" + surveyId + RANGE, null).json();
    assertScore(at.getAsJsonObject("overall"), 6, 4.5);
  }

  @Test
  void theRangeSelectsTheAnswersByWeekAndDefaultsToTwelveWeeksUpToNow() {
    // Only W48: u1 6, u3 3.
    JsonObject w48 =
        server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=" + surveyId + "&from=2026-W48&to=2026-W48", null).json();
    assertScore(w48.getAsJsonObject("overall"), 2, 4.5);
    // Defaults: the clock is in W48 now, so 2026-W37..2026-W48 with all six answers.
    JsonObject all = server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=" + surveyId, null).json();
    assertThat(all.get("from").getAsString()).isEqualTo("2026-W37");
    assertThat(all.get("to").getAsString()).isEqualTo("2026-W48");
    assertScore(all.getAsJsonObject("overall"), 6, 4.5);
  }

  @Test
  void theCommandLinePrintsTheSameJsonAndATable() {
    String path = "/api/v1/metrics/satisfaction?surveyId=" + surveyId + RANGE;
    String api = server.admin("GET", path, null).body();
    String[] args = {
      "rollup", "satisfaction", "--survey", Long.toString(surveyId), "--data", dataDir.toString(), "--from", "2026-W47",
      "--to", "2026-W48", "--as-of", AS_OF, "--zone", "Europe/Berlin"
    };
    List<String> json = new ArrayList<>(List.of(args));
    json.add("--json");
    assertThat(cli(json.toArray(String[]::new))).isEqualTo(api);

    String table = cli(args);
    assertThat(table).contains("Scores of survey " + surveyId).contains("cohort 2026-W47").contains("silent give-up");
    assertThat(table.lines().filter(l -> l.startsWith("Atomic swap")).findFirst().orElseThrow())
        .matches("Atomic swap\\s+2\\*\\s+6\\.50\\s+4\\*\\s+3\\.50\\s+3\\.00\\s+0\\.\\d{4}");

    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
    assertThat(cli.execute("rollup", "satisfaction", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--survey");
    assertThat(cli.execute("rollup", "satisfaction", "--survey", "999", "--data", dataDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No survey with id 999");
  }

  @Test
  void anUnknownSurveyIs404AndBadParametersAre400NamingThem() {
    assertError(server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=999" + RANGE, null), 404, null);
    assertError(server.admin("GET", "/api/v1/metrics/satisfaction?from=2026-W47", null), 400, "surveyId");
    assertThat(assertError(server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=abc", null), 400, "surveyId"))
        .contains("abc");
    assertError(server.admin("GET", "/api/v1/metrics/satisfaction?surveyId=0", null), 400, "surveyId");
    String s = "/api/v1/metrics/satisfaction?surveyId=" + surveyId;
    assertThat(assertError(server.admin("GET", s + "&from=2026-47", null), 400, "from")).contains("2026-47");
    assertError(server.admin("GET", s + "&to=W48", null), 400, "to");
    assertThat(assertError(server.admin("GET", s + "&from=2026-W49&to=2026-W48", null), 400, "from")).contains("after");
    assertError(server.admin("GET", s + "&from=2000-W01&to=2026-W48", null), 400, "from");
    assertError(server.admin("GET", s + "&asOf=yesterday", null), 400, "asOf");
    assertError(server.send("GET", s, null, null), 401, null);
    assertError(server.send("GET", s, null, "wrong"), 401, null);
  }

  private void answer(String responseId, String user, int score) {
    Reply r =
        server.answer(
            surveyId, "{\"responseId\":\"" + responseId + "\",\"userId\":\"" + user + "\",\"score\":" + score + "}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
  }

  private static void assertScore(JsonObject score, int n, Double mean) {
    assertThat(score.get("n").getAsInt()).isEqualTo(n);
    if (mean == null) {
      assertThat(score.has("mean")).isFalse();
    } else {
      assertThat(score.get("mean").getAsDouble()).isCloseTo(mean, within(EPS));
    }
  }

  private static JsonObject score(JsonArray groups, int index) {
    return groups.get(index).getAsJsonObject().getAsJsonObject("score");
  }

  private static List<String> keys(JsonArray array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsJsonObject().get(field).getAsString());
    }
    return out;
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new ProductOpsDashCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    assertThat(code).as("%s", err).isZero();
    return out.toString().strip();
  }
}
