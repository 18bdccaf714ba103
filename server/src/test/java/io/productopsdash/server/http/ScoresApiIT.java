package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weekly scores over HTTP, from impressions and answers posted through the widget endpoints over
 * two ISO weeks of an injected clock; numbers checked against hand computation.
 */
class ScoresApiIT {
  private static final double EPS = 1e-9;

  @TempDir Path dataDir;
  private ApiTestServer server;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dataDir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void weeklyScoresOverTwoWeeks() {
    long id = server.createSurvey(1.0);
    // 2026-W47: 4 users shown the survey, 3 answer 7, 6, 3.
    impressions(id, "u1", "u2", "u3", "u4");
    answer(id, "w47-1", "u1", 7);
    answer(id, "w47-2", "u2", 6);
    answer(id, "w47-3", "u3", 3);
    // 2026-W48: 5 users shown, 4 answer 7, 7, 1, 5.
    server.clock.advanceWeeks(1);
    impressions(id, "u5", "u6", "u7", "u8", "u9");
    answer(id, "w48-1", "u5", 7);
    answer(id, "w48-2", "u6", 7);
    answer(id, "w48-3", "u7", 1);
    answer(id, "w48-4", "u8", 5);

    Reply r = server.admin("GET", "/api/v1/surveys/" + id + "/scores?from=2026-W46&to=2026-W48", null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.get("from").getAsString()).isEqualTo("2026-W46");
    assertThat(body.get("to").getAsString()).isEqualTo("2026-W48");
    assertThat(body.getAsJsonObject("survey").get("id").getAsLong()).isEqualTo(id);
    JsonArray weeks = body.getAsJsonArray("weeks");
    assertThat(weeks).hasSize(3);

    // A week without answers or impressions is still reported.
    JsonObject w46 = weeks.get(0).getAsJsonObject();
    assertThat(w46.get("week").getAsString()).isEqualTo("2026-W46");
    JsonObject s46 = w46.getAsJsonObject("score");
    assertThat(s46.get("n").getAsInt()).isZero();
    assertThat(longs(s46.getAsJsonArray("distribution"))).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(isAbsentOrNull(s46, "mean")).isTrue();
    assertThat(w46.get("impressions").getAsLong()).isZero();
    assertThat(isAbsentOrNull(w46, "responseRate")).as("no impressions, no rate").isTrue();
    assertThat(s46.get("lowSample").getAsBoolean()).isTrue();

    JsonObject w47 = weeks.get(1).getAsJsonObject();
    assertThat(w47.get("week").getAsString()).isEqualTo("2026-W47");
    JsonObject s47 = w47.getAsJsonObject("score");
    assertThat(s47.get("n").getAsInt()).isEqualTo(3);
    assertThat(longs(s47.getAsJsonArray("distribution"))).containsExactly(0L, 0L, 1L, 0L, 0L, 1L, 1L);
    assertThat(s47.get("mean").getAsDouble()).isCloseTo(16.0 / 3, within(EPS));
    assertThat(s47.get("topBox").getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(s47.get("bottomBox").getAsDouble()).isCloseTo(0.0, within(EPS));
    assertThat(s47.get("lowSample").getAsBoolean()).isTrue();
    assertCiAround(s47.getAsJsonObject("meanCi"), 16.0 / 3);
    assertCiAround(s47.getAsJsonObject("topBoxCi"), 2.0 / 3);
    assertThat(isAbsentOrNull(s47, "nps")).as("CSAT has no NPS").isTrue();
    assertThat(w47.get("impressions").getAsLong()).isEqualTo(4);
    assertThat(w47.get("responseRate").getAsDouble()).isCloseTo(0.75, within(EPS));
    JsonObject c47 = w47.getAsJsonObject("change");
    assertThat(c47.get("previousWeek").getAsString()).isEqualTo("2026-W46");
    assertThat(isAbsentOrNull(c47, "meanDelta")).as("nothing to compare with").isTrue();
    assertThat(c47.get("lowSample").getAsBoolean()).isTrue();

    JsonObject w48 = weeks.get(2).getAsJsonObject();
    assertThat(w48.get("week").getAsString()).isEqualTo("2026-W48");
    JsonObject s48 = w48.getAsJsonObject("score");
    assertThat(s48.get("n").getAsInt()).isEqualTo(4);
    assertThat(longs(s48.getAsJsonArray("distribution"))).containsExactly(1L, 0L, 0L, 0L, 1L, 0L, 2L);
    assertThat(s48.get("mean").getAsDouble()).isCloseTo(5.0, within(EPS));
    assertThat(s48.get("topBox").getAsDouble()).isCloseTo(0.5, within(EPS));
    assertThat(s48.get("bottomBox").getAsDouble()).isCloseTo(0.25, within(EPS));
    assertThat(s48.get("lowSample").getAsBoolean()).isTrue();
    assertThat(w48.get("impressions").getAsLong()).isEqualTo(5);
    assertThat(w48.get("responseRate").getAsDouble()).isCloseTo(0.8, within(EPS));
    JsonObject c48 = w48.getAsJsonObject("change");
    assertThat(c48.get("previousWeek").getAsString()).isEqualTo("2026-W47");
    assertThat(c48.get("meanDelta").getAsDouble()).isCloseTo(5.0 - 16.0 / 3, within(EPS));
    assertThat(c48.get("topBoxDelta").getAsDouble()).isCloseTo(0.5 - 2.0 / 3, within(EPS));
    assertThat(c48.get("meanPValue").getAsDouble()).isBetween(0.0, 1.0);
    assertThat(c48.get("topBoxPValue").getAsDouble()).isBetween(0.0, 1.0);
    assertThat(c48.get("lowSample").getAsBoolean()).isTrue();
  }

  @Test
  void npsSurveyReportsNps() {
    long id =
        server.createSurvey("{\"name\":\"NPS\",\"question\":\"Recommend us?\",\"kind\":\"NPS\",\"sampleRate\":1}")
            .get("id").getAsLong();
    impressions(id, "a", "b", "c", "d", "e");
    answer(id, "r1", "a", 10);
    answer(id, "r2", "b", 9);
    answer(id, "r3", "c", 7);
    answer(id, "r4", "d", 3);

    Reply r = server.admin("GET", "/api/v1/surveys/" + id + "/scores?from=2026-W47&to=2026-W47", null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject week = r.json().getAsJsonArray("weeks").get(0).getAsJsonObject();
    JsonObject s = week.getAsJsonObject("score");
    assertThat(s.get("n").getAsInt()).isEqualTo(4);
    assertThat(longs(s.getAsJsonArray("distribution")))
        .containsExactly(0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 1L, 1L);
    assertThat(s.get("mean").getAsDouble()).isCloseTo(29.0 / 4, within(EPS));
    // 2 promoters, 1 detractor of 4: NPS = 50% - 25% = 25 points.
    assertThat(s.get("nps").getAsDouble()).isCloseTo(25.0, within(EPS));
    assertCiAround(s.getAsJsonObject("npsCi"), 25.0);
    assertThat(s.get("topBox").getAsDouble()).isCloseTo(0.5, within(EPS));
    assertThat(s.get("bottomBox").getAsDouble()).isCloseTo(0.25, within(EPS));
    assertThat(week.get("responseRate").getAsDouble()).isCloseTo(0.8, within(EPS));
  }

  @Test
  void anAnswerCountsAsShownSoTheResponseRateNeverExceedsOne() {
    long id = server.createSurvey(1.0);
    impressions(id, "a");
    answer(id, "r1", "a", 6);
    // b's widget never reported the impression; c answered twice (two response ids).
    answer(id, "r2", "b", 5);
    answer(id, "r3", "c", 4);
    answer(id, "r4", "c", 2);

    JsonObject week =
        server.admin("GET", "/api/v1/surveys/" + id + "/scores?from=2026-W47&to=2026-W47", null).json()
            .getAsJsonArray("weeks").get(0).getAsJsonObject();

    assertThat(week.getAsJsonObject("score").get("n").getAsInt()).isEqualTo(4);
    assertThat(week.get("impressions").getAsLong()).as("a, b and c were shown it").isEqualTo(3);
    assertThat(week.get("respondents").getAsLong()).isEqualTo(3);
    assertThat(week.get("responseRate").getAsDouble()).isEqualTo(1.0);
    // Fewer than 30 answers: the verdict says so rather than "not significant".
    assertThat(week.getAsJsonObject("change").get("meanVerdict").getAsString()).isEqualTo("TOO_FEW_ANSWERS");
  }

  @Test
  void withoutARangeTheLastTwelveWeeksUpToNowAreReported() {
    long id = server.createSurvey(1.0);

    Reply r = server.admin("GET", "/api/v1/surveys/" + id + "/scores", null);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().get("to").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    assertThat(r.json().get("from").getAsString()).isEqualTo("2026-W36");
    assertThat(r.json().getAsJsonArray("weeks")).hasSize(12);
  }

  @Test
  void badWeekRangesAre400NamingTheParameter() {
    long id = server.createSurvey(1.0);
    String scores = "/api/v1/surveys/" + id + "/scores";

    assertThat(assertError(server.admin("GET", scores + "?from=2026-47&to=2026-W48", null), 400, "from"))
        .contains("2026-47");
    assertError(server.admin("GET", scores + "?from=2026-W47&to=W48", null), 400, "to");
    assertError(server.admin("GET", scores + "?from=2026-W54&to=2026-W48", null), 400, "from");
    assertError(server.admin("GET", scores + "?from=2026-W47&to=2026-W00", null), 400, "to");
    assertThat(assertError(server.admin("GET", scores + "?from=2026-W48&to=2026-W47", null), 400, "from"))
        .contains("after");
    assertError(server.admin("GET", scores + "?from=2000-W01&to=2026-W47", null), 400, "from");
    assertError(server.admin("GET", "/api/v1/surveys/999/scores?from=2026-W47&to=2026-W48", null), 404, null);
  }

  private void impressions(long id, String... users) {
    for (String user : users) {
      Reply r = server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"" + user + "\"}");
      assertThat(r.status()).as("%s", r).isEqualTo(201);
    }
  }

  private void answer(long id, String responseId, String user, int score) {
    Reply r =
        server.answer(
            id, "{\"responseId\":\"" + responseId + "\",\"userId\":\"" + user + "\",\"score\":" + score + "}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
  }

  private static void assertCiAround(JsonObject ci, double estimate) {
    assertThat(ci).as("interval").isNotNull();
    double low = ci.get("low").getAsDouble();
    double high = ci.get("high").getAsDouble();
    assertThat(low).isLessThan(estimate);
    assertThat(high).isGreaterThan(estimate);
  }

  private static boolean isAbsentOrNull(JsonObject o, String field) {
    return !o.has(field) || o.get(field).isJsonNull();
  }

  private static List<Long> longs(JsonArray array) {
    List<Long> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsLong());
    }
    return out;
  }
}
