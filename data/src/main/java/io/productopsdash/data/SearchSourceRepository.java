package io.productopsdash.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads answers as the search index needs them: each answer joined with its survey's scale, its
 * theme of its own week (with the theme's current name and the week's sub-theme), sentiment, feature-request flag and
 * embedding. Read-only; the index is rebuilt from these rows. A comment not yet enriched (so not yet
 * cleared of person names) is left out of every read.
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
          + " t.theme_id, COALESCE(th.name, tw.name), t.sub_theme, e.sentiment, f.answer_id IS NOT NULL, v.vector"
          + " FROM answers a JOIN surveys s ON s.id = a.survey_id"
          + " LEFT JOIN answer_themes t ON t.answer_id = a.id AND t.week = a.week"
          + " LEFT JOIN theme_weeks tw ON tw.theme_id = t.theme_id AND tw.week = t.week"
          + " LEFT JOIN themes th ON th.id = t.theme_id"
          + " LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
          + " LEFT JOIN answer_feature_requests f ON f.answer_id = a.id"
          + " LEFT JOIN answer_embeddings v ON v.answer_id = a.id";

  /**
   * Only answers whose comment is empty or was enriched: enrichment removes person names (CoreNLP
   * NER, too slow for the answer path), so a comment waiting for it is kept out of the index.
   */
  private static final String NAMES_CLEARED =
      " (a.comment IS NULL OR trim(a.comment) = '' OR e.answer_id IS NOT NULL)";

  /** Told each row of a streamed read, in answer-id order. */
  @FunctionalInterface
  public interface RowSink {
    void accept(Row row) throws SQLException;
  }

  /** Every answer, by id. */
  public List<Row> all(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE" + NAMES_CLEARED + " ORDER BY a.id")) {
      return rows(ps);
    }
  }

  /**
   * Streams the answers of {@code weeks} (every answer when null) to {@code sink} in id order,
   * without holding them all in memory (a million answers with embeddings are gigabytes).
   */
  public void each(Connection c, Collection<String> weeks, RowSink sink) throws SQLException {
    String where =
        " WHERE" + (weeks == null ? "" : " a.week IN (" + IdChunks.placeholders(weeks.size()) + ") AND") + NAMES_CLEARED;
    try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY a.id")) {
      if (weeks != null) {
        int i = 1;
        for (String w : weeks) {
          ps.setString(i++, w);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(row(rs));
        }
      }
    }
  }

  /** The answers with these ids (those that exist), by id. */
  public List<Row> byIds(Connection c, Collection<Long> ids) throws SQLException {
    return IdChunks.read(
        c, ids, SELECT + " WHERE a.id IN (%s) AND" + NAMES_CLEARED + " ORDER BY a.id", SearchSourceRepository::row);
  }

  /**
   * What each week's answers look like to the index, as one short text per week (weeks sorted):
   * answer count and ids, last comment change, enrichment and sentiment times, embeddings,
   * feature-request links, theme and sub-theme assignments (order-sensitive sums, so a swap of
   * themes between two answers changes it) and the names of the week's themes (a rename re-indexes the weeks of the theme). A week whose text differs
   * from the one the index recorded has changed since it was indexed. One pass over the answers.
   */
  public Map<String, String> weekFingerprints(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    String sql =
        "SELECT a.week, count(*), max(a.id), sum(a.id % 1000003), max(a.updated_at),"
            + " count(e.answer_id), max(e.enriched_at), max(e.sentiment_at),"
            + " count(v.answer_id), sum(CASE WHEN v.answer_id IS NULL THEN 0 ELSE length(v.vector) END),"
            + " count(f.answer_id), sum((a.id % 1000003) * (f.request_id % 1000003 + 1)),"
            + " count(t.theme_id), sum((a.id % 1000003) * (t.theme_id % 1000003 + 1)),"
            + " sum((a.id % 1000003) * (coalesce(t.sub_theme, -1) + 2))"
            + " FROM answers a"
            + " LEFT JOIN answer_themes t ON t.answer_id = a.id AND t.week = a.week"
            + " LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
            + " LEFT JOIN answer_feature_requests f ON f.answer_id = a.id"
            + " LEFT JOIN answer_embeddings v ON v.answer_id = a.id"
            + " GROUP BY a.week";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int col = 2; col <= 15; col++) {
          if (col > 2) {
            b.append('|');
          }
          String v = rs.getString(col);
          b.append(v == null ? "-" : v);
        }
        out.put(rs.getString(1), b.toString());
      }
    }
    Map<String, Integer> labels = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT w.week, w.theme_id, COALESCE(t.name, w.name) FROM theme_weeks w JOIN themes t ON t.id = w.theme_id"
                    + " ORDER BY w.week, w.theme_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        labels.merge(rs.getString(1), (rs.getLong(2) + "=" + rs.getString(3)).hashCode(), (x, y) -> 31 * x + y);
      }
    }
    Map<String, String> withLabels = new LinkedHashMap<>();
    out.forEach((week, fp) -> withLabels.put(week, fp + "|" + labels.getOrDefault(week, 0)));
    return withLabels;
  }

  /** Number of answers. */
  public int count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM answers");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The answers of one survey series in one week, by id. */
  public List<Row> seriesWeek(Connection c, long seriesId, String week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE s.series_id = ? AND a.week = ? AND" + NAMES_CLEARED + " ORDER BY a.id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week);
      return rows(ps);
    }
  }

  private static List<Row> rows(PreparedStatement ps) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    long themeId = rs.getLong(10);
    Long theme = rs.wasNull() ? null : themeId;
    int sub = rs.getInt(12);
    Integer subTheme = rs.wasNull() ? null : sub;
    byte[] blob = rs.getBytes(15);
    return new Row(
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
        blob == null ? null : Vectors.fromBlob(blob));
  }
}
