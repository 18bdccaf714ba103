package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input the contract never allowed, refused with a 400 naming the field and nothing stored
 * (issue 16, item 7): control characters in ids, comments and names, a {@code %00} after a week,
 * a signed id in the path, a theme run for a week that has not begun, and every missing field of
 * a new survey at once.
 */
class StricterInputIT {
  @TempDir Path dataDir;
  private ApiTestServer server;
  private long surveyId;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dataDir);
    surveyId = server.createSurvey(1.0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void controlCharactersInIdsAndCommentsAre400NamingTheFieldAndStoreNothing() {
    String[][] cases = {
      {"responseId", "{\"responseId\":\"r\\u0000\",\"userId\":\"u\",\"score\":5}"},
      {"responseId", "{\"responseId\":\"r\\u001b[31m\",\"userId\":\"u\",\"score\":5}"},
      {"userId", "{\"responseId\":\"r1\",\"userId\":\"u\\u0000x\",\"score\":5}"},
      {"userId", "{\"responseId\":\"r1\",\"userId\":\"u\\nx\",\"score\":5}"},
      {"comment", "{\"responseId\":\"r1\",\"userId\":\"u\",\"score\":5,\"comment\":\"ok\\u0000hidden\"}"},
      {"comment", "{\"responseId\":\"r1\",\"userId\":\"u\",\"score\":5,\"comment\":\"bell\\u0007\"}"},
      {"comment", "{\"responseId\":\"r1\",\"userId\":\"u\",\"score\":5,\"comment\":\"lone \\ud800 surrogate\"}"},
    };
    for (String[] c : cases) {
      String rule = assertError(server.answer(surveyId, c[1]), 400, c[0]);
      assertThat(rule).as(c[1]).containsAnyOf("control characters", "Unicode");
    }
    assertThat(server.answerRows()).isZero();
    // Line breaks and tabs in a comment are text, not control.
    Reply multiLine =
        server.answer(surveyId, "{\"responseId\":\"r2\",\"userId\":\"u\",\"score\":5,\"comment\":\"first line\\n\\tsecond\"}");
    assertThat(multiLine.status()).as("%s", multiLine).isEqualTo(201);
    assertThat(server.text("SELECT comment FROM answers WHERE response_id = 'r2'")).isEqualTo("first line\n\tsecond");
  }

  @Test
  void controlCharactersInImpressionsAndEligibilityUserIdsAre400() {
    assertError(
        server.widget("POST", "/api/v1/surveys/" + surveyId + "/impressions", "{\"userId\":\"u\\u0000\"}"), 400, "userId");
    assertError(server.eligibility(surveyId, "u%00x"), 400, "userId");
  }

  @Test
  void controlCharactersInSurveyNamesAndLabelsAre400() {
    assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"N\\u0000\",\"question\":\"Q?\",\"sampleRate\":1}"), 400, "name");
    assertError(
        server.admin("POST", "/api/v1/surveys", "{\"name\":\"N\",\"question\":\"Q?\",\"sampleRate\":1,\"minLabel\":\"\\u0008\"}"),
        400, "minLabel");
    assertError(
        server.admin("PATCH", "/api/v1/surveys/" + surveyId, "{\"name\":\"tab\\tname\"}"), 400, "name");
    assertThat(server.surveyRows()).isEqualTo(1);
  }

  @Test
  void aNulAfterAWeekIs400() {
    String rule = assertError(server.admin("GET", "/api/v1/surveys/" + surveyId + "/scores?from=2026-W10%00", null), 400, "from");
    assertThat(rule).contains("\\u0000");
    assertError(server.admin("GET", "/api/v1/surveys/" + surveyId + "/scores?to=%002026-W10", null), 400, "to");
  }

  @Test
  void aSignedOrPaddedIdInThePathDoesNotReachTheSurvey() {
    for (String id : new String[] {"+1", "%2B1", "01x", "1%20", "-0"}) {
      Reply r = server.widget("POST", "/api/v1/surveys/" + id + "/answers", "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}");
      assertError(r, 400, "id");
    }
    assertError(server.admin("GET", "/api/v1/surveys/+1", null), 400, "id");
    assertThat(server.answerRows()).isZero();
  }

  @Test
  void aThemeRunForAWeekThatHasNotBegunIs400() {
    String rule = assertError(
        server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=9999-W01", null), 400, "week");
    assertThat(rule).contains("current week " + ApiTestServer.START_WEEK);
    assertError(server.admin("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=2026-W48", null), 400, "week");
  }

  @Test
  void anEmptySurveyNamesEveryMissingFieldAtOnce() {
    Reply r = server.admin("POST", "/api/v1/surveys", "{}");
    assertError(r, 400, "name");
    JsonObject details = r.json().getAsJsonObject("details");
    assertThat(details.keySet()).containsExactly("name", "question", "sampleRate");
    Reply blankName = server.admin("POST", "/api/v1/surveys", "{\"name\":\" \",\"sampleRate\":0.5}");
    assertThat(blankName.json().getAsJsonObject("details").keySet()).containsExactly("name", "question");
    assertThat(server.surveyRows()).isEqualTo(1);
  }
}
