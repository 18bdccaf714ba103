package io.productopsdash.engine.search;

import io.productopsdash.data.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Indexes answers as they arrive, off the request thread: the HTTP answer path only {@linkplain
 * #submit submits} the id of an answer it has committed to SQLite (a queue append), and one daemon
 * thread reads whatever ids have queued up in one SQLite read, writes them and commits the index,
 * so under load the batches grow instead of the commits multiplying. An answer is searchable
 * within one batch's time (milliseconds when idle).
 *
 * <p>Each batch first goes through a {@link Preparation}: in the product the enrichment that clears
 * new comments of person names (CoreNLP NER), since the index leaves out a comment that has not been
 * through it. While answers arrive faster than {@link #BUSY_RATE} a second, the preparation waits
 * (at most {@link #MAX_DEFER}), so that CoreNLP does not take the cores the answer path needs; the
 * answers are durable meanwhile and become searchable after the burst. A batch whose preparation
 * fails is not indexed; its answers wait for the next
 * enrichment (a theme run, or this indexer's backlog at the next start).
 *
 * <p>Nothing acknowledged is lost for good: ids still queued or failed when the process stops or
 * dies are in SQLite, and the {@linkplain AnswerIndexer#catchUp catch-up} at the next start
 * re-indexes their weeks, whose fingerprints this indexer never records. So a stop does not wait
 * for the queue: it ends after the chunk in hand, within seconds even after a burst.
 */
public final class LiveIndexer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LiveIndexer.class.getName());
  /** Ids per batch at most: one SQLite read and one index commit. */
  static final int MAX_BATCH = 1_000;
  /**
   * Arrivals per second above which the {@link Preparation} waits: bulk arrivals such as a load
   * test, never a survey's trickle. CoreNLP keeps a core busy while it enriches, and running it
   * during such a burst cut the answer path's throughput from 6,524 to 2,477 answers/s
   * (docs/benchmarks.md).
   */
  static final int BUSY_RATE = 500;
  /** Longest the preparation waits for arrivals to slow down; then it runs anyway. */
  static final Duration MAX_DEFER = Duration.ofMinutes(2);
  /** Ids prepared between two looks at whether the indexer is closing (tens of milliseconds of CoreNLP). */
  static final int PREPARE_CHUNK = 32;
  /** Longest {@link #close()} waits for the chunk in hand. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(4);

  private final Database db;
  private final AnswerIndex index;
  private final AnswerIndexer indexer;
  private final Preparation preparation;
  private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  /* Guarded by this: ids submitted and ids handled (indexed or failed). */
  private long submitted;
  private long handled;

  /** What runs on a batch of answer ids before they are indexed. */
  @FunctionalInterface
  public interface Preparation {
    /** Nothing: the answers are indexed as they are. */
    Preparation NONE = ids -> {};

    void prepare(List<Long> answerIds);
  }

  /** Starts the indexing thread, indexing batches as they are. */
  public LiveIndexer(Database db, AnswerIndex index, AnswerIndexer indexer) {
    this(db, index, indexer, Preparation.NONE);
  }

  /** Starts the indexing thread; each batch goes through {@code preparation} first. */
  public LiveIndexer(Database db, AnswerIndex index, AnswerIndexer indexer, Preparation preparation) {
    this.preparation = Objects.requireNonNull(preparation, "preparation");
    this.db = Objects.requireNonNull(db, "db");
    this.index = Objects.requireNonNull(index, "index");
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    this.thread = new Thread(this::run, "answer-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues the answer for indexing; call after its SQLite write committed. Never blocks. */
  public void submit(long answerId) {
    synchronized (this) {
      if (closing) {
        return; // the catch-up at the next start indexes it
      }
      submitted++;
    }
    queue.add(answerId);
  }

  /**
   * Waits until every answer submitted before this call was handled (indexed, or failed and left
   * to the next catch-up); false when {@code timeout} passed first.
   */
  public boolean awaitIndexed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      long target = submitted;
      while (handled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  private void run() {
    List<Long> batch = new ArrayList<>();
    while (!closing) {
      Long first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first == null) {
        continue;
      }
      if (preparation != Preparation.NONE) {
        try {
          awaitCalm();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      batch.clear();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        List<Long> prepared = prepareUntilClosing(batch);
        indexer.indexAnswers(db, index, prepared);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING,
            "Indexing " + batch.size() + " new answer(s) failed; the catch-up at the next start indexes them", e);
      } finally {
        synchronized (this) {
          handled += batch.size();
          notifyAll();
        }
      }
    }
  }

  /**
   * Prepares the batch a chunk at a time and stops early at a close: a stop must not wait for
   * CoreNLP to work through a burst (issue 16: SIGTERM took over 30 s). Returns the ids prepared;
   * the rest stay unenriched in SQLite, and the next start submits them again.
   */
  private List<Long> prepareUntilClosing(List<Long> batch) {
    if (preparation == Preparation.NONE) {
      return batch;
    }
    List<Long> prepared = new ArrayList<>(batch.size());
    for (int from = 0; from < batch.size() && !closing; from += PREPARE_CHUNK) {
      List<Long> chunk = List.copyOf(batch.subList(from, Math.min(batch.size(), from + PREPARE_CHUNK)));
      preparation.prepare(chunk);
      prepared.addAll(chunk);
    }
    return prepared;
  }

  /** Returns once arrivals are under {@link #BUSY_RATE} a second, after {@link #MAX_DEFER}, or at close. */
  private void awaitCalm() throws InterruptedException {
    long deadline = System.nanoTime() + MAX_DEFER.toNanos();
    while (!closing && System.nanoTime() < deadline) {
      long before = submittedSoFar();
      Thread.sleep(200);
      if ((submittedSoFar() - before) * 5 < BUSY_RATE) {
        return;
      }
    }
  }

  private synchronized long submittedSoFar() {
    return submitted;
  }

  /**
   * Stops the thread after the chunk in hand, leaving what is still queued to the next start (its
   * answers are in SQLite: the start submits every comment not yet enriched, and the catch-up
   * indexes every week that changed). Waits at most {@link #CLOSE_WAIT}; a chunk still running
   * then (CoreNLP loading its models, say) is abandoned to the process's exit.
   */
  @Override
  public void close() {
    int left;
    synchronized (this) {
      closing = true;
      left = queue.size();
    }
    if (left > 0) {
      LOG.log(System.Logger.Level.INFO, left + " answer(s) not yet indexed are left for the next start");
    }
    // No interrupt: an interrupted thread in the middle of index I/O would close Lucene's files.
    try {
      thread.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.log(System.Logger.Level.WARNING,
          "The answer indexer is still busy after " + CLOSE_WAIT.toSeconds() + " s; the next start finishes its work");
    }
  }

  /** Whether the indexing thread has ended (after {@link #close()}). */
  public boolean stopped() {
    return !thread.isAlive();
  }
}
