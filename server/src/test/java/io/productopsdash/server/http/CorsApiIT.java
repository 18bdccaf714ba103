package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-origin access: the widget endpoints answer configured origins only; admin endpoints never
 * carry CORS headers, whatever the origin.
 */
class CorsApiIT {
  private static final String APP = "https://app.example";
  private static final String EVIL = "https://evil.example";
  private static final String ACAO = "Access-Control-Allow-Origin";

  @TempDir Path dataDir;
  private ApiTestServer server;
  private long surveyId;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dataDir, List.of(APP));
    surveyId = server.createSurvey(1.0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void preflightFromAnAllowedOriginIsAllowed() {
    Reply r =
        server.send(
            "OPTIONS", "/api/v1/surveys/1/answers", null, null,
            "Origin", APP,
            "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "content-type");

    assertThat(r.status()).as("%s", r).isBetween(200, 204);
    assertThat(r.header(ACAO)).contains(APP);
    assertThat(r.header("Access-Control-Allow-Methods").orElse("")).contains("POST");
    assertThat(r.header("Access-Control-Allow-Headers").orElse("").toLowerCase(java.util.Locale.ROOT))
        .contains("content-type");
    assertThat(r.header("Vary").orElse("")).contains("Origin");
  }

  @Test
  void preflightForEveryWidgetEndpoint() {
    for (String action : List.of("eligibility", "impressions", "dismissals", "answers")) {
      Reply r =
          server.send(
              "OPTIONS", "/api/v1/surveys/" + surveyId + "/" + action, null, null,
              "Origin", APP, "Access-Control-Request-Method", "POST");
      assertThat(r.status()).as("%s: %s", action, r).isBetween(200, 204);
      assertThat(r.header(ACAO)).as(action).contains(APP);
    }
  }

  @Test
  void actualWidgetRequestsFromTheAllowedOriginCarryTheHeader() {
    Reply eligibility =
        server.send("GET", "/api/v1/surveys/" + surveyId + "/eligibility?userId=u", null, null, "Origin", APP);
    assertThat(eligibility.status()).isEqualTo(200);
    assertThat(eligibility.header(ACAO)).contains(APP);

    Reply answer =
        server.send(
            "POST", "/api/v1/surveys/" + surveyId + "/answers",
            "{\"responseId\":\"r\",\"userId\":\"u\",\"score\":5}", null, "Origin", APP);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header(ACAO)).contains(APP);
  }

  /** The widget must be able to read an error (say, 409 for a switched-off survey) cross-origin. */
  @Test
  void widgetErrorsToTheAllowedOriginCarryTheHeader() {
    server.admin("PATCH", "/api/v1/surveys/" + surveyId, "{\"active\":false}");

    Reply inactive =
        server.send("GET", "/api/v1/surveys/" + surveyId + "/eligibility?userId=u", null, null, "Origin", APP);
    assertThat(inactive.status()).isEqualTo(409);
    assertThat(inactive.header(ACAO)).contains(APP);
    Reply bad =
        server.send("POST", "/api/v1/surveys/" + surveyId + "/answers", "{\"score\":5}", null, "Origin", APP);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header(ACAO)).contains(APP);
    Reply unknown = server.send("GET", "/api/v1/surveys/999/eligibility?userId=u", null, null, "Origin", APP);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header(ACAO)).contains(APP);
  }

  @Test
  void otherOriginsGetNoCorsHeaders() {
    Reply get =
        server.send("GET", "/api/v1/surveys/" + surveyId + "/eligibility?userId=u", null, null, "Origin", EVIL);
    assertThat(get.status()).as("%s", get).isEqualTo(200);
    assertThat(get.header(ACAO)).isEmpty();
    assertThat(get.header("Access-Control-Allow-Methods")).isEmpty();

    Reply preflight =
        server.send(
            "OPTIONS", "/api/v1/surveys/" + surveyId + "/answers", null, null,
            "Origin", EVIL, "Access-Control-Request-Method", "POST");
    assertThat(preflight.header(ACAO)).isEmpty();

    // A look-alike of the allowed origin is another origin.
    Reply lookAlike =
        server.send(
            "GET", "/api/v1/surveys/" + surveyId + "/eligibility?userId=u", null, null,
            "Origin", "https://app.example.evil.example");
    assertThat(lookAlike.header(ACAO)).isEmpty();
  }

  @Test
  void adminEndpointsNeverGetCorsHeaders() {
    List<Reply> replies =
        List.of(
            server.send("GET", "/api/v1/surveys", null, ApiTestServer.TOKEN, "Origin", APP),
            server.send("GET", "/api/v1/surveys/" + surveyId, null, ApiTestServer.TOKEN, "Origin", APP),
            server.send(
                "POST", "/api/v1/surveys",
                "{\"name\":\"n\",\"question\":\"q\",\"sampleRate\":0.5}", ApiTestServer.TOKEN, "Origin", APP),
            server.send("PATCH", "/api/v1/surveys/" + surveyId, "{\"name\":\"m\"}", ApiTestServer.TOKEN, "Origin", APP),
            server.send("GET", "/api/v1/surveys/" + surveyId + "/scores", null, ApiTestServer.TOKEN, "Origin", APP),
            server.send("GET", "/api/v1/surveys", null, null, "Origin", APP),
            server.send(
                "OPTIONS", "/api/v1/surveys", null, null,
                "Origin", APP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type"),
            server.send(
                "OPTIONS", "/api/v1/surveys/" + surveyId, null, null,
                "Origin", APP, "Access-Control-Request-Method", "PATCH"));
    for (Reply r : replies) {
      assertThat(r.header(ACAO)).as("%s", r).isEmpty();
      assertThat(r.header("Access-Control-Allow-Methods")).as("%s", r).isEmpty();
      assertThat(r.header("Access-Control-Allow-Headers")).as("%s", r).isEmpty();
      assertThat(r.header("Access-Control-Allow-Credentials")).as("%s", r).isEmpty();
    }
    assertThat(replies.get(0).status()).isEqualTo(200);
    assertThat(replies.get(2).status()).isEqualTo(201);
  }
}
