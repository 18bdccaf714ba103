package io.productopsdash.data;

import io.productopsdash.models.Answer;
import io.productopsdash.models.WeekId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Answers in SQLite, unique on the client's responseId. */
public final class AnswerRepository {
  private static final String COLUMNS =
      "id, response_id, survey_id, user_id, week, score, comment, locale, url, created_at, updated_at";

  public Optional<Answer> findByResponseId(Connection c, String responseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM answers WHERE response_id = ?")) {
      ps.setString(1, responseId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  public Answer insert(
      Connection c,
      String responseId,
      long surveyId,
      String userId,
      WeekId week,
      int score,
      String comment,
      String locale,
      String url,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO answers (response_id, survey_id, user_id, week, score, comment, locale, url,"
                + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, responseId);
      ps.setLong(2, surveyId);
      ps.setString(3, userId);
      ps.setString(4, week.toString());
      ps.setInt(5, score);
      ps.setString(6, comment);
      ps.setString(7, locale);
      ps.setString(8, url);
      ps.setString(9, now.toString());
      ps.setString(10, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        return new Answer(id, responseId, surveyId, userId, week, score, comment, locale, url, now, now);
      }
    }
  }

  /** Sets the comment of an answer that had none yet (a late comment for the same responseId). */
  public Answer addComment(Connection c, Answer answer, String comment, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE answers SET comment = ?, updated_at = ? WHERE id = ? AND comment IS NULL")) {
      ps.setString(1, comment);
      ps.setString(2, now.toString());
      ps.setLong(3, answer.id());
      ps.executeUpdate();
    }
    return findByResponseId(c, answer.responseId()).orElseThrow();
  }

  /** Counts per score for each week in [from, to] of one survey version, weeks ascending. */
  public Map<WeekId, Map<Integer, Long>> scoreCounts(Connection c, long surveyId, WeekId from, WeekId to)
      throws SQLException {
    Map<WeekId, Map<Integer, Long>> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT week, score, COUNT(*) FROM answers WHERE survey_id = ? AND week BETWEEN ? AND ?"
                + " GROUP BY week, score")) {
      ps.setLong(1, surveyId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(WeekId.parse(rs.getString(1)), w -> new TreeMap<>())
              .put(rs.getInt(2), rs.getLong(3));
        }
      }
    }
    return out;
  }

  public long count(Connection c, long surveyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM answers WHERE survey_id = ?")) {
      ps.setLong(1, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A version's answers in the weeks {@code from} to {@code to} (both included), by id. */
  public List<Answer> listInWeeks(Connection c, long surveyId, WeekId from, WeekId to) throws SQLException {
    return list(
        c,
        "SELECT " + COLUMNS + " FROM answers WHERE survey_id = ? AND week BETWEEN ? AND ? ORDER BY id",
        ps -> {
          ps.setLong(1, surveyId);
          ps.setString(2, from.toString());
          ps.setString(3, to.toString());
        });
  }

  /** A version's answers, newest first, ties by id; at most {@code limit}. */
  public List<Answer> listBySurvey(Connection c, long surveyId, int limit) throws SQLException {
    List<Answer> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM answers WHERE survey_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
      ps.setLong(1, surveyId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    }
    return out;
  }

  /**
   * Answers with a non-blank comment to any version of survey series {@code seriesId} in {@code
   * week}, by id.
   */
  public List<Answer> listCommentedInSeries(Connection c, long seriesId, WeekId week) throws SQLException {
    return list(
        c,
        "SELECT " + COLUMNS + " FROM answers WHERE week = ? AND survey_id IN (SELECT id FROM surveys WHERE series_id = ?)"
            + " AND comment IS NOT NULL AND TRIM(comment) <> '' ORDER BY id",
        ps -> {
          ps.setString(1, week.toString());
          ps.setLong(2, seriesId);
        });
  }

  /** The answers assigned to theme {@code themeId} in {@code week}, by id. */
  public List<Answer> listInTheme(Connection c, long themeId, WeekId week) throws SQLException {
    return list(
        c,
        "SELECT " + COLUMNS + " FROM answers WHERE id IN (SELECT answer_id FROM answer_themes WHERE theme_id = ? AND week = ?)"
            + " ORDER BY id",
        ps -> {
          ps.setLong(1, themeId);
          ps.setString(2, week.toString());
        });
  }

  /** The answers with the given ids that exist, by id. */
  public List<Answer> listByIds(Connection c, java.util.Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> list = List.copyOf(ids);
    String marks = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
    return list(
        c,
        "SELECT " + COLUMNS + " FROM answers WHERE id IN (" + marks + ") ORDER BY id",
        ps -> {
          for (int i = 0; i < list.size(); i++) {
            ps.setLong(i + 1, list.get(i));
          }
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<Answer> list(Connection c, String sql, Binder binder) throws SQLException {
    List<Answer> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    }
    return out;
  }

  private static Answer map(ResultSet rs) throws SQLException {
    return new Answer(
        rs.getLong("id"),
        rs.getString("response_id"),
        rs.getLong("survey_id"),
        rs.getString("user_id"),
        WeekId.parse(rs.getString("week")),
        rs.getInt("score"),
        rs.getString("comment"),
        rs.getString("locale"),
        rs.getString("url"),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("updated_at")));
  }
}
