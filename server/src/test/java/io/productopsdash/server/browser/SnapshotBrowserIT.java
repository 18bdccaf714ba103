package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a workspace without events whose rollups come from an imported snapshot (the
 * Spark job's output folder, here written from another workspace's reports, as the job writes
 * them): the acquisition, onboarding and usage pages draw the snapshot's weeks and say, above the
 * charts, that they come from it, with its source, weeks, instant and event count. The source
 * (paths a user gave the job) carries an {@code <img onerror>} and shows as text. Screenshots at
 * 1400 and 420 pixels wide go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotBrowserIT {
  private static final String TOKEN = "snapshot-browser-test-token-3a9d";
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
  private static final WeekId FROM = WeekId.parse("2026-W35");
  private static final WeekId TO = WeekId.parse("2026-W46");
  private static final MetricsConfig CONFIG = MetricsConfig.walletExample(ZONE);
  private static final String HOSTILE_PATH = "s3a://acme-events/segment-logs/<img src=x onerror=alert(1)>";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String base;

  @BeforeAll
  void start() throws Exception {
    browser = Browsers.headlessChromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Path folder = jobFolder(dir.resolve("job-data"), dir.resolve("job-out"));
    Path data = dir.resolve("data");
    try (Database db = Database.open(data)) {
      RollupService rollups = new RollupService(db, ZONE);
      rollups.saveConfig(CONFIG);
      rollups.snapshots().importFolder(folder, CONFIG);
    }
    workspace = Workspace.open(new ServerConfig(0, data, TOKEN, ZONE, List.of()), Clock.fixed(NOW, ZONE));
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    base = "http://localhost:" + app.port();
    admin("/api/v1/surveys", "{\"name\":\"Weekly CSAT\",\"question\":\"How satisfied are you with the wallet?\",\"sampleRate\":0.5}");
    Files.createDirectories(SCREENSHOTS);
    browser.get(base + "/app/overview");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/app/overview"));
  }

  @AfterAll
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
  }

  @Test
  void theRollupPagesDrawTheSnapshotAndSaySo() throws IOException {
    for (String page : List.of("acquisition", "onboarding", "usage")) {
      for (int width : new int[] {1400, 420}) {
        browser.manage().window().setSize(new Dimension(width, 1000));
        browser.get(base + "/app/" + page + "?week=" + TO);
        WebElement ready = wait.until(d -> {
          List<WebElement> found = d.findElements(By.cssSelector("main .page[data-ready=true]"));
          return found.isEmpty() ? null : found.get(0);
        });
        WebElement notice = ready.findElement(By.cssSelector(".notice"));
        assertThat(notice.getText())
            .startsWith("From an imported snapshot: spark segment " + HOSTILE_PATH + ", weeks 2026-W35 – 2026-W46, as of 2026-11-18 10:00 UTC,")
            .contains("events (imported ")
            .endsWith("The stored events do not cover these weeks.");
        assertThat(ready.findElements(By.cssSelector("canvas"))).as(page).isNotEmpty();
        try {
          String text = browser.switchTo().alert().getText();
          throw new AssertionError("a script ran on " + page + ": alert(" + text + ")");
        } catch (NoAlertPresentException expected) {
          // nothing ran
        }
        assertThat(browser.findElements(By.cssSelector("main img[src='x']"))).isEmpty();
        List<LogEntry> errors =
            browser.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors on %s", page).isEmpty();
        Files.write(SCREENSHOTS.resolve("snapshot-" + page + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
      }
    }
  }

  /**
   * A workspace with 400 users' events over weeks W35..W46, and the folder the Spark job would
   * write for it: the three reports as the API gives them and {@code summary.json}.
   */
  private static Path jobFolder(Path data, Path folder) throws IOException {
    try (Database db = Database.open(data)) {
      RollupService rollups = new RollupService(db, ZONE);
      rollups.saveConfig(CONFIG);
      List<Event> events = events();
      db.write(c -> new EventStore().insertAll(c, events));
      RollupService.WeekRange range = new RollupService.WeekRange(FROM, TO);
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("acquisition.json"), ApiJson.GSON.toJson(rollups.acquisition(CONFIG, range, NOW)));
      Files.writeString(folder.resolve("onboarding.json"), ApiJson.GSON.toJson(rollups.onboarding(CONFIG, range, NOW)));
      Files.writeString(folder.resolve("usage.json"), ApiJson.GSON.toJson(rollups.usage(CONFIG, range, NOW)));
      JsonObject summary = new JsonObject();
      summary.addProperty("job", "io.productopsdash.spark.RollupJob");
      summary.addProperty("format", "segment");
      JsonArray inputs = new JsonArray();
      inputs.add(HOSTILE_PATH);
      summary.add("events", inputs);
      summary.addProperty("from", FROM.toString());
      summary.addProperty("to", TO.toString());
      summary.addProperty("asOf", NOW.toString());
      summary.add("config", JsonParser.parseString(MetricsConfigJson.write(CONFIG)));
      JsonObject lines = new JsonObject();
      lines.addProperty("stored", events.size());
      summary.add("lines", lines);
      JsonArray reports = new JsonArray();
      List.of("acquisition.json", "onboarding.json", "usage.json").forEach(reports::add);
      summary.add("reports", reports);
      Files.writeString(folder.resolve("summary.json"), summary.toString());
    }
    return folder;
  }

  /** Users signing up over the twelve weeks from four sources; sessions of wallet, swap and chain use; most deposit. */
  private static List<Event> events() {
    SplittableRandom random = new SplittableRandom(46);
    String[] sources = {"ads", "organic", "referral", "newsletter"};
    String[] tracks = {"Wallet Opened", "Swap Executed", "Chain Added", "Balance Viewed"};
    String[] paths = {"/", "/wallet", "/swap", "/chains"};
    long start = FROM.start(ZONE).toEpochMilli();
    long span = TO.end(ZONE).toEpochMilli() - start;
    Instant received = NOW;
    List<Event> out = new ArrayList<>();
    int id = 0;
    for (int u = 0; u < 400; u++) {
      String user = "user-" + u;
      long t = start + (long) (random.nextDouble() * span * 0.95);
      out.add(new Event("e" + id++, EventType.IDENTIFY, null, user, null, null, Instant.ofEpochMilli(t - 1000), received, null, null,
          "{\"plan\":\"" + (random.nextBoolean() ? "pro" : "free") + "\"}", null));
      out.add(new Event("e" + id++, EventType.TRACK, "Signed Up", user, null, null, Instant.ofEpochMilli(t), received, null,
          "{\"source\":\"" + sources[random.nextInt(sources.length)] + "\"}", null, null));
      if (random.nextInt(10) < 6) {
        long at = t + (long) (random.nextDouble() * 5 * 86_400_000L);
        out.add(new Event("e" + id++, EventType.TRACK, "Deposit Completed", user, null, null, Instant.ofEpochMilli(at), received, null, null, null, null));
      }
      for (int s = 0; s < 1 + random.nextInt(6); s++) {
        t += (long) (random.nextDouble() * 4 * 86_400_000L);
        for (int e = 0; e < 1 + random.nextInt(8); e++) {
          t += 10_000 + random.nextInt(300_000);
          out.add(random.nextBoolean()
              ? new Event("e" + id++, EventType.TRACK, tracks[random.nextInt(tracks.length)], user, null, null, Instant.ofEpochMilli(t), received, null, null, null, null)
              : new Event("e" + id++, EventType.PAGE, null, user, null, null, Instant.ofEpochMilli(t), received, paths[random.nextInt(paths.length)], null, null, null));
        }
      }
    }
    return out;
  }

  private void admin(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
