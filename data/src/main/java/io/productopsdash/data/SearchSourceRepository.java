package io.productopsdash.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads answers as the search index needs them: each answer joined with its survey's scale, its
 * theme of its own week (with that week's label and sub-theme), sentiment, feature-request flag and
 * embedding. Read-only; the index is rebuilt from these rows.
 */
public final class SearchSourceRepository {
  /** One answer row with everything the index needs; nullable fields are absent joins. */
  public record Row(
      long answerId,
      long surveyId,
      String week,
      int score,
      String comment,
      String createdAt,
      String scaleKind,
      int points,
      int topBox,
      Long themeId,
      String themeLabel,
      Integer subTheme,
      String sentiment,
      boolean featureRequest,
      float[] embedding) {}

  private static final String SELECT =
      "SELECT a.id, a.survey_id, a.week, a.score, a.comment, a.created_at, s.kind, s.points, s.top_box,"
          + " t.theme_id, tw.label, t.sub_theme, e.sentiment, f.answer_id IS NOT NULL, v.vector"
          + " FROM answers a JOIN surveys s ON s.id = a.survey_id"
          + " LEFT JOIN answer_themes t ON t.answer_id = a.id AND t.week = a.week"
          + " LEFT JOIN theme_weeks tw ON tw.theme_id = t.theme_id AND tw.week = t.week"
          + " LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
          + " LEFT JOIN answer_feature_requests f ON f.answer_id = a.id"
          + " LEFT JOIN answer_embeddings v ON v.answer_id = a.id";

  /** Every answer, by id. */
  public List<Row> all(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY a.id")) {
      return rows(ps);
    }
  }

  /** The answers of one survey series in one week, by id. */
  public List<Row> seriesWeek(Connection c, long seriesId, String week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE s.series_id = ? AND a.week = ? ORDER BY a.id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week);
      return rows(ps);
    }
  }

  private static List<Row> rows(PreparedStatement ps) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long themeId = rs.getLong(10);
        Long theme = rs.wasNull() ? null : themeId;
        int sub = rs.getInt(12);
        Integer subTheme = rs.wasNull() ? null : sub;
        byte[] blob = rs.getBytes(15);
        out.add(
            new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getInt(9),
                theme,
                rs.getString(11),
                subTheme,
                rs.getString(13),
                rs.getBoolean(14),
                blob == null ? null : Vectors.fromBlob(blob)));
      }
    }
    return out;
  }
}
