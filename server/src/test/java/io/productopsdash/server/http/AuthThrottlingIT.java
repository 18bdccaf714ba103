package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.server.http.ApiTestServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing the admin token (issue 16, item 5): after {@value AuthFailures#MAX_FAILURES} wrong
 * tokens within a minute an address gets 429 with Retry-After for every token, the right one
 * included, and one warning is logged that names the address and no token; other addresses are
 * not affected, and the window ends.
 */
class AuthThrottlingIT {
  @TempDir Path dir;

  @Test
  void wrongTokensFromOneAddressAreThrottledAndLoggedWithoutTheToken() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<String> guesses = new ArrayList<>();
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String guess = "guess-" + i + "-secretish-value-abcdef";
        guesses.add(guess);
        Reply r = i % 2 == 0
            ? server.send("GET", "/api/v1/surveys", null, guess)
            : server.send("POST", "/api/v1/session", "{\"token\":\"" + guess + "\"}", null);
        statuses.add(r.status());
        if (r.status() == 429) {
          assertError(r, 429, null);
          assertThat(Long.parseLong(r.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
      }
      assertThat(statuses.subList(0, AuthFailures.MAX_FAILURES)).containsOnly(401);
      assertThat(statuses.subList(AuthFailures.MAX_FAILURES, statuses.size())).containsOnly(429);

      // The right token from the throttled address is refused too (else the right guess would stand out) ...
      assertThat(server.admin("GET", "/api/v1/surveys", null).status()).isEqualTo(429);
      // ... but another address is not affected.
      int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
      try (RawHttp other = RawHttp.connect("127.0.0.2", port)) {
        other.send("GET /api/v1/surveys HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiTestServer.TOKEN + "\r\n\r\n");
        assertThat(other.read(10_000).status()).isEqualTo(200);
      }

      // The window ends.
      server.clock.advance(AuthFailures.WINDOW.plus(Duration.ofSeconds(1)));
      assertThat(server.admin("GET", "/api/v1/surveys", null).status()).isEqualTo(200);
      assertThat(server.send("GET", "/api/v1/surveys", null, "still-wrong-but-counted-anew-xyz").status()).isEqualTo(401);
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("WARN").contains("wrong admin tokens from 127.0.0.1");
    assertThat(logged.lines().filter(l -> l.contains("wrong admin tokens")).count()).isEqualTo(1);
    for (String guess : guesses) {
      assertThat(logged).doesNotContain(guess);
    }
    assertThat(logged).doesNotContain(ApiTestServer.TOKEN);
  }

  @Test
  void aMissingTokenOrAStaleSessionCookieIsNotCountedAsAGuess() {
    try (ApiTestServer server = ApiTestServer.start(dir)) {
      for (int i = 0; i < 3 * AuthFailures.MAX_FAILURES; i++) {
        assertThat(server.send("GET", "/api/v1/surveys", null, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/session", null, null, "Cookie", DashboardSessions.COOKIE + "=expired-" + i)
            .status()).isEqualTo(401);
      }
      assertThat(server.admin("GET", "/api/v1/surveys", null).status()).isEqualTo(200);
    }
  }
}
