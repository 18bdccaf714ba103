package io.productopsdash.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.data.DigestRepository.Send;
import io.productopsdash.data.DigestRepository.Status;
import io.productopsdash.models.Survey;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest scheduler over a real SQLite file and a real SMTP server (GreenMail), driven by
 * {@link DigestScheduler#tick} with chosen instants: nothing before the sending time, once per
 * week and recipient across restarts, retries with backoff while SMTP is down and delivery once it
 * is back, interrupted sends reported as uncertain, and the outbox when no SMTP is configured.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DigestSchedulerIT {
  static final String ANN = "ann@example.com";
  static final String BOB = "bob@example.org";
  /** Monday of week 48, 07:30 in Berlin: before the 08:00 sending time. */
  static final Instant EARLY = Instant.parse("2026-11-23T06:30:00Z");

  @TempDir Path dataDir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private GreenMail smtp;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void sendsOncePerWeekAndRecipientAcrossARestart() throws Exception {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    int port = freePort();
    startSmtp(port);
    DigestSettings settings = smtpSettings(port, 3, Duration.ofMillis(10));
    Workspace first = workspace(settings);
    first.deps().digests().replaceSubscribers(stored.survey(), List.of(ANN, BOB));
    DigestScheduler scheduler = first.deps().digests().scheduler();

    DigestScheduler.TickReport early = scheduler.tick(EARLY);
    assertThat(early.due()).isFalse();
    assertThat(early.outcomes()).isEmpty();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(scheduler.sendingTime(DigestFixture.W47.plusWeeks(1))).isEqualTo(DigestFixture.MONDAY_W48.minusSeconds(3600));

    DigestScheduler.TickReport report = scheduler.tick(DigestFixture.MONDAY_W48);
    assertThat(report.due()).isTrue();
    assertThat(report.outcomes()).extracting(DigestSender.Outcome::sentNow).containsExactly(true, true);
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    // The next minute's tick finds both sent.
    assertThat(scheduler.tick(DigestFixture.MONDAY_W48.plusSeconds(60)).outcomes())
        .allMatch(o -> !o.sentNow() && o.status() == Status.SENT);
    first.close();
    open.remove(first);

    // A new process over the same file, later the same week: nothing is sent again.
    Workspace second = workspace(settings);
    DigestScheduler.TickReport again = second.deps().digests().scheduler().tick(DigestFixture.MONDAY_W48.plus(Duration.ofHours(30)));
    assertThat(again.week()).isEqualTo(DigestFixture.W47);
    assertThat(again.outcomes()).hasSize(2).allMatch(o -> !o.sentNow() && o.status() == Status.SENT && o.attempts() == 1);
    Thread.sleep(300);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(sends(second)).extracting(Send::status).containsExactly(Status.SENT, Status.SENT);

    // The next week is a new digest: week 48's, sent on Monday of week 49.
    DigestScheduler.TickReport next = second.deps().digests().scheduler().tick(DigestFixture.MONDAY_W48.plus(Duration.ofDays(7)));
    assertThat(next.week()).isEqualTo(DigestFixture.W47.plusWeeks(1));
    assertThat(next.outcomes()).hasSize(2).allMatch(DigestSender.Outcome::sentNow);
    assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(4);
  }

  @Test
  void whileSmtpIsDownItRetriesWithBackoffReportsTheFailureAndSendsOnceItIsBack() throws Exception {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    int port = freePort();
    DigestSettings settings = smtpSettings(port, 3, Duration.ofMillis(40));
    Workspace ws = workspace(settings);
    List<Duration> waits = new ArrayList<>();
    AtomicReference<Instant> now = new AtomicReference<>(DigestFixture.MONDAY_W48);
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return DigestFixture.ZONE;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    Digests digests = new Digests(ws.database(), clock, DigestFixture.ZONE, settings, dataDir, 0, waits::add);
    open.add(digests);
    digests.replaceSubscribers(stored.survey(), List.of(ANN));

    DigestScheduler.TickReport down = digests.scheduler().tick(DigestFixture.MONDAY_W48);
    DigestSender.Outcome failed = down.outcomes().get(0);
    assertThat(failed.sentNow()).isFalse();
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.error()).contains("Connect");
    // Exponential backoff between the three tries.
    assertThat(waits).containsExactly(Duration.ofMillis(40), Duration.ofMillis(80));
    Send row = sends(ws).get(0);
    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.attempts()).isEqualTo(3);
    assertThat(row.lastError()).contains("Connect");
    // The next round one minute later.
    assertThat(row.nextAttemptAt()).isEqualTo(DigestFixture.MONDAY_W48.plusSeconds(60));

    // Before the next attempt time nothing is tried; SMTP comes back.
    startSmtp(port);
    DigestScheduler.TickReport notYet = digests.scheduler().tick(DigestFixture.MONDAY_W48.plusSeconds(1));
    assertThat(notYet.outcomes()).extracting(DigestSender.Outcome::sentNow).containsExactly(false);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    now.set(DigestFixture.MONDAY_W48.plus(Duration.ofMinutes(2)));
    DigestScheduler.TickReport back = digests.scheduler().tick(now.get());
    assertThat(back.outcomes()).hasSize(1);
    assertThat(back.outcomes().get(0).sentNow()).isTrue();
    assertThat(back.outcomes().get(0).attempts()).isEqualTo(4);
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    Send sent = sends(ws).get(0);
    assertThat(sent.status()).isEqualTo(Status.SENT);
    assertThat(sent.attempts()).isEqualTo(4);
    assertThat(sent.messageId()).isEqualTo(smtp.getReceivedMessages()[0].getMessageID());
    // And never again.
    assertThat(digests.scheduler().tick(now.get().plus(Duration.ofHours(3))).outcomes())
        .allMatch(o -> !o.sentNow());
    Thread.sleep(300);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aSendInterruptedAfterItsClaimIsReportedUncertainAndNotResent() throws Exception {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    int port = freePort();
    startSmtp(port);
    Workspace ws = workspace(smtpSettings(port, 1, Duration.ZERO));
    ws.deps().digests().replaceSubscribers(stored.survey(), List.of(ANN, BOB));
    // A process claimed Ann's delivery and died before recording the outcome.
    Instant claimedAt = DigestFixture.MONDAY_W48;
    ws.database().write(c -> new DigestRepository().claim(c, stored.survey().seriesId(), DigestFixture.W47, ANN, stored.survey().id(), claimedAt));

    // Within the claim's lease it is left alone (its process may still be sending).
    DigestScheduler.TickReport soon = ws.deps().digests().scheduler().tick(claimedAt.plus(Duration.ofMinutes(5)));
    assertThat(soon.uncertain()).isEmpty();
    assertThat(soon.outcomes()).filteredOn(o -> o.recipient().equals(ANN)).extracting(DigestSender.Outcome::status)
        .containsExactly(Status.SENDING);

    DigestScheduler.TickReport later = ws.deps().digests().scheduler().tick(claimedAt.plus(Duration.ofMinutes(20)));
    assertThat(later.uncertain()).extracting(Send::recipient).containsExactly(ANN);
    assertThat(later.outcomes()).filteredOn(o -> o.recipient().equals(ANN)).extracting(DigestSender.Outcome::status)
        .containsExactly(Status.UNCERTAIN);
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    Thread.sleep(300);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(BOB));
    assertThat(sends(ws)).filteredOn(s -> s.recipient().equals(ANN)).extracting(Send::status).containsExactly(Status.UNCERTAIN);
  }

  @Test
  void withoutSmtpDigestsAreWrittenToTheOutboxAsParseableEmlFiles() throws Exception {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    Workspace ws = workspace(DigestSettings.DEFAULTS);
    Survey survey = stored.survey();
    ws.deps().digests().replaceSubscribers(survey, List.of(ANN));
    DigestScheduler.TickReport report = ws.deps().digests().scheduler().tick(DigestFixture.MONDAY_W48);
    assertThat(report.outcomes()).hasSize(1);
    assertThat(report.outcomes().get(0).sentNow()).isTrue();

    Path outbox = dataDir.resolve(Digests.OUTBOX_FOLDER);
    List<Path> files;
    try (Stream<Path> s = Files.list(outbox)) {
      files = s.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).startsWith("ann_example.com_digest." + survey.seriesId() + ".2026-W47.").endsWith(".eml");
    MimeMessage m;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      m = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(m.getSubject()).isEqualTo("ProductOpsDash digest: " + DigestFixture.SURVEY_NAME + ", 2026-W47: mean 5.80 (+1.80)");
    assertThat(m.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(ANN));
    assertThat(m.getFrom()).containsExactly(new InternetAddress(DigestSettings.DEFAULT_FROM));
    assertThat(m.getMessageID()).isEqualTo(sends(ws).get(0).messageId());
    assertThat(m.getSentDate().toInstant()).isEqualTo(DigestFixture.MONDAY_W48);
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(m.isMimeType("multipart/alternative")).isTrue();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat((String) parts.getBodyPart(0).getContent()).contains("- Mean score: 5.80");
    assertThat((String) parts.getBodyPart(1).getContent()).contains("&lt;script&gt;");
    // Links default to this host.
    assertThat((String) parts.getBodyPart(0).getContent()).contains("http://localhost:0/app/overview?surveyId=" + survey.id());
    // A second tick writes nothing more.
    ws.deps().digests().scheduler().tick(DigestFixture.MONDAY_W48.plusSeconds(3600));
    try (Stream<Path> s = Files.list(outbox)) {
      assertThat(s.count()).isEqualTo(1);
    }
  }

  private Workspace workspace(DigestSettings settings) {
    Clock clock = Clock.fixed(DigestFixture.MONDAY_W48, DigestFixture.ZONE);
    Workspace ws = Workspace.open(new ServerConfig(0, dataDir, "digest-test-admin-token-3f9a", DigestFixture.ZONE, List.of(), settings), clock);
    open.add(ws);
    return ws;
  }

  private static List<Send> sends(Workspace ws) {
    return ws.deps().digests().sends(null, null);
  }

  private static DigestSettings smtpSettings(int port, int attempts, Duration backoff) {
    return DigestSettings.DEFAULTS.withSmtp(new SmtpSettings("127.0.0.1", port, null, null, false, false)).withRetries(attempts, backoff);
  }

  private void startSmtp(int port) {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
