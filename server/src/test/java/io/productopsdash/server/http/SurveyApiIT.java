package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The admin survey API over HTTP: create, list, get, edit with versioning, admin token, and
 * every bad input answered with a JSON error naming the field.
 */
class SurveyApiIT {
  private static final String VALID =
      "{\"name\":\"Weekly CSAT\",\"question\":\"How satisfied are you?\",\"sampleRate\":0.25}";

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

  // ---- create, list, get ----

  @Test
  void createAppliesDefaultsAndAnswersWithLocation() {
    Reply r = server.admin("POST", "/api/v1/surveys", VALID);

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
    JsonObject s = r.json();
    long id = s.get("id").getAsLong();
    assertThat(id).isPositive();
    assertThat(r.header("Location")).contains("/api/v1/surveys/" + id);
    assertThat(s.get("seriesId").getAsLong()).isEqualTo(id);
    assertThat(s.get("version").getAsInt()).isEqualTo(1);
    assertThat(s.get("name").getAsString()).isEqualTo("Weekly CSAT");
    assertThat(s.get("question").getAsString()).isEqualTo("How satisfied are you?");
    assertThat(s.get("kind").getAsString()).isEqualTo("CSAT");
    assertThat(s.get("points").getAsInt()).isEqualTo(7);
    assertThat(s.get("min").getAsInt()).isEqualTo(1);
    assertThat(s.get("max").getAsInt()).isEqualTo(7);
    assertThat(s.get("topBox").getAsInt()).isEqualTo(2);
    assertThat(s.get("cooldownWeeks").getAsInt()).isEqualTo(4);
    assertThat(s.get("sampleRate").getAsDouble()).isEqualTo(0.25);
    assertThat(s.get("active").getAsBoolean()).isTrue();
    assertThat(s.get("createdAt").getAsString()).isEqualTo(ApiTestServer.START.toString());
    assertThat(s.has("supersededBy")).as("a new survey is not superseded: %s", s).isFalse();
    assertThat(server.surveyRows()).isEqualTo(1);
  }

  @Test
  void createdSurveyIsListedAndReadableById() {
    Reply created = server.admin("POST", "/api/v1/surveys", VALID);
    JsonObject survey = created.json();
    String location = created.header("Location").orElseThrow();
    JsonObject other =
        server.createSurvey(
            "{\"name\":\"NPS\",\"question\":\"Would you recommend us?\",\"kind\":\"NPS\",\"sampleRate\":1}");

    Reply byLocation = server.admin("GET", location, null);
    assertThat(byLocation.status()).as("%s", byLocation).isEqualTo(200);
    assertThat(byLocation.json()).isEqualTo(survey);

    Reply list = server.admin("GET", "/api/v1/surveys", null);
    assertThat(list.status()).as("%s", list).isEqualTo(200);
    JsonArray surveys = list.json().getAsJsonArray("surveys");
    assertThat(surveys).hasSize(2);
    assertThat(surveys).containsExactlyInAnyOrder(survey, other);
  }

  @Test
  void emptyListIsAnEmptyArray() {
    Reply list = server.admin("GET", "/api/v1/surveys", null);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().getAsJsonArray("surveys")).isEmpty();
  }

  @Test
  void npsSurveyRunsFromZeroToTen() {
    JsonObject s =
        server.createSurvey(
            "{\"name\":\"NPS\",\"question\":\"How likely are you to recommend us?\",\"kind\":\"NPS\","
                + "\"minLabel\":\"Not at all likely\",\"maxLabel\":\"Extremely likely\",\"sampleRate\":0.1}");

    assertThat(s.get("kind").getAsString()).isEqualTo("NPS");
    assertThat(s.get("points").getAsInt()).isEqualTo(11);
    assertThat(s.get("min").getAsInt()).isEqualTo(0);
    assertThat(s.get("max").getAsInt()).isEqualTo(10);
    assertThat(s.get("minLabel").getAsString()).isEqualTo("Not at all likely");
    assertThat(s.get("maxLabel").getAsString()).isEqualTo("Extremely likely");
  }

  @Test
  void explicitScaleAndCooldownAreKept() {
    JsonObject s =
        server.createSurvey(
            "{\"name\":\"Five\",\"question\":\"Q?\",\"points\":5,\"cooldownWeeks\":2,\"sampleRate\":0,"
                + "\"openQuestion\":\"How can we make it better?\"}");

    assertThat(s.get("points").getAsInt()).isEqualTo(5);
    assertThat(s.get("min").getAsInt()).isEqualTo(1);
    assertThat(s.get("max").getAsInt()).isEqualTo(5);
    assertThat(s.get("cooldownWeeks").getAsInt()).isEqualTo(2);
    assertThat(s.get("sampleRate").getAsDouble()).isEqualTo(0.0);
    assertThat(s.get("openQuestion").getAsString()).isEqualTo("How can we make it better?");
  }

  static Stream<Arguments> badCreateBodies() {
    return Stream.of(
        arguments("points 4", "{\"name\":\"n\",\"question\":\"q\",\"points\":4,\"sampleRate\":0.5}", "points"),
        arguments("points 12", "{\"name\":\"n\",\"question\":\"q\",\"points\":12,\"sampleRate\":0.5}", "points"),
        arguments("kind FOO", "{\"name\":\"n\",\"question\":\"q\",\"kind\":\"FOO\",\"sampleRate\":0.5}", "kind"),
        arguments("sampleRate 1.5", "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":1.5}", "sampleRate"),
        arguments("sampleRate -0.1", "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":-0.1}", "sampleRate"),
        arguments("sampleRate missing", "{\"name\":\"n\",\"question\":\"q\"}", "sampleRate"),
        arguments("name missing", "{\"question\":\"q\",\"sampleRate\":0.5}", "name"),
        arguments("name blank", "{\"name\":\"  \",\"question\":\"q\",\"sampleRate\":0.5}", "name"),
        arguments("question missing", "{\"name\":\"n\",\"sampleRate\":0.5}", "question"),
        arguments("unknown field pionts", "{\"name\":\"n\",\"question\":\"q\",\"pionts\":7,\"sampleRate\":0.5}", "pionts"),
        arguments("malformed JSON", "{\"name\":\"n\",\"question\":", "body"),
        arguments("JSON array body", "[{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":0.5}]", "body"),
        arguments("empty body", "", "body"),
        arguments("points as text", "{\"name\":\"n\",\"question\":\"q\",\"points\":\"seven\",\"sampleRate\":0.5}", "points"),
        arguments("points 7.5", "{\"name\":\"n\",\"question\":\"q\",\"points\":7.5,\"sampleRate\":0.5}", "points"),
        arguments("name as number", "{\"name\":5,\"question\":\"q\",\"sampleRate\":0.5}", "name"),
        arguments("NPS with 7 points", "{\"name\":\"n\",\"question\":\"q\",\"kind\":\"NPS\",\"points\":7,\"sampleRate\":0.5}", "points"),
        arguments("cooldownWeeks -1", "{\"name\":\"n\",\"question\":\"q\",\"cooldownWeeks\":-1,\"sampleRate\":0.5}", "cooldownWeeks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCreateBodies")
  void badCreateBodyIs400NamingTheFieldAndCreatesNothing(String label, String body, String field) {
    Reply r = server.admin("POST", "/api/v1/surveys", body);

    String rule = assertError(r, 400, field);
    assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "invalid-input");
    assertThat(rule).as("%s: the rule says something", label).hasSizeGreaterThan(5);
    assertThat(server.surveyRows()).as("%s: nothing written", label).isZero();
    assertThat(server.admin("GET", "/api/v1/surveys", null).json().getAsJsonArray("surveys")).isEmpty();
  }

  @Test
  void outOfRangeRulesQuoteTheLimitsAndTheBadValue() {
    String points = assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"points\":12,\"sampleRate\":0.5}"),
        400, "points");
    assertThat(points).contains("5..11").contains("12");

    String kind = assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"kind\":\"FOO\",\"sampleRate\":0.5}"),
        400, "kind");
    assertThat(kind).contains("CSAT").contains("NPS").contains("FOO");

    String rate = assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":1.5}"), 400, "sampleRate");
    assertThat(rate).contains("0..1").contains("1.5");

    String typo = assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"pionts\":7,\"sampleRate\":0.5}"),
        400, "pionts");
    assertThat(typo).contains("not a known field").contains("points");
  }

  /**
   * JSON with trailing garbage after the object is malformed and must be refused like any other
   * malformed JSON.
   * (Regression: parseReader alone does not check that the document ends after the object.)
   */
  @Test
  void trailingGarbageAfterTheObjectIsMalformedJson() {
    Reply r = server.admin("POST", "/api/v1/surveys", VALID + " {\"points\":4}");

    assertError(r, 400, "body");
    assertThat(server.surveyRows()).isZero();
  }

  /**
   * A syntactically valid JSON number that Gson refuses to convert (exponent beyond its limit of
   * 10,000) is bad input for that field, not a server error.
   *
   * (Regression: Gson's getAsBigDecimal throws NumberFormatException for such exponents.)
   */
  @Test
  void numbersBeyondTheParsersLimitsAre400NamingTheField() {
    assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":1e10001}"),
        400, "sampleRate");
    assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":0.5,\"points\":7e-10001}"),
        400, "points");
    assertThat(server.surveyRows()).isZero();
  }

  // ---- admin token ----

  @Test
  void missingTokenIs401WithChallengeAndWritesNothing() {
    for (String[] call : adminCalls()) {
      Reply r = server.send(call[0], call[1], call[2], null);
      assertThat(assertError(r, 401, "Authorization")).startsWith("Missing admin token");
      assertThat(r.header("WWW-Authenticate")).as("%s %s", call[0], call[1]).contains("Bearer");
      assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "unauthorized");
    }
    assertThat(server.surveyRows()).isZero();
  }

  @Test
  void wrongTokenIs401() {
    long id = server.createSurvey(0.5);
    List<String[]> calls = new ArrayList<>(adminCalls());
    calls.add(new String[] {"GET", "/api/v1/surveys/" + id, null});
    calls.add(new String[] {"PATCH", "/api/v1/surveys/" + id, "{\"name\":\"hijacked\"}"});
    calls.add(new String[] {"GET", "/api/v1/surveys/" + id + "/scores", null});
    for (String[] call : calls) {
      Reply wrong = server.send(call[0], call[1], call[2], ApiTestServer.TOKEN + "x");
      assertThat(assertError(wrong, 401, "Authorization")).isEqualTo("Wrong admin token");
      assertThat(wrong.header("WWW-Authenticate")).as("%s %s", call[0], call[1]).contains("Bearer");
      Reply basic = server.send(call[0], call[1], call[2], null, "Authorization", "Basic YWRtaW46YWRtaW4=");
      assertError(basic, 401, "Authorization");
    }
    assertThat(server.surveyRows()).isEqualTo(1);
    assertThat(server.admin("GET", "/api/v1/surveys/" + id, null).json().get("name").getAsString())
        .isEqualTo("Weekly CSAT");
  }

  @Test
  void tokenIsCheckedBeforeTheBodyOrTheId() {
    assertError(server.send("POST", "/api/v1/surveys", "{not json", null), 401, null);
    assertError(server.send("GET", "/api/v1/surveys/abc", null, null), 401, null);
    assertError(server.send("GET", "/api/v1/surveys/999", null, "nope"), 401, null);
  }

  private static List<String[]> adminCalls() {
    return List.of(
        new String[] {"POST", "/api/v1/surveys", VALID},
        new String[] {"GET", "/api/v1/surveys", null},
        new String[] {"GET", "/api/v1/surveys/1", null},
        new String[] {"PUT", "/api/v1/surveys/1", "{\"name\":\"x\"}"},
        new String[] {"GET", "/api/v1/surveys/1/scores?from=2026-W40&to=2026-W47", null});
  }

  // ---- ids ----

  @Test
  void unknownSurveyIs404() {
    server.createSurvey(0.5);

    Reply get = server.admin("GET", "/api/v1/surveys/999", null);
    assertError(get, 404, null);
    assertThat(get.json().get("title").getAsString()).contains("999");
    assertThat(get.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "not-found");
    assertError(server.admin("PATCH", "/api/v1/surveys/999", "{\"name\":\"x\"}"), 404, null);
    assertError(server.admin("PUT", "/api/v1/surveys/999", "{\"name\":\"x\"}"), 404, null);
    assertError(server.admin("GET", "/api/v1/surveys/999/scores", null), 404, null);
    assertThat(server.surveyRows()).isEqualTo(1);
  }

  @Test
  void nonNumericOrNonPositiveIdIs400NamingId() {
    for (String id : List.of("abc", "1.5", "0", "-3", "99999999999999999999")) {
      String rule = assertError(server.admin("GET", "/api/v1/surveys/" + id, null), 400, "id");
      assertThat(rule).contains(id);
    }
    assertError(server.admin("PATCH", "/api/v1/surveys/abc", "{\"name\":\"x\"}"), 400, "id");
    assertError(server.admin("GET", "/api/v1/surveys/abc/scores", null), 400, "id");
  }

  // ---- versioning ----

  @Test
  void editingQuestionOfSurveyWithoutAnswersMutatesInPlace() {
    long id = server.createSurvey(0.5);

    Reply r = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"question\":\"How easy was it?\"}");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonObject s = r.json();
    assertThat(s.get("id").getAsLong()).isEqualTo(id);
    assertThat(s.get("version").getAsInt()).isEqualTo(1);
    assertThat(s.get("question").getAsString()).isEqualTo("How easy was it?");
    assertThat(s.get("name").getAsString()).as("fields left out keep their values").isEqualTo("Weekly CSAT");
    assertThat(s.get("sampleRate").getAsDouble()).isEqualTo(0.5);
    assertThat(server.admin("GET", "/api/v1/surveys/" + id, null).json()).isEqualTo(s);
    assertThat(server.surveyRows()).isEqualTo(1);

    Reply scale = server.admin("PUT", "/api/v1/surveys/" + id, "{\"points\":5}");
    assertThat(scale.status()).as("%s", scale).isEqualTo(200);
    assertThat(scale.json().get("id").getAsLong()).isEqualTo(id);
    assertThat(scale.json().get("version").getAsInt()).isEqualTo(1);
    assertThat(scale.json().get("max").getAsInt()).isEqualTo(5);
    assertThat(server.surveyRows()).isEqualTo(1);
  }

  @Test
  void changingQuestionOfSurveyWithAnswersCreatesVersion2() {
    long id = server.createSurvey(1.0);
    postAnswer(id, "r-1", 6);

    Reply r = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"question\":\"How easy was it?\"}");

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonObject v2 = r.json();
    long newId = v2.get("id").getAsLong();
    assertThat(newId).isNotEqualTo(id);
    assertThat(v2.get("seriesId").getAsLong()).isEqualTo(id);
    assertThat(v2.get("version").getAsInt()).isEqualTo(2);
    assertThat(v2.get("question").getAsString()).isEqualTo("How easy was it?");
    assertThat(v2.has("supersededBy")).isFalse();

    JsonObject v1 = server.admin("GET", "/api/v1/surveys/" + id, null).json();
    assertThat(v1.get("supersededBy").getAsLong()).isEqualTo(newId);
    assertThat(v1.get("question").getAsString()).as("the old version is frozen").isEqualTo("How satisfied are you with the wallet?");
    assertThat(v1.get("version").getAsInt()).isEqualTo(1);
    assertThat(server.admin("GET", "/api/v1/surveys/" + newId, null).json()).isEqualTo(v2);
    assertThat(server.admin("GET", "/api/v1/surveys", null).json().getAsJsonArray("surveys")).hasSize(2);
    assertThat(server.count("SELECT COUNT(*) FROM answers WHERE survey_id = ?", id))
        .as("the answer stays with version 1").isEqualTo(1);
  }

  @Test
  void changingPointsOfSurveyWithAnswersCreatesVersion2() {
    long id = server.createSurvey(1.0);
    postAnswer(id, "r-1", 7);

    Reply r = server.admin("PUT", "/api/v1/surveys/" + id, "{\"points\":5}");

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonObject v2 = r.json();
    long newId = v2.get("id").getAsLong();
    assertThat(newId).isNotEqualTo(id);
    assertThat(v2.get("seriesId").getAsLong()).isEqualTo(id);
    assertThat(v2.get("version").getAsInt()).isEqualTo(2);
    assertThat(v2.get("points").getAsInt()).isEqualTo(5);
    assertThat(v2.get("max").getAsInt()).isEqualTo(5);
    JsonObject v1 = server.admin("GET", "/api/v1/surveys/" + id, null).json();
    assertThat(v1.get("supersededBy").getAsLong()).isEqualTo(newId);
    assertThat(v1.get("points").getAsInt()).isEqualTo(7);

    // The widget may still hold the old id: answers go to the newest version, on its scale.
    Reply seven = server.answer(id, "{\"responseId\":\"r-2\",\"userId\":\"u-2\",\"score\":7}");
    assertThat(assertError(seven, 400, "score")).contains("1..5");
    Reply five = server.answer(id, "{\"responseId\":\"r-3\",\"userId\":\"u-3\",\"score\":5}");
    assertThat(five.status()).as("%s", five).isEqualTo(201);
    assertThat(five.json().get("surveyId").getAsLong()).isEqualTo(newId);
  }

  @Test
  void changingOnlyNameOrSampleRateOfSurveyWithAnswersMutatesInPlace() {
    long id = server.createSurvey(1.0);
    postAnswer(id, "r-1", 4);

    Reply name = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"name\":\"Renamed\"}");
    assertThat(name.status()).as("%s", name).isEqualTo(200);
    assertThat(name.json().get("id").getAsLong()).isEqualTo(id);
    assertThat(name.json().get("version").getAsInt()).isEqualTo(1);
    assertThat(name.json().get("name").getAsString()).isEqualTo("Renamed");

    Reply rate = server.admin("PUT", "/api/v1/surveys/" + id, "{\"sampleRate\":0.05,\"cooldownWeeks\":8}");
    assertThat(rate.status()).as("%s", rate).isEqualTo(200);
    assertThat(rate.json().get("id").getAsLong()).isEqualTo(id);
    assertThat(rate.json().get("version").getAsInt()).isEqualTo(1);
    assertThat(rate.json().get("sampleRate").getAsDouble()).isEqualTo(0.05);
    assertThat(rate.json().get("cooldownWeeks").getAsInt()).isEqualTo(8);
    assertThat(rate.json().get("name").getAsString()).isEqualTo("Renamed");
    assertThat(rate.json().has("supersededBy")).isFalse();

    // Sending the unchanged question and scale back is not a change either.
    Reply same =
        server.admin("PUT", "/api/v1/surveys/" + id,
            "{\"question\":\"How satisfied are you with the wallet?\",\"points\":7,\"kind\":\"CSAT\"}");
    assertThat(same.status()).as("%s", same).isEqualTo(200);
    assertThat(same.json().get("id").getAsLong()).isEqualTo(id);
    assertThat(server.surveyRows()).isEqualTo(1);
  }

  @Test
  void editingASupersededVersionIs409() {
    long id = server.createSurvey(1.0);
    postAnswer(id, "r-1", 4);
    long newId = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"question\":\"New?\"}").json().get("id").getAsLong();

    Reply r = server.admin("PATCH", "/api/v1/surveys/" + id, "{\"name\":\"too late\"}");

    assertError(r, 409, null);
    assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "conflict");
    assertThat(r.json().get("title").getAsString()).contains(String.valueOf(newId));
    assertError(server.admin("PUT", "/api/v1/surveys/" + id, "{\"question\":\"Newer?\"}"), 409, null);
    assertThat(server.admin("GET", "/api/v1/surveys/" + id, null).json().get("name").getAsString()).isEqualTo("Weekly CSAT");
    assertThat(server.surveyRows()).isEqualTo(2);
  }

  @Test
  void badEditBodyIs400AndChangesNothing() {
    long id = server.createSurvey(0.5);
    JsonObject before = server.admin("GET", "/api/v1/surveys/" + id, null).json();

    assertError(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"points\":4}"), 400, "points");
    assertError(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"sampleRate\":2}"), 400, "sampleRate");
    assertError(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"pionts\":5}"), 400, "pionts");
    assertError(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"active\":\"no\"}"), 400, "active");
    assertError(server.admin("PATCH", "/api/v1/surveys/" + id, "{\"name\":"), 400, "body");

    assertThat(server.admin("GET", "/api/v1/surveys/" + id, null).json()).isEqualTo(before);
  }

  // ---- routes ----

  @Test
  void unknownRouteIs404JsonError() {
    for (String path : List.of("/api/v1/nope", "/api/v2/surveys", "/nothing/here")) {
      Reply r = server.admin("GET", path, null);
      assertError(r, 404, null);
      assertThat(r.json().get("type").getAsString()).isEqualTo(ApiTestServer.PROBLEM_TYPE_BASE + "not-found");
    }
    assertError(server.widget("GET", "/api/v1/surveys/1/nothing", null), 404, null);
  }

  private void postAnswer(long surveyId, String responseId, int score) {
    Reply r =
        server.answer(
            surveyId, "{\"responseId\":\"" + responseId + "\",\"userId\":\"u-" + responseId + "\",\"score\":" + score + "}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
  }
}
