package io.productopsdash.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the database. Callers submit units of work and block until their unit is
 * durable. The writer thread drains whatever is waiting (up to {@link #MAX_BATCH}), runs each
 * unit inside its own savepoint (a failing unit is rolled back alone and its caller gets the
 * exception), then commits the batch once: with synchronous=FULL that is one fsync for many
 * logical writes, which is how many small durable writes per second are possible on SQLite.
 * Nobody is told "done" before the commit returned.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  static final int MAX_BATCH = 512;

  private record Unit<T>(SqlWork<T> work, CompletableFuture<T> result) {}

  private final Connection connection;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  GroupCommitWriter(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    this.thread = new Thread(this::run, "sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  <T> T submit(SqlWork<T> work) {
    if (closed) {
      throw new DataAccessException("The database is closed", null);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    queue.add(new Unit<>(work, result));
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("Interrupted while waiting for a write to commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new DataAccessException("Database write failed: " + cause.getMessage(), cause);
    }
  }

  private void run() {
    List<Unit<?>> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Unit<?> first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
  }

  private void runBatch(List<Unit<?>> batch) {
    List<Runnable> completions = new ArrayList<>(batch.size());
    for (Unit<?> unit : batch) {
      completions.add(runUnit(unit));
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      LOG.error("Commit of {} writes failed; all of them are reported as failed", batch.size(), e);
      rollbackQuietly();
      DataAccessException failure = new DataAccessException("Commit failed: " + e.getMessage(), e);
      for (Unit<?> unit : batch) {
        unit.result().completeExceptionally(failure);
      }
      return;
    }
    completions.forEach(Runnable::run);
  }

  /** Runs one unit in a savepoint; returns what tells its caller, to run after the commit. */
  private <T> Runnable runUnit(Unit<T> unit) {
    try (Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT unit");
      try {
        T value = unit.work().apply(connection);
        st.execute("RELEASE SAVEPOINT unit");
        return () -> unit.result().complete(value);
      } catch (SQLException | RuntimeException | Error e) {
        st.execute("ROLLBACK TO SAVEPOINT unit");
        st.execute("RELEASE SAVEPOINT unit");
        Throwable reported =
            e instanceof SQLException sql
                ? new DataAccessException("Database write failed: " + sql.getMessage(), sql)
                : e;
        return () -> unit.result().completeExceptionally(reported);
      }
    } catch (SQLException e) {
      DataAccessException failure = new DataAccessException("Savepoint failed: " + e.getMessage(), e);
      return () -> unit.result().completeExceptionally(failure);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.error("Rollback failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Closing the writer connection failed", e);
    }
  }
}
