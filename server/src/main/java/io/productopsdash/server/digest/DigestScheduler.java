package io.productopsdash.server.digest;

import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.data.DigestRepository.Send;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each subscriber the digest of the last complete ISO week, once, from the configured weekday
 * and hour of the current week (in the server's zone) on. All the logic is in {@link #tick}, which
 * a single-thread executor calls every minute with the clock's time; tests call it directly with
 * any instant. A tick:
 *
 * <ol>
 *   <li>marks deliveries claimed more than {@link #STALE_CLAIM} ago and still unfinished as
 *       uncertain (their process stopped mid-send; resending could deliver twice) and logs them;
 *   <li>if the week's sending time has come, sends last week's digest of every series with
 *       subscribers (its newest survey version) to each subscriber the send log lets it: not yet
 *       sent, or failed and due for a retry.
 * </ol>
 *
 * A process started after the sending time catches up at its first tick; a week whose sending
 * time passed entirely while nothing was running is not sent later (the next digest covers the
 * following week).
 */
public final class DigestScheduler implements AutoCloseable {
  /** A claim older than this with no outcome belongs to a process that stopped mid-send. */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

  /**
   * What a tick did: the digest week, whether sending was due, each recipient's outcome, and the
   * deliveries it found interrupted.
   */
  public record TickReport(WeekId week, boolean due, List<DigestSender.Outcome> outcomes, List<Send> uncertain) {}

  private final Database db;
  private final DigestSender sender;
  private final Clock clock;
  private final ZoneId zone;
  private final DayOfWeek day;
  private final int hour;
  private final DigestRepository log = new DigestRepository();
  private final SurveyRepository surveys = new SurveyRepository();
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor;

  public DigestScheduler(Database db, DigestSender sender, Clock clock, ZoneId zone, DayOfWeek day, int hour) {
    this.db = db;
    this.sender = sender;
    this.clock = clock;
    this.zone = zone;
    this.day = day;
    this.hour = hour;
  }

  /** When the digest of the week before {@code week} is due: its weekday and hour in the zone. */
  public Instant sendingTime(WeekId week) {
    return week.monday().with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0).atZone(zone).toInstant();
  }

  /** One round of the schedule at {@code now}; see the class comment. */
  public synchronized TickReport tick(Instant now) {
    List<Send> uncertain = db.write(c -> log.markStaleUncertain(c, now.minus(STALE_CLAIM), now));
    for (Send s : uncertain) {
      LOG.error(
          "Digest {} to {} (series {}) was interrupted after it was claimed at {}: it may or may not have been"
              + " delivered, so it is marked uncertain and not resent",
          s.week(), s.recipient(), s.seriesId(), s.claimedAt());
    }
    WeekId current = WeekId.of(now, zone);
    WeekId week = current.plusWeeks(-1);
    if (now.isBefore(sendingTime(current))) {
      return new TickReport(week, false, List.of(), uncertain);
    }
    List<DigestSender.Outcome> outcomes = new ArrayList<>();
    Map<Long, List<String>> subscribers = db.read(log::allSubscribers);
    for (Map.Entry<Long, List<String>> e : subscribers.entrySet()) {
      Optional<Survey> survey = db.read(c -> surveys.findLatestInSeries(c, e.getKey()));
      if (survey.isEmpty()) {
        LOG.warn("Digest subscribers of series {} have no survey to report on", e.getKey());
        continue;
      }
      try {
        outcomes.addAll(sender.send(survey.get(), week, e.getValue(), now));
      } catch (RuntimeException ex) {
        // One survey's broken data must not stop the others' digests; nothing was claimed for it.
        LOG.error("Composing the digest {} of survey {} failed", week, survey.get().id(), ex);
      }
    }
    return new TickReport(week, true, outcomes, uncertain);
  }

  /** Starts ticking every minute on a daemon thread, the first tick at once. */
  public void start() {
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "digest-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(this::safeTick, 0, 1, TimeUnit.MINUTES);
    }
    LOG.info("Digest scheduler started: {} at {}:00 {}, via {}", day, hour, zone, sender.delivery().describe());
  }

  private void safeTick() {
    try {
      tick(clock.instant());
    } catch (RuntimeException e) {
      // A failing tick (the database busy, say) must not cancel the schedule.
      LOG.error("Digest scheduler tick failed", e);
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
        // A stop has 10 s in all (what container runtimes allow); a send cut short is reported as
        // uncertain later, never resent.
        e.awaitTermination(3, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
