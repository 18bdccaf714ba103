package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's HTTP contract: login exchanges the admin token for an HttpOnly session cookie,
 * the cookie authenticates reads, writes by cookie need the anti-forgery header, logout ends the
 * session, pages redirect to the login when logged out, and assets and pages carry their headers.
 */
class DashboardApiIT {
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

  private String logIn() {
    ApiTestServer.Reply r = server.send("POST", "/api/v1/session", "{\"token\":\"" + ApiTestServer.TOKEN + "\"}", null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    String setCookie = r.header("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith(DashboardSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200");
    assertThat(setCookie).doesNotContain(ApiTestServer.TOKEN);
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void pagesRedirectToLoginUntilLoggedIn() {
    ApiTestServer.Reply page = server.send("GET", "/app/themes?surveyId=1&week=2026-W47", null, null);
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).hasValue("/login?next=%2Fapp%2Fthemes%3FsurveyId%3D1%26week%3D2026-W47");
    ApiTestServer.Reply login = server.send("GET", "/login", null, null);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("<form id=\"login\"");
    assertThat(login.header("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(server.send("GET", "/", null, null).header("Location")).hasValue("/app");

    String cookie = logIn();
    ApiTestServer.Reply shell = server.send("GET", "/app/themes", null, null, "Cookie", cookie);
    assertThat(shell.status()).isEqualTo(200);
    assertThat(shell.body()).contains("<script type=\"module\" src=\"/assets/main.js\"></script>", "/assets/echarts.min.js");
    assertThat(shell.header("Content-Security-Policy").orElse("")).contains("script-src 'self'", "object-src 'none'");
    assertThat(server.send("GET", "/app/themes/12", null, null, "Cookie", cookie).status()).isEqualTo(200);
    assertError(server.send("GET", "/app/no-such-page", null, null, "Cookie", cookie), 404, null);
  }

  @Test
  void sessionCookieAuthenticatesReadsAndGuardedWrites() {
    assertError(server.send("GET", "/api/v1/surveys", null, null), 401, null);
    String cookie = logIn();
    assertThat(server.send("GET", "/api/v1/session", null, null, "Cookie", cookie).status()).isEqualTo(200);
    assertThat(server.send("GET", "/api/v1/surveys", null, null, "Cookie", cookie).status()).isEqualTo(200);

    String survey = "{\"name\":\"S\",\"question\":\"Q?\",\"minLabel\":\"a\",\"maxLabel\":\"b\",\"sampleRate\":0.5}";
    ApiTestServer.Reply forged = server.send("POST", "/api/v1/surveys", survey, null, "Cookie", cookie);
    assertThat(assertError(forged, 401, null)).isNull();
    assertThat(forged.json().get("title").getAsString()).contains(AdminAuth.DASHBOARD_HEADER);
    assertThat(server.surveyRows()).isZero();
    ApiTestServer.Reply created =
        server.send("POST", "/api/v1/surveys", survey, null, "Cookie", cookie, AdminAuth.DASHBOARD_HEADER, "1");
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    // Logging out is a cookie-authenticated write too: without the header another site could do it.
    ApiTestServer.Reply forgedOut = server.send("DELETE", "/api/v1/session", null, null, "Cookie", cookie);
    assertError(forgedOut, 401, AdminAuth.DASHBOARD_HEADER);
    assertThat(server.send("GET", "/api/v1/session", null, null, "Cookie", cookie).status()).isEqualTo(200);
    ApiTestServer.Reply out =
        server.send("DELETE", "/api/v1/session", null, null, "Cookie", cookie, AdminAuth.DASHBOARD_HEADER, "1");
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie").orElse("")).contains("Max-Age=0");
    assertError(server.send("GET", "/api/v1/surveys", null, null, "Cookie", cookie), 401, null);
    assertError(server.send("GET", "/api/v1/session", null, null, "Cookie", cookie), 401, null);
    assertThat(server.send("GET", "/app", null, null, "Cookie", cookie).status()).isEqualTo(302);
  }

  @Test
  void badLoginsAreRefusedWithoutASession() {
    ApiTestServer.Reply wrong = server.send("POST", "/api/v1/session", "{\"token\":\"guess\"}", null);
    assertError(wrong, 401, null);
    assertThat(wrong.header("Set-Cookie")).isEmpty();
    assertError(server.send("POST", "/api/v1/session", "{}", null), 400, "token");
    assertError(server.send("POST", "/api/v1/session", "{\"token\":\"x\",\"user\":\"y\"}", null), 400, "user");
    assertError(server.send("POST", "/api/v1/session", "not json", null), 400, null);
    assertError(server.send("GET", "/api/v1/surveys", null, null, "Cookie", DashboardSessions.COOKIE + "=made-up"), 401, null);
  }

  @Test
  void assetsAreServedWithTheirTypesAndNothingElse() {
    ApiTestServer.Reply js = server.send("GET", "/assets/main.js", null, null);
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type").orElse("")).startsWith("application/javascript");
    assertThat(js.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    ApiTestServer.Reply settings = server.send("GET", "/assets/page-settings.js", null, null);
    assertThat(settings.status()).isEqualTo(200);
    assertThat(settings.body()).contains("/api/v1/config/vocabulary").doesNotContain("innerHTML", "insertAdjacentHTML");
    ApiTestServer.Reply charts = server.send("GET", "/assets/echarts.min.js", null, null);
    assertThat(charts.status()).isEqualTo(200);
    assertThat(charts.body().length()).isGreaterThan(500_000);
    assertThat(server.send("GET", "/assets/app.css", null, null).header("Content-Type").orElse("")).startsWith("text/css");
    assertError(server.send("GET", "/assets/pom.xml", null, null), 404, null);
    assertThat(server.send("GET", "/assets/..%2F..%2Fpom.xml", null, null).status()).isEqualTo(404);
  }
}
