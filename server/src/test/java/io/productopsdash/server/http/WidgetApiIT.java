package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The widget endpoints over HTTP, without the admin token: eligibility and cooldown across ISO
 * weeks of an injected clock, impressions, dismissals, idempotent answers, and bad input that
 * leaves the {@code answers} table untouched.
 */
class WidgetApiIT {
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

  // ---- eligibility ----

  @Test
  void theWidgetScriptIsUnder10KbGzipped() throws java.io.IOException {
    Reply js = server.widget("GET", "/widget.js", null);
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type").orElse("")).contains("javascript");
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write(js.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(js.body()).contains("ProductOpsDash");
    assertThat(zipped.size()).as("gzipped widget.js, bytes").isLessThan(10 * 1024);
  }

  /** A failure the code does not expect (here the surveys table is gone) is a bare 500. */
  @Test
  void anUnexpectedFailureIsA500WithoutAStackTrace() throws java.sql.SQLException {
    long id = server.createSurvey(1.0);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + server.dbFile().toAbsolutePath());
        java.sql.Statement st = c.createStatement()) {
      st.execute("ALTER TABLE surveys RENAME TO surveys_gone");
    }
    Reply r = server.eligibility(id, "u");
    assertError(r, 500, null);
    assertThat(r.json().get("title").getAsString()).isEqualTo("Internal server error");
    assertThat(r.body()).doesNotContain("surveys", "SQL", "sqlite");
  }

  @Test
  void sampleRateOneMakesEveryUserEligibleWithTheSurvey() {
    long id = server.createSurvey(1.0);

    Reply r = server.eligibility(id, "user-1");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.header("Cache-Control")).contains("no-store");
    JsonObject body = r.json();
    assertThat(body.get("eligible").getAsBoolean()).isTrue();
    assertThat(body.get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    JsonObject survey = body.getAsJsonObject("survey");
    assertThat(survey.get("id").getAsLong()).isEqualTo(id);
    assertThat(survey.get("question").getAsString()).isEqualTo("How satisfied are you with the wallet?");
    assertThat(survey.get("points").getAsInt()).isEqualTo(7);
    assertThat(survey.get("min").getAsInt()).isEqualTo(1);
    assertThat(survey.get("max").getAsInt()).isEqualTo(7);
    assertThat(body.has("reason")).isFalse();
    // The sampled user is recorded in the frame.
    assertThat(server.count(
            "SELECT COUNT(*) FROM sampling_frame WHERE series_id = ? AND week = ? AND user_id = ?",
            id, ApiTestServer.START_WEEK, "user-1"))
        .isEqualTo(1);
    for (int u = 0; u < 20; u++) {
      assertThat(server.eligibility(id, "other-" + u).json().get("eligible").getAsBoolean()).isTrue();
    }
  }

  @Test
  void sampleRateZeroMakesNobodyEligibleWithAReason() {
    long id = server.createSurvey(0.0);

    for (int u = 0; u < 20; u++) {
      Reply r = server.eligibility(id, "user-" + u);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      JsonObject body = r.json();
      assertThat(body.get("eligible").getAsBoolean()).isFalse();
      assertThat(body.get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
      assertThat(body.get("reason").getAsString()).isEqualTo("not sampled this week");
      assertThat(body.has("survey")).isFalse();
    }
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame")).as("unsampled users need no write").isZero();
  }

  @Test
  void theSameQuestionGetsTheSameAnswer() {
    long id = server.createSurvey(0.5);
    for (int u = 0; u < 30; u++) {
      boolean first = server.eligibility(id, "user-" + u).json().get("eligible").getAsBoolean();
      boolean second = server.eligibility(id, "user-" + u).json().get("eligible").getAsBoolean();
      assertThat(second).as("user-%s", u).isEqualTo(first);
    }
  }

  @Test
  void missingOrBlankUserIdIs400NamingUserId() {
    long id = server.createSurvey(1.0);

    assertThat(assertError(server.widget("GET", "/api/v1/surveys/" + id + "/eligibility", null), 400, "userId"))
        .contains("required");
    assertError(server.widget("GET", "/api/v1/surveys/" + id + "/eligibility?userId=", null), 400, "userId");
    assertError(server.widget("GET", "/api/v1/surveys/" + id + "/eligibility?userId=%20%20", null), 400, "userId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{}"), 400, "userId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/dismissals", "{\"userId\":\"\"}"), 400, "userId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":42}"), 400, "userId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"user\":\"u\"}"), 400, "user");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/dismissals", "{\"userId\":"), 400, "body");
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame")).isZero();
  }

  @Test
  void weeksAreIsoWeeksInTheConfiguredZone() {
    long id = server.createSurvey(1.0);
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin: the next ISO week there.
    server.clock.set(Instant.parse("2026-11-22T22:59:59Z"));
    assertThat(server.eligibility(id, "u").json().get("week").getAsString()).isEqualTo("2026-W47");
    server.clock.set(Instant.parse("2026-11-22T23:30:00Z"));
    assertThat(server.eligibility(id, "u").json().get("week").getAsString()).isEqualTo("2026-W48");
    // Across a year boundary: Monday 28 December 2026 is in 2026-W53, Monday 4 January 2027 in 2027-W01.
    server.clock.set(Instant.parse("2026-12-28T12:00:00Z"));
    assertThat(server.eligibility(id, "u").json().get("week").getAsString()).isEqualTo("2026-W53");
    server.clock.set(Instant.parse("2027-01-04T12:00:00Z"));
    assertThat(server.eligibility(id, "u").json().get("week").getAsString()).isEqualTo("2027-W01");
  }

  // ---- dismissals and cooldown ----

  @Test
  void dismissalStartsACooldownOfCooldownWeeks() {
    long id = server.createSurvey(1.0);
    assertThat(server.eligibility(id, "u-1").json().get("eligible").getAsBoolean()).isTrue();

    Reply dismissed = server.widget("POST", "/api/v1/surveys/" + id + "/dismissals", "{\"userId\":\"u-1\"}");
    assertThat(dismissed.status()).as("%s", dismissed).isEqualTo(201);
    assertThat(dismissed.json().get("recorded").getAsString()).isEqualTo("dismissal");
    assertThat(dismissed.json().get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    assertThat(server.text("SELECT dismissed_at FROM sampling_frame WHERE user_id = 'u-1'"))
        .isEqualTo(ApiTestServer.START.toString());

    JsonObject sameWeek = server.eligibility(id, "u-1").json();
    assertThat(sameWeek.get("eligible").getAsBoolean()).isFalse();
    assertThat(sameWeek.get("reason").getAsString()).isEqualTo("already answered or dismissed this week");
    assertThat(sameWeek.has("survey")).isFalse();
    assertThat(server.eligibility(id, "u-2").json().get("eligible").getAsBoolean())
        .as("other users are not affected").isTrue();

    // Default cooldown 4: not asked in the 4 weeks after the dismissal either.
    for (int week = 1; week <= 4; week++) {
      server.clock.advanceWeeks(1);
      JsonObject later = server.eligibility(id, "u-1").json();
      assertThat(later.get("eligible").getAsBoolean()).as("%s weeks after", week).isFalse();
      assertThat(later.get("reason").getAsString()).isEqualTo("in cooldown since " + ApiTestServer.START_WEEK);
    }
    server.clock.advanceWeeks(1);
    JsonObject after = server.eligibility(id, "u-1").json();
    assertThat(after.get("eligible").getAsBoolean()).as("cooldownWeeks + 1 weeks later: %s", after).isTrue();
    assertThat(after.get("week").getAsString()).isEqualTo("2026-W52");
  }

  @Test
  void answeringAlsoStartsTheCooldown() {
    long id = server.createSurvey(
            "{\"name\":\"Short cooldown\",\"question\":\"Q?\",\"sampleRate\":1,\"cooldownWeeks\":1}")
        .get("id").getAsLong();
    assertThat(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}").status()).isEqualTo(201);

    assertThat(server.eligibility(id, "u").json().get("eligible").getAsBoolean()).isFalse();
    server.clock.advanceWeeks(1);
    assertThat(server.eligibility(id, "u").json().get("eligible").getAsBoolean()).isFalse();
    server.clock.advanceWeeks(1);
    assertThat(server.eligibility(id, "u").json().get("eligible").getAsBoolean()).isTrue();
  }

  // ---- impressions ----

  @Test
  void impressionIsRecordedOncePerWeek() {
    long id = server.createSurvey(1.0);

    Reply r = server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"u-1\"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.json().get("recorded").getAsString()).isEqualTo("impression");
    assertThat(r.json().get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);

    server.clock.advance(Duration.ofHours(1));
    Reply again = server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"u-1\"}");
    assertThat(again.status()).as("%s", again).isEqualTo(201);

    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame WHERE shown_at IS NOT NULL")).isEqualTo(1);
    assertThat(server.text("SELECT shown_at FROM sampling_frame WHERE user_id = 'u-1'"))
        .as("the first impression counts").isEqualTo(ApiTestServer.START.toString());
  }

  // ---- answers ----

  @Test
  void answerIs201AndTheSameResponseIdAgainIs200WithTheSameBody() {
    long id = server.createSurvey(1.0);
    String json =
        "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":6,\"locale\":\"en-GB\",\"url\":\"https://app.example/swap\"}";

    Reply first = server.answer(id, json);

    assertThat(first.status()).as("%s", first).isEqualTo(201);
    JsonObject a = first.json();
    assertThat(a.get("id").getAsLong()).isPositive();
    assertThat(a.get("responseId").getAsString()).isEqualTo("resp-1");
    assertThat(a.get("surveyId").getAsLong()).isEqualTo(id);
    assertThat(a.get("userId").getAsString()).isEqualTo("u-1");
    assertThat(a.get("week").getAsString()).isEqualTo(ApiTestServer.START_WEEK);
    assertThat(a.get("score").getAsInt()).isEqualTo(6);
    assertThat(a.get("locale").getAsString()).isEqualTo("en-GB");
    assertThat(a.get("url").getAsString()).isEqualTo("https://app.example/swap");
    assertThat(a.has("comment")).isFalse();
    assertThat(a.get("createdAt").getAsString()).isEqualTo(ApiTestServer.START.toString());
    assertThat(server.answerRows()).isEqualTo(1);
    assertThat(server.text("SELECT answered_at FROM sampling_frame WHERE user_id = 'u-1'"))
        .isEqualTo(ApiTestServer.START.toString());

    server.clock.advance(Duration.ofMinutes(5));
    Reply retry = server.answer(id, json);

    assertThat(retry.status()).as("%s", retry).isEqualTo(200);
    assertThat(retry.json()).isEqualTo(a);
    assertThat(server.answerRows()).as("a retry never double counts").isEqualTo(1);
  }

  @Test
  void laterPostWithTheSameResponseIdAddsTheComment() {
    long id = server.createSurvey(1.0);
    Reply first = server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3}");
    assertThat(first.status()).isEqualTo(201);

    server.clock.advance(Duration.ofMinutes(2));
    Reply withComment =
        server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3,\"comment\":\"  Swaps are too slow  \"}");

    assertThat(withComment.status()).as("%s", withComment).isEqualTo(200);
    JsonObject a = withComment.json();
    assertThat(a.get("id").getAsLong()).isEqualTo(first.json().get("id").getAsLong());
    // The reply never echoes a comment before person names are cleared from it.
    assertThat(a.has("comment")).as("%s", a).isFalse();
    assertThat(a.get("commentStatus").getAsString()).isEqualTo("clearing-names");
    assertThat(a.get("createdAt").getAsString()).isEqualTo(ApiTestServer.START.toString());
    assertThat(a.get("updatedAt").getAsString()).isEqualTo(ApiTestServer.START.plus(Duration.ofMinutes(2)).toString());
    assertThat(server.answerRows()).isEqualTo(1);
    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'resp-1'")).isEqualTo("Swaps are too slow");

    // Once names are cleared, a retry of the first post (without comment) returns the stored
    // answer, comment included.
    server.awaitNamesCleared();
    Reply retry = server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3}");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("comment").getAsString()).isEqualTo("Swaps are too slow");
    assertThat(retry.json().get("commentStatus").getAsString()).isEqualTo("stored");
    assertThat(retry.json().get("updatedAt")).isEqualTo(a.get("updatedAt"));
    // A different comment later does not silently overwrite the stored one.
    Reply other = server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3,\"comment\":\"other\"}");
    assertThat(other.status()).isEqualTo(200);
    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'resp-1'")).isEqualTo("Swaps are too slow");
  }

  @Test
  void sameResponseIdWithDifferentScoreOrUserIs409() {
    long id = server.createSurvey(1.0);
    assertThat(server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3}").status()).isEqualTo(201);

    Reply score = server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":4}");
    assertError(score, 409, null);
    assertThat(score.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "conflict");
    assertThat(score.json().get("title").getAsString()).contains("resp-1");
    assertError(server.answer(id, "{\"responseId\":\"resp-1\",\"userId\":\"u-2\",\"score\":3}"), 409, null);
    long other = server.createSurvey(1.0);
    assertError(server.answer(other, "{\"responseId\":\"resp-1\",\"userId\":\"u-1\",\"score\":3}"), 409, null);

    assertThat(server.answerRows()).isEqualTo(1);
    assertThat(server.count("SELECT score FROM answers WHERE response_id = 'resp-1'")).isEqualTo(3);
  }

  @Test
  void scoresAtTheEndsOfTheScaleAndALongestCommentAreAccepted() {
    long csat = server.createSurvey(1.0);
    long nps = server.createSurvey(
            "{\"name\":\"NPS\",\"question\":\"Recommend?\",\"kind\":\"NPS\",\"sampleRate\":1}").get("id").getAsLong();

    assertThat(server.answer(csat, "{\"responseId\":\"a\",\"userId\":\"u\",\"score\":1}").status()).isEqualTo(201);
    assertThat(server.answer(csat, "{\"responseId\":\"b\",\"userId\":\"u\",\"score\":7,\"comment\":\"" + "x".repeat(5000) + "\"}")
            .status())
        .isEqualTo(201);
    assertThat(server.answer(nps, "{\"responseId\":\"c\",\"userId\":\"u\",\"score\":0}").status()).isEqualTo(201);
    assertThat(server.answer(nps, "{\"responseId\":\"d\",\"userId\":\"u\",\"score\":10}").status()).isEqualTo(201);
    assertThat(assertError(server.answer(nps, "{\"responseId\":\"e\",\"userId\":\"u\",\"score\":11}"), 400, "score"))
        .contains("0..10");
    assertThat(server.answerRows()).isEqualTo(4);
    assertThat(server.count("SELECT LENGTH(comment) FROM answers WHERE response_id = 'b'")).isEqualTo(5000);
  }

  static Stream<Arguments> badAnswers() {
    return Stream.of(
        arguments("score 0", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":0}", "score"),
        arguments("score 8", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":8}", "score"),
        arguments("score 3.5", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":3.5}", "score"),
        arguments("score \"3\"", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":\"3\"}", "score"),
        arguments("score missing", "{\"responseId\":\"new\",\"userId\":\"u\"}", "score"),
        arguments("score null", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":null}", "score"),
        arguments("responseId missing", "{\"userId\":\"u\",\"score\":5}", "responseId"),
        arguments("responseId blank", "{\"responseId\":\" \",\"userId\":\"u\",\"score\":5}", "responseId"),
        arguments("userId missing", "{\"responseId\":\"new\",\"score\":5}", "userId"),
        arguments("comment 5001 chars",
            "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":5,\"comment\":\"" + "c".repeat(5001) + "\"}", "comment"),
        arguments("unknown field", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":5,\"scroe\":5}", "scroe"),
        arguments("malformed JSON", "{\"responseId\":\"new\",\"userId\":\"u\",\"score\":5", "body"),
        arguments("JSON array", "[{\"responseId\":\"new\",\"userId\":\"u\",\"score\":5}]", "body"),
        arguments("empty body", "", "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void badAnswerIs400NamingTheFieldAndWritesNothing(String label, String body, String field) {
    long id = server.createSurvey(1.0);
    assertThat(server.answer(id, "{\"responseId\":\"existing\",\"userId\":\"u0\",\"score\":5}").status()).isEqualTo(201);
    long answersBefore = server.answerRows();
    long frameBefore = server.count("SELECT COUNT(*) FROM sampling_frame WHERE answered_at IS NOT NULL");

    Reply r = server.answer(id, body);

    String rule = assertError(r, 400, field);
    assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "invalid-input");
    assertThat(rule).as(label).hasSizeGreaterThan(5);
    assertThat(server.answerRows()).as("%s: nothing written", label).isEqualTo(answersBefore);
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame WHERE answered_at IS NOT NULL"))
        .as("%s: no answer in the frame", label).isEqualTo(frameBefore);
  }

  /** A score such as {@code 1e10001} is valid JSON that Gson will not convert: 400 naming score. */
  @Test
  void scoreBeyondTheParsersLimitsIs400NamingScore() {
    long id = server.createSurvey(1.0);

    assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":1e10001}"), 400, "score");
    assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5e-10001}"), 400, "score");
    assertThat(server.answerRows()).isZero();
  }

  /** Trailing data after the object is malformed JSON: 400, and nothing is written. */
  @Test
  void trailingDataAfterTheObjectIsMalformedJsonAndWritesNothing() {
    long id = server.createSurvey(1.0);

    Reply r = server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5} {\"score\":1}");

    assertError(r, 400, "body");
    assertThat(server.answerRows()).isZero();
  }

  @Test
  void scoreRulesSayWhatWasWrong() {
    long id = server.createSurvey(1.0);

    assertThat(assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":8}"), 400, "score"))
        .contains("1..7").contains("8");
    assertThat(assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":3.5}"), 400, "score"))
        .contains("integer").contains("3.5");
    assertThat(assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\"}"), 400, "score"))
        .contains("required");
    assertThat(assertError(
            server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5,\"comment\":\"" + "c".repeat(5001) + "\"}"),
            400, "comment"))
        .contains("5000").contains("5001");
    assertThat(server.answerRows()).isZero();
  }

  @Test
  void bodyOver64KbIs413JsonErrorAndWritesNothing() {
    long id = server.createSurvey(1.0);
    String huge = "{\"responseId\":\"big\",\"userId\":\"u\",\"score\":5,\"comment\":\"" + "x".repeat(70 * 1024) + "\"}";

    Reply r = server.answer(id, huge);

    assertThat(assertError(r, 413, "body")).isEqualTo("is over 65536 bytes");
    assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "body-too-large");
    assertThat(r.json().get("title").getAsString()).contains("64 KB");
    assertThat(server.answerRows()).isZero();

    Reply impression =
        server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"" + "u".repeat(70 * 1024) + "\"}");
    assertError(impression, 413, "body");
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame")).isZero();
    // The server still works afterwards.
    assertThat(server.answer(id, "{\"responseId\":\"small\",\"userId\":\"u\",\"score\":5}").status()).isEqualTo(201);
  }

  @Test
  void chunkedBodyOver64KbIs413Too() {
    long id = server.createSurvey(1.0);
    String huge = "{\"responseId\":\"big\",\"userId\":\"u\",\"score\":5,\"comment\":\"" + "x".repeat(70 * 1024) + "\"}";

    Reply r = server.postChunked("/api/v1/surveys/" + id + "/answers", huge);

    assertError(r, 413, "body");
    assertThat(server.answerRows()).isZero();
    Reply small = server.postChunked("/api/v1/surveys/" + id + "/answers", "{\"responseId\":\"s\",\"userId\":\"u\",\"score\":5}");
    assertThat(small.status()).as("%s", small).isEqualTo(201);
  }

  // ---- inactive and unknown surveys ----

  @Test
  void inactiveSurveyIs409ForEveryWidgetCall() {
    long id = server.createSurvey(1.0);
    Reply off = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"active\":false}");
    assertThat(off.status()).as("%s", off).isEqualTo(200);
    assertThat(off.json().get("active").getAsBoolean()).isFalse();
    assertThat(off.json().get("id").getAsLong()).isEqualTo(id);

    Reply eligibility = server.eligibility(id, "u");
    assertThat(assertError(eligibility, 409, "surveyId")).isEqualTo("Survey " + id + " is not active");
    assertThat(eligibility.json().get("title").getAsString()).contains("not active");
    assertError(server.answer(id, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}"), 409, "surveyId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"u\"}"), 409, "surveyId");
    assertError(server.widget("POST", "/api/v1/surveys/" + id + "/dismissals", "{\"userId\":\"u\"}"), 409, "surveyId");
    assertThat(server.answerRows()).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame")).isZero();

    // Switched on again, it works.
    assertThat(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"active\":true}").status()).isEqualTo(200);
    assertThat(server.eligibility(id, "u").json().get("eligible").getAsBoolean()).isTrue();
  }

  @Test
  void unknownSurveyIs404ForEveryWidgetCall() {
    server.createSurvey(1.0);
    for (Reply r :
        List.of(
            server.eligibility(999, "u"),
            server.answer(999, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}"),
            server.widget("POST", "/api/v1/surveys/999/impressions", "{\"userId\":\"u\"}"),
            server.widget("POST", "/api/v1/surveys/999/dismissals", "{\"userId\":\"u\"}"))) {
      assertThat(assertError(r, 404, "surveyId")).isEqualTo("No survey with id 999");
      assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "not-found");
      assertThat(r.json().get("title").getAsString()).contains("999");
    }
    assertError(server.widget("GET", "/api/v1/surveys/abc/eligibility?userId=u", null), 400, "id");
    assertError(server.answer(-1, "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}"), 400, "id");
    assertThat(server.answerRows()).isZero();
    assertThat(server.count("SELECT COUNT(*) FROM sampling_frame")).isZero();
  }
}
