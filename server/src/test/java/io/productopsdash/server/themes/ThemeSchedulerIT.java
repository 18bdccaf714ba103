package io.productopsdash.server.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRunRepository.Run;
import io.productopsdash.data.ThemeRunRepository.Status;
import io.productopsdash.data.ThemeRunRepository.Trigger;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme scheduler over a real SQLite file and the real theme pipeline (CoreNLP, MiniLM),
 * driven by {@link ThemeScheduler#tick} with chosen instants: a comment at 10:05 is themed by the
 * 11:00 run and not before; nothing runs when nothing new arrived; two overlapping triggers give
 * one run; a failing run is logged and retried at the next interval.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ThemeSchedulerIT {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final WeekId W47 = WeekId.parse("2026-W47");
  /** Wednesday 18 November 2026, 10:00 in Berlin. */
  static final Instant TEN = Instant.parse("2026-11-18T09:00:00Z");

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aCommentAt1005IsThemedByThe1100RunAndNothingRunsWithoutNewComments() {
    Database db = open();
    Survey survey = survey(db);
    AtomicInteger calls = new AtomicInteger();
    ThemeRuns.Runner pipeline = PipelineRunner.over(db, Clock.fixed(TEN, ZONE), null, null);
    ThemeRuns runs = runs(db, (s, w, p) -> {
      calls.incrementAndGet();
      return pipeline.run(s, w, p);
    });
    ThemeScheduler scheduler = new ThemeScheduler(runs, Clock.fixed(TEN, ZONE), ZONE, Duration.ofHours(1));

    ThemeScheduler.TickReport atTen = scheduler.tick(TEN);
    assertThat(atTen.checked()).isTrue();
    assertThat(atTen.runs()).isEmpty();

    Answer a = comment(db, survey, "u1", 2, "Swaps keep failing with a timeout error", TEN.plus(Duration.ofMinutes(5)));
    assertThat(runs.waiting(W47)).containsEntry(survey.seriesId(), 1);
    assertThat(scheduler.tick(TEN.plus(Duration.ofMinutes(6))).checked()).as("10:06 is in the slot checked at 10:00").isFalse();
    assertThat(scheduler.tick(TEN.plus(Duration.ofMinutes(59))).runs()).isEmpty();
    assertThat(calls).hasValue(0);
    assertThat(assigned(db, a.id())).as("not themed before 11:00").isFalse();

    ThemeScheduler.TickReport atEleven = scheduler.tick(TEN.plus(Duration.ofHours(1)));
    assertThat(atEleven.runs()).hasSize(1);
    Run run = atEleven.runs().get(0);
    assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE);
    assertThat(run.week()).isEqualTo(W47);
    assertThat(run.answers()).isEqualTo(1);
    assertThat(assigned(db, a.id())).as("themed (or unclustered) by the 11:00 run").isTrue();
    assertThat(runs.waiting(W47)).isEmpty();

    ThemeScheduler.TickReport atTwelve = scheduler.tick(TEN.plus(Duration.ofHours(2)));
    assertThat(atTwelve.checked()).isTrue();
    assertThat(atTwelve.runs()).as("nothing new arrived").isEmpty();
    assertThat(calls).hasValue(1);
    assertThat(runs.recent(null, 10)).hasSize(1);
  }

  @Test
  void twoOverlappingTriggersGiveOneRun() throws Exception {
    Database db = open();
    Survey survey = survey(db);
    comment(db, survey, "u1", 3, "The seed phrase backup screen is confusing", TEN.minus(Duration.ofMinutes(30)));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    ThemeRuns.Runner pipeline = PipelineRunner.over(db, Clock.fixed(TEN, ZONE), null, null);
    ThemeRuns runs = runs(db, (s, w, p) -> {
      calls.incrementAndGet();
      started.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return pipeline.run(s, w, p);
    });
    ThemeScheduler scheduler = new ThemeScheduler(runs, Clock.fixed(TEN, ZONE), ZONE, Duration.ofHours(1));

    ThemeRuns.Started manual = runs.start(survey.seriesId(), W47, Trigger.MANUAL);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runs.running(survey.seriesId())).get().extracting(v -> v.run().id()).isEqualTo(manual.run().id());
    // A second "Run now" is refused, naming the run that is going.
    assertThatThrownBy(() -> runs.start(survey.seriesId(), W47, Trigger.MANUAL))
        .isInstanceOf(ThemeRunConflictException.class)
        .satisfies(e -> assertThat(((ThemeRunConflictException) e).running().id()).isEqualTo(manual.run().id()));
    // The scheduler's tick at the same time joins the run instead of starting another.
    CompletableFuture<ThemeScheduler.TickReport> tick = CompletableFuture.supplyAsync(() -> scheduler.tick(TEN));
    Thread.sleep(300);
    release.countDown();
    ThemeScheduler.TickReport report = tick.get(300, TimeUnit.SECONDS);
    manual.outcome().get(300, TimeUnit.SECONDS);

    assertThat(report.runs()).extracting(Run::id).containsExactly(manual.run().id());
    assertThat(calls).hasValue(1);
    assertThat(runs.recent(survey.seriesId(), 10)).hasSize(1);
    assertThat(runs.recent(survey.seriesId(), 10).get(0).run().status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aFailingRunIsLoggedAndRetriedAtTheNextInterval() {
    Database db = open();
    Survey survey = survey(db);
    Answer a = comment(db, survey, "u1", 2, "Withdrawals to my bank take days", TEN.minus(Duration.ofMinutes(10)));
    AtomicInteger calls = new AtomicInteger();
    ThemeRuns.Runner pipeline = PipelineRunner.over(db, Clock.fixed(TEN, ZONE), null, null);
    ThemeRuns runs = runs(db, (s, w, p) -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("embedding model missing");
      }
      return pipeline.run(s, w, p);
    });
    ThemeScheduler scheduler = new ThemeScheduler(runs, Clock.fixed(TEN, ZONE), ZONE, Duration.ofHours(1));

    Run failed = scheduler.tick(TEN).runs().get(0);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error()).contains("embedding model missing");
    assertThat(failed.finishedAt()).isNotNull();
    assertThat(runs.waiting(W47)).as("its comment still waits").containsEntry(survey.seriesId(), 1);
    assertThat(scheduler.tick(TEN.plus(Duration.ofMinutes(30))).runs()).as("not retried within the slot").isEmpty();

    Run retried = scheduler.tick(TEN.plus(Duration.ofHours(1))).runs().get(0);
    assertThat(retried.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(assigned(db, a.id())).isTrue();
    assertThat(runs.recent(survey.seriesId(), 10))
        .extracting(v -> v.run().status())
        .containsExactly(Status.SUCCEEDED, Status.FAILED);
  }

  @Test
  void anIntervalOfZeroRunsNothing() {
    Database db = open();
    Survey survey = survey(db);
    comment(db, survey, "u1", 2, "Fees are too high", TEN);
    ThemeRuns runs = runs(db, (s, w, p) -> {
      throw new AssertionError("no run expected");
    });
    ThemeScheduler off = new ThemeScheduler(runs, Clock.fixed(TEN, ZONE), ZONE, Duration.ZERO);
    assertThat(off.tick(TEN.plus(Duration.ofHours(3))).checked()).isFalse();
    ThemeScheduler.Finalised f = off.finalise(survey.seriesId(), W47);
    assertThat(f.complete()).isFalse();
    assertThat(f.waiting()).isEqualTo(1);
    assertThat(runs.recent(null, 10)).isEmpty();
    assertThatThrownBy(() -> new ThemeScheduler(runs, Clock.fixed(TEN, ZONE), ZONE, Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theme interval");
  }

  private Database open() {
    Database db = Database.open(dir);
    open.add(db);
    return db;
  }

  private ThemeRuns runs(Database db, ThemeRuns.Runner runner) {
    ThemeRuns runs = new ThemeRuns(db, Clock.fixed(TEN, ZONE), runner);
    open.add(runs);
    return runs;
  }

  static Survey survey(Database db) {
    return db.write(c -> new SurveyRepository().insertNew(
        c,
        new SurveyDraft(
            "Wallet CSAT", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, null, null, 2), "How can we make it better?",
            1.0, 4, true),
        TEN.minus(Duration.ofDays(30))));
  }

  static Answer comment(Database db, Survey survey, String user, int score, String text, Instant at) {
    return db.write(c -> new AnswerRepository().insert(
        c, "r-" + user + "-" + at.toEpochMilli(), survey.id(), user, WeekId.of(at, ZONE), score, text, "en", null, at));
  }

  /* Whether a run placed the answer in a theme or in the unclustered bucket of its week. */
  static boolean assigned(Database db, long answerId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT (SELECT COUNT(*) FROM answer_themes WHERE answer_id = ?) + (SELECT COUNT(*) FROM answer_unclustered WHERE answer_id = ?)")) {
        ps.setLong(1, answerId);
        ps.setLong(2, answerId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1) > 0;
        }
      }
    });
  }
}
