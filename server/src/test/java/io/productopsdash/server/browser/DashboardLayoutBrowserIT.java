package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.productopsdash.data.Database;
import io.productopsdash.engine.demo.DemoDataSet;
import io.productopsdash.engine.demo.DemoProgress;
import io.productopsdash.engine.demo.DemoSettings;
import io.productopsdash.engine.demo.DemoSummary;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every dashboard page at a desktop width (1400 px) and a phone's (420 px) in headless Chromium,
 * over the demo data set on a Wednesday (so the current week is partial and the youngest cohorts
 * are in progress): the page never scrolls sideways, every chart fits its panel, no legend is
 * drawn inside a chart's canvas (where it collided with axis names) and the HTML legends' items
 * overlap neither each other nor the chart (bounding boxes); on the phone the page list collapses
 * behind a Menu button. The onboarding and acquisition pages mark incomplete cohorts and the
 * partial week as the API flags them. Full-page screenshots go to {@code
 * server/target/screenshots} ({@code layout-<page>-<width>.png}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardLayoutBrowserIT {
  private static final String TOKEN = "layout-test-token-5d1e22c0a9";
  private static final long SEED = 11;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  /** Wednesday of ISO week 2026-W47: the demo's twelve weeks end with 2026-W46. */
  private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> PAGES =
      List.of("overview", "themes", "search", "feature-requests", "acquisition", "onboarding", "usage", "satisfaction", "digest",
          "surveys", "settings");

  /**
   * Measures the page: sideways overflow of the document, charts wider than their panel, legends
   * left inside a canvas, and overlapping legend boxes. Returns a list of problems (empty: fine).
   */
  private static final String MEASURE =
      """
      const problems = [];
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      if (overflow > 0) problems.push('the page scrolls sideways by ' + overflow + ' px');
      const box = (e) => e.getBoundingClientRect();
      const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (const chart of document.querySelectorAll('main .chart')) {
        const panel = chart.closest('.panel') || chart.parentElement;
        const c = box(chart), p = box(panel);
        if (c.width === 0) problems.push('a chart has no width');
        if (c.right > p.right + 0.5 || c.left < p.left - 0.5) problems.push('a chart is wider than its panel: ' + c.width + ' > ' + p.width);
        const instance = echarts.getInstanceByDom(chart);
        if (instance) {
          const legends = instance.getOption().legend || [];
          if (legends.some((l) => l.show !== false)) problems.push('a legend is drawn inside a chart canvas');
        }
      }
      for (const legend of document.querySelectorAll('main .legend')) {
        const l = box(legend);
        const chart = legend.nextElementSibling;
        if (!chart || !chart.classList.contains('chart')) { problems.push('a legend without its chart'); continue; }
        if (overlap(l, box(chart))) problems.push('a legend overlaps its chart: ' + legend.textContent);
        const items = [...legend.querySelectorAll('.legend-item')].map(box);
        const panel = box(legend.closest('.panel') || legend.parentElement);
        items.forEach((a, i) => {
          if (a.right > panel.right + 0.5) problems.push('a legend item leaves its panel: ' + legend.children[i].textContent);
          items.slice(i + 1).forEach((b, j) => {
            if (overlap(a, b)) problems.push('legend items overlap: ' + legend.children[i].textContent + ' / ' + legend.children[i + 1 + j].textContent);
          });
        });
      }
      return problems;
      """;

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
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Clock clock = Clock.fixed(NOW, ZONE);
    try (Database db = Database.open(dataDir)) {
      DemoDataSet.installSamplingKey(db, SEED);
    }
    workspace = Workspace.open(new ServerConfig(0, dataDir, TOKEN, ZONE, List.of()), clock);
    demo =
        DemoDataSet.generate(
            workspace.deps().database(), workspace.deps().answerIndex(), DemoSettings.of(SEED, 1_500, clock, ZONE), DemoProgress.NONE);
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    base = "http://localhost:" + app.port();
    Files.createDirectories(SCREENSHOTS);
    browser.get(base + "/app/overview");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/app/overview"));
    waitForPage();
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

  static List<Arguments> pagesAndWidths() {
    List<Arguments> out = new ArrayList<>();
    for (String page : PAGES) {
      out.add(Arguments.of(page, 1400));
      out.add(Arguments.of(page, 420));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void thePageFitsItsWidthAndNoLegendOverlaps(String page, int width) throws Exception {
    browser.manage().window().setSize(new Dimension(width, 1000));
    browser.get(base + "/app/" + page + "?surveyId=" + demo.surveyId() + "&week=" + demo.lastWeek());
    WebElement root = waitForPage();
    assertThat(root.getAttribute("data-page")).isEqualTo(page);
    assertThat(root.findElements(By.cssSelector(".error"))).as("errors on %s: %s", page, root.getText()).isEmpty();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) browser.executeScript(MEASURE);
    screenshot("layout-" + page + "-" + width);
    assertThat(problems).as("layout of %s at %d px", page, width).isEmpty();
    WebElement nav = browser.findElement(By.id("nav"));
    WebElement menu = browser.findElement(By.id("menu"));
    if (width < 700) {
      assertThat(nav.isDisplayed()).as("the page list is collapsed on a phone").isFalse();
      menu.click();
      assertThat(nav.isDisplayed()).as("the Menu button opens it").isTrue();
      assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
      menu.click();
      assertThat(nav.isDisplayed()).isFalse();
    } else {
      assertThat(menu.isDisplayed()).isFalse();
      assertThat(nav.isDisplayed()).isTrue();
    }
  }

  @Test
  void incompleteCohortsAndThePartialWeekAreMarkedAsTheApiFlagsThem() throws Exception {
    browser.manage().window().setSize(new Dimension(1400, 1000));
    String week = demo.lastWeek().plusWeeks(1).toString();
    JsonArray cohorts =
        JsonParser.parseString(adminGet("/api/v1/metrics/onboarding?to=" + week)).getAsJsonObject().getAsJsonArray("cohorts");
    long open = 0;
    for (JsonElement c : cohorts) {
      open += c.getAsJsonObject().get("complete").getAsBoolean() ? 0 : 1;
    }
    assertThat(open).as("a 30-day window leaves the last five cohorts open on a Wednesday").isEqualTo(5);
    browser.get(base + "/app/onboarding?surveyId=" + demo.surveyId() + "&week=" + week);
    WebElement page = waitForPage();
    List<WebElement> rows = page.findElements(By.cssSelector("table.cohorts tbody tr"));
    assertThat(rows).hasSize(cohorts.size());
    long marked = rows.stream().filter(r -> r.getText().contains("in progress")).count();
    assertThat(marked).as("rows marked in progress").isEqualTo(open);
    assertThat(rows.get(0).getText()).startsWith(week).contains("in progress");
    assertThat(page.findElement(By.cssSelector(".legend")).getText()).contains("Conversion (in progress)");
    screenshot("layout-onboarding-flags");

    browser.get(base + "/app/acquisition?surveyId=" + demo.surveyId() + "&week=" + week);
    page = waitForPage();
    assertThat(page.findElement(By.cssSelector(".card")).getText()).contains("week in progress, not compared").doesNotContain(" vs ");
    assertThat(page.findElement(By.cssSelector("tbody tr")).getText()).startsWith(week).contains("partial");
  }

  private WebElement waitForPage() {
    return wait.until(d -> {
      List<WebElement> ready = d.findElements(By.cssSelector("main .page[data-ready=true]"));
      return ready.isEmpty() ? null : ready.get(0);
    });
  }

  /** A screenshot of the whole page: the window is made as tall as the page first. */
  private void screenshot(String name) throws Exception {
    Dimension size = browser.manage().window().getSize();
    long height = (Long) browser.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
    browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 140, 600), 8000)));
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(size);
  }

  private String adminGet(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return r.body();
  }
}
