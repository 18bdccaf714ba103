package io.productopsdash.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file: WAL, migrations, and group commit that keeps each write atomic. */
class DatabaseIT {
  @TempDir Path dir;

  private static long count(Database db, String table) {
    return db.read(
        c -> {
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static void insertSetting(java.sql.Connection c, String key) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings(key, value) VALUES (?, 'v')")) {
      ps.setString(1, key);
      ps.executeUpdate();
    }
  }

  @Test
  void opensInWalModeWithTheSchemaAtTheLatestVersion() {
    try (Database db = Database.open(dir)) {
      String mode =
          db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
              rs.next();
              return rs.getString(1);
            }
          });
      assertThat(mode).isEqualToIgnoringCase("wal");
      assertThat(db.read(Migrations::currentVersion)).isEqualTo(Migrations.SCRIPTS.size());
    }
    // Reopening applies nothing twice.
    try (Database db = Database.open(dir)) {
      assertThat(count(db, "schema_version")).isEqualTo(Migrations.SCRIPTS.size());
    }
  }

  @Test
  void aFailingWriteLeavesNothingAndDoesNotHarmItsBatchNeighbours() throws Exception {
    try (Database db = Database.open(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        results.add(
            pool.submit(
                () ->
                    db.write(
                        c -> {
                          insertSetting(c, "k" + n);
                          if (n % 4 == 0) {
                            // A second row, then a failure: neither row may survive.
                            insertSetting(c, "extra" + n);
                            throw new IllegalStateException("fail " + n);
                          }
                          return null;
                        })));
      }
      int failed = 0;
      for (Future<?> f : results) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
          failed++;
        }
      }
      pool.shutdown();
      assertThat(failed).isEqualTo(100);
      assertThat(count(db, "settings")).isEqualTo(300);
    }
    try (Database db = Database.open(dir)) {
      assertThat(count(db, "settings")).as("durable across reopen").isEqualTo(300);
    }
  }

  @Test
  void sqlErrorsComeAsDataAccessExceptionNamingTheCause() {
    try (Database db = Database.open(dir)) {
      db.write(c -> {
        insertSetting(c, "dup");
        return null;
      });
      assertThatThrownBy(() -> db.write(c -> {
            insertSetting(c, "dup");
            return null;
          }))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("UNIQUE");
    }
  }

  @Test
  void migrationStatementsSplitOnTerminators() {
    assertThat(Migrations.statements("-- comment\nCREATE TABLE a (x INT);\nCREATE TABLE b (y TEXT);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y TEXT)");
  }
}
