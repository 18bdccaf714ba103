package io.productopsdash.server.http;

import static io.productopsdash.server.http.ApiTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.productopsdash.engine.digest.Digest;
import io.productopsdash.models.Significance;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.server.digest.DigestFixture;
import io.productopsdash.server.digest.DigestScheduler;
import io.productopsdash.server.digest.DigestSettings;
import io.productopsdash.server.digest.SmtpSettings;
import io.productopsdash.server.http.ApiTestServer.Reply;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly digest end to end over a real SQLite fixture ({@link DigestFixture}) and a real SMTP
 * server (GreenMail): the scheduler sends week 2026-W47's digest on Monday of week 48, and the
 * message's numbers are the API's for that week (and the hand-computed ones); plus the
 * subscribers, preview and send-log endpoints and their errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DigestApiIT {
  static final String FROM = "Ops Digest <digest@ops.example.com>";
  static final String ANN = "ann@example.com";
  static final String BOB = "Bob@Example.org";

  private Path dataDir;
  private GreenMail smtp;
  private ApiTestServer server;
  private DigestFixture.Stored stored;
  private DigestScheduler.TickReport sent;

  @BeforeAll
  void sendTheDigest(@TempDir Path dir) throws IOException {
    dataDir = dir;
    stored = DigestFixture.store(dataDir);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    DigestSettings settings =
        new DigestSettings(
            new SmtpSettings("127.0.0.1", port, null, null, false, false),
            FROM,
            "https://ops.example.com/",
            DayOfWeek.MONDAY,
            8,
            3,
            Duration.ofMillis(10));
    server = ApiTestServer.start(dataDir, List.of(), settings);
    Reply put =
        server.admin(
            "PUT", "/api/v1/surveys/" + stored.survey().id() + "/digest-subscribers",
            "{\"subscribers\":[\"" + ANN + "\",\" " + BOB + " \",\"ANN@example.com\"]}");
    assertThat(put.status()).as("%s", put).isEqualTo(200);
    server.clock.set(DigestFixture.MONDAY_W48);
    sent = server.digests().scheduler().tick(DigestFixture.MONDAY_W48);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void subscribersAreStoredOncePerAddressIgnoringCase() {
    Reply r = server.admin("GET", "/api/v1/surveys/" + stored.survey().id() + "/digest-subscribers", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getAsJsonArray("subscribers").toString()).isEqualTo("[\"" + ANN + "\",\"" + BOB + "\"]");
    assertThat(r.json().get("seriesId").getAsLong()).isEqualTo(stored.survey().seriesId());
  }

  @Test
  void theMessageArrivesWithBothPartsSubjectRecipientsAndHeaders() throws Exception {
    assertThat(sent.due()).isTrue();
    assertThat(sent.week()).isEqualTo(DigestFixture.W47);
    assertThat(sent.outcomes()).hasSize(2).allMatch(o -> o.sentNow() && o.attempts() == 1);
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    MimeMessage[] messages = smtp.getReceivedMessages();
    assertThat(messages).hasSize(2);
    MimeMessage m = toAnn(messages);

    assertThat(m.getSubject())
        .isEqualTo("ProductOpsDash digest: Wallet CSAT <beta> & \"friends\", 2026-W47: mean 5.80 (+1.80)");
    assertThat(m.getFrom()).containsExactly(new InternetAddress(FROM));
    assertThat(m.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(ANN));
    assertThat(m.getRecipients(Message.RecipientType.CC)).isNull();
    assertThat(m.getSentDate().toInstant()).isEqualTo(DigestFixture.MONDAY_W48);
    assertThat(m.getHeader("Date", null)).isNotBlank();
    assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    String messageId = m.getMessageID();
    assertThat(messageId).matches("<digest\\." + stored.survey().seriesId() + "\\.2026-W47\\.[0-9a-f-]{36}@ops\\.example\\.com>");
    assertThat(m.isMimeType("multipart/alternative")).isTrue();
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(0).getContentType().toLowerCase(Locale.ROOT)).contains("charset=utf-8");
    MimeMessage toBob = Arrays.stream(messages).filter(x -> !x.equals(m)).findFirst().orElseThrow();
    assertThat(toBob.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(BOB));
    assertThat(toBob.getMessageID()).isNotEqualTo(messageId);

    // The send log knows the same Message-ID.
    JsonArray log = server.admin("GET", "/api/v1/digests/sends?surveyId=" + stored.survey().id(), null).json()
        .getAsJsonArray("sends");
    assertThat(log).hasSize(2);
    JsonObject annRow = null;
    for (var e : log) {
      if (e.getAsJsonObject().get("recipient").getAsString().equals(ANN)) {
        annRow = e.getAsJsonObject();
      }
    }
    assertThat(annRow).isNotNull();
    assertThat(annRow.get("status").getAsString()).isEqualTo("sent");
    assertThat(annRow.get("attempts").getAsInt()).isEqualTo(1);
    assertThat(annRow.get("week").getAsString()).isEqualTo("2026-W47");
    assertThat(annRow.get("messageId").getAsString()).isEqualTo(messageId);
    assertThat(annRow.get("sentAt").getAsString()).isEqualTo(DigestFixture.MONDAY_W48.toString());
  }

  @Test
  void theNumbersInTheMessageAreTheApisAndTheHandComputedOnes() throws Exception {
    String text = part(toAnn(received()), 0);
    long id = stored.survey().id();
    JsonObject w47 =
        server.admin("GET", "/api/v1/surveys/" + id + "/scores?from=2026-W46&to=2026-W47", null).json()
            .getAsJsonArray("weeks").get(1).getAsJsonObject();
    JsonObject score = w47.getAsJsonObject("score");
    JsonObject change = w47.getAsJsonObject("change");
    double mean = score.get("mean").getAsDouble();
    JsonObject meanCi = score.getAsJsonObject("meanCi");
    // Hand-computed: (7+7+6+5+4)/5 = 5.8 against (6+5+3+2)/4 = 4.0; top box 3/5 against 1/4; 5 of 6 shown.
    assertThat(mean).isEqualTo(5.8);
    assertThat(change.get("meanDelta").getAsDouble()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(score.get("topBox").getAsDouble()).isEqualTo(0.6);
    assertThat(w47.get("responseRate").getAsDouble()).isEqualTo(5.0 / 6);
    assertThat(text)
        .contains("Too few answers: 5 this week and 4 the week before (fewer than 30)")
        .contains(
            String.format(
                Locale.ROOT, "- Answers: %d; 2026-W46: 4; change +1", score.get("n").getAsInt()))
        .contains(
            String.format(
                Locale.ROOT,
                "- Mean score: %.2f (95%% CI %.2f \u2013 %.2f); 2026-W46: 4.00; change %+.2f (p = %.3f, %s)",
                mean, meanCi.get("low").getAsDouble(), meanCi.get("high").getAsDouble(),
                change.get("meanDelta").getAsDouble(), change.get("meanPValue").getAsDouble(),
                Significance.valueOf(change.get("meanVerdict").getAsString()).words()))
        // Fewer than 30 answers in both weeks: the one rule says "too few answers", whatever p is.
        .contains("change +1.80 (p = 0.154, too few answers)")
        .contains("- Mean score: 5.80")
        .contains(
            String.format(
                Locale.ROOT, "- Top box: %.1f%% (95%% CI %.1f%% \u2013 %.1f%%); 2026-W46: 25.0%%; change %+.1f pp (p = %.3f",
                score.get("topBox").getAsDouble() * 100,
                score.getAsJsonObject("topBoxCi").get("low").getAsDouble() * 100,
                score.getAsJsonObject("topBoxCi").get("high").getAsDouble() * 100,
                change.get("topBoxDelta").getAsDouble() * 100,
                change.get("topBoxPValue").getAsDouble()))
        .contains("- Top box: 60.0%")
        .contains("- Response rate: 83.3% (5 of 6 shown); 2026-W46: 80.0%; change +3.3 pp");
    assertThat(change.get("meanVerdict").getAsString()).isEqualTo("TOO_FEW_ANSWERS");

    // Themes as the themes endpoint gives them, in its order.
    JsonArray themes =
        server.admin("GET", "/api/v1/themes?surveyId=" + id + "&week=2026-W47", null).json().getAsJsonArray("themes");
    assertThat(themes).hasSize(3);
    assertThat(text).contains("Of 5 commented answers clustered this week.");
    String[] changes = {
      "-1 vs 2026-W46, share stable (no significant change) (p = 0.620)", "not in 2026-W46, new",
      "+0 vs 2026-W46, share stable (no significant change) (p = 0.810)"
    };
    int at = 0;
    for (int i = 0; i < 3; i++) {
      JsonObject t = themes.get(i).getAsJsonObject();
      String line =
          String.format(
              Locale.ROOT, "- %s: %d answer%s (%.1f%%), %s", t.get("label").getAsString(), t.get("size").getAsInt(),
              t.get("size").getAsInt() == 1 ? "" : "s", t.get("share").getAsDouble() * 100, changes[i]);
      int found = text.indexOf(line);
      assertThat(found).as("theme line %s in\n%s", line, text).isGreaterThan(at);
      at = found;
    }
    assertThat(text)
        .contains("- login trouble: 2 answers (40.0%)")
        .contains("  \"" + DigestFixture.QUOTE + "\"")
        .contains("New this week:\n- dark mode (2 answers) https://ops.example.com/app/themes/" + stored.darkModeTheme()
            + "?surveyId=" + id + "&week=2026-W47");

    // Feature requests as the API counts them.
    JsonArray requests =
        server.admin("GET", "/api/v1/feature-requests?surveyId=" + id, null).json().getAsJsonArray("featureRequests");
    JsonObject first = requests.get(0).getAsJsonObject();
    assertThat(text)
        .contains(String.format(Locale.ROOT, "- %s (new): %d requesters, 2 this week, %d in all",
            first.get("name").getAsString(), first.get("requesters").getAsInt(), first.get("answers").getAsInt()))
        .contains("- dark mode (new): 2 requesters, 2 this week, 2 in all")
        .contains("- cheaper plan (new): 2 requesters, 1 this week, 2 in all");

    // Acquisition and onboarding as the metrics endpoints give them for the same instant.
    String range = "?from=2026-W46&to=2026-W47&asOf=" + DigestFixture.MONDAY_W48;
    JsonArray signups = server.admin("GET", "/api/v1/metrics/acquisition" + range, null).json().getAsJsonArray("weeks");
    JsonObject cohort =
        server.admin("GET", "/api/v1/metrics/onboarding" + range, null).json().getAsJsonArray("cohorts").get(1)
            .getAsJsonObject();
    assertThat(text)
        .contains(String.format(Locale.ROOT, "- Signups: %d; 2026-W46: %d; change +2",
            signups.get(1).getAsJsonObject().get("signups").getAsLong(), signups.get(0).getAsJsonObject().get("signups").getAsLong()))
        .contains("- Signups: 2; 2026-W46: 0; change +2")
        .contains("- Signups: 2; 2026-W46: 0; change +2");
    // W47's cohort has had 7 of its 30 days: shown as in progress, never compared as a change. The
    // comparison is of the newest complete cohorts (W42 against W41, windows closed by the Monday).
    assertThat(cohort.get("complete").getAsBoolean()).isFalse();
    assertThat(text)
        .contains(String.format(Locale.ROOT, "Cohort 2026-W47 is in progress (its 30-day window closes 2026-12-23): %d signups, %d converted so far; not compared.",
            cohort.get("users").getAsLong(), cohort.get("converted").getAsLong()))
        .contains("Cohort 2026-W47 is in progress (its 30-day window closes 2026-12-23): 2 signups, 1 converted so far; not compared.")
        .contains("Onboarding compares the newest complete cohorts, those whose 30-day conversion window has closed: 2026-W42 against 2026-W41.")
        .contains("- Conversion to first transaction: \u2013 (0 of 0); Cohort 2026-W41: \u2013; change \u2013")
        .doesNotContain("Median time to first transaction: 0.7 h");

    // The model behind it holds the API's numbers exactly (one source each).
    Digest d = server.digests().composer().compose(stored.survey(), DigestFixture.W47, DigestFixture.MONDAY_W48);
    WeeklyScore s = d.score();
    assertThat(s.score().mean()).isEqualTo(mean);
    assertThat(s.score().meanCi().low()).isEqualTo(meanCi.get("low").getAsDouble());
    assertThat(s.score().meanCi().high()).isEqualTo(meanCi.get("high").getAsDouble());
    assertThat(s.change().meanPValue()).isEqualTo(change.get("meanPValue").getAsDouble());
    assertThat(s.change().topBoxPValue()).isEqualTo(change.get("topBoxPValue").getAsDouble());
    assertThat(s.responseRate()).isEqualTo(w47.get("responseRate").getAsDouble());
    assertThat(d.themes()).extracting(Digest.ThemeItem::themeId)
        .containsExactly(stored.loginTheme(), stored.darkModeTheme(), stored.pricingTheme());
    assertThat(d.onboarding().week()).isEqualTo(WeekId.parse("2026-W42"));
    assertThat(d.onboarding().complete()).isTrue();
    assertThat(d.previousOnboarding().week()).isEqualTo(WeekId.parse("2026-W41"));
    assertThat(d.cohortInProgress().converted()).isEqualTo(cohort.get("converted").getAsLong());
    assertThat(d.cohortInProgress().hoursToFirstTransaction().median())
        .isEqualTo(cohort.getAsJsonObject("hoursToFirstTransaction").get("median").getAsDouble());
  }

  @Test
  void userTextIsEscapedInTheHtmlPartAndLinksPointIntoTheDashboard() throws Exception {
    String html = part(toAnn(received()), 1);
    long id = stored.survey().id();
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;&#47;script&gt;".replace("&#47;", "/"))
        .contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;")
        .contains("Wallet CSAT &lt;beta&gt; &amp; &quot;friends&quot;")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("onerror=")
        .doesNotContain("src=\"http")
        .contains("<meta name=\"color-scheme\" content=\"light dark\">")
        .contains("<meta name=\"supported-color-schemes\" content=\"light dark\">")
        .contains("href=\"https://ops.example.com/app/overview?surveyId&#61;" + id + "&amp;week&#61;2026-W47\"")
        .contains("href=\"https://ops.example.com/app/themes/" + stored.loginTheme() + "?surveyId&#61;" + id
            + "&amp;week&#61;2026-W47\"")
        .contains("href=\"https://ops.example.com/app/feature-requests?surveyId&#61;" + id + "\"")
        .contains("href=\"https://ops.example.com/app/acquisition?from&#61;2026-W47&amp;to&#61;2026-W47\"")
        .contains("href=\"https://ops.example.com/app/onboarding?from&#61;2026-W47&amp;to&#61;2026-W47\"");
    // The text part shows the comment as written: it is plain text.
    assertThat(part(toAnn(received()), 0)).contains(DigestFixture.SCRIPT).contains(DigestFixture.IMG);
  }

  @Test
  void badSubscriberAddressesAreRefusedByNameAndNothingChanges() {
    String path = "/api/v1/surveys/" + stored.survey().id() + "/digest-subscribers";
    String rule = assertError(server.admin("PUT", path, "{\"subscribers\":[\"ok@example.com\",\"not an email\"]}"), 400, "subscribers");
    assertThat(rule).contains("item 1").contains("'not an email'");
    rule = assertError(server.admin("PUT", path, "{\"subscribers\":[\"evil@example.com\\r\\nBcc: all@example.com\"]}"), 400, "subscribers");
    assertThat(rule).contains("item 0");
    assertThat(assertError(server.admin("PUT", path, "{\"subscribers\":[\"Ann <ann@example.com>\"]}"), 400, "subscribers"))
        .contains("'Ann <ann@example.com>'");
    assertThat(assertError(server.admin("PUT", path, "{\"subscribers\":[\"ann@localhost\"]}"), 400, "subscribers"))
        .contains("'ann@localhost'");
    assertError(server.admin("PUT", path, "{\"subscribers\":[42]}"), 400, "subscribers");
    assertError(server.admin("PUT", path, "{}"), 400, "subscribers");
    assertError(server.admin("PUT", path, "{\"emails\":[]}"), 400, "emails");
    assertError(server.admin("PUT", "/api/v1/surveys/999/digest-subscribers", "{\"subscribers\":[]}"), 404, null);
    assertError(server.admin("GET", "/api/v1/surveys/x/digest-subscribers", null), 400, "id");
    assertError(server.send("GET", path, null, null), 401, null);
    assertThat(server.admin("GET", path, null).json().getAsJsonArray("subscribers")).hasSize(2);
  }

  @Test
  void thePreviewIsTheHtmlPartAndBadParametersAreNamed() {
    long id = stored.survey().id();
    Reply r = server.admin("GET", "/api/v1/digests/preview?surveyId=" + id + "&week=2026-W47", null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.header("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.header("Content-Security-Policy").orElse("")).contains("default-src 'none'").contains("sandbox");
    assertThat(r.body()).contains("<h1").contains("Wallet CSAT &lt;beta&gt;").contains("&lt;script&gt;").doesNotContain("<script");
    // Without a week: the last complete one (the clock is in week 48).
    assertThat(server.admin("GET", "/api/v1/digests/preview?surveyId=" + id, null).body()).contains("Week 2026-W47 compared with 2026-W46");

    assertThat(assertError(server.admin("GET", "/api/v1/digests/preview?surveyId=" + id + "&week=2026-W99", null), 400, "week"))
        .contains("1..53");
    assertError(server.admin("GET", "/api/v1/digests/preview?surveyId=" + id + "&week=soon", null), 400, "week");
    assertError(server.admin("GET", "/api/v1/digests/preview?surveyId=abc&week=2026-W47", null), 400, "surveyId");
    assertError(server.admin("GET", "/api/v1/digests/preview?week=2026-W47", null), 400, "surveyId");
    assertError(server.admin("GET", "/api/v1/digests/preview?surveyId=999&week=2026-W47", null), 404, null);
    assertError(server.send("GET", "/api/v1/digests/preview?surveyId=" + id, null, null), 401, null);
    assertError(server.admin("GET", "/api/v1/digests/sends?status=lost", null), 400, "status");
    assertThat(server.admin("GET", "/api/v1/digests/sends?status=failed", null).json().getAsJsonArray("sends")).isEmpty();
  }

  private MimeMessage[] received() {
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    return smtp.getReceivedMessages();
  }

  private static MimeMessage toAnn(MimeMessage[] messages) throws Exception {
    for (MimeMessage m : messages) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(ANN)) {
        return m;
      }
    }
    throw new AssertionError("no message to " + ANN);
  }

  private static String part(MimeMessage m, int index) throws Exception {
    // SMTP carries CRLF line ends; compare with the templates' LF.
    return ((String) ((MimeMultipart) m.getContent()).getBodyPart(index).getContent()).replace("\r\n", "\n");
  }
}
