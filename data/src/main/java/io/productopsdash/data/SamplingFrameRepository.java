package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The sampling frame: per survey series, ISO week and user, when the user was found sampled,
 * shown the survey (impression), dismissed it and answered it. Response rate and cooldown are
 * read from here.
 */
public final class SamplingFrameRepository {
  /** What the frame records for the user's last answer or dismissal. */
  public record LastResponse(WeekId week) {}

  /** Records that the user was eligible and sampled this week (idempotent). */
  public void recordSampled(Connection c, long seriesId, WeekId week, String userId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sampling_frame(series_id, week, user_id, sampled_at) VALUES (?,?,?,?)"
                + " ON CONFLICT(series_id, week, user_id) DO NOTHING")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      ps.setString(3, userId);
      ps.setString(4, now.toString());
      ps.executeUpdate();
    }
  }

  /** Marks the impression; returns false when it was already recorded this week. */
  public boolean recordShown(Connection c, long seriesId, WeekId week, String userId, Instant now)
      throws SQLException {
    return mark(c, "shown_at", seriesId, week, userId, now);
  }

  /** Marks the dismissal; returns false when it was already recorded this week. */
  public boolean recordDismissed(Connection c, long seriesId, WeekId week, String userId, Instant now)
      throws SQLException {
    return mark(c, "dismissed_at", seriesId, week, userId, now);
  }

  /**
   * Marks the answer, and the impression too when none was recorded this week (an answer implies
   * the survey was shown); returns false when the answer was already recorded this week.
   */
  public boolean recordAnswered(Connection c, long seriesId, WeekId week, String userId, Instant now)
      throws SQLException {
    mark(c, "shown_at", seriesId, week, userId, now);
    return mark(c, "answered_at", seriesId, week, userId, now);
  }

  private boolean mark(Connection c, String column, long seriesId, WeekId week, String userId, Instant now)
      throws SQLException {
    recordSampled(c, seriesId, week, userId, now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sampling_frame SET " + column + " = ? WHERE series_id = ? AND week = ? AND user_id = ? AND "
                + column + " IS NULL")) {
      ps.setString(1, now.toString());
      ps.setLong(2, seriesId);
      ps.setString(3, week.toString());
      ps.setString(4, userId);
      return ps.executeUpdate() == 1;
    }
  }

  /** The latest week, not after {@code upTo}, in which the user answered or dismissed. */
  public Optional<WeekId> lastResponseWeek(Connection c, long seriesId, String userId, WeekId upTo)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MAX(week) FROM sampling_frame WHERE series_id = ? AND user_id = ? AND week <= ?"
                + " AND (answered_at IS NOT NULL OR dismissed_at IS NOT NULL)")) {
      ps.setLong(1, seriesId);
      ps.setString(2, userId);
      ps.setString(3, upTo.toString());
      try (ResultSet rs = ps.executeQuery()) {
        String week = rs.next() ? rs.getString(1) : null;
        return Optional.ofNullable(week).map(WeekId::parse);
      }
    }
  }

  /**
   * The response rate's parts for one week: distinct users shown the series' survey ({@code
   * shown}; an answer implies the survey was shown, so a user who answered counts even when the
   * widget's impression never arrived or came in the week before) and distinct users who answered
   * ({@code answered}), so {@code answered <= shown} always.
   */
  public record Reach(long shown, long answered) {}

  /** The {@link Reach} of the series' survey in {@code week}. */
  public Reach reach(Connection c, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), COUNT(answered_at) FROM sampling_frame WHERE series_id = ? AND week = ?"
                + " AND (shown_at IS NOT NULL OR answered_at IS NOT NULL)")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Reach(rs.getLong(1), rs.getLong(2));
      }
    }
  }
}
