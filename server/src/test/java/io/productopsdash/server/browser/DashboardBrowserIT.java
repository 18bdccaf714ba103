package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium over the demo data set: log in, every page renders its
 * charts and tables without console errors, a facet click narrows a search, a theme drill-down
 * lists its answers, a survey is created; and hostile text (a comment of {@code <img src=x
 * onerror=alert(1)>}, a survey named with a script tag) shows as text on every page and never
 * runs. Screenshots of each page go to {@code target/screenshots} for a reviewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final String TOKEN = "dashboard-test-token-7c4e19ab";
  private static final long SEED = 7;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  /** Wednesday of ISO week 2026-W47: the demo's twelve weeks end with 2026-W46. */
  private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
  private static final String IMG_PAYLOAD = "<img src=x onerror=alert(1)>";
  private static final String SCRIPT_PAYLOAD = "<script>alert('comment')</script>";
  private static final String HOSTILE_SURVEY_NAME = "<script>alert('name')</script> Checkout survey";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> PAGES =
      List.of("overview", "themes", "search", "feature-requests", "acquisition", "onboarding", "usage", "satisfaction", "digest", "surveys",
          "settings");

  @TempDir static Path dataDir;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private DemoSummary demo;
  private long hostileSurveyId;
  private String base;

  @BeforeAll
  void start() throws Exception {
    browser = Browsers.headlessChromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Clock clock = Clock.fixed(NOW, ZONE);
    // The seed's sampling key, so the same users are asked every run and the data set is fixed.
    try (Database db = Database.open(dataDir)) {
      DemoDataSet.installSamplingKey(db, SEED);
    }
    workspace = Workspace.open(new ServerConfig(0, dataDir, TOKEN, ZONE, List.of()), clock);
    demo =
        DemoDataSet.generate(
            workspace.deps().database(), workspace.deps().answerIndex(), DemoSettings.of(SEED, 1_500, clock, ZONE), DemoProgress.NONE);
    app = ServerApp.create(workspace.deps()).start("localhost", 0);
    base = "http://localhost:" + app.port();
    hostileSurveyId = seedHostileSurvey();
    Files.createDirectories(SCREENSHOTS);
    logIn();
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

  @BeforeEach
  void clearConsole() {
    browser.manage().logs().get(LogType.BROWSER);
  }

  @Test
  void everyPageRendersItsChartsAndTablesWithoutConsoleErrors() throws IOException {
    open("/app/overview?surveyId=" + demo.surveyId());
    assertThat(new Select(browser.findElement(By.id("week"))).getFirstSelectedOption().getText())
        .as("the default week is the last one with answers")
        .isEqualTo(demo.lastWeek().toString());
    for (String page : PAGES) {
      browser.findElement(By.cssSelector("#nav a[data-page='" + page + "']")).click();
      WebElement root = waitForPage(page);
      assertThat(root.findElements(By.cssSelector(".error"))).as("errors on %s: %s", page, root.getText()).isEmpty();
      List<WebElement> charts = root.findElements(By.cssSelector(".chart canvas, .spark canvas"));
      List<WebElement> rows = root.findElements(By.cssSelector("table tbody tr, .answer"));
      if (page.equals("digest")) {
        assertThat(root.findElement(By.cssSelector("iframe.digest")).getAttribute("sandbox")).isEmpty();
      } else {
        assertThat(rows).as("rows on %s", page).isNotEmpty();
      }
      if (!page.equals("surveys") && !page.equals("digest") && !page.equals("settings")) {
        assertThat(charts).as("charts on %s", page).isNotEmpty();
      }
      screenshot("dashboard-" + page);
      assertNoConsoleErrors(page);
    }
    open("/app/overview?surveyId=" + demo.surveyId());
    WebElement overview = waitForPage("overview");
    assertThat(overview.getText()).contains("Top themes this week");
    DemoSummary.WeekTally last = demo.weeks().get(demo.weeks().size() - 1);
    assertThat(card(overview, "Answers")).as("answers of the last week, as the generator counted them").isEqualTo(String.format("%,d", last.answers()));
    assertThat(card(overview, "Mean score")).isEqualTo(String.format("%.2f", (double) last.scoreSum() / last.answers()));
  }

  @Test
  void facetClickNarrowsTheSearch() throws IOException {
    open("/app/search?surveyId=" + demo.surveyId() + "&week=" + demo.lastWeek());
    waitForPage("search");
    WebElement box = browser.findElement(By.cssSelector("input[name=q]"));
    box.sendKeys("swap");
    browser.findElement(By.cssSelector("form.searchbar button[type=submit]")).click();
    waitFor(() -> browser.getCurrentUrl().contains("q=swap"));
    WebElement page = waitForPage("search");
    long before = total(page);
    assertThat(before).as("answers about swaps in the demo").isGreaterThan(5);
    WebElement facet = page.findElement(By.cssSelector("[data-facet=theme] button"));
    String label = facet.findElements(By.tagName("span")).get(0).getText();
    long facetCount = Long.parseLong(facet.findElements(By.tagName("span")).get(1).getText());
    facet.click();
    waitFor(() -> browser.getCurrentUrl().contains("theme="));
    page = waitForPage("search");
    long after = total(page);
    assertThat(after).as("the facet's count is the narrowed total").isEqualTo(facetCount).isLessThan(before);
    assertThat(page.findElement(By.cssSelector(".chips")).getText()).contains("theme: " + label);
    for (WebElement hit : page.findElements(By.cssSelector(".hit"))) {
      assertThat(hit.findElement(By.cssSelector(".meta a")).getText()).isEqualTo(label);
      assertThat(hit.findElements(By.cssSelector(".text mark"))).as("highlighted match in %s", hit.getText()).isNotEmpty();
    }
    WebElement first = page.findElement(By.cssSelector(".hit"));
    first.findElement(By.xpath(".//button[text()='Similar answers']")).click();
    wait.until(ExpectedConditions.visibilityOf(first.findElement(By.cssSelector(".similar"))));
    waitFor(() -> !first.findElements(By.cssSelector(".similar .quote")).isEmpty());
    screenshot("dashboard-search-facet");
    assertNoConsoleErrors("search");
  }

  @Test
  void themeDrillDownShowsItsAnswers() throws IOException {
    open("/app/themes?surveyId=" + demo.surveyId() + "&week=" + demo.lastWeek());
    WebElement page = waitForPage("themes");
    // Themes are named by readable phrases, not keyword lists, each shown once.
    List<String> names =
        page.findElements(By.cssSelector("tbody tr[data-theme] td a")).stream().map(WebElement::getText).toList();
    assertThat(names).isNotEmpty().doesNotHaveDuplicates();
    assertThat(names).allSatisfy(n -> {
      assertThat(n).doesNotContain(",").doesNotContain("[").doesNotContainPattern("\\d");
      assertThat(n.split(" ")).hasSizeBetween(2, 6);
    });
    WebElement firstTheme = page.findElement(By.cssSelector("tbody tr[data-theme] td a"));
    String label = firstTheme.getText();
    firstTheme.click();
    waitFor(() -> browser.getCurrentUrl().matches(".*/app/themes/\\d+.*"));
    page = waitForPage("themes");
    assertThat(page.findElement(By.tagName("h1")).getText()).startsWith(label);
    String sizeText = page.findElement(By.cssSelector(".sub")).getText();
    int size = Integer.parseInt(sizeText.substring(0, sizeText.indexOf(' ')).replace(",", ""));
    List<WebElement> answers = page.findElements(By.cssSelector(".answers .answer"));
    assertThat(answers).hasSize(size);
    assertThat(page.findElements(By.cssSelector(".answers .answer mark"))).as("keywords highlighted").isNotEmpty();
    assertThat(page.findElement(By.cssSelector("[data-history]")).getText()).contains("Created as \"" + label + "\"");
    screenshot("dashboard-theme-detail");
    // Rename and pin in place: the heading follows, and the theme list shows the new name.
    WebElement detail = page;
    WebElement input = detail.findElement(By.cssSelector("form.rename input[name=name]"));
    input.clear();
    input.sendKeys("Renamed by the PM");
    detail.findElement(By.cssSelector("form.rename button")).click();
    waitFor(() -> detail.findElement(By.cssSelector("form.rename [role=status]")).getText().contains("pinned"));
    assertThat(detail.findElement(By.tagName("h1")).getText()).startsWith("Renamed by the PM");
    open("/app/themes?surveyId=" + demo.surveyId() + "&week=" + demo.lastWeek());
    WebElement list = waitForPage("themes");
    assertThat(list.findElements(By.cssSelector("tbody tr[data-theme] td a")).stream().map(WebElement::getText))
        .contains("Renamed by the PM");
    assertNoConsoleErrors("theme detail");
  }

  @Test
  void aSurveyIsCreatedFromTheDashboard() throws Exception {
    open("/app/surveys?surveyId=" + demo.surveyId());
    waitForPage("surveys");
    browser.findElement(By.xpath("//button[text()='New survey']")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/app/surveys/new"));
    waitForPage("surveys");
    browser.findElement(By.name("name")).sendKeys("Onboarding pulse");
    browser.findElement(By.name("question")).sendKeys("How easy was it to set up your wallet?");
    WebElement rate = browser.findElement(By.name("sampleRate"));
    rate.clear();
    rate.sendKeys("0.25");
    browser.findElement(By.cssSelector("form.survey button[type=submit]")).click();
    waitFor(() -> browser.getCurrentUrl().matches(".*/app/surveys/\\d+\\?.*saved=yes.*"));
    WebElement page = waitForPage("surveys");
    assertThat(page.getText()).contains("Saved.", "Embed in your app", "ProductOpsDash.init(");
    String id = browser.getCurrentUrl().replaceAll(".*/app/surveys/(\\d+).*", "$1");
    String json = adminGet("/api/v1/surveys/" + id);
    assertThat(json).contains("\"name\":\"Onboarding pulse\"", "\"sampleRate\":0.25", "\"question\":\"How easy was it to set up your wallet?\"");
    assertThat(page.findElement(By.id("embed")).getText()).contains("surveyId: " + id);
    screenshot("dashboard-survey-created");
    assertNoConsoleErrors("survey form");
  }

  @Test
  @Order(Order.DEFAULT + 1) // last: it supersedes the demo survey the other tests read
  void requestStatusIsSetInPlaceAndEditingAnAnsweredSurveyMakesAVersion() throws Exception {
    open("/app/feature-requests?surveyId=" + demo.surveyId() + "&week=" + demo.lastWeek());
    WebElement page = waitForPage("feature-requests");
    WebElement row = page.findElement(By.cssSelector("tr[data-request]"));
    String requestId = row.getAttribute("data-request");
    new Select(row.findElement(By.tagName("select"))).selectByValue("planned");
    waitFor(() -> browser.findElement(By.cssSelector("main [role=status]")).getText().contains("set to planned"));
    assertThat(adminGet("/api/v1/feature-requests?surveyId=" + demo.surveyId()))
        .containsPattern("\\{\"id\":" + requestId + ",[^}]*\"status\":\"planned\"");

    // The links of the weekly digest open the page of their range's last week.
    open("/app/acquisition?from=" + demo.lastWeek().plusWeeks(-3) + "&to=" + demo.lastWeek().plusWeeks(-1));
    waitForPage("acquisition");
    assertThat(new Select(browser.findElement(By.id("week"))).getFirstSelectedOption().getText())
        .isEqualTo(demo.lastWeek().plusWeeks(-1).toString());

    open("/app/surveys/" + demo.surveyId() + "?surveyId=" + demo.surveyId());
    waitForPage("surveys");
    WebElement question = browser.findElement(By.name("question"));
    question.clear();
    question.sendKeys("How happy are you with the wallet app?");
    browser.findElement(By.cssSelector("form.survey button[type=submit]")).click();
    waitFor(() -> browser.getCurrentUrl().contains("saved=version"));
    WebElement saved = waitForPage("surveys");
    assertThat(saved.getText()).contains("Saved as a new version", "Version 2");
    String newId = browser.getCurrentUrl().replaceAll(".*/app/surveys/(\\d+).*", "$1");
    assertThat(Long.parseLong(newId)).isNotEqualTo(demo.surveyId());
    assertThat(adminGet("/api/v1/surveys/" + demo.surveyId())).contains("\"supersededBy\":" + newId);
    assertThat(adminGet("/api/v1/surveys/" + newId)).contains("\"version\":2", "How happy are you with the wallet app?");
    screenshot("dashboard-survey-versioned");
    assertNoConsoleErrors("survey versioning");
  }

  @Test
  void theSettingsPageSavesTheGlossaryRefusesSecretsAndShowsADryRun() throws Exception {
    open("/app/settings?surveyId=" + demo.surveyId());
    WebElement page = waitForPage("settings");
    assertThat(page.getText()).contains("cannot be restored", "the original text is never stored", "2026.12-1");
    assertThat(page.findElements(By.cssSelector("[data-panel=report] tbody tr"))).as("weeks of the demo's report").isNotEmpty();

    WebElement terms = page.findElement(By.cssSelector("[data-form=vocabulary] textarea"));
    terms.clear();
    terms.sendKeys("Jasper\n<b>Vault Boost</b>\n4111 1111 1111 1111");
    page.findElement(By.cssSelector("[data-form=vocabulary] button[type=submit]")).click();
    waitFor(() -> !browser.findElements(By.cssSelector("[data-panel=vocabulary] .error")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("[data-panel=vocabulary] .error")).getText()).contains("4111 1111 1111 1111", "terms");
    assertThat(adminGet("/api/v1/config/vocabulary")).contains("\"terms\":[]");
    clearConsole(); // the refusal's 400 is logged by Chromium as a failed resource

    terms.clear();
    terms.sendKeys("Jasper\n<b>Vault Boost</b>");
    page.findElement(By.cssSelector("[data-form=vocabulary] button[type=submit]")).click();
    waitFor(() -> !browser.findElements(By.cssSelector("[data-panel=vocabulary] .ok")).isEmpty());
    assertThat(adminGet("/api/v1/config/vocabulary")).contains("\"terms\":[\"Jasper\",\"<b>Vault Boost</b>\"]");
    assertNoScriptRan("settings");

    WebElement text = page.findElement(By.cssSelector("[data-form=preview] textarea"));
    text.clear();
    text.sendKeys("Please add Solana and Cardano support, thanks Maria Lopez. Jasper is great.");
    page.findElement(By.cssSelector("[data-form=preview] button[type=submit]")).click();
    waitFor(() -> !browser.findElements(By.cssSelector("[data-stored]")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("[data-stored]")).getText())
        .isEqualTo("Please add Solana and Cardano support, thanks [name]. Jasper is great.");
    String decisions = browser.findElement(By.cssSelector("[data-result=preview] table")).getText();
    assertThat(decisions).contains("Solana kept: a product term", "Maria Lopez removed: a known given or family name");
    for (int width : new int[] {1400, 420}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1600));
      screenshot("dashboard-settings-" + width);
    }
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    assertNoConsoleErrors("settings");
    // Back to an empty glossary for the other tests.
    admin("PUT", "/api/v1/config/vocabulary", "{\"terms\":[]}");
  }

  @Test
  void hostileTextShowsAsTextOnEveryPageAndNeverRuns() throws Exception {
    String week = WeekId.of(NOW, ZONE).toString();
    String params = "?surveyId=" + hostileSurveyId + "&week=" + week;
    List<String> visited = new ArrayList<>();
    for (String page : PAGES) {
      open("/app/" + page + params);
      WebElement root = waitForPage(page);
      assertNoScriptRan(page);
      visited.add(page + ": " + root.getText().length());
    }
    open("/app/surveys" + params);
    assertThat(waitForPage("surveys").getText()).contains(HOSTILE_SURVEY_NAME);
    assertThat(new Select(browser.findElement(By.id("survey"))).getFirstSelectedOption().getText()).contains(HOSTILE_SURVEY_NAME);

    open("/app/search" + params + "&q=" + java.net.URLEncoder.encode("onerror OR script", java.nio.charset.StandardCharsets.UTF_8));
    String search = waitForPage("search").getText();
    assertThat(search).contains(IMG_PAYLOAD, SCRIPT_PAYLOAD);
    assertNoScriptRan("search");
    screenshot("dashboard-hostile-search");

    open("/app/themes" + params);
    WebElement themes = waitForPage("themes");
    List<String> links = themes.findElements(By.cssSelector("tbody tr[data-theme] td a")).stream().map(a -> a.getAttribute("href")).toList();
    StringBuilder allText = new StringBuilder(themes.getText());
    for (String link : links) {
      browser.get(link);
      allText.append(waitForPage("themes").getText());
      assertNoScriptRan(link);
    }
    assertThat(allText.toString()).as("the hostile comments appear literally on the theme pages").contains(IMG_PAYLOAD, SCRIPT_PAYLOAD);
    screenshot("dashboard-hostile-themes");
    assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
    assertThat(visited).hasSize(PAGES.size());
  }

  // ---- helpers ----

  private void logIn() {
    browser.get(base + "/app/overview");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/app/overview"));
    waitForPage("overview");
  }

  private void open(String path) {
    browser.get(base + path);
  }

  private WebElement waitForPage(String page) {
    return wait.until(d -> {
      List<WebElement> ready = d.findElements(By.cssSelector("main .page[data-ready=true]"));
      return ready.isEmpty() ? null : ready.get(0);
    });
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    wait.until(d -> condition.getAsBoolean());
  }

  /** The value shown on the overview card labelled {@code label}. */
  private static String card(WebElement page, String label) {
    for (WebElement card : page.findElements(By.cssSelector(".card"))) {
      if (card.findElement(By.cssSelector(".label")).getText().equalsIgnoreCase(label)) {
        return card.findElement(By.cssSelector(".value")).getText().split("\n")[0].replaceAll("[^0-9.,%+-]+$", "");
      }
    }
    throw new AssertionError("no card " + label + " on " + page.getText());
  }

  private static long total(WebElement searchPage) {
    String text = searchPage.findElement(By.id("total")).getText();
    return Long.parseLong(text.substring(0, text.indexOf(' ')).replace(",", ""));
  }

  private void assertNoConsoleErrors(String where) {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertThat(errors).as("console errors on %s", where).isEmpty();
  }

  private void assertNoScriptRan(String where) {
    try {
      String text = browser.switchTo().alert().getText();
      throw new AssertionError("a script ran on " + where + ": alert(" + text + ")");
    } catch (NoAlertPresentException expected) {
      // Nothing ran.
    }
    assertThat(browser.findElements(By.cssSelector("main img[src='x'], main script"))).as("injected elements on %s", where).isEmpty();
    assertNoConsoleErrors(where);
  }

  private void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** A second survey, named with a script tag, whose current week holds hostile comments among real ones. */
  private long seedHostileSurvey() throws Exception {
    String created =
        admin("POST", "/api/v1/surveys",
            "{\"name\":\"" + json(HOSTILE_SURVEY_NAME) + "\",\"question\":\"How was checkout?\",\"minLabel\":\"Bad\",\"maxLabel\":\"Great\","
                + "\"openQuestion\":\"How can we make it better?\",\"sampleRate\":1.0}");
    long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    List<String> comments = new ArrayList<>(List.of(IMG_PAYLOAD, SCRIPT_PAYLOAD, IMG_PAYLOAD + " and the swap fees are too high"));
    String[] real = {
      "The swap fees are too high compared to other wallets", "Swaps take forever to confirm", "Fees on swaps keep going up",
      "Please add Solana support", "I would love to see Solana in the app", "Support for Solana and Base please",
      "Backing up my seed phrase was confusing", "The seed phrase backup screen is hard to follow", "I was not sure how to back up the seed phrase",
      "Sending to another chain failed twice", "The app crashed when I opened the swap screen", "Great wallet, very easy to use",
    };
    for (int i = 0; i < 36; i++) {
      comments.add(real[i % real.length] + (i >= real.length ? " (again)" : ""));
    }
    for (int i = 0; i < comments.size(); i++) {
      String user = "hostile-user-" + i;
      widget("/api/v1/surveys/" + id + "/impressions", "{\"userId\":\"" + user + "\"}");
      widget("/api/v1/surveys/" + id + "/answers",
          "{\"userId\":\"" + user + "\",\"responseId\":\"h-" + i + "\",\"score\":" + (1 + i % 7) + ",\"comment\":\"" + json(comments.get(i)) + "\"}");
    }
    admin("POST", "/api/v1/themes/run?surveyId=" + id + "&week=" + WeekId.of(NOW, ZONE), null);
    return id;
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private String adminGet(String path) throws Exception {
    return admin("GET", path, null);
  }

  private String admin(String method, String path, String body) throws Exception {
    return send(method, path, body, true);
  }

  private void widget(String path, String body) throws Exception {
    send("POST", path, body, false);
  }

  private String send(String method, String path, String body, boolean admin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (admin) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
    return response.body();
  }
}
