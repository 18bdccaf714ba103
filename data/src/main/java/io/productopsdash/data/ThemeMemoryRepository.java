package io.productopsdash.data;

import io.productopsdash.models.WeekId;
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

/**
 * What a weekly theme run remembers of earlier weeks, in SQLite: the answers' embeddings (float32
 * little-endian BLOBs, schema V004), the answers each theme took in each week, the later decisions
 * that an older answer now represents another theme (links), the merges, the unclustered answers,
 * and the themes a week's run created (schema V005, V008). {@link ThemeRepository} keeps the
 * themes' identities and weekly figures.
 */
public final class ThemeMemoryRepository {
  /** The stored embeddings by {@code model} of those of {@code answerIds} that have one. */
  public Map<Long, float[]> embeddings(Connection c, Collection<Long> answerIds, String model) throws SQLException {
    Map<Long, float[]> out = new HashMap<>();
    for (Object[] row :
        IdChunks.read(
            c,
            answerIds,
            "SELECT answer_id, model, vector FROM answer_embeddings WHERE answer_id IN (%s)",
            rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3)})) {
      if (model.equals(row[1])) {
        out.put((Long) row[0], Vectors.fromBlob((byte[]) row[2]));
      }
    }
    return out;
  }

  /** An answer that joined theme {@code theme} in week {@code week}. */
  public record MemberRow(long answer, WeekId week, long theme) {}

  /** A later decision: from {@code decided} on, answer {@code answer} (of {@code week}) represents {@code theme}. */
  public record LinkRow(long answer, WeekId week, long theme, WeekId decided) {}

  /** Theme {@code absorbed} was merged into {@code into} by the run of {@code week}. */
  public record MergeRow(long absorbed, long into, WeekId week) {}

  /** An answer left unclustered in {@code week}. */
  public record UnclusteredRow(long answer, WeekId week) {}

  /** The answers of series {@code seriesId} themed in weeks {@code from} (inclusive) to {@code to} (exclusive). */
  public List<MemberRow> members(Connection c, long seriesId, WeekId from, WeekId to) throws SQLException {
    List<MemberRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.answer_id, a.week, a.theme_id FROM answer_themes a JOIN themes t ON t.id = a.theme_id"
                + " WHERE t.series_id = ? AND a.week >= ? AND a.week < ? ORDER BY a.answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MemberRow(rs.getLong(1), WeekId.parse(rs.getString(2)), rs.getLong(3)));
        }
      }
    }
    return out;
  }

  /** The later decisions about answers of series {@code seriesId} made by runs of weeks before {@code before}. */
  public List<LinkRow> links(Connection c, long seriesId, WeekId before) throws SQLException {
    List<LinkRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id, answer_week, theme_id, decided_week FROM theme_links"
                + " WHERE series_id = ? AND decided_week < ? ORDER BY decided_week, answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, before.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LinkRow(rs.getLong(1), WeekId.parse(rs.getString(2)), rs.getLong(3), WeekId.parse(rs.getString(4))));
        }
      }
    }
    return out;
  }

  /** The merges of series {@code seriesId} made by runs of weeks before {@code before}, in week order. */
  public List<MergeRow> merges(Connection c, long seriesId, WeekId before) throws SQLException {
    List<MergeRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT theme_id, other_theme_id, week FROM theme_events WHERE series_id = ? AND kind = 'merged_into'"
                + " AND week < ? ORDER BY week, id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, before.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MergeRow(rs.getLong(1), rs.getLong(2), WeekId.parse(rs.getString(3))));
        }
      }
    }
    return out;
  }

  /** The unclustered answers of series {@code seriesId} in weeks {@code from} (inclusive) to {@code to} (exclusive). */
  public List<UnclusteredRow> unclusteredIn(Connection c, long seriesId, WeekId from, WeekId to) throws SQLException {
    List<UnclusteredRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id, week FROM answer_unclustered WHERE series_id = ? AND week >= ? AND week < ? ORDER BY answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UnclusteredRow(rs.getLong(1), WeekId.parse(rs.getString(2))));
        }
      }
    }
    return out;
  }

  /** The themes of series {@code seriesId} created by the run of {@code week}, with that week's members. */
  public Map<Long, List<Long>> createdIn(Connection c, long seriesId, WeekId week) throws SQLException {
    Map<Long, List<Long>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.id, a.answer_id FROM themes t LEFT JOIN answer_themes a ON a.theme_id = t.id AND a.week = t.first_week"
                + " WHERE t.series_id = ? AND t.first_week = ? ORDER BY t.id, a.answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Long> members = out.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>());
          long answer = rs.getLong(2);
          if (!rs.wasNull()) {
            members.add(answer);
          }
        }
      }
    }
    return out;
  }

  /** Records that from {@code decided} on an older answer represents {@code themeId}. */
  public void insertLink(Connection c, long answerId, long seriesId, WeekId answerWeek, long themeId, WeekId decided)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO theme_links (answer_id, series_id, answer_week, theme_id, decided_week) VALUES (?,?,?,?,?)")) {
      ps.setLong(1, answerId);
      ps.setLong(2, seriesId);
      ps.setString(3, answerWeek.toString());
      ps.setLong(4, themeId);
      ps.setString(5, decided.toString());
      ps.executeUpdate();
    }
  }

  /** Stores (or replaces) an answer's embedding. */
  public void saveEmbedding(Connection c, long answerId, String model, float[] vector) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT OR REPLACE INTO answer_embeddings (answer_id, model, vector) VALUES (?,?,?)")) {
      ps.setLong(1, answerId);
      ps.setString(2, model);
      ps.setBytes(3, Vectors.toBlob(vector));
      ps.executeUpdate();
    }
  }
}
