package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.engine.demo.DemoDataSet;
import io.productopsdash.engine.demo.DemoProgress;
import io.productopsdash.engine.demo.DemoSettings;
import io.productopsdash.engine.demo.DemoSummary;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.IOException;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Themes page's run panel and drivers in headless Chromium over the demo data set: comments of
 * the current week wait, a click on "Run now" shows the run's progress, the run finishes and the
 * page shows the new last-themed time with nothing waiting; the Drivers view ranks the demo week's
 * themes and the theme detail draws its impact over 12 weeks. Screenshots at 1400 and 420 px go to
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeRunsBrowserIT {
  private static final String TOKEN = "theme-runs-browser-token-41c9d2";
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  /** Wednesday of ISO week 2026-W47: the demo's twelve weeks end with 2026-W46. */
  private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dataDir;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private DemoSummary demo;
  private String base;

  @BeforeAll
  void start() throws Exception {
    browser = Browsers.headlessChromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(240));
    Clock clock = Clock.fixed(NOW, ZONE);
    try (Database db = Database.open(dataDir)) {
      DemoDataSet.installSamplingKey(db, 11);
    }
    workspace = Workspace.open(new ServerConfig(0, dataDir, TOKEN, ZONE, List.of()), clock);
    demo =
        DemoDataSet.generate(
            workspace.deps().database(), workspace.deps().answerIndex(), DemoSettings.of(11, 1_500, clock, ZONE), DemoProgress.NONE);
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    base = "http://localhost:" + app.port();
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
  void runNowThemesTheWaitingCommentsAndTheTimeUpdates() throws IOException {
    WeekId week = WeekId.of(NOW, ZONE);
    String[] comments = {
      "Swaps to Solana keep failing with a timeout", "The swap failed twice and I lost the fee", "Swap is so slow today",
      "Please add Bitcoin Lightning", "Lightning network support please", "I could not find my seed phrase backup",
      "The backup screen is confusing", "Deposits from my bank take days", "Great app, love the design",
      "Fees are far too high on swaps", "Support never answered my ticket", "Love how simple sending is"};
    workspace.deps().database().write(c -> {
      AnswerRepository answers = new AnswerRepository();
      for (int i = 0; i < comments.length; i++) {
        answers.insert(c, "browser-" + i, demo.surveyId(), "browser-user-" + i, week, 1 + i % 7, comments[i], "en", null, NOW);
      }
      return null;
    });
    browser.manage().window().setSize(new Dimension(1400, 1000));
    browser.get(base + "/app/themes?surveyId=" + demo.surveyId() + "&week=" + week);
    WebElement page = waitForPage();
    WebElement waiting = page.findElement(By.cssSelector("[data-waiting]"));
    assertThat(waiting.getAttribute("data-waiting")).isEqualTo(Integer.toString(comments.length));
    assertThat(page.findElement(By.cssSelector("[data-last-themed]")).getText()).isEqualTo("Not themed by a run yet");
    screenshot("themes-run-before-1400");

    page.findElement(By.cssSelector("[data-run-now]")).click();
    wait.until(d -> {
      List<WebElement> p = d.findElements(By.cssSelector(".run-progress"));
      return !p.isEmpty() && p.get(0).getText().startsWith("Run ");
    });
    screenshot("themes-run-progress-1400");
    // The run finishes, the page re-renders with the run's time and nothing waiting.
    wait.until(d -> {
      List<WebElement> last = d.findElements(By.cssSelector("main .page[data-ready=true] [data-last-themed]"));
      return !last.isEmpty() && last.get(0).getText().startsWith("Last themed");
    });
    page = waitForPage();
    assertThat(page.findElement(By.cssSelector("[data-waiting]")).getAttribute("data-waiting")).isEqualTo("0");
    assertThat(page.findElements(By.cssSelector("table tbody tr[data-theme]"))).isNotEmpty();
    String runs = workspace.deps().themeRuns().recent(null, 5).toString();
    assertThat(workspace.deps().themeRuns().recent(null, 5)).as(runs).hasSize(1);
    assertThat(workspace.deps().themeRuns().recent(null, 5).get(0).run().status().wire()).isEqualTo("succeeded");
    screenshot("themes-run-after-1400");
    assertNoConsoleErrors();
  }

  @Test
  void theDriversViewAndTheThemeDetailShowImpact() throws IOException {
    String last = demo.lastWeek().toString();
    for (int width : new int[] {1400, 420}) {
      browser.manage().window().setSize(new Dimension(width, 1600));
      browser.get(base + "/app/themes?surveyId=" + demo.surveyId() + "&week=" + last);
      waitForPage();
      screenshot("themes-" + width);
      browser.get(base + "/app/themes?view=drivers&surveyId=" + demo.surveyId() + "&week=" + last);
      WebElement page = waitForPage();
      List<WebElement> ranked = page.findElements(By.cssSelector("table.drivers tbody tr[data-driver]"));
      assertThat(ranked).as("ranked drivers in the demo week").isNotEmpty();
      assertThat(page.findElement(By.cssSelector("[data-drivers=negative] h2")).getText()).isEqualTo("Pulling the score down");
      screenshot("themes-drivers-" + width);
      String theme = ranked.get(0).getAttribute("data-driver");
      browser.get(base + "/app/themes/" + theme + "?surveyId=" + demo.surveyId() + "&week=" + last);
      page = waitForPage();
      WebElement impact = page.findElement(By.cssSelector("[data-impact]"));
      assertThat(impact.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
      assertThat(impact.getText()).contains("This week: impact");
      screenshot("theme-detail-" + width);
    }
    browser.manage().window().setSize(new Dimension(1400, 1000));
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
    assertThat(errors).as("console errors").isEmpty();
  }
}
