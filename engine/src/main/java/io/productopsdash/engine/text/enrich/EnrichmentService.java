package io.productopsdash.engine.text.enrich;

import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.EnrichmentRepository.Candidate;
import io.productopsdash.data.RedactionReportRepository;
import io.productopsdash.engine.text.redact.RedactionKind;
import io.productopsdash.engine.text.redact.Redactor;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import io.productopsdash.engine.text.vocabulary.WorkspaceVocabulary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Enriches every answer whose comment has no enrichment row, or a stale one (the row's text hash
 * differs from the comment's), so a weekly run only processes new or changed answers. Work goes in
 * batches to a small pool of threads; each batch is one database write in which a comment that
 * enrichment redacted (person names) is rewritten in {@code answers} together with its enrichment
 * row and its redaction report, so names never reach indexing, clustering or email. Names are
 * found with the workspace's product vocabulary as it is when a run starts ({@link
 * WorkspaceVocabulary}): a glossary edit applies to the comments enriched after it.
 */
public final class EnrichmentService {
  /**
   * How a run is split.
   *
   * @param threads worker threads (1 or more)
   * @param batchSize answers per batch and per database write (1 or more)
   */
  public record Options(int threads, int batchSize) {
    /** Two threads (the target machine has two cores), 64 answers a batch. */
    public static final Options DEFAULT = new Options(2, 64);

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("Invalid number of threads: " + threads);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("Invalid batch size: " + batchSize);
      }
    }
  }

  /** Told after each batch; calls come from worker threads but never at the same time. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /**
   * What a run did.
   *
   * @param candidates answers with a comment
   * @param enriched answers enriched in this run (new or stale)
   * @param commentsRewritten of those, answers whose stored comment was redacted further
   * @param changedMeanwhile answers skipped because their comment changed during the run
   * @param elapsed wall time of the run
   */
  public record Result(
      int candidates, int enriched, int commentsRewritten, int changedMeanwhile, Duration elapsed) {
    /** Enriched answers per second of wall time (0 when nothing was enriched). */
    public double answersPerSecond() {
      long nanos = elapsed.toNanos();
      return enriched == 0 || nanos == 0 ? 0 : enriched * 1e9 / nanos;
    }
  }

  private final Database db;
  private final Enricher enricher;
  private final Clock clock;
  private final Options options;
  private final Supplier<ProductVocabulary> vocabulary;
  private final EnrichmentRepository repository = new EnrichmentRepository();
  private final RedactionReportRepository reports = new RedactionReportRepository();

  /** A service over the workspace vocabulary of {@code db}. */
  public EnrichmentService(Database db, Enricher enricher, Clock clock, Options options) {
    this(db, enricher, clock, options, WorkspaceVocabulary.of(db)::current);
  }

  /** A service whose name finding keeps the words of {@code vocabulary}, read at each run. */
  public EnrichmentService(
      Database db,
      Enricher enricher,
      Clock clock,
      Options options,
      Supplier<ProductVocabulary> vocabulary) {
    this.db = Objects.requireNonNull(db, "db");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /** The SHA-256 of {@code text} (UTF-8) in lower-case hex, as stored in the enrichment rows. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** Enriches the answers that need it; returns when all are stored. */
  public Result enrichPending(Progress progress) {
    Objects.requireNonNull(progress, "progress");
    long started = System.nanoTime();
    List<Candidate> all = db.read(repository::candidates);
    List<Candidate> todo = new ArrayList<>();
    for (Candidate c : all) {
      if (needsEnrichment(c)) {
        todo.add(c);
      }
    }
    ProductVocabulary words = todo.isEmpty() ? ProductVocabulary.builtIn() : vocabulary.get();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger enriched = new AtomicInteger();
    AtomicInteger rewritten = new AtomicInteger();
    AtomicInteger changed = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "enrichment");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int from = 0; from < todo.size(); from += options.batchSize()) {
        List<Candidate> batch = todo.subList(from, Math.min(todo.size(), from + options.batchSize()));
        futures.add(
            pool.submit(
                () -> {
                  List<Enrichment> results = new ArrayList<>(batch.size());
                  for (Candidate c : batch) {
                    results.add(enricher.enrich(c.comment(), words));
                  }
                  store(batch, results, enriched, rewritten, changed);
                  int now = done.addAndGet(batch.size());
                  synchronized (progress) {
                    progress.update(now, todo.size());
                  }
                }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(
        all.size(),
        enriched.get(),
        rewritten.get(),
        changed.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Enriches these answers now, on the calling thread, when they need it (a comment never
   * enriched, or changed since): the step that clears a newly posted comment of person names
   * before it is indexed. Returns how many were enriched.
   */
  public int enrichAnswers(Collection<Long> answerIds) {
    List<Candidate> todo = new ArrayList<>();
    for (Candidate c : db.read(conn -> repository.candidates(conn, answerIds))) {
      if (needsEnrichment(c)) {
        todo.add(c);
      }
    }
    AtomicInteger enriched = new AtomicInteger();
    ProductVocabulary words = todo.isEmpty() ? ProductVocabulary.builtIn() : vocabulary.get();
    for (int from = 0; from < todo.size(); from += options.batchSize()) {
      List<Candidate> batch = todo.subList(from, Math.min(todo.size(), from + options.batchSize()));
      List<Enrichment> results = new ArrayList<>(batch.size());
      for (Candidate c : batch) {
        results.add(enricher.enrich(c.comment(), words));
      }
      store(batch, results, enriched, new AtomicInteger(), new AtomicInteger());
    }
    return enriched.get();
  }

  /** Never enriched, or its comment changed since. */
  private static boolean needsEnrichment(Candidate c) {
    return c.enrichedSha256() == null || !c.enrichedSha256().equals(sha256(c.comment()));
  }

  private void store(
      List<Candidate> batch,
      List<Enrichment> results,
      AtomicInteger enriched,
      AtomicInteger rewritten,
      AtomicInteger changed) {
    Instant now = clock.instant();
    // Counted after the write returns, so a retried unit of work is not counted twice.
    int[] counts =
        db.write(
            c -> {
              int[] n = new int[3];
              for (int i = 0; i < batch.size(); i++) {
                Candidate candidate = batch.get(i);
                Enrichment e = results.get(i);
                if (!e.text().equals(candidate.comment())) {
                  if (!repository.replaceComment(
                      c, candidate.answerId(), candidate.comment(), e.text(), now)) {
                    n[2]++;
                    continue;
                  }
                  reports.add(c, candidate.answerId(), report(candidate.comment(), e));
                  n[1]++;
                }
                repository.upsert(
                    c, candidate.answerId(), sha256(e.text()), e.lemmas(), e.nounPhrases(), now);
                n[0]++;
              }
              return n;
            });
    enriched.addAndGet(counts[0]);
    rewritten.addAndGet(counts[1]);
    changed.addAndGet(counts[2]);
  }

  /**
   * What enrichment removed from a stored comment: its person names, and any secret the patterns
   * find only now (a comment stored before a pattern was added).
   */
  private static Map<String, Integer> report(String stored, Enrichment e) {
    Map<String, Integer> counts = Redactor.regexOnly().redact(stored).countsByLabel();
    if (e.namesRedacted() > 0) {
      counts.merge(RedactionKind.NAME.label(), e.namesRedacted(), Integer::sum);
    }
    return counts;
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while enriching answers", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Enrichment failed: " + cause, cause);
    }
  }
}
