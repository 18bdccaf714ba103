package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.server.digest.DigestSettings;
import io.productopsdash.server.http.ApiTestServer.Reply;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers of issue 16, item 8: {@code nosniff} on the widget script and on every JSON reply (a
 * success, an error of the app, a 404), and the session cookie {@code Secure} whenever the browser
 * reaches the server over HTTPS.
 */
class SecurityHeadersIT {
  @TempDir Path dir;

  @Test
  void everyReplyIsMarkedNosniff() {
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      long survey = server.createSurvey(1.0);
      List<Reply> replies =
          List.of(
              server.widget("GET", "/widget.js", null),
              server.eligibility(survey, "u1"),
              server.answer(survey, "{\"responseId\":\"r1\",\"userId\":\"u1\",\"score\":5}"),
              server.answer(survey, "{\"score\":\"high\"}"),
              server.admin("GET", "/api/v1/surveys", null),
              server.widget("GET", "/api/v1/surveys", null),
              server.widget("GET", "/no/such/route", null),
              server.widget("GET", "/api/v1/openapi.json", null),
              server.widget("GET", "/healthz", null),
              server.widget("POST", "/v1/batch", "{}"));
      for (Reply r : replies) {
        assertThat(r.header("X-Content-Type-Options")).as("%s", r).hasValue("nosniff");
      }
      assertThat(replies.get(0).header("Content-Type").orElse("")).contains("javascript");
    }
  }

  @Test
  void theSessionCookieIsSecureBehindATlsProxyAndNotOnPlainHttp() {
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      String body = "{\"token\":\"" + ApiTestServer.TOKEN + "\"}";
      Reply plain = server.send("POST", "/api/v1/session", body, null);
      assertThat(plain.header("Set-Cookie").orElseThrow()).doesNotContain("Secure");
      Reply proxied = server.send("POST", "/api/v1/session", body, null, "X-Forwarded-Proto", "https");
      assertThat(proxied.header("Set-Cookie").orElseThrow()).contains("; Secure", "HttpOnly", "SameSite=Strict");
    }
  }

  @Test
  void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
    DigestSettings https =
        new DigestSettings(
            null, DigestSettings.DEFAULT_FROM, "https://feedback.example.com", DayOfWeek.MONDAY, 8, 1, Duration.ZERO);
    try (ApiTestServer server = ApiTestServer.start(dir, List.of(), https)) {
      String body = "{\"token\":\"" + ApiTestServer.TOKEN + "\"}";
      Reply login = server.send("POST", "/api/v1/session", body, null);
      assertThat(login.status()).isEqualTo(200);
      String cookie = login.header("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("; Secure");
      Reply out =
          server.send("DELETE", "/api/v1/session", null, null, "Cookie", cookie.substring(0, cookie.indexOf(';')),
              AdminAuth.DASHBOARD_HEADER, "1");
      assertThat(out.status()).isEqualTo(204);
      assertThat(out.header("Set-Cookie").orElse("")).contains("Max-Age=0", "; Secure");
    }
  }

  @Test
  void loggingOutWithoutTheDashboardHeaderIsRefused() {
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      assertError(server.send("DELETE", "/api/v1/session", null, null), 401, AdminAuth.DASHBOARD_HEADER);
    }
  }
}
