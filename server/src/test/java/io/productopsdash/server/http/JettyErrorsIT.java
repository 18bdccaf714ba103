package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Jetty refuses before the app sees them get the API's JSON error, not Jetty's HTML, and
 * the reply says {@code Connection: close} before the connection ends (issue 16, item 6).
 */
class JettyErrorsIT {
  @TempDir Path dir;
  private ApiTestServer server;
  private int port;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(dir);
    port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Reply get(String target, String extraHeaders) throws Exception {
    try (RawHttp http = RawHttp.connect(null, port)) {
      http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n");
      return http.read(10_000, true);
    }
  }

  private static JsonObject assertJsonErrorAndClose(RawHttp.Reply r, int status, String field) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.header("Connection")).as("says the connection ends: %s", r).isEqualToIgnoringCase("close");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.closed()).as("the connection ended after the reply").isTrue();
    assertThat(r.body()).doesNotContain("<html");
    JsonObject e = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(e.keySet()).contains("title", "status", "type", "details");
    assertThat(e.get("status").getAsInt()).isEqualTo(status);
    assertThat(e.get("type").getAsString()).startsWith(ApiTestServer.PROBLEM_TYPE_BASE);
    assertThat(e.getAsJsonObject("details").get(field).getAsString()).isNotBlank();
    return e;
  }

  @Test
  void aNulOrADotDotSegmentInThePathIsAJson400() throws Exception {
    for (String target : new String[] {"/api/v1/surveys/%00", "/api/v1/surveys/1%00/answers", "/../etc/passwd",
        "/api/../../x", "/a/%2e%2e/%2e%2e/x", "/api/v1/surveys/%zz"}) {
      JsonObject e = assertJsonErrorAndClose(get(target, ""), 400, "request");
      assertThat(e.getAsJsonObject("details").get("request").getAsString()).contains("malformed");
    }
  }

  @Test
  void aUriOverEightKilobytesIsAJson414() throws Exception {
    JsonObject e = assertJsonErrorAndClose(get("/api/v1/surveys?x=" + "a".repeat(9_000), ""), 414, "uri");
    assertThat(e.getAsJsonObject("details").get("uri").getAsString()).contains("8192");
  }

  @Test
  void headersOverTheLimitAreAJson431() throws Exception {
    assertJsonErrorAndClose(get("/widget.js", "X-Big: " + "b".repeat(9_000) + "\r\n"), 431, "headers");
  }

  @Test
  void theServerStillAnswersNormallyAfterwards() throws Exception {
    get("/api/v1/surveys/%00", "");
    RawHttp.Reply ok = get("/healthz", "");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Connection")).isNull();
  }
}
