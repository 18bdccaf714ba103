package io.productopsdash.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.data.Database;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The real app for HTTP integration tests: {@link Workspace} over a SQLite file in a temporary
 * data folder, a {@link MutableClock}, a known admin token, started on port 0 and called with
 * {@link HttpClient}. Also reads the SQLite file directly, to check what was (not) written.
 */
final class ApiTestServer implements AutoCloseable {
  static final String TOKEN = "test-admin-token-5f1c2b9e0d7a";
  /** A zone with an offset from UTC, so a week boundary in it is not the UTC one. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  /** Wednesday 2026-11-18, 11:00 in Berlin: ISO week 2026-W47 (Mon 16 .. Sun 22 November). */
  static final Instant START = Instant.parse("2026-11-18T10:00:00Z");
  static final String START_WEEK = "2026-W47";
  static final String PROBLEM_TYPE_BASE = "https://productopsdash.io/problems/";

  final MutableClock clock;
  final Path dataDir;
  private final Workspace workspace;
  private final Javalin app;
  private final HttpClient client;
  private final String base;

  private ApiTestServer(MutableClock clock, Path dataDir, Workspace workspace, Javalin app) {
    this.clock = clock;
    this.dataDir = dataDir;
    this.workspace = workspace;
    this.app = app;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.base = "http://localhost:" + app.port();
  }

  static ApiTestServer start(Path dataDir) {
    return start(dataDir, List.of());
  }

  static ApiTestServer start(Path dataDir, List<String> allowedOrigins) {
    return start(dataDir, allowedOrigins, io.productopsdash.server.digest.DigestSettings.DEFAULTS);
  }

  /** With the weekly digest's settings (SMTP server, links, retries). */
  static ApiTestServer start(Path dataDir, List<String> allowedOrigins, io.productopsdash.server.digest.DigestSettings digest) {
    MutableClock clock = new MutableClock(START, ZONE);
    ServerConfig config = new ServerConfig(0, dataDir, TOKEN, ZONE, allowedOrigins, digest);
    Workspace workspace = Workspace.open(config, clock);
    Javalin app = ServerApp.create(workspace.deps()).start("localhost", 0);
    return new ApiTestServer(clock, dataDir, workspace, app);
  }

  /** Waits until the live indexer has cleared names from (and indexed) every answer posted so far. */
  void awaitNamesCleared() {
    try {
      assertThat(workspace.deps().liveIndexer().awaitIndexed(Duration.ofMinutes(2))).as("names cleared in time").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for name clearing", e);
    }
  }

  /** The digest feature of the served workspace. */
  io.productopsdash.server.digest.Digests digests() {
    return workspace.deps().digests();
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      workspace.close();
    }
  }

  // ---- HTTP ----

  /** An HTTP response: status, headers and the body as text. */
  record Reply(int status, HttpHeaders headers, String body) {
    JsonObject json() {
      JsonElement root = JsonParser.parseString(body);
      assertThat(root.isJsonObject()).as("body is a JSON object: %s", body).isTrue();
      return root.getAsJsonObject();
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Sends a request; {@code body} null means none; {@code headers} are name/value pairs. */
  Reply send(String method, String path, String body, String token, String... headers) {
    return send(
        method,
        path,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
        body != null,
        token,
        headers);
  }

  /** The opened data folder behind the app, for tests that fill it directly (the demo data set). */
  Workspace workspace() {
    return workspace;
  }

  /** {@code http://localhost:<port>}, for clients outside this class (the real Node clients). */
  String baseUrl() {
    return base;
  }

  /** POSTs raw bytes (a gzip body, say) with {@code headers} as name/value pairs. */
  Reply postBytes(String path, byte[] body, String... headers) {
    return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), true, null, headers);
  }

  /** POSTs {@code body} without a Content-Length (chunked transfer encoding), as a stream would. */
  Reply postChunked(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(
        "POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), true, null);
  }

  /** An admin request that may take up to {@code timeout} (a first theme run loads CoreNLP and MiniLM). */
  Reply adminWithin(Duration timeout, String method, String path, String body) {
    return send(
        method,
        path,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
        body != null,
        TOKEN,
        timeout);
  }

  private Reply send(
      String method,
      String path,
      HttpRequest.BodyPublisher publisher,
      boolean json,
      String token,
      String... headers) {
    return send(method, path, publisher, json, token, Duration.ofSeconds(30), headers);
  }

  private Reply send(
      String method,
      String path,
      HttpRequest.BodyPublisher publisher,
      boolean json,
      String token,
      Duration timeout,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).method(method, publisher);
    if (json) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** An admin request with the right token. */
  Reply admin(String method, String path, String body) {
    return send(method, path, body, TOKEN);
  }

  /** A widget request: no token. */
  Reply widget(String method, String path, String body) {
    return send(method, path, body, null);
  }

  /** Creates a survey through the API and returns its view; fails unless that gives 201. */
  JsonObject createSurvey(String json) {
    Reply r = admin("POST", "/api/v1/surveys", json);
    assertThat(r.status()).as("create survey: %s", r).isEqualTo(201);
    return r.json();
  }

  /** Creates a 7-point CSAT survey with the given sample rate. */
  long createSurvey(double sampleRate) {
    return createSurvey(
            "{\"name\":\"Weekly CSAT\",\"question\":\"How satisfied are you with the wallet?\","
                + "\"sampleRate\":" + sampleRate + "}")
        .get("id")
        .getAsLong();
  }

  /** Posts an answer as the widget does. */
  Reply answer(long surveyId, String json) {
    return widget("POST", "/api/v1/surveys/" + surveyId + "/answers", json);
  }

  Reply eligibility(long surveyId, String userId) {
    return widget("GET", "/api/v1/surveys/" + surveyId + "/eligibility?userId=" + userId, null);
  }

  // ---- Assertions on the error contract ----

  /**
   * Asserts {@code r} is a JSON error {title, status, type, details} with {@code status}, no stack
   * trace, and (when {@code field} is not null) a details entry naming the field; returns the rule.
   */
  static String assertError(Reply r, int status, String field) {
    assertThat(r.status()).as("status of %s", r).isEqualTo(status);
    assertThat(r.header("Content-Type").orElse("")).as("content type of %s", r).startsWith("application/json");
    assertNoStackTrace(r);
    JsonObject e = r.json();
    assertThat(e.keySet()).as("error fields of %s", r).contains("title", "status", "type", "details");
    assertThat(e.get("title").getAsString()).as("title of %s", r).isNotBlank();
    assertThat(e.get("status").getAsInt()).isEqualTo(status);
    assertThat(e.get("type").getAsString()).startsWith(PROBLEM_TYPE_BASE);
    assertThat(e.get("details").isJsonObject()).as("details of %s", r).isTrue();
    JsonObject details = e.getAsJsonObject("details");
    if (field == null) {
      // Every 4xx names what was wrong; a 500 has nothing of the request to name.
      if (status < 500) {
        assertThat(details.keySet()).as("details of %s name a field", r).isNotEmpty();
        details.entrySet().forEach(d -> assertThat(d.getValue().getAsString()).as("rule for %s in %s", d.getKey(), r).isNotBlank());
      }
      return null;
    }
    assertThat(details.keySet()).as("details of %s name the field", r).contains(field);
    String rule = details.get(field).getAsString();
    assertThat(rule).as("rule for %s in %s", field, r).isNotBlank();
    return rule;
  }

  static void assertNoStackTrace(Reply r) {
    assertThat(r.body()).as("no stack trace in %s", r).doesNotContain("at io.", "Exception", "\tat ", ".java:");
  }

  // ---- Direct reads of the SQLite file ----

  Path dbFile() {
    return dataDir.resolve(Database.FILE_NAME);
  }

  /** A single number from {@code sql} with string parameters, read through a fresh connection. */
  long count(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile().toAbsolutePath());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  /** A single text value from {@code sql}, or null. */
  String text(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile().toAbsolutePath());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  long answerRows() {
    return count("SELECT COUNT(*) FROM answers");
  }

  long surveyRows() {
    return count("SELECT COUNT(*) FROM surveys");
  }
}
