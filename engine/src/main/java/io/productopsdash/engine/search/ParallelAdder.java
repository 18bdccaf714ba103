package io.productopsdash.engine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Adds answers to an index on several threads while the caller keeps producing them (reading
 * SQLite, say): answers are handed over in batches, at most two batches per thread in flight, so
 * memory stays bounded. Lucene's writer indexes concurrently into one segment per thread; building
 * documents, analysing comments and inserting vectors into the HNSW graph are the costly parts and
 * spread over the cores. Not thread-safe itself: one producer.
 */
final class ParallelAdder implements AutoCloseable {
  static final int BATCH = 256;

  private final AnswerIndex index;
  private final ExecutorService pool;
  private final Semaphore inFlight;
  private final List<Future<?>> pending = new ArrayList<>();
  private List<AnswerRecord> batch = new ArrayList<>(BATCH);

  ParallelAdder(AnswerIndex index, int threads) {
    this.index = index;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "answer-index-add");
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(threads * 2);
  }

  void add(AnswerRecord answer) {
    batch.add(answer);
    if (batch.size() == BATCH) {
      submit();
    }
  }

  /** Waits until every answer handed over is added; rethrows the first failure. */
  void finish() {
    if (!batch.isEmpty()) {
      submit();
    }
    try {
      for (Future<?> f : pending) {
        await(f);
      }
    } finally {
      pending.clear();
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while indexing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Indexing failed", e.getCause());
    }
  }

  private void submit() {
    List<AnswerRecord> work = batch;
    batch = new ArrayList<>(BATCH);
    inFlight.acquireUninterruptibly();
    // Done batches leave the list, a failed one as its error, at once.
    for (Iterator<Future<?>> it = pending.iterator(); it.hasNext(); ) {
      Future<?> f = it.next();
      if (f.isDone()) {
        it.remove();
        await(f);
      }
    }
    pending.add(pool.submit(() -> {
      try {
        for (AnswerRecord r : work) {
          index.add(r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        inFlight.release();
      }
    }));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
