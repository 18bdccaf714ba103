package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser SDKs, unchanged, as installed from npm at pinned versions in {@code
 * server/src/test/node} (posthog-js, @segment/analytics-next, @amplitude/analytics-browser), loaded
 * from their {@code dist} builds by a page on another origin ({@link SdkPages}) in headless
 * Chromium, set up as the docs page "Send events from your web app" says. Every call is checked in
 * the SQLite file (type, name, user, anonymous id and its link, properties, traits, time within
 * 1 s of the call), every request the SDK made went to ProductOpsDash, and the acquisition rollup
 * counts the signup with its source and segment.
 *
 * <p>The browser looks like a person's: a desktop Chrome user agent and no {@code
 * navigator.webdriver}, since posthog-js drops the events of browsers that look like bots ({@code
 * HeadlessChrome}, WebDriver) rather than change its settings for the test.
 */
class BrowserSdksIT {
  static final Path NODE_MODULES = Path.of("src/test/node/node_modules");
  static final List<String> SDKS = List.of("posthog-js", "@segment/analytics-next", "@amplitude/analytics-browser");
  static final String TOKEN = "browser-sdks-admin-token-9c3e";
  static final String[] LOOK_LIKE_A_PERSON = {
    "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    "--disable-blink-features=AutomationControlled"
  };
  static final String RUN = "b1";

  /** Why the SDKs cannot run here, or null. */
  static String missing;

  @TempDir Path dataDir;
  private SdkPages pages;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;
  private String api;
  private String key;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void findTheSdks() {
    for (String sdk : SDKS) {
      if (!Files.isDirectory(NODE_MODULES.resolve(sdk))) {
        missing = "Skipped: " + sdk + " is not installed; run `npm ci --prefix server/src/test/node` from the repository root";
        System.err.println("BrowserSdksIT: " + missing);
        return;
      }
    }
  }

  @BeforeEach
  void start() throws Exception {
    assumeTrue(missing == null, missing);
    browser = Browsers.headlessChromium(LOOK_LIKE_A_PERSON);
    pages = new SdkPages(NODE_MODULES);
    ServerConfig config = new ServerConfig(0, dataDir, TOKEN, ZoneOffset.UTC, List.of(pages.origin()));
    workspace = Workspace.open(config, Clock.systemUTC());
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    api = "http://localhost:" + app.port();
    key = JsonParser.parseString(admin("POST", "/api/v1/sources", "{\"name\":\"web app\"}")).getAsJsonObject().get("writeKey").getAsString();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (workspace != null) {
      workspace.close();
    }
    if (pages != null) {
      pages.close();
    }
  }

  @Test
  void posthogJs() throws Exception {
    Map<String, Long> calls = run("posthog.html", "utm_source=google");
    awaitRows("SELECT COUNT(*) FROM events", 11);
    browser.executeScript("leave()");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/sdks/next.html"));
    awaitRows("SELECT COUNT(*) FROM events", 12);
    calls.put("Checkout Left", Long.parseLong((String) browser.executeScript("return localStorage.getItem('sdk-left-at')")));

    String visitor = text("SELECT anonymous_id FROM events WHERE name = 'Wallet Opened' ORDER BY ts, id LIMIT 1");
    String second = text("SELECT anonymous_id FROM events WHERE name = 'Wallet Opened' ORDER BY ts DESC, id DESC LIMIT 1");
    assertThat(visitor).isNotNull().isNotEqualTo(second);
    String user = "ph-user-" + RUN;
    // $identify and $set are both identify calls: told apart by the values they set.
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("$pageview", "page|null|null|" + visitor + "|/sdks/swap|");
    expected.put("Wallet Opened", "track|Wallet Opened|null|" + visitor + "|null|solana");
    expected.put("$screen", "screen|Swap|null|" + visitor + "|null|");
    expected.put("$identify", "identify|null|" + user + "|" + visitor + "|null|{\"plan\":\"pro\"}");
    expected.put("Signed Up", "track|Signed Up|" + user + "|" + visitor + "|null|");
    expected.put("$set", "identify|null|" + user + "|" + visitor + "|null|{\"country\":\"DE\"}");
    expected.put("Order Completed", "track|Order Completed|" + user + "|" + visitor + "|null|");
    expected.put("$groupidentify", "group|null|" + user + "|" + visitor + "|null|");
    expected.put("$create_alias", "alias|null|" + user + "|null|null|");
    expected.put("Wallet Opened 2", "track|Wallet Opened|null|" + second + "|null|base");
    expected.put("$create_alias 2", "alias|null|ph-user2-" + RUN + "|null|null|");
    expected.put("Checkout Left", "track|Checkout Left|null|" + second + "|null|");
    assertEvents(calls, "coalesce(json_extract(traits, '$.\"$set\"'), json_extract(properties, '$.chain'), '')", expected);
    // Both anonymous ids, and the alias of the identified user, are one person each, reported under the user.
    assertThat(rows("SELECT anonymous_id, user_id FROM identities ORDER BY user_id, anonymous_id"))
        .containsExactlyInAnyOrder(visitor + "|" + user, "ph-alt-" + RUN + "|" + user, second + "|ph-user2-" + RUN);
    JsonObject traits = json(text("SELECT traits FROM user_traits WHERE user_id = ?", user));
    assertThat(traits.get("plan").getAsString()).isEqualTo("pro");
    assertThat(traits.get("country").getAsString()).isEqualTo("DE");
    assertThat(traits.get("first_seen").getAsString()).as("$set_once never overwrites").isEqualTo("2026-12-01");
    assertThat(json(text("SELECT context FROM events WHERE type = 'page'")).getAsJsonObject("page").get("url").getAsString())
        .startsWith(pages.origin() + "/sdks/swap?");
    assertThat(json(text("SELECT properties FROM events WHERE name = 'Order Completed'")).get("revenue").getAsInt()).isEqualTo(25);
    assertThat(json(text("SELECT properties FROM events WHERE name = 'Signed Up'")).get("utm_source").getAsString()).isEqualTo("google");
    // posthog-js puts the project key in every event's token: never stored. (The page's own URL,
    // in $current_url, carries it only because this test page takes its settings from the query.)
    assertThat(text("SELECT COUNT(*) FROM events WHERE json_extract(properties, '$.token') IS NOT NULL")).isEqualTo("0");

    List<JsonObject> sent = requests();
    assertThat(sent).allSatisfy(r -> assertThat(r.get("url").getAsString()).startsWith(api + "/"));
    assertThat(paths(sent, "fetch")).contains("/array/" + key + "/config", "/e/");
    assertThat(paths(sent, "beacon")).as("the last event left with sendBeacon on unload").containsExactly("/e/");
    assertAcquisition("google", "pro");
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "batching"})
  void segmentAnalyticsNext(String mode) throws Exception {
    Map<String, Long> calls = run("segment.html", "mode=" + mode + "&utm_source=twitter&utm_medium=social");
    awaitRows("SELECT COUNT(*) FROM events", 8);
    String visitor = text("SELECT anonymous_id FROM events WHERE type = 'page'");
    assertThat(visitor).isNotNull();
    String user = "seg-user-" + RUN;
    String page = "|/sdks/segment.html|";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("page", "page|Home|null|" + visitor + page);
    expected.put("Wallet Opened", "track|Wallet Opened|null|" + visitor + page);
    expected.put("screen", "screen|Swap|null|" + visitor + page);
    expected.put("alias", "alias|null|" + user + "|" + visitor + page);
    expected.put("identify", "identify|null|" + user + "|" + visitor + page);
    expected.put("Signed Up", "track|Signed Up|" + user + "|" + visitor + page);
    expected.put("group", "group|null|" + user + "|" + visitor + page);
    expected.put("Order Completed", "track|Order Completed|" + user + "|" + visitor + page);
    assertEvents(calls, "''", expected);
    assertThat(rows("SELECT anonymous_id, user_id FROM identities")).containsExactly(visitor + "|" + user);
    assertThat(json(text("SELECT traits FROM user_traits WHERE user_id = ?", user)).get("plan").getAsString()).isEqualTo("plus");
    assertThat(json(text("SELECT properties FROM events WHERE name = 'Order Completed'")).get("revenue").getAsDouble()).isEqualTo(12.5);
    assertThat(json(text("SELECT context FROM events WHERE name = 'Signed Up'")).getAsJsonObject("campaign").get("source").getAsString())
        .isEqualTo("twitter");

    List<JsonObject> sent = requests();
    assertThat(sent).allSatisfy(r -> assertThat(r.get("url").getAsString()).startsWith(api + "/v1/"));
    if (mode.equals("batching")) {
      assertThat(paths(sent, "fetch")).isNotEmpty().allMatch(p -> p.equals("/v1/b"));
    } else {
      assertThat(paths(sent, "fetch")).containsExactly("/v1/p", "/v1/t", "/v1/s", "/v1/a", "/v1/i", "/v1/t", "/v1/g", "/v1/t");
    }
    assertAcquisition("twitter", "plus");
  }

  @Test
  void amplitudeAnalyticsBrowser() throws Exception {
    Map<String, Long> calls = run("amplitude.html", "");
    awaitRows("SELECT COUNT(*) FROM events", 5);
    JsonArray results = JsonParser.parseString((String) browser.executeScript("return JSON.stringify(sdk.results)")).getAsJsonArray();
    assertThat(results.get(0).getAsJsonObject().get("code").getAsInt()).as("the good event, sent again").isEqualTo(200);
    assertThat(results.get(1).getAsJsonObject().get("code").getAsInt()).as("the refused event").isEqualTo(400);
    String device = text("SELECT anonymous_id FROM events WHERE name = 'Wallet Opened'");
    assertThat(device).isNotNull();
    String user = "amp-user-" + RUN;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("Wallet Opened", "track|Wallet Opened|null|" + device + "|null|");
    expected.put("[Amplitude] Page Viewed", "page|Swap|null|" + device + "|/swap|");
    expected.put("$identify", "identify|null|" + user + "|" + device + "|null|");
    expected.put("Signed Up", "track|Signed Up|" + user + "|" + device + "|null|");
    expected.put("Order Completed", "track|Order Completed|" + user + "|" + device + "|null|");
    assertEvents(calls, "''", expected);
    assertThat(rows("SELECT anonymous_id, user_id FROM identities")).containsExactly(device + "|" + user);
    JsonObject traits = json(text("SELECT traits FROM user_traits WHERE user_id = ?", user));
    assertThat(traits.get("plan").getAsString()).isEqualTo("free");
    assertThat(traits.get("first_seen").getAsString()).isEqualTo("2026-12-01");
    assertThat(json(text("SELECT properties FROM events WHERE name = 'Order Completed'")).get("revenue").getAsDouble()).isEqualTo(9.5);
    assertThat(text("SELECT COUNT(*) FROM events WHERE name = 'Bad Event'")).isEqualTo("0");

    // The refused event shows in the console twice: the browser's failed request and the SDK's log.
    List<JsonObject> sent = requests("/2/httpapi - Failed to load resource: the server responded with a status of 400", "1 of 2 events invalid");
    assertThat(sent).isNotEmpty().allSatisfy(r -> assertThat(r.get("url").getAsString()).isEqualTo(api + "/2/httpapi"));
    assertAcquisition("newsletter", "free");
  }

  // ---- the page ----

  /**
   * Opens {@code page} of the app's origin with the settings in its query, waits until its calls
   * are made, and returns each call's time (epoch ms) by name; fails on a script error.
   */
  private Map<String, Long> run(String page, String query) {
    String url = pages.origin() + "/sdks/" + page + "?api=" + enc(api) + "&key=" + enc(key) + "&run=" + RUN
        + (query.isEmpty() ? "" : "&" + query);
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.sdk && sdk.done")));
    String errors = (String) browser.executeScript("return JSON.stringify(sdk.errors)");
    assertThat(errors).as("script errors on %s", page).isEqualTo("[]");
    JsonArray calls = JsonParser.parseString((String) browser.executeScript("return JSON.stringify(sdk.calls)")).getAsJsonArray();
    Map<String, Long> at = new LinkedHashMap<>();
    for (JsonElement c : calls) {
      at.put(c.getAsJsonObject().get("name").getAsString(), c.getAsJsonObject().get("at").getAsLong());
    }
    return at;
  }

  /**
   * Every request the SDK made, as the page logged it (kept across leaving the page); the browser
   * console has no errors but those containing one of {@code expectedErrors}.
   */
  private List<JsonObject> requests(String... expectedErrors) {
    String log = (String) browser.executeScript("return localStorage.getItem('sdk-requests') || '[]'");
    List<JsonObject> out = new ArrayList<>();
    JsonParser.parseString(log).getAsJsonArray().forEach(e -> out.add(e.getAsJsonObject()));
    List<String> severe = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()
          && java.util.Arrays.stream(expectedErrors).noneMatch(e.getMessage()::contains)) {
        severe.add(e.getMessage());
      }
    }
    assertThat(severe).as("errors in the browser console").isEmpty();
    return out;
  }

  /** The paths (with the query left off) of the logged requests made {@code via} fetch or beacon. */
  private List<String> paths(List<JsonObject> requests, String via) {
    List<String> out = new ArrayList<>();
    for (JsonObject r : requests) {
      if (r.get("via").getAsString().equals(via)) {
        out.add(URI.create(r.get("url").getAsString()).getPath());
      }
    }
    return out;
  }

  /**
   * The stored events are exactly {@code expected} (type|name|user|anonymous id|path|{@code
   * detailSql}, by the call that sent each), and each lies within a second of its call.
   */
  private void assertEvents(Map<String, Long> calls, String detailSql, Map<String, String> expected) {
    Map<String, Long> stored = new LinkedHashMap<>();
    for (String row : rows("SELECT type, name, user_id, anonymous_id, path, " + detailSql + ", ts FROM events ORDER BY id")) {
      int last = row.lastIndexOf('|');
      assertThat(stored.put(row.substring(0, last), Long.parseLong(row.substring(last + 1)))).as("one event per row: %s", row).isNull();
    }
    assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.values());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(calls).containsKey(e.getKey());
      assertThat(Math.abs(stored.get(e.getValue()) - calls.get(e.getKey()))).as("time of %s", e.getKey()).isLessThanOrEqualTo(1000);
    }
  }

  /** The acquisition rollup of this week counts the one signup, with its source and segment. */
  private void assertAcquisition(String source, String segment) throws Exception {
    JsonArray weeks = JsonParser.parseString(admin("GET", "/api/v1/metrics/acquisition", null)).getAsJsonObject().getAsJsonArray("weeks");
    JsonObject thisWeek = weeks.get(weeks.size() - 1).getAsJsonObject();
    assertThat(thisWeek.get("signups").getAsLong()).isEqualTo(1);
    assertThat(thisWeek.getAsJsonArray("bySource").toString()).isEqualTo("[{\"key\":\"" + source + "\",\"users\":1}]");
    assertThat(thisWeek.getAsJsonArray("bySegment").toString()).isEqualTo("[{\"key\":\"" + segment + "\",\"users\":1}]");
  }

  // ---- the server and its SQLite file ----

  private String admin(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api + path))
            .header("Authorization", "Bearer " + TOKEN)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 201);
    return r.body();
  }

  /** Waits (up to 20 s) until {@code countSql} gives at least {@code n}: the SDKs send in the background. */
  private void awaitRows(String countSql, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (Long.parseLong(text(countSql)) < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(300); // anything sent after the expected rows (a duplicate, a stray event) shows up too
    assertThat(Long.parseLong(text(countSql))).as(countSql + ": " + rows("SELECT type, name, user_id, anonymous_id FROM events")).isEqualTo(n);
  }

  /** Rows of {@code sql}, columns joined by '|' (null as "null"). */
  private List<String> rows(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.database().file());
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          List<String> cols = new ArrayList<>();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            cols.add(String.valueOf(rs.getString(col)));
          }
          out.add(String.join("|", cols));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private String text(String sql, Object... params) {
    List<String> rows = rows(sql, params);
    return rows.isEmpty() || rows.get(0).equals("null") ? null : rows.get(0);
  }

  private static JsonObject json(String text) {
    assertThat(text).isNotNull();
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
