package io.productopsdash.server.themes;

import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRunRepository;
import io.productopsdash.data.ThemeRunRepository.Run;
import io.productopsdash.data.ThemeRunRepository.Status;
import io.productopsdash.data.ThemeRunRepository.Trigger;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every theme run of a serving process goes through here, whoever starts it (the scheduler, the
 * digest's wait for a closed week, the dashboard's "Run now", the API): at most one run per series
 * at a time, each logged in {@code theme_runs} with its trigger, status, duration and error, and
 * its progress kept in memory while it runs. Runs execute one after another on one worker thread
 * (a run uses both cores of the target machine already). Runs left "running" by a stopped process
 * are marked interrupted when this opens.
 */
public final class ThemeRuns implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeRuns.class);

  /** Runs the theme pipeline of one series' week; what the process does for each run. */
  @FunctionalInterface
  public interface Runner {
    WeeklyThemeRun.Result run(long seriesId, WeekId week, WeeklyThemeRun.Progress progress);
  }

  /** Where a running run is: its stage and how far into it. */
  public record Progress(String stage, int done, int total) {}

  /** A run as listed: the log row, and its progress while it runs (else null). */
  public record RunView(Run run, Progress progress) {
    /** How long it took (or has taken so far, at {@code now}). */
    public Duration duration(java.time.Instant now) {
      return Duration.between(run.startedAt(), run.finishedAt() == null ? now : run.finishedAt());
    }
  }

  /** A run started: its row, and the future of its outcome (completed exceptionally when it failed). */
  public record Started(Run run, CompletableFuture<WeeklyThemeRun.Result> outcome) {}

  private final Database db;
  private final Clock clock;
  private final Runner runner;
  private final ThemeRunRepository log = new ThemeRunRepository();
  private final ExecutorService worker;
  /* The running run of each series; guarded by itself. */
  private final Map<Long, Active> active = new HashMap<>();

  private static final class Active {
    final Run run;
    final CompletableFuture<WeeklyThemeRun.Result> outcome = new CompletableFuture<>();
    volatile Progress progress = new Progress("queued", 0, 0);

    Active(Run run) {
      this.run = run;
    }
  }

  public ThemeRuns(Database db, Clock clock, Runner runner) {
    this.db = db;
    this.clock = clock;
    this.runner = runner;
    int interrupted = db.write(c -> log.markInterrupted(c, clock.instant()));
    if (interrupted > 0) {
      LOG.warn("{} theme run(s) were still running when the process stopped; marked interrupted", interrupted);
    }
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "theme-runs");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a run of {@code seriesId}'s {@code week}.
   *
   * @throws ThemeRunConflictException when a run of the series is going, naming it
   */
  public Started start(long seriesId, WeekId week, Trigger trigger) {
    Active a;
    synchronized (active) {
      Active going = active.get(seriesId);
      if (going != null) {
        throw new ThemeRunConflictException(going.run);
      }
      Run run = db.write(c -> log.insertRunning(c, seriesId, week, trigger, clock.instant()));
      a = new Active(run);
      active.put(seriesId, a);
    }
    worker.execute(() -> execute(a));
    return new Started(a.run, a.outcome);
  }

  /** As {@link #start}, but joins the run already going for the series instead of refusing. */
  public Started startOrJoin(long seriesId, WeekId week, Trigger trigger) {
    synchronized (active) {
      Active going = active.get(seriesId);
      if (going != null) {
        return new Started(going.run, going.outcome);
      }
      return start(seriesId, week, trigger);
    }
  }

  private void execute(Active a) {
    Run run = a.run;
    try {
      WeeklyThemeRun.Result result =
          runner.run(run.seriesId(), run.week(), (stage, done, total) -> a.progress = new Progress(stage, done, total));
      finish(a, Status.SUCCEEDED, result.answers(), null);
      LOG.info(
          "Theme run {} of series {} week {} ({}) themed {} answers",
          run.id(), run.seriesId(), run.week(), run.trigger().wire(), result.answers());
      a.outcome.complete(result);
    } catch (RuntimeException | Error e) {
      // Logged and visible in the run list; the scheduler tries again at its next interval.
      LOG.error("Theme run {} of series {} week {} ({}) failed", run.id(), run.seriesId(), run.week(), run.trigger().wire(), e);
      try {
        finish(a, Status.FAILED, null, message(e));
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      a.outcome.completeExceptionally(e);
    }
  }

  private void finish(Active a, Status status, Integer answers, String error) {
    try {
      db.write(c -> {
        log.finish(c, a.run.id(), status, clock.instant(), answers, error);
        return null;
      });
    } finally {
      synchronized (active) {
        active.remove(a.run.seriesId());
      }
    }
  }

  private static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return m.length() > 500 ? m.substring(0, 499) + "\u2026" : m;
  }

  /** The run going for {@code seriesId}, with its progress. */
  public Optional<RunView> running(long seriesId) {
    synchronized (active) {
      Active a = active.get(seriesId);
      return a == null ? Optional.empty() : Optional.of(new RunView(a.run, a.progress));
    }
  }

  /** The newest runs first, of one series (all when null), at most {@code limit}; a running one with its progress. */
  public List<RunView> recent(Long seriesId, int limit) {
    List<Run> rows = db.read(c -> log.recent(c, seriesId, limit));
    return rows.stream().map(this::view).toList();
  }

  /** Run {@code id}, with its progress while it runs. */
  public Optional<RunView> find(long id) {
    return db.read(c -> log.find(c, id)).map(this::view);
  }

  private RunView view(Run r) {
    if (r.status() != Status.RUNNING) {
      return new RunView(r, null);
    }
    synchronized (active) {
      Active a = active.get(r.seriesId());
      return new RunView(r, a != null && a.run.id() == r.id() ? a.progress : null);
    }
  }

  /** The latest successful run of a series' week. */
  public Optional<Run> lastSucceeded(long seriesId, WeekId week) {
    return db.read(c -> log.lastSucceeded(c, seriesId, week));
  }

  /** Commented answers of {@code week} waiting for a run, per series (see {@link ThemeRunRepository#waiting}). */
  public Map<Long, Integer> waiting(WeekId week) {
    return db.read(c -> log.waiting(c, week));
  }

  /** Stops the worker; a run cut short stays "running" in the log until the next start marks it interrupted. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
