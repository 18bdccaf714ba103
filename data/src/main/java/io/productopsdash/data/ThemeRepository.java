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
          + " w.mean_ci_high, w.sentiment_mix, w.trend, w.p_value, w.centroid";

  /** The stored embeddings by {@code model} of those of {@code answerIds} that have one. */
  public Map<Long, float[]> embeddings(Connection c, Collection<Long> answerIds, String model) throws SQLException {
    Map<Long, float[]> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT vector FROM answer_embeddings WHERE answer_id = ? AND model = ?")) {
      for (long id : answerIds) {
        ps.setLong(1, id);
        ps.setString(2, model);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(id, Vectors.fromBlob(rs.getBytes(1)));
          }
        }
      }
    }
    return out;
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

  /** Creates a theme identity and returns its id. */
  public long insertTheme(Connection c, long seriesId, WeekId firstWeek, String label, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO themes (series_id, first_week, label, created_at) VALUES (?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, seriesId);
      ps.setString(2, firstWeek.toString());
      ps.setString(3, label);
      ps.setString(4, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Removes what a run stored for series {@code seriesId} in {@code week}: its theme weeks, its
   * answer assignments and its unclustered bucket. Theme identities are left alone, so a re-run can
   * keep their ids; {@link #deleteUnusedThemes} removes those it did not keep.
   */
  public void deleteWeek(Connection c, long seriesId, WeekId week) throws SQLException {
    String w = week.toString();
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
            + " AND NOT EXISTS (SELECT 1 FROM answer_themes a WHERE a.theme_id = themes.id)",
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

  /** Stores one theme's figures for one week and refreshes the theme's label. */
  public void insertThemeWeek(Connection c, ThemeWeek t) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO theme_weeks (theme_id, week, size, answers_total, label, keywords, quotes, mean_score,"
                + " mean_ci_low, mean_ci_high, sentiment_mix, trend, p_value, centroid)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE themes SET label = ? WHERE id = ?")) {
      ps.setString(1, t.label());
      ps.setLong(2, t.themeId());
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
        Vectors.fromBlob(rs.getBytes("centroid")));
  }
}
