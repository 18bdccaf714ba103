package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.productopsdash.models.Survey;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import io.productopsdash.server.cli.DemoCommandAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget in a real browser: a page served by the app embeds {@code /widget.js}; the test
 * clicks a score, types a comment, sends it, and finds the answer in the SQLite file.
 */
class WidgetBrowserIT {
  @TempDir Path dataDir;
  private Workspace workspace;
  private Javalin app;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    browser = Browsers.headlessChromium();
    ServerConfig config = new ServerConfig(0, dataDir, "widget-browser-test-token-1a2b", ZoneOffset.UTC, List.of());
    workspace = Workspace.open(config, Clock.systemUTC());
    app = ServerApp.create(workspace.deps()).start(0);
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
  }

  @Test
  void answersWithScoreAndCommentLandInSqlite() throws Exception {
    Survey survey = workspace.deps().surveys().create(DemoCommandAccess.exampleSurvey());
    browser.get("http://localhost:" + app.port() + "/widget-demo?surveyId=" + survey.id() + "&userId=browser-user-1");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-productopsdash=survey]")));
    assertThat(dialog.getText()).contains("How satisfied are you with the wallet app?", "Very dissatisfied", "Very satisfied");
    List<WebElement> points = dialog.findElements(By.cssSelector("button[data-score]"));
    assertThat(points).extracting(WebElement::getText).containsExactly("1", "2", "3", "4", "5", "6", "7");
    assertThat(points.get(6).getAttribute("aria-label")).isEqualTo("7 of 7 (Very satisfied)");

    points.get(5).click();
    WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea")));
    assertThat(dialog.getText()).contains("How can we make it better?");
    comment.sendKeys("Swaps are slow <b>sometimes</b>");
    dialog.findElement(By.cssSelector("button.pod-send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-productopsdash=survey]"), "Thank you"));
    saveScreenshot("widget-thanks.png");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.database().file());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT user_id, score, comment, url FROM answers")) {
      assertThat(rs.next()).as("one answer stored").isTrue();
      assertThat(rs.getString("user_id")).isEqualTo("browser-user-1");
      assertThat(rs.getInt("score")).isEqualTo(6);
      assertThat(rs.getString("comment")).isEqualTo("Swaps are slow <b>sometimes</b>");
      assertThat(rs.getString("url")).contains("/widget-demo");
      assertThat(rs.next()).as("exactly one answer").isFalse();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.database().file());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT shown_at, answered_at FROM sampling_frame WHERE user_id = 'browser-user-1'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("shown_at")).as("impression recorded").isNotNull();
      assertThat(rs.getString("answered_at")).isNotNull();
    }
  }

  @Test
  void dismissingStartsTheCooldown() throws Exception {
    Survey survey = workspace.deps().surveys().create(DemoCommandAccess.exampleSurvey());
    String page = "http://localhost:" + app.port() + "/widget-demo?surveyId=" + survey.id() + "&userId=browser-user-2";
    browser.get(page);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-productopsdash=survey]")));
    dialog.findElement(By.cssSelector("button[aria-label='Dismiss survey']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "dismissed"));

    browser.get(page);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Not shown"));
    assertThat(browser.findElement(By.id("status")).getText()).contains("already answered or dismissed this week");
    assertThat(browser.findElements(By.cssSelector("[data-productopsdash=survey]"))).isEmpty();
  }

  private void saveScreenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }
}
