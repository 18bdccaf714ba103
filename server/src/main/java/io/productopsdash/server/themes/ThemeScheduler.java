package io.productopsdash.server.themes;

import io.productopsdash.data.ThemeRunRepository.Run;
import io.productopsdash.data.ThemeRunRepository.Trigger;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Themes the current week of every series in a serving process as comments arrive. Time is cut
 * into slots of the interval (hourly: 10:00–11:00, 11:00–12:00, ... counted from the epoch, so
 * whole hours in any zone with a whole-hour offset); the first tick in a slot checks once:
 *
 * <ol>
 *   <li>the week that closed (the one before the current ISO week in the configured zone): each
 *       series with comments of it still waiting gets its one last run ("finalise");
 *   <li>the current week: each series with comments waiting gets a run ("schedule").
 * </ol>
 *
 * A comment at 10:05 is thus themed by the 11:00 run; a slot with nothing waiting runs nothing; a
 * failed run leaves its comments waiting, so the next slot tries again. A series whose run is going
 * (started by a person, say) is not started twice: the tick joins it. The first tick of a new week
 * checks the closed week even within a slot. {@link #finalise} is what the digest calls before it
 * composes a week. All logic is in {@link #tick}, which a daemon thread calls every minute with the
 * clock's time; tests call it with chosen instants. An interval of zero switches the schedule off.
 */
public final class ThemeScheduler implements AutoCloseable {
  /** The default interval: hourly. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  /** Longest the digest waits for a closed week's last run. */
  public static final Duration FINALISE_WAIT = Duration.ofMinutes(20);

  private static final Logger LOG = LoggerFactory.getLogger(ThemeScheduler.class);

  /** What a tick did: whether it checked, and the runs it started or joined (with their outcome). */
  public record TickReport(boolean checked, List<Run> runs) {}

  /** How themed a closed week is when its digest is composed. */
  public record Finalised(boolean complete, Run lastRun, int waiting) {}

  private final ThemeRuns runs;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration interval;
  private final Object lifecycle = new Object();
  private long lastSlot = Long.MIN_VALUE;
  private WeekId lastWeek;
  private ScheduledExecutorService executor;

  public ThemeScheduler(ThemeRuns runs, Clock clock, ZoneId zone, Duration interval) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("the theme interval must be zero (off) or positive, got " + interval);
    }
    this.runs = runs;
    this.clock = clock;
    this.zone = zone;
    this.interval = interval;
  }

  /** The interval; zero when the schedule is off. */
  public Duration interval() {
    return interval;
  }

  public boolean enabled() {
    return !interval.isZero();
  }

  /** When the slot after the one holding {@code now} begins: the next scheduled check. */
  public Instant nextCheck(Instant now) {
    long seconds = interval.toSeconds();
    return Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), seconds) + 1) * seconds);
  }

  /** One round of the schedule at {@code now}; returns when the runs it started have ended. */
  public synchronized TickReport tick(Instant now) {
    if (!enabled()) {
      return new TickReport(false, List.of());
    }
    long slot = Math.floorDiv(now.getEpochSecond(), interval.toSeconds());
    WeekId current = WeekId.of(now, zone);
    if (slot == lastSlot && current.equals(lastWeek)) {
      return new TickReport(false, List.of());
    }
    lastSlot = slot;
    lastWeek = current;
    List<Run> done = new ArrayList<>();
    done.addAll(runWaiting(current.plusWeeks(-1), Trigger.FINALISE));
    done.addAll(runWaiting(current, Trigger.SCHEDULE));
    return new TickReport(true, done);
  }

  private List<Run> runWaiting(WeekId week, Trigger trigger) {
    List<Run> out = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : runs.waiting(week).entrySet()) {
      LOG.info("{} comment(s) of series {} week {} wait for themes: {} run", e.getValue(), e.getKey(), week, trigger.wire());
      ThemeRuns.Started started = runs.startOrJoin(e.getKey(), week, trigger);
      await(started.outcome(), null);
      out.add(runs.find(started.run().id()).map(ThemeRuns.RunView::run).orElse(started.run()));
    }
    return out;
  }

  /**
   * Makes sure closed week {@code week} of {@code seriesId} is themed before its digest: runs it
   * when comments wait (or waits for the run going), up to {@link #FINALISE_WAIT}. Says whether
   * every comment is themed, and which run the themes are from. With the schedule off nothing is
   * run; the answer then tells how many comments the earlier run left out.
   */
  public Finalised finalise(long seriesId, WeekId week) {
    if (enabled()) {
      Optional<ThemeRuns.RunView> going = runs.running(seriesId);
      if (going.isPresent() || runs.waiting(week).getOrDefault(seriesId, 0) > 0) {
        ThemeRuns.Started started = runs.startOrJoin(seriesId, week, Trigger.FINALISE);
        await(started.outcome(), FINALISE_WAIT);
      }
    }
    int waiting = runs.waiting(week).getOrDefault(seriesId, 0);
    return new Finalised(waiting == 0, runs.lastSucceeded(seriesId, week).orElse(null), waiting);
  }

  private static void await(CompletableFuture<WeeklyThemeRun.Result> outcome, Duration timeout) {
    try {
      if (timeout == null) {
        outcome.get();
      } else {
        outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException e) {
      // Logged by ThemeRuns and kept in the run log; the comments stay waiting for the next try.
    } catch (TimeoutException e) {
      LOG.warn("A theme run took longer than {}; going on without waiting for it", timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts ticking every minute on a daemon thread, the first tick at once; nothing when off. */
  public void start() {
    if (!enabled()) {
      LOG.info("Theme scheduler is off (--theme-interval 0): themes change only when a run is started by hand");
      return;
    }
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "theme-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(this::safeTick, 0, 1, TimeUnit.MINUTES);
    }
    LOG.info("Theme scheduler started: every {} when comments wait, in zone {}", interval, zone);
  }

  private void safeTick() {
    try {
      tick(clock.instant());
    } catch (RuntimeException e) {
      // A failing tick (the database busy, say) must not cancel the schedule.
      LOG.error("Theme scheduler tick failed", e);
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      e = executor;
      executor = null;
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(3, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
