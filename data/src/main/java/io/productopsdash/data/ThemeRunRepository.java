package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The theme-run log (schema V011) and the question every run starts from: which commented answers
 * of a week wait for a theme run. An answer waits when no run of its week has assigned it (to a
 * theme or to the unclustered bucket) and it was written or changed after the week's last
 * successful run started, or no run of the week succeeded yet.
 */
public final class ThemeRunRepository {
  /** Who started a run. */
  public enum Trigger {
    /** The scheduler's interval run of the current week. */
    SCHEDULE,
    /** The one last run of a week after it closed. */
    FINALISE,
    /** A person: the dashboard's "Run now" or the API. */
    MANUAL;

    /** The lower-case name used in the database and on the wire. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a run stands. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Still running when its process stopped. */
    INTERRUPTED;

    /** The lower-case name used in the database and on the wire. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One row of the run log; {@code finishedAt}, {@code answers} and {@code error} are null while it runs. */
  public record Run(
      long id,
      long seriesId,
      WeekId week,
      Trigger trigger,
      Status status,
      Instant startedAt,
      Instant finishedAt,
      Integer answers,
      String error) {}

  private static final String COLUMNS = "id, series_id, week, trigger, status, started_at, finished_at, answers, error";

  /** Logs a run of {@code seriesId}'s {@code week} as running from {@code now}. */
  public Run insertRunning(Connection c, long seriesId, WeekId week, Trigger trigger, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO theme_runs (series_id, week, trigger, status, started_at) VALUES (?, ?, ?, 'running', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      ps.setString(3, trigger.wire());
      ps.setString(4, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new Run(keys.getLong(1), seriesId, week, trigger, Status.RUNNING, now, null, null, null);
      }
    }
  }

  /** Records how run {@code id} ended; {@code error} is null unless it failed. */
  public void finish(Connection c, long id, Status status, Instant now, Integer answers, String error) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE theme_runs SET status = ?, finished_at = ?, answers = ?, error = ? WHERE id = ?")) {
      ps.setString(1, status.wire());
      ps.setString(2, now.toString());
      if (answers == null) {
        ps.setNull(3, java.sql.Types.INTEGER);
      } else {
        ps.setInt(3, answers);
      }
      ps.setString(4, error);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
  }

  /** Marks every run still 'running' as interrupted at {@code now}; returns how many. */
  public int markInterrupted(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE theme_runs SET status = 'interrupted', finished_at = ?, error = 'the process stopped during the run'"
                + " WHERE status = 'running'")) {
      ps.setString(1, now.toString());
      return ps.executeUpdate();
    }
  }

  /** The newest runs first, at most {@code limit}, of one series (all when null). */
  public List<Run> recent(Connection c, Long seriesId, int limit) throws SQLException {
    String where = seriesId == null ? "" : " WHERE series_id = ?";
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM theme_runs" + where + " ORDER BY id DESC LIMIT ?")) {
      int i = 1;
      if (seriesId != null) {
        ps.setLong(i++, seriesId);
      }
      ps.setInt(i, limit);
      return list(ps);
    }
  }

  /** Run {@code id}. */
  public Optional<Run> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM theme_runs WHERE id = ?")) {
      ps.setLong(1, id);
      return list(ps).stream().findFirst();
    }
  }

  /** The latest successful run of a series' week. */
  public Optional<Run> lastSucceeded(Connection c, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM theme_runs WHERE series_id = ? AND week = ? AND status = 'succeeded'"
                + " ORDER BY id DESC LIMIT 1")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      return list(ps).stream().findFirst();
    }
  }

  /**
   * Commented answers of {@code week} waiting for a theme run, per series (series without any are
   * left out), ascending by series. See the class comment for "waiting".
   */
  public Map<Long, Integer> waiting(Connection c, WeekId week) throws SQLException {
    Map<Long, Instant> lastSuccess = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT series_id, started_at FROM theme_runs WHERE week = ? AND status = 'succeeded'")) {
      ps.setString(1, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastSuccess.merge(rs.getLong(1), Instant.parse(rs.getString(2)), (x, y) -> x.isAfter(y) ? x : y);
        }
      }
    }
    Map<Long, Integer> out = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.series_id, a.updated_at FROM answers a JOIN surveys s ON s.id = a.survey_id"
                + " WHERE a.week = ? AND a.comment IS NOT NULL AND TRIM(a.comment) <> ''"
                + " AND NOT EXISTS (SELECT 1 FROM answer_themes t WHERE t.answer_id = a.id AND t.week = a.week)"
                + " AND NOT EXISTS (SELECT 1 FROM answer_unclustered u WHERE u.answer_id = a.id AND u.week = a.week)")) {
      ps.setString(1, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long series = rs.getLong(1);
          Instant since = lastSuccess.get(series);
          // Instants compared as instants: their ISO texts differ in length with the fraction.
          if (since == null || !Instant.parse(rs.getString(2)).isBefore(since)) {
            out.merge(series, 1, Integer::sum);
          }
        }
      }
    }
    return new LinkedHashMap<>(out);
  }

  private static List<Run> list(PreparedStatement ps) throws SQLException {
    List<Run> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String finished = rs.getString(7);
        int answers = rs.getInt(8);
        boolean noAnswers = rs.wasNull();
        out.add(
            new Run(
                rs.getLong(1),
                rs.getLong(2),
                WeekId.parse(rs.getString(3)),
                Trigger.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                Status.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                Instant.parse(rs.getString(6)),
                finished == null ? null : Instant.parse(finished),
                noAnswers ? null : answers,
                rs.getString(9)));
      }
    }
    return out;
  }
}
