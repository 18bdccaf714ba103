package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
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
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The feature-request pages in headless Chromium: the list shows one row per ask with a hostile
 * comment's text never run; a request opens with its answers, requesters and reach; merging two
 * requests from the page moves the answers and the merged one leaves the list. Screenshots at 1400
 * and 420 px go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureRequestsBrowserIT {
  private static final String TOKEN = "requests-browser-test-token-24";
  private static final ZoneId ZONE = ZoneId.of("UTC");
  private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String[] COMMENTS = {
    "Please add Lightning support.", "lightning pls", "No Lightning in 2026??", "I'd love Lightning payments <img src=x onerror=alert(1)>",
    "dark mode please", "Please add a dark theme.", "Night mode would be great.",
    "Price alerts please.", "Would be great to set price alerts for ETH.",
    "Please send a notification when a payment arrives.", "notifications for incoming payments pls",
    "The app crashes when I open the swap screen.", "Great wallet, five stars.",
  };

  @TempDir static Path dataDir;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String base;
  private long surveyId;

  @BeforeAll
  void start() throws Exception {
    browser = Browsers.headlessChromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    workspace = Workspace.open(new ServerConfig(0, dataDir, TOKEN, ZONE, List.of()), Clock.fixed(NOW, ZONE));
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    base = "http://localhost:" + app.port();
    String created = send("POST", "/api/v1/surveys",
        "{\"name\":\"Wallet CSAT\",\"question\":\"How satisfied are you?\",\"openQuestion\":\"How can we make it better?\",\"sampleRate\":1.0}");
    surveyId = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    for (int i = 0; i < COMMENTS.length; i++) {
      send("POST", "/api/v1/surveys/" + surveyId + "/answers",
          "{\"userId\":\"user-" + i + "\",\"responseId\":\"r-" + i + "\",\"score\":" + (1 + i % 7) + ",\"comment\":\""
              + COMMENTS[i].replace("\"", "\\\"") + "\"}");
    }
    send("POST", "/api/v1/themes/run?surveyId=" + surveyId + "&week=" + WeekId.of(NOW, ZONE), null);
    Files.createDirectories(SCREENSHOTS);
    browser.get(base + "/app/overview");
    wait.until(d -> d.getCurrentUrl().contains("/login"));
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    wait.until(d -> d.getCurrentUrl().contains("/app/overview"));
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
  void aRequestOpensWithItsAnswersAndIsMergedIntoAnother() throws Exception {
    String week = WeekId.of(NOW, ZONE).toString();
    browser.manage().window().setSize(new Dimension(1400, 1000));
    browser.get(base + "/app/feature-requests?surveyId=" + surveyId + "&week=" + week);
    WebElement page = waitForPage();
    List<String> names = page.findElements(By.cssSelector("tr[data-request] td:first-child a")).stream().map(WebElement::getText).toList();
    assertThat(names).contains("Support Bitcoin Lightning", "Add dark mode", "Add price alerts", "Add notifications");
    screenshot("requests-list-1400");
    browser.manage().window().setSize(new Dimension(420, 900));
    screenshot("requests-list-420");
    browser.manage().window().setSize(new Dimension(1400, 1000));

    // Open the Lightning request: its answers (the hostile one as text), requesters and reach.
    page.findElement(By.linkText("Support Bitcoin Lightning")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/app/feature-requests/\\d+.*"));
    WebElement detail = waitForPage();
    assertThat(detail.findElement(By.tagName("h1")).getText()).isEqualTo("Support Bitcoin Lightning");
    assertThat(detail.findElements(By.cssSelector(".answers .answer"))).hasSize(4);
    assertThat(detail.getText()).contains("<img src=x onerror=alert(1)>", "user-0", "4 of 13 respondents", "Requesters (4)");
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    screenshot("requests-detail-1400");
    browser.manage().window().setSize(new Dimension(420, 900));
    screenshot("requests-detail-420");
    browser.manage().window().setSize(new Dimension(1400, 1000));

    // Merge "Add price alerts" into "Add notifications" from the first one's page.
    browser.get(base + "/app/feature-requests?surveyId=" + surveyId + "&week=" + week);
    waitForPage().findElement(By.linkText("Add price alerts")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/app/feature-requests/\\d+.*"));
    WebElement alerts = waitForPage();
    String alertsId = browser.getCurrentUrl().replaceAll(".*/app/feature-requests/(\\d+).*", "$1");
    Select into = new Select(alerts.findElement(By.cssSelector("select[aria-label='Merge into']")));
    into.selectByVisibleText(into.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith("Add notifications")).findFirst().orElseThrow());
    alerts.findElement(By.cssSelector("button[data-action=merge]")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/app/feature-requests/" + alertsId + "?"));
    WebElement merged = waitForPage();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Add notifications"));
    assertThat(merged.findElements(By.cssSelector(".answers .answer"))).hasSize(4);
    String list = send("GET", "/api/v1/feature-requests?surveyId=" + surveyId, null);
    assertThat(list).contains("\"name\":\"Add notifications\"").doesNotContain("\"name\":\"Add price alerts\"");
    assertThat(send("GET", "/api/v1/feature-requests/" + alertsId, null)).contains("\"mergedInto\"").isNotNull();
    screenshot("requests-merged-1400");
    assertNoConsoleErrors();
  }

  private WebElement waitForPage() {
    return wait.until(d -> {
      List<WebElement> ready = d.findElements(By.cssSelector("main .page[data-ready=true]"));
      return ready.isEmpty() ? null : ready.get(0);
    });
  }

  private void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private void assertNoConsoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertThat(errors).isEmpty();
  }

  private String send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
    return response.body();
  }
}
