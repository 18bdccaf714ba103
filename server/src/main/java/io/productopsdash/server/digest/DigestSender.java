package io.productopsdash.server.digest;

import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.data.DigestRepository.Send;
import io.productopsdash.data.DigestRepository.Status;
import io.productopsdash.engine.digest.Digest;
import io.productopsdash.engine.digest.DigestComposer;
import io.productopsdash.engine.digest.DigestRenderer;
import io.productopsdash.engine.digest.RenderedDigest;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one week's digest of a survey to recipients, at most once each: for every recipient it
 * first claims the send-log row in a committed transaction (see {@link DigestRepository#claim}),
 * then delivers, then records the outcome. A transient failure (see {@link DeliveryFailures}) is
 * retried at once up to the configured attempts, waiting {@code backoff}, {@code 2 backoff}, {@code
 * 4 backoff}, ... between tries; if it persists the row is recorded {@code failed} with a next
 * attempt time ({@value #RETRY_BASE_MINUTES} minute after the first round, doubling per round, at
 * most {@value #RETRY_MAX_MINUTES} minutes) and the scheduler tries again from then on. A
 * permanent refusal is recorded {@code rejected}. Every failure is logged and kept in the log.
 */
public final class DigestSender {
  static final long RETRY_BASE_MINUTES = 1;
  static final long RETRY_MAX_MINUTES = 60;
  private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);

  /** Waits between tries; tests may pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * What happened for one recipient: {@code sentNow} when delivered by this call; otherwise the
   * log's row as it stands ({@code status} sent earlier, failed, rejected, uncertain or being sent
   * by another process).
   */
  public record Outcome(
      String recipient, Status status, boolean sentNow, int attempts, String messageId, String where, String error) {}

  private final Database db;
  private final DigestComposer composer;
  private final DigestRenderer renderer;
  private final MailDelivery delivery;
  private final InternetAddress from;
  private final Clock clock;
  private final int attempts;
  private final Duration backoff;
  private final Sleeper sleeper;
  private final DigestRepository log = new DigestRepository();

  public DigestSender(
      Database db,
      DigestComposer composer,
      DigestRenderer renderer,
      MailDelivery delivery,
      InternetAddress from,
      Clock clock,
      int attempts,
      Duration backoff,
      Sleeper sleeper) {
    this.db = db;
    this.composer = composer;
    this.renderer = renderer;
    this.delivery = delivery;
    this.from = from;
    this.clock = clock;
    this.attempts = attempts;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  public MailDelivery delivery() {
    return delivery;
  }

  /** The digest of {@code survey} for {@code week} as it would be sent now. */
  public RenderedDigest render(Survey survey, WeekId week) {
    Digest digest = composer.compose(survey, week, clock.instant());
    return renderer.render(digest);
  }

  /**
   * Sends {@code week}'s digest of {@code survey} to each of {@code recipients} that the log lets
   * us send to at {@code now} (no row yet, or failed with its next attempt due); composes the
   * digest once, and only when someone is due. Times recorded in the log come from the clock.
   */
  public List<Outcome> send(Survey survey, WeekId week, List<String> recipients, Instant now) {
    return send(survey, week, recipients, now, o -> {});
  }

  /** As {@link #send(Survey, WeekId, List, Instant)}, telling {@code each} every outcome as it happens. */
  public List<Outcome> send(Survey survey, WeekId week, List<String> recipients, Instant now, Consumer<Outcome> each) {
    List<String> due = new ArrayList<>();
    List<Outcome> out = new ArrayList<>();
    for (String r : recipients) {
      Optional<Send> row = db.read(c -> log.find(c, survey.seriesId(), week, r));
      if (row.isEmpty() || isDue(row.get(), now)) {
        due.add(r);
      } else {
        out.add(skipped(row.get()));
        each.accept(out.get(out.size() - 1));
      }
    }
    if (due.isEmpty()) {
      return out;
    }
    RenderedDigest rendered = render(survey, week);
    for (String recipient : due) {
      DigestRepository.Claim claim =
          db.write(c -> log.claim(c, survey.seriesId(), week, recipient, survey.id(), now));
      out.add(claim.claimed() ? deliver(claim.row(), survey, week, rendered) : skipped(claim.row()));
      each.accept(out.get(out.size() - 1));
    }
    return out;
  }

  /** Whether any of {@code recipients} is due a send of {@code week}'s digest at {@code now}. */
  public boolean anyDue(Survey survey, WeekId week, List<String> recipients, Instant now) {
    for (String r : recipients) {
      Optional<Send> row = db.read(c -> log.find(c, survey.seriesId(), week, r));
      if (row.isEmpty() || isDue(row.get(), now)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDue(Send row, Instant now) {
    return row.status() == Status.FAILED && (row.nextAttemptAt() == null || !now.isBefore(row.nextAttemptAt()));
  }

  private static Outcome skipped(Send row) {
    return new Outcome(row.recipient(), row.status(), false, row.attempts(), row.messageId(), null, row.lastError());
  }

  private Outcome deliver(Send claimed, Survey survey, WeekId week, RenderedDigest rendered) {
    String messageId = DigestMail.messageId(survey.seriesId(), week, from);
    Exception last = null;
    DeliveryFailures.Kind kind = DeliveryFailures.Kind.OTHER;
    int tries = 0;
    while (tries < attempts) {
      tries++;
      try {
        MimeMessage message =
            DigestMail.build(delivery.session(), rendered, from, claimed.recipient(), messageId, clock.instant());
        String where = delivery.deliver(message, claimed.recipient());
        int used = tries;
        db.write(
            c -> {
              log.markSent(c, claimed, used, messageId, clock.instant());
              return null;
            });
        LOG.info("Digest {} of survey {} sent to {} via {} ({})", week, survey.id(), claimed.recipient(), where, messageId);
        return new Outcome(claimed.recipient(), Status.SENT, true, claimed.attempts() + used, messageId, where, null);
      } catch (MessagingException | IOException | RuntimeException e) {
        last = e;
        kind = DeliveryFailures.classify(e);
        LOG.warn(
            "Digest {} of survey {} to {}: try {} of {} failed ({}): {}",
            week, survey.id(), claimed.recipient(), tries, attempts, kind, DeliveryFailures.describe(e));
        if (kind != DeliveryFailures.Kind.TRANSIENT || tries >= attempts) {
          break;
        }
        try {
          sleeper.sleep(backoff.multipliedBy(1L << (tries - 1)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    Status status = kind == DeliveryFailures.Kind.PERMANENT ? Status.REJECTED : Status.FAILED;
    int rounds = claimed.attempts() / attempts;
    Instant next =
        status == Status.FAILED
            ? clock.instant().plus(Duration.ofMinutes(Math.min(RETRY_MAX_MINUTES, RETRY_BASE_MINUTES << Math.min(rounds, 10))))
            : null;
    String error = DeliveryFailures.describe(last);
    int used = tries;
    db.write(
        c -> {
          log.markFailed(c, claimed, status, used, messageId, error, next, clock.instant());
          return null;
        });
    LOG.error(
        "Digest {} of survey {} to {} {} after {} tries{}: {}",
        week, survey.id(), claimed.recipient(), status.wire(), used,
        next == null ? " (not retried: the server refused it permanently)" : "; retried from " + next, error);
    return new Outcome(claimed.recipient(), status, false, claimed.attempts() + used, messageId, null, error);
  }
}
