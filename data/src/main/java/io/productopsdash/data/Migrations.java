package io.productopsdash.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied in order at start, each in its own transaction together
 * with its row in {@code schema_version}. A migration, once released, is never edited: changes
 * come as a new file.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** In order; file {@code migrations/V00n__name.sql} beside this class. */
  static final List<String> SCRIPTS =
      List.of("V001__surveys_answers.sql", "V002__events.sql", "V003__enrichment.sql", "V004__themes.sql",
          "V005__unclustered.sql", "V006__digest.sql", "V007__redaction_report.sql",
          "V008__persistent_themes.sql", "V009__rollup_snapshots.sql", "V010__feature_requests.sql",
          "V011__theme_runs.sql");

  private Migrations() {}

  static void apply(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    int current = currentVersion(c);
    if (current > SCRIPTS.size()) {
      throw new SQLException(
          "The database has schema version " + current + " but this build knows only up to "
              + SCRIPTS.size() + ": use a newer ProductOpsDash");
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      String script = SCRIPTS.get(v - 1);
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String sql : statements(read(script))) {
          st.executeUpdate(sql);
        }
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO schema_version(version, script, applied_at) VALUES (?,?,?)")) {
          ps.setInt(1, v);
          ps.setString(2, script);
          ps.setString(3, Instant.now().toString());
          ps.executeUpdate();
        }
        c.commit();
        LOG.info("Applied schema migration {}", script);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  static int currentVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read migration " + script, e);
    }
  }

  /** Splits on semicolons at line ends; migrations keep one statement per such terminator. */
  static List<String> statements(String text) {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(withoutComments.toString().split(";\\s*\n"))
        .map(String::strip)
        .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
