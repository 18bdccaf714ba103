package io.productopsdash.data;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.productopsdash.models.Interval;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answer embeddings, weekly themes and answer-to-theme assignments in SQLite (schema V004), and the
 * answers of each week left unclustered as noise (schema V005). Vectors
 * are float32 little-endian BLOBs; keywords and quotes are JSON arrays.
 */
public final class ThemeRepository {
  private static final Gson GSON = new Gson();
  private static final Type STRINGS = new TypeToken<List<String>>() {}.getType();
  private static final Type LONGS = new TypeToken<List<Long>>() {}.getType();
  private static final String WEEK_COLUMNS =
      "w.theme_id, w.week, w.size, w.answers_total, w.label, w.keywords, w.quotes, w.mean_score, w.mean_ci_low,"
          + " w.mean_ci_high, w.sentiment_mix, w.trend, w.p_value, w.centroid, w.name";

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

  /** A theme's identity: its current name (or null), whether a PM pinned it, first week, origin and parent. */
  public record ThemeRow(long id, long seriesId, WeekId firstWeek, String label, String name, boolean pinned, String origin, Long parent) {
    /** The name to show: the readable name, else the label of themes stored before names existed. */
    public String displayName() {
      return name != null ? name : label;
    }
  }

  /** A theme's members and the week's commented answers in one week. */
  public record CountRow(long theme, WeekId week, int size, int answersTotal) {}

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

  /** The themes of a series, by id. */
  public Map<Long, ThemeRow> themes(Connection c, long seriesId) throws SQLException {
    Map<Long, ThemeRow> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, series_id, first_week, label, name, name_pinned, origin, parent_id FROM themes WHERE series_id = ?"
                + " ORDER BY id")) {
      ps.setLong(1, seriesId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ThemeRow row = themeRow(rs);
          out.put(row.id(), row);
        }
      }
    }
    return out;
  }

  /** One theme's identity. */
  public Optional<ThemeRow> theme(Connection c, long themeId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, series_id, first_week, label, name, name_pinned, origin, parent_id FROM themes WHERE id = ?")) {
      ps.setLong(1, themeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(themeRow(rs)) : Optional.empty();
      }
    }
  }

  private static ThemeRow themeRow(ResultSet rs) throws SQLException {
    long parent = rs.getLong(8);
    Long parentId = rs.wasNull() ? null : parent;
    return new ThemeRow(
        rs.getLong(1), rs.getLong(2), WeekId.parse(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6) != 0,
        rs.getString(7), parentId);
  }

  /** Each theme's size and the week's total in the weeks {@code from} (inclusive) to {@code to} (exclusive). */
  public List<CountRow> counts(Connection c, long seriesId, WeekId from, WeekId to) throws SQLException {
    List<CountRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.theme_id, w.week, w.size, w.answers_total FROM theme_weeks w JOIN themes t ON t.id = w.theme_id"
                + " WHERE t.series_id = ? AND w.week >= ? AND w.week < ? ORDER BY w.week, w.theme_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CountRow(rs.getLong(1), WeekId.parse(rs.getString(2)), rs.getInt(3), rs.getInt(4)));
        }
      }
    }
    return out;
  }

  /** The weeks of series {@code seriesId} with stored themes before {@code before}, latest first, at most {@code limit}. */
  public List<WeekId> themedWeeks(Connection c, long seriesId, WeekId before, int limit) throws SQLException {
    List<WeekId> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT w.week FROM theme_weeks w JOIN themes t ON t.id = w.theme_id WHERE t.series_id = ?"
                + " AND w.week < ? ORDER BY w.week DESC LIMIT ?")) {
      ps.setLong(1, seriesId);
      ps.setString(2, before.toString());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(WeekId.parse(rs.getString(1)));
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

  /** Creates a theme identity with its name, origin and parent (or null) and returns its id. */
  public long insertTheme(
      Connection c, long seriesId, WeekId firstWeek, String name, String origin, Long parent, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO themes (series_id, first_week, label, created_at, name, origin, parent_id) VALUES (?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, seriesId);
      ps.setString(2, firstWeek.toString());
      ps.setString(3, name);
      ps.setString(4, now.toString());
      ps.setString(5, name);
      ps.setString(6, origin);
      if (parent == null) {
        ps.setNull(7, Types.INTEGER);
      } else {
        ps.setLong(7, parent);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Re-describes a theme a re-run keeps: its name, origin and parent as the re-run decided. */
  public void updateOrigin(Connection c, long themeId, String name, String origin, Long parent) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE themes SET name = CASE WHEN name_pinned = 1 THEN name ELSE ? END, origin = ?, parent_id = ? WHERE id = ?")) {
      ps.setString(1, name);
      ps.setString(2, origin);
      if (parent == null) {
        ps.setNull(3, Types.INTEGER);
      } else {
        ps.setLong(3, parent);
      }
      ps.setLong(4, themeId);
      ps.executeUpdate();
    }
  }

  /** Sets a theme's name, pinned (by a PM) or not (by a run); a run never changes a pinned name. */
  public boolean setName(Connection c, long themeId, String name, boolean pinned) throws SQLException {
    String sql =
        pinned
            ? "UPDATE themes SET name = ?, name_pinned = 1 WHERE id = ?"
            : "UPDATE themes SET name = ? WHERE id = ? AND name_pinned = 0";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      ps.setLong(2, themeId);
      return ps.executeUpdate() == 1;
    }
  }

  /** Lets runs rename a theme again (a PM took the pin away). */
  public void unpin(Connection c, long themeId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE themes SET name_pinned = 0 WHERE id = ?")) {
      ps.setLong(1, themeId);
      ps.executeUpdate();
    }
  }

  /** Records a decision about a theme. */
  public void insertEvent(
      Connection c, long seriesId, long themeId, WeekId week, String kind, Long other, String detail, boolean byPm, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO theme_events (series_id, theme_id, week, kind, other_theme_id, detail, by_pm, at) VALUES (?,?,?,?,?,?,?,?)")) {
      ps.setLong(1, seriesId);
      ps.setLong(2, themeId);
      ps.setString(3, week.toString());
      ps.setString(4, kind);
      if (other == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setLong(5, other);
      }
      ps.setString(6, detail);
      ps.setInt(7, byPm ? 1 : 0);
      ps.setString(8, at.toString());
      ps.executeUpdate();
    }
  }

  /** A recorded decision about a theme. */
  public record EventRow(long id, long theme, WeekId week, String kind, Long other, String detail, boolean byPm, Instant at) {}

  /** The recorded decisions about a theme (as subject or as the other theme), oldest first. */
  public List<EventRow> events(Connection c, long themeId) throws SQLException {
    List<EventRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, theme_id, week, kind, other_theme_id, detail, by_pm, at FROM theme_events"
                + " WHERE theme_id = ? OR other_theme_id = ? ORDER BY week, id")) {
      ps.setLong(1, themeId);
      ps.setLong(2, themeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long other = rs.getLong(5);
          Long otherId = rs.wasNull() ? null : other;
          out.add(
              new EventRow(
                  rs.getLong(1), rs.getLong(2), WeekId.parse(rs.getString(3)), rs.getString(4), otherId, rs.getString(6),
                  rs.getInt(7) != 0, Instant.parse(rs.getString(8))));
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

  /**
   * Removes what a run stored for series {@code seriesId} in {@code week}: its theme weeks, its
   * answer assignments, its unclustered bucket, the links it decided and the events it recorded (a
   * PM's rename stays). Theme identities are left alone, so a re-run can keep their ids; {@link
   * #deleteUnusedThemes} removes those it did not keep.
   */
  public void deleteWeek(Connection c, long seriesId, WeekId week) throws SQLException {
    String w = week.toString();
    update(c, "DELETE FROM theme_links WHERE decided_week = ? AND series_id = ?", w, seriesId);
    update(c, "DELETE FROM theme_events WHERE week = ? AND series_id = ? AND by_pm = 0", w, seriesId);
    update(c, "DELETE FROM answer_unclustered WHERE week = ? AND series_id = ?", w, seriesId);
    update(
        c,
        "DELETE FROM answer_themes WHERE week = ? AND theme_id IN (SELECT id FROM themes WHERE series_id = ?)",
        w,
        seriesId);
    update(
        c,
        "DELETE FROM theme_weeks WHERE week = ? AND theme_id IN (SELECT id FROM themes WHERE series_id = ?)",
        w,
        seriesId);
  }

  /**
   * Removes the themes of series {@code seriesId} first seen in {@code firstWeek} that no week and
   * no answer uses any more (those an earlier run of that week created and a re-run did not keep).
   */
  public void deleteUnusedThemes(Connection c, long seriesId, WeekId firstWeek) throws SQLException {
    update(
        c,
        "DELETE FROM themes WHERE first_week = ? AND series_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM theme_weeks t WHERE t.theme_id = themes.id)"
            + " AND NOT EXISTS (SELECT 1 FROM answer_themes a WHERE a.theme_id = themes.id)"
            + " AND NOT EXISTS (SELECT 1 FROM theme_links l WHERE l.theme_id = themes.id)"
            + " AND NOT EXISTS (SELECT 1 FROM theme_events e WHERE e.theme_id = themes.id OR e.other_theme_id = themes.id)"
            + " AND NOT EXISTS (SELECT 1 FROM themes s WHERE s.parent_id = themes.id)",
        firstWeek.toString(),
        seriesId);
  }

  /** The ids of the theme identities of a series. */
  public Set<Long> themeIds(Connection c, long seriesId) throws SQLException {
    Set<Long> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM themes WHERE series_id = ?")) {
      ps.setLong(1, seriesId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Stores one theme's figures for one week. */
  public void insertThemeWeek(Connection c, ThemeWeek t) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO theme_weeks (theme_id, week, size, answers_total, label, keywords, quotes, mean_score,"
                + " mean_ci_low, mean_ci_high, sentiment_mix, trend, p_value, centroid, name)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setLong(1, t.themeId());
      ps.setString(2, t.week().toString());
      ps.setInt(3, t.size());
      ps.setInt(4, t.answersTotal());
      ps.setString(5, t.label());
      ps.setString(6, GSON.toJson(t.keywords()));
      ps.setString(7, GSON.toJson(t.quotes()));
      ps.setDouble(8, t.meanScore());
      if (t.meanInterval() == null) {
        ps.setNull(9, Types.REAL);
        ps.setNull(10, Types.REAL);
      } else {
        ps.setDouble(9, t.meanInterval().low());
        ps.setDouble(10, t.meanInterval().high());
      }
      ps.setString(11, t.sentimentMix());
      ps.setString(12, t.trend().name());
      if (t.pValue() == null) {
        ps.setNull(13, Types.REAL);
      } else {
        ps.setDouble(13, t.pValue());
      }
      ps.setBytes(14, Vectors.toBlob(t.centroid()));
      ps.setString(15, t.name());
      ps.executeUpdate();
    }
  }

  /** Assigns an answer to a theme (and sub-theme, or null) for a week. */
  public void assign(Connection c, long answerId, WeekId week, long themeId, Integer subTheme) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT OR REPLACE INTO answer_themes (answer_id, week, theme_id, sub_theme) VALUES (?,?,?,?)")) {
      ps.setLong(1, answerId);
      ps.setString(2, week.toString());
      ps.setLong(3, themeId);
      if (subTheme == null) {
        ps.setNull(4, Types.INTEGER);
      } else {
        ps.setInt(4, subTheme);
      }
      ps.executeUpdate();
    }
  }

  /** Puts an answer of series {@code seriesId} into the unclustered bucket of a week. */
  public void assignUnclustered(Connection c, long answerId, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT OR REPLACE INTO answer_unclustered (answer_id, week, series_id) VALUES (?,?,?)")) {
      ps.setLong(1, answerId);
      ps.setString(2, week.toString());
      ps.setLong(3, seriesId);
      ps.executeUpdate();
    }
  }

  /** The theme of each themed answer of a series in a week, by answer id, ascending. */
  public Map<Long, Long> assignments(Connection c, long seriesId, WeekId week) throws SQLException {
    Map<Long, Long> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.answer_id, a.theme_id FROM answer_themes a JOIN themes t ON t.id = a.theme_id"
                + " WHERE t.series_id = ? AND a.week = ? ORDER BY a.answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** The ids of the unclustered answers of a series in a week, ascending. */
  public List<Long> unclustered(Connection c, long seriesId, WeekId week) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id FROM answer_unclustered WHERE series_id = ? AND week = ? ORDER BY answer_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /**
   * The sub-theme of each answer of a theme in a week, by answer id; an answer stored without one
   * maps to 0.
   */
  public Map<Long, Integer> subThemes(Connection c, long themeId, WeekId week) throws SQLException {
    Map<Long, Integer> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id, sub_theme FROM answer_themes WHERE theme_id = ? AND week = ? ORDER BY answer_id")) {
      ps.setLong(1, themeId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return out;
  }

  /**
   * How many answers of a theme in a week have each stored sentiment: keys {@code negative},
   * {@code neutral}, {@code positive} and {@code pending} (no sentiment yet, or not enriched), all
   * present, summing to the theme's assigned answers.
   */
  public Map<String, Integer> sentimentCounts(Connection c, long themeId, WeekId week) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String key : List.of("negative", "neutral", "positive", "pending")) {
      out.put(key, 0);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.sentiment, count(*) FROM answer_themes t"
                + " LEFT JOIN answer_enrichment e ON e.answer_id = t.answer_id AND e.sentiment_at IS NOT NULL"
                + " WHERE t.theme_id = ? AND t.week = ? GROUP BY e.sentiment")) {
      ps.setLong(1, themeId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String label = rs.getString(1);
          out.merge(label == null ? "pending" : label, rs.getInt(2), Integer::sum);
        }
      }
    }
    return out;
  }

  /**
   * {@link #sentimentCounts} for every theme of a series in a week at once: theme id to counts
   * (keys negative, neutral, positive, pending, all present).
   */
  public Map<Long, Map<String, Integer>> sentimentCountsOfWeek(Connection c, long seriesId, WeekId week)
      throws SQLException {
    Map<Long, Map<String, Integer>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.theme_id, e.sentiment, count(*) FROM answer_themes t JOIN themes th ON th.id = t.theme_id"
                + " LEFT JOIN answer_enrichment e ON e.answer_id = t.answer_id AND e.sentiment_at IS NOT NULL"
                + " WHERE th.series_id = ? AND t.week = ? GROUP BY t.theme_id, e.sentiment")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Integer> counts =
              out.computeIfAbsent(
                  rs.getLong(1),
                  t -> {
                    Map<String, Integer> m = new LinkedHashMap<>();
                    for (String key : List.of("negative", "neutral", "positive", "pending")) {
                      m.put(key, 0);
                    }
                    return m;
                  });
          String label = rs.getString(2);
          counts.merge(label == null ? "pending" : label, rs.getInt(3), Integer::sum);
        }
      }
    }
    return out;
  }

  /** The themes of a series in a week, largest first, ties by id. */
  public List<ThemeWeek> weekThemes(Connection c, long seriesId, WeekId week) throws SQLException {
    List<ThemeWeek> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + WEEK_COLUMNS + " FROM theme_weeks w JOIN themes t ON t.id = w.theme_id"
                + " WHERE t.series_id = ? AND w.week = ? ORDER BY w.size DESC, w.theme_id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    }
    return out;
  }

  /** The latest week before {@code week} with stored themes of the series. */
  public Optional<WeekId> previousWeek(Connection c, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MAX(w.week) FROM theme_weeks w JOIN themes t ON t.id = w.theme_id WHERE t.series_id = ? AND w.week < ?")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        String w = rs.next() ? rs.getString(1) : null;
        return w == null ? Optional.empty() : Optional.of(WeekId.parse(w));
      }
    }
  }

  /** The latest week with stored themes of the series. */
  public Optional<WeekId> latestWeek(Connection c, long seriesId) throws SQLException {
    return previousWeek(c, seriesId, new WeekId(9999, 52));
  }

  /** A theme's figures in one week. */
  public Optional<ThemeWeek> find(Connection c, long themeId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + WEEK_COLUMNS + " FROM theme_weeks w WHERE w.theme_id = ? AND w.week = ?")) {
      ps.setLong(1, themeId);
      ps.setString(2, week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** The latest week a theme was stored in. */
  public Optional<WeekId> latestWeekOf(Connection c, long themeId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(week) FROM theme_weeks WHERE theme_id = ?")) {
      ps.setLong(1, themeId);
      try (ResultSet rs = ps.executeQuery()) {
        String w = rs.next() ? rs.getString(1) : null;
        return w == null ? Optional.empty() : Optional.of(WeekId.parse(w));
      }
    }
  }

  private static void update(Connection c, String sql, String week, long seriesId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, week);
      ps.setLong(2, seriesId);
      ps.executeUpdate();
    }
  }

  private static ThemeWeek map(ResultSet rs) throws SQLException {
    double low = rs.getDouble("mean_ci_low");
    boolean noInterval = rs.wasNull();
    double high = rs.getDouble("mean_ci_high");
    double p = rs.getDouble("p_value");
    Double pValue = rs.wasNull() ? null : p;
    List<String> keywords = GSON.fromJson(rs.getString("keywords"), STRINGS);
    List<Long> quotes = GSON.fromJson(rs.getString("quotes"), LONGS);
    return new ThemeWeek(
        rs.getLong("theme_id"),
        WeekId.parse(rs.getString("week")),
        rs.getInt("size"),
        rs.getInt("answers_total"),
        rs.getString("label"),
        keywords,
        quotes,
        rs.getDouble("mean_score"),
        noInterval ? null : new Interval(low, high),
        rs.getString("sentiment_mix"),
        ThemeTrend.valueOf(rs.getString("trend")),
        pValue,
        Vectors.fromBlob(rs.getBytes("centroid")),
        rs.getString("name"));
  }
}
