package io.productopsdash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The embedded SQLite database: one file in the data folder, WAL mode, migrations applied on
 * open. Writes go through a {@link GroupCommitWriter} (one writer connection, every logical write
 * its own savepoint-isolated unit, a batch of them made durable by one commit with {@code
 * synchronous=FULL}); reads use a small pool of read-only connections that WAL lets run beside
 * the writer.
 */
public final class Database implements AutoCloseable {
  /** The database file's name inside the data folder. */
  public static final String FILE_NAME = "productopsdash.db";

  private static final int READERS = 4;
  /** The settings key {@link #probeWrite} writes. */
  static final String STORAGE_PROBE_KEY = "storage.probe";

  private final Path file;
  private final GroupCommitWriter writer;
  private final BlockingQueue<Connection> readers;
  private final StorageHealth storage;

  private Database(Path file, GroupCommitWriter writer, BlockingQueue<Connection> readers, StorageHealth storage) {
    this.file = file;
    this.writer = writer;
    this.readers = readers;
    this.storage = storage;
  }

  /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
  public static Database open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      Connection writeConnection = connect(file, false);
      Migrations.apply(writeConnection);
      BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(file, true));
      }
      StorageHealth storage = new StorageHealth(dataDir, Clock.systemUTC());
      return new Database(file, new GroupCommitWriter(writeConnection, storage), readers, storage);
    } catch (SQLException | java.io.IOException e) {
      throw new DataAccessException("Cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a commit is on disk before it is acknowledged; group commit pays for the fsync.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // A comment rewritten without its person names must not survive in freed pages of the file.
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    if (readOnly) {
      config.setReadOnly(true);
    }
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  public Path file() {
    return file;
  }

  /** Whether writes currently succeed, as the last one found (full disk or not). */
  public StorageHealth storage() {
    return storage;
  }

  /**
   * Runs {@code work} as one logical write: it commits whole, or (when it throws) leaves nothing.
   * Returns only after the commit is durable. Exceptions thrown by {@code work} reach the caller
   * unchanged; SQL failures come as {@link DataAccessException}, a full disk as {@link
   * StorageFullException} (nothing of the write was stored).
   */
  public <T> T write(SqlWork<T> work) {
    return writer.submit(work);
  }

  /**
   * Makes one small write (the time, under a settings key of its own) to learn whether writes
   * succeed again after a full disk; true when it committed. The storage state follows the outcome.
   */
  public boolean probeWrite(java.time.Instant now) {
    try {
      write(c -> {
        new SettingsRepository().put(c, STORAGE_PROBE_KEY, now.toString());
        return null;
      });
      return true;
    } catch (StorageFullException stillFull) {
      return false;
    }
  }

  /** Runs {@code work} on a read-only connection, seeing the last committed state. */
  public <T> T read(SqlWork<T> work) {
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("Interrupted while waiting for a read connection", e);
    }
    try {
      c.setAutoCommit(false);
      try {
        return work.apply(c);
      } finally {
        // End the read transaction so the WAL can be checkpointed past it.
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("Database read failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  @Override
  public void close() {
    writer.close();
    Connection c;
    while ((c = readers.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
