package io.productopsdash.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the database. Callers submit units of work and block until their unit is
 * durable. The writer thread drains whatever is waiting (up to {@link #MAX_BATCH}), opens one
 * transaction, runs each unit inside its own savepoint (a failing unit is rolled back alone and its
 * caller gets the exception), then commits the batch once: with synchronous=FULL that is one fsync
 * for many logical writes, which is how many small durable writes per second are possible on
 * SQLite. Nobody is told "done" before the commit returned.
 *
 * <p>The transaction is the writer's own ({@code BEGIN IMMEDIATE} ... {@code COMMIT} on a
 * connection the JDBC driver keeps in auto-commit mode), because SQLite ends a transaction by
 * itself on some errors ({@code SQLITE_FULL}, {@code SQLITE_IOERR}): a driver that still believed
 * in it would run the next batch's savepoints outside any transaction, each committing on its own,
 * and then fail the batch's commit although its rows were stored. Here a unit whose savepoint is
 * gone means the batch's transaction is gone: every unit of the batch is refused, the writer rolls
 * back whatever is left and starts the next batch clean. A refusal for lack of disk space is a
 * {@link StorageFullException} and marks {@link StorageHealth} full until a commit succeeds.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  static final int MAX_BATCH = 512;
  /** SQLite's primary result code for a full disk or database. */
  private static final int SQLITE_FULL = 13;

  private record Unit<T>(SqlWork<T> work, CompletableFuture<T> result) {}

  /** What a unit did inside the batch: {@code tell} informs its caller; {@code wrote} unless it failed by itself. */
  private record Outcome(boolean wrote, Runnable tell) {}

  /** The batch's transaction ended under it; {@code cause} says why. */
  private static final class TransactionLost extends Exception {
    TransactionLost(SQLException cause) {
      super(cause);
    }

    SQLException sqlCause() {
      return (SQLException) getCause();
    }
  }

  private final Connection connection;
  private final StorageHealth health;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  GroupCommitWriter(Connection connection, StorageHealth health) throws SQLException {
    this.connection = connection;
    this.health = health;
    connection.setAutoCommit(true);
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
        Unit<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        // Never leave a caller waiting, nor the writer dead.
        LOG.error("The writer failed on a batch of {} writes", batch.size(), e);
        refuseAll(batch, new DataAccessException("Database write failed: " + e, e));
        rollbackQuietly();
      } finally {
        batch.clear();
      }
    }
  }

  private void runBatch(List<Unit<?>> batch) {
    try {
      execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      refuseAll(batch, failure("Starting a transaction failed", e));
      rollbackQuietly();
      return;
    }
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    try {
      for (Unit<?> unit : batch) {
        outcomes.add(runUnit(unit));
      }
    } catch (TransactionLost lost) {
      if (!isDiskFull(lost.sqlCause())) {
        LOG.warn("A write ended the transaction of its batch ({}); the batch's {} writes are refused",
            lost.sqlCause().getMessage(), batch.size());
      }
      rollbackQuietly();
      // Units that failed by themselves keep their own error; every other one is refused.
      outcomes.stream().filter(o -> !o.wrote()).forEach(o -> o.tell().run());
      refuseAll(batch, failure("Database write failed", lost.sqlCause()));
      return;
    }
    try {
      execute("COMMIT");
    } catch (SQLException e) {
      if (!isDiskFull(e)) {
        LOG.error("Commit of {} writes failed; all of them are refused", batch.size(), e);
      }
      rollbackQuietly();
      refuseAll(batch, failure("Commit failed", e));
      return;
    }
    if (health.committed()) {
      LOG.info("Writes succeed again: the disk has room");
    }
    outcomes.forEach(o -> o.tell().run());
  }

  /**
   * Runs one unit in a savepoint; returns what tells its caller, to run after the commit. Throws
   * {@link TransactionLost} when the savepoint (hence the batch's transaction) no longer exists.
   */
  private <T> Outcome runUnit(Unit<T> unit) throws TransactionLost {
    try {
      execute("SAVEPOINT unit");
    } catch (SQLException e) {
      throw new TransactionLost(e);
    }
    T value;
    try {
      value = unit.work().apply(connection);
    } catch (SQLException | RuntimeException | Error e) {
      try {
        execute("ROLLBACK TO SAVEPOINT unit");
        execute("RELEASE SAVEPOINT unit");
      } catch (SQLException gone) {
        throw new TransactionLost(e instanceof SQLException sql ? sql : gone);
      }
      Throwable reported = e instanceof SQLException sql ? failure("Database write failed", sql) : e;
      return new Outcome(false, () -> unit.result().completeExceptionally(reported));
    }
    try {
      execute("RELEASE SAVEPOINT unit");
    } catch (SQLException e) {
      throw new TransactionLost(e);
    }
    return new Outcome(true, () -> unit.result().complete(value));
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** The exception a caller gets for {@code e}: a {@link StorageFullException} for a full disk. */
  private DataAccessException failure(String what, SQLException e) {
    if (isDiskFull(e)) {
      // Once per episode: under load every write fails alike, and the log may be on the same disk.
      if (health.full()) {
        LOG.warn("The disk is full: writes are refused (503 with Retry-After) until space is freed; reads go on");
      }
      return new StorageFullException(what + ": the disk is full (" + e.getMessage() + ")", e);
    }
    return new DataAccessException(what + ": " + e.getMessage(), e);
  }

  static boolean isDiskFull(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_FULL) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) {
        return true;
      }
    }
    return false;
  }

  private static void refuseAll(List<Unit<?>> batch, DataAccessException failure) {
    for (Unit<?> unit : batch) {
      unit.result().completeExceptionally(failure);
    }
  }

  /** Ends whatever transaction is left; SQLite may already have rolled it back itself. */
  private void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      LOG.debug("Nothing to roll back: {}", e.getMessage());
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
