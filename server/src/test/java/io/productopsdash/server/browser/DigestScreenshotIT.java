package io.productopsdash.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.digest.RenderedDigest;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import io.productopsdash.server.digest.DigestFixture;
import io.productopsdash.server.digest.DigestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Renders the fixture's digest HTML part in headless Chromium and keeps PNGs of it in light and
 * dark mode under {@code server/target/screenshots} for a reviewer. Also checks what a browser
 * makes of it: the hostile comments stay text (no script or image element, no dialog), and the
 * dark colour scheme really changes the colours.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DigestScreenshotIT {
  static final Path SHOTS = Path.of("target", "screenshots");

  @Test
  void theHtmlPartRendersInChromiumInLightAndDarkMode(@TempDir Path dataDir) throws Exception {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    RenderedDigest digest;
    try (Workspace ws =
        Workspace.open(
            new ServerConfig(0, dataDir, "digest-test-admin-token-3f9a", DigestFixture.ZONE, List.of(),
                new DigestSettings(null, DigestSettings.DEFAULT_FROM, "https://ops.example.com", java.time.DayOfWeek.MONDAY, 8, 1,
                    java.time.Duration.ZERO)),
            Clock.fixed(DigestFixture.MONDAY_W48, DigestFixture.ZONE))) {
      digest = ws.deps().digests().sender().render(stored.survey(), DigestFixture.W47);
    }
    Files.createDirectories(SHOTS);
    Path html = SHOTS.resolve("digest.html").toAbsolutePath();
    Files.writeString(html, digest.html(), StandardCharsets.UTF_8);

    ChromeDriver browser = Browsers.headlessChromium();
    try {
      browser.get(html.toUri().toString());
      JavascriptExecutor js = browser;
      // The whole email in one picture: a window as tall as the page.
      long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
      browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 8000)));
      assertThat(browser.findElements(By.tagName("script"))).isEmpty();
      assertThat(browser.findElements(By.tagName("img"))).isEmpty();
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DigestFixture.SURVEY_NAME);
      assertThat(browser.findElement(By.tagName("body")).getText())
          .contains(DigestFixture.QUOTE)
          .contains(DigestFixture.PRICING_QUOTE)
          .contains("Mean score");
      // Escaped attribute values still make the right links.
      assertThat(browser.findElement(By.linkText("Open the week in the dashboard")).getAttribute("href"))
          .isEqualTo("https://ops.example.com/app/overview?surveyId=" + stored.survey().id() + "&week=2026-W47");
      assertThat(browser.findElement(By.linkText("Onboarding")).getAttribute("href"))
          .isEqualTo("https://ops.example.com/app/onboarding?from=2026-W47&to=2026-W47");
      String light = (String) js.executeScript("return getComputedStyle(document.querySelector('.pod-card')).backgroundColor");
      assertThat(light).isEqualTo("rgb(255, 255, 255)");
      Files.write(SHOTS.resolve("digest-light.png"), browser.getScreenshotAs(OutputType.BYTES));

      browser.executeCdpCommand(
          "Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      String card = (String) js.executeScript("return getComputedStyle(document.querySelector('.pod-card')).backgroundColor");
      String text = (String) js.executeScript("return getComputedStyle(document.querySelector('h1')).color");
      assertThat(card).isEqualTo("rgb(28, 33, 40)");
      assertThat(text).isEqualTo("rgb(230, 232, 235)");
      Files.write(SHOTS.resolve("digest-dark.png"), browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
    assertThat(Files.size(SHOTS.resolve("digest-light.png"))).isGreaterThan(10_000);
    assertThat(Files.size(SHOTS.resolve("digest-dark.png"))).isGreaterThan(10_000);
  }
}
