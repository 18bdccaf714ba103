package io.productopsdash.server.digest;

import io.productopsdash.data.Database;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.engine.digest.DigestComposer;
import io.productopsdash.engine.digest.DigestLinks;
import io.productopsdash.engine.digest.DigestRenderer;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The digest feature of one data folder, wired once: composer and renderer, the delivery (SMTP
 * when configured, else the outbox {@code <data>/outbox}), the sender with its retries, the
 * scheduler, and the subscribers and send log in SQLite. The HTTP API, the {@code digest} command
 * and {@code Workspace} use it.
 */
public final class Digests implements AutoCloseable {
  /** The outbox's folder inside the data folder. */
  public static final String OUTBOX_FOLDER = "outbox";

  private final Database db;
  private final DigestSettings settings;
  private final RollupService rollups;
  private final DigestComposer composer;
  private final DigestSender sender;
  private final DigestScheduler scheduler;
  private final DigestRepository repository = new DigestRepository();
  private final Clock clock;
  /** The base of dashboard links: the public URL, else localhost at the port being served. */
  private final java.util.concurrent.atomic.AtomicReference<String> base;

  /**
   * Wires the feature over {@code db}; links point at {@code settings.publicUrl()}, else at {@code
   * http://localhost:<port>}. {@code sleeper} waits between retries.
   */
  public Digests(
      Database db, Clock clock, ZoneId zone, DigestSettings settings, Path dataDir, int port, DigestSender.Sleeper sleeper) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    this.base = new java.util.concurrent.atomic.AtomicReference<>(localOr(settings, port));
    this.rollups = new RollupService(db, zone);
    this.composer = new DigestComposer(db, new ScoreService(db), rollups, new DigestLinks(base::get));
    MailDelivery delivery =
        settings.smtp() == null
            ? new OutboxDelivery(dataDir.resolve(OUTBOX_FOLDER))
            : new SmtpDelivery(settings.smtp(), DigestMail.from(settings.from()).getAddress());
    this.sender =
        new DigestSender(
            db, composer, new DigestRenderer(zone), delivery, DigestMail.from(settings.from()), clock, settings.attempts(),
            settings.backoff(), sleeper);
    this.scheduler = new DigestScheduler(db, sender, clock, zone, settings.day(), settings.hour());
  }

  /** Waits with {@link Thread#sleep}. */
  public static void sleep(java.time.Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  public DigestSettings settings() {
    return settings;
  }

  /**
   * The rollups the digest reads; the metrics API should use this same instance, so a serving
   * process keeps one event log in memory, not two.
   */
  public RollupService rollups() {
    return rollups;
  }

  /** Composes digests (the model behind the email). */
  public DigestComposer composer() {
    return composer;
  }

  public DigestSender sender() {
    return sender;
  }

  public DigestScheduler scheduler() {
    return scheduler;
  }

  /** The subscribers of {@code survey}'s series. */
  public List<String> subscribers(Survey survey) {
    return db.read(c -> repository.subscribers(c, survey.seriesId()));
  }

  /** Validates {@code emails} (400 naming the first bad one) and makes them the series' subscribers. */
  public List<String> replaceSubscribers(Survey survey, List<String> emails) {
    List<String> valid = EmailAddresses.parseAll(emails, "subscribers");
    return db.write(
        c -> {
          repository.replaceSubscribers(c, survey.seriesId(), valid, clock.instant());
          return repository.subscribers(c, survey.seriesId());
        });
  }

  /** The send log of a series (all when null) and week (all when null). */
  public List<DigestRepository.Send> sends(Long seriesId, WeekId week) {
    return db.read(c -> repository.sends(c, seriesId, week));
  }

  /**
   * Starts the weekly schedule of a process serving on {@code port} (links use it when no public
   * URL is configured).
   */
  public void start(int port) {
    base.set(localOr(settings, port));
    scheduler.start();
  }

  private static String localOr(DigestSettings settings, int port) {
    return settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + port;
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
