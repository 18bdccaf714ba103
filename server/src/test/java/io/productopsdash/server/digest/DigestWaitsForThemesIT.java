package io.productopsdash.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.data.ThemeRunRepository.Status;
import io.productopsdash.data.ThemeRunRepository.Trigger;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import io.productopsdash.server.themes.ThemeRuns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest of a closed week waits for that week's last theme run: a comment of Sunday night not
 * yet themed is themed by a "finalise" run that ends before the digest is sent (order from the run
 * log and the send log, on a clock that moves a millisecond per reading); with the schedule off,
 * the digest says it is composed from an earlier run and how many comments it left out.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DigestWaitsForThemesIT {
  static final String TOKEN = "digest-themes-admin-token-77a1";
  /** Sunday 22 November 2026, 21:00 in Berlin: the last evening of week 47. */
  static final Instant SUNDAY_NIGHT = Instant.parse("2026-11-22T20:00:00Z");

  @TempDir Path dataDir;

  /** A clock that moves one millisecond each time it is read, so every recorded time is distinct. */
  static final class SteppingClock extends Clock {
    private final AtomicLong millis;

    SteppingClock(Instant start) {
      this.millis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public ZoneId getZone() {
      return DigestFixture.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndIncrement());
    }
  }

  private DigestFixture.Stored storeWithALateComment() {
    DigestFixture.Stored stored = DigestFixture.store(dataDir);
    try (Database db = Database.open(dataDir)) {
      db.write(c -> new AnswerRepository().insert(
          c, "r-late", stored.survey().id(), "late", DigestFixture.W47, 2, "Login failed again on Sunday night", "en", null,
          SUNDAY_NIGHT));
    }
    return stored;
  }

  @Test
  void theClosedWeekIsFinalisedBeforeItsDigestIsSent() {
    DigestFixture.Stored stored = storeWithALateComment();
    ServerConfig config = new ServerConfig(0, dataDir, TOKEN, DigestFixture.ZONE, List.of(), DigestSettings.DEFAULTS);
    try (Workspace ws = Workspace.open(config, new SteppingClock(DigestFixture.MONDAY_W48))) {
      Digests digests = ws.deps().digests();
      digests.replaceSubscribers(stored.survey(), List.of("ann@example.com"));
      assertThat(ws.deps().themeRuns().waiting(DigestFixture.W47)).containsEntry(stored.survey().seriesId(), 1);

      DigestScheduler.TickReport report = digests.scheduler().tick(DigestFixture.MONDAY_W48);
      assertThat(report.due()).isTrue();
      assertThat(report.outcomes()).extracting(DigestSender.Outcome::sentNow).containsExactly(true);

      List<ThemeRuns.RunView> runs = ws.deps().themeRuns().recent(null, 10);
      assertThat(runs).hasSize(1);
      var run = runs.get(0).run();
      assertThat(run.trigger()).isEqualTo(Trigger.FINALISE);
      assertThat(run.week()).isEqualTo(DigestFixture.W47);
      assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(run.answers()).isEqualTo(6);
      List<DigestRepository.Send> sends = digests.sends(null, DigestFixture.W47);
      assertThat(sends).hasSize(1);
      assertThat(run.finishedAt()).as("the run ended before the digest was sent").isBefore(sends.get(0).sentAt());
      assertThat(ws.deps().themeRuns().waiting(DigestFixture.W47)).isEmpty();
      assertThat(digests.sender().render(stored.survey(), DigestFixture.W47).text()).doesNotContain("Composed from");
    }
  }

  @Test
  void withTheScheduleOffTheDigestSaysItIsFromAnEarlierRun() {
    DigestFixture.Stored stored = storeWithALateComment();
    ServerConfig config =
        new ServerConfig(0, dataDir, TOKEN, DigestFixture.ZONE, List.of(), DigestSettings.DEFAULTS, Duration.ZERO);
    try (Workspace ws = Workspace.open(config, new SteppingClock(DigestFixture.MONDAY_W48))) {
      Digests digests = ws.deps().digests();
      digests.replaceSubscribers(stored.survey(), List.of("ann@example.com"));
      digests.scheduler().tick(DigestFixture.MONDAY_W48);
      assertThat(ws.deps().themeRuns().recent(null, 10)).isEmpty();
      assertThat(digests.sends(null, DigestFixture.W47)).extracting(DigestRepository.Send::status)
          .containsExactly(DigestRepository.Status.SENT);
      String text = digests.sender().render(stored.survey(), DigestFixture.W47).text();
      assertThat(text).contains("! Composed from an earlier theme run: 1 comment of the week had not been themed when this digest was sent.");
    }
  }
}
