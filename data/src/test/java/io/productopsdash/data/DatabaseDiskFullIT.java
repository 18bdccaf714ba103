package io.productopsdash.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer on a file system that really fills up: every write either commits and is
 * acknowledged or is refused with {@link StorageFullException} and leaves nothing; the writer is
 * clean again (no "no transaction is active") as soon as space is freed; reads keep working.
 */
class DatabaseDiskFullIT {
  @TempDir Path dir;

  /** Two rows per write, so a half-stored write would show. */
  private static void insertPair(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings(key, value) VALUES (?, ?)")) {
      for (String k : List.of(key, key + "/pair")) {
        ps.setString(1, k);
        ps.setString(2, "x".repeat(1500));
        ps.executeUpdate();
      }
    }
  }

  private static Set<String> storedKeys(Database db) {
    return db.read(
        c -> {
          Set<String> keys = new java.util.HashSet<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT key FROM settings WHERE key LIKE 'w%'");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              keys.add(rs.getString(1));
            }
          }
          return keys;
        });
  }

  @Test
  void aFullDiskRefusesWritesCleanlyAndTheWriterRecoversOnceSpaceIsFreed() throws Exception {
    try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("mnt"), 4)) {
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Set<String> refused = ConcurrentHashMap.newKeySet();
      List<Throwable> otherErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (Database db = Database.open(fs.root().resolve("data"))) {
        db.write(c -> {
          insertPair(c, "w-before");
          return null;
        });
        assertThat(fs.fill()).isPositive();

        // Concurrent writers until a good number were refused: batches of many units hit the full disk.
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          runs.add(pool.submit(() -> {
            while (refused.size() < 200 && next.get() < 20_000) {
              String key = "w" + next.incrementAndGet();
              try {
                db.write(c -> {
                  insertPair(c, key);
                  return null;
                });
                acknowledged.add(key);
              } catch (StorageFullException e) {
                refused.add(key);
              } catch (RuntimeException e) {
                otherErrors.add(e);
              }
            }
          }));
        }
        for (Future<?> f : runs) {
          f.get();
        }
        pool.shutdown();

        assertThat(otherErrors).as("only disk-full refusals, no 'no transaction is active'").isEmpty();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(200);
        assertThat(db.storage().state()).isEqualTo(StorageHealth.State.FULL);
        // Reads keep working on a full disk.
        assertThat(storedKeys(db)).contains("w-before", "w-before/pair");

        fs.free();
        db.write(c -> {
          insertPair(c, "w-after");
          return null;
        });
        assertThat(db.storage().state()).isEqualTo(StorageHealth.State.OK);
      }
      // What the file holds after a clean reopen: every acknowledged write whole, nothing refused.
      try (Database db = Database.open(fs.root().resolve("data"))) {
        Set<String> stored = storedKeys(db);
        for (String key : acknowledged) {
          assertThat(stored).contains(key, key + "/pair");
        }
        for (String key : refused) {
          assertThat(stored).doesNotContain(key, key + "/pair");
        }
        assertThat(stored).contains("w-after", "w-after/pair");
      }
    }
  }
}
