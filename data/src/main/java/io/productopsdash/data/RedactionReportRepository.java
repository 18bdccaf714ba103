package io.productopsdash.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redaction report ({@code answer_redactions}): per stored answer, how many spans of each kind
 * were redacted. Kinds are the placeholders' names ("email", "name"); counts only, never values.
 */
public final class RedactionReportRepository {
  /**
   * One week's count of one kind.
   *
   * @param week ISO week of the answers
   * @param kind what was redacted
   * @param answers answers with at least one span of this kind
   * @param spans spans of this kind over those answers
   */
  public record WeekKind(String week, String kind, long answers, long spans) {}

  /**
   * One week's answers.
   *
   * @param week ISO week
   * @param commented answers with a non-blank comment
   * @param redacted answers with at least one redacted span
   * @param namesPending commented answers not yet cleared of person names (never enriched)
   */
  public record WeekTotals(String week, long commented, long redacted, long namesPending) {}

  /** Adds {@code counts} (kind to spans; zero counts skipped) to the answer's report. */
  public void add(Connection c, long answerId, Map<String, Integer> counts) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO answer_redactions (answer_id, kind, count) VALUES (?,?,?)"
                + " ON CONFLICT(answer_id, kind) DO UPDATE SET count = count + excluded.count")) {
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (e.getValue() > 0) {
          ps.setLong(1, answerId);
          ps.setString(2, e.getKey());
          ps.setInt(3, e.getValue());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** The report of one answer: kind to spans, by kind. */
  public Map<String, Integer> find(Connection c, long answerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, count FROM answer_redactions WHERE answer_id = ? ORDER BY kind")) {
      ps.setLong(1, answerId);
      Map<String, Integer> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getInt(2));
        }
      }
      return out;
    }
  }

  /** Counts per week and kind for the surveys of series {@code seriesId}, weeks in [from, to]. */
  public List<WeekKind> perWeekAndKind(Connection c, long seriesId, String from, String to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.week, r.kind, count(*), sum(r.count) FROM answer_redactions r"
                + " JOIN answers a ON a.id = r.answer_id JOIN surveys s ON s.id = a.survey_id"
                + " WHERE s.series_id = ? AND a.week BETWEEN ? AND ?"
                + " GROUP BY a.week, r.kind ORDER BY a.week, r.kind")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from);
      ps.setString(3, to);
      List<WeekKind> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new WeekKind(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
      return out;
    }
  }

  /** Answers per week for the same surveys and weeks, only weeks with a commented answer. */
  public List<WeekTotals> weekTotals(Connection c, long seriesId, String from, String to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.week, count(*),"
                + " sum(EXISTS (SELECT 1 FROM answer_redactions r WHERE r.answer_id = a.id)),"
                + " sum(NOT EXISTS (SELECT 1 FROM answer_enrichment e WHERE e.answer_id = a.id))"
                + " FROM answers a JOIN surveys s ON s.id = a.survey_id"
                + " WHERE s.series_id = ? AND a.week BETWEEN ? AND ?"
                + " AND a.comment IS NOT NULL AND trim(a.comment) <> ''"
                + " GROUP BY a.week ORDER BY a.week")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from);
      ps.setString(3, to);
      List<WeekTotals> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new WeekTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
      }
      return out;
    }
  }
}
