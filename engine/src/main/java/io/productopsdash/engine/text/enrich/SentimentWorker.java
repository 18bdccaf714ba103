package io.productopsdash.engine.text.enrich;

import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.EnrichmentRepository.SentimentTodo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Computes the sentiment of enriched answers that have none yet, in the background, after {@link
 * EnrichmentService}: the parser is several times slower than enrichment, so themes do not wait for
 * it. Each of its threads claims the next batch of answers (by id) and stores the results in one
 * write; a row that was re-enriched in the meantime keeps its new, empty sentiment for a later run.
 * A run reports its own throughput.
 */
public final class SentimentWorker implements AutoCloseable {
  /**
   * What a run did.
   *
   * @param answers answers whose sentiment was stored
   * @param elapsed wall time of the run, model loading included on a first run
   */
  public record Report(int answers, Duration elapsed) {
    /** Answers per second of wall time (0 when none). */
    public double answersPerSecond() {
      long nanos = elapsed.toNanos();
      return answers == 0 || nanos == 0 ? 0 : answers * 1e9 / nanos;
    }
  }

  private static final int BATCH = 32;

  private final Database db;
  private final SentimentAnalyzer analyzer;
  private final Clock clock;
  private final int threads;
  private final ExecutorService executor;
  private final EnrichmentRepository repository = new EnrichmentRepository();
  private long cursor;

  /**
   * A worker with its own pool of {@code threads} daemon threads.
   *
   * @param analyzer usually {@link SentimentAnalyzer#shared()}; its models load on the first run
   */
  public SentimentWorker(Database db, SentimentAnalyzer analyzer, Clock clock, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
    this.db = Objects.requireNonNull(db, "db");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threads = threads;
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sentiment");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a run over every answer without sentiment and returns at once; the future completes
   * when none is left (or fails with the first error). Runs must not overlap.
   */
  public synchronized CompletableFuture<Report> start() {
    long started = System.nanoTime();
    cursor = 0;
    List<CompletableFuture<Integer>> parts = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      parts.add(CompletableFuture.supplyAsync(this::drain, executor));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            ignored -> {
              int answers = 0;
              for (CompletableFuture<Integer> p : parts) {
                answers += p.join();
              }
              return new Report(answers, Duration.ofNanos(System.nanoTime() - started));
            });
  }

  private int drain() {
    int stored = 0;
    while (true) {
      List<SentimentTodo> batch = claim();
      if (batch.isEmpty()) {
        return stored;
      }
      List<Sentiment> results = new ArrayList<>(batch.size());
      for (SentimentTodo todo : batch) {
        if (Thread.currentThread().isInterrupted()) {
          return stored;
        }
        results.add(analyzer.analyze(todo.comment()));
      }
      Instant now = clock.instant();
      stored +=
          db.write(
              c -> {
                int n = 0;
                for (int i = 0; i < batch.size(); i++) {
                  SentimentTodo todo = batch.get(i);
                  Sentiment s = results.get(i);
                  if (repository.setSentiment(
                      c, todo.answerId(), todo.textSha256(), s.label().code(), s.score(), now)) {
                    n++;
                  }
                }
                return n;
              });
    }
  }

  /* Batches are handed out by id so that two threads never score the same answer. */
  private synchronized List<SentimentTodo> claim() {
    long after = cursor;
    List<SentimentTodo> batch = db.read(c -> repository.pendingSentiment(c, after, BATCH));
    if (!batch.isEmpty()) {
      cursor = batch.get(batch.size() - 1).answerId();
    }
    return batch;
  }

  /**
   * Takes no further runs; a run already started finishes and then the threads end, so a worker
   * started for one run needs no {@link #close()}.
   */
  public void shutdown() {
    executor.shutdown();
  }

  /** Stops the worker's threads; a run in progress ends after its current answer. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
