package io.productopsdash.data;

import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Survey versions in SQLite. Stateless: every method works on the connection it is given. */
public final class SurveyRepository {
  private static final String COLUMNS =
      "id, series_id, version, name, question, kind, points, min_label, max_label, top_box,"
          + " open_question, sample_rate, cooldown_weeks, active, created_at, superseded_by";

  /** Inserts the first version of a new survey series. */
  public Survey insertNew(Connection c, SurveyDraft draft, Instant now) throws SQLException {
    long id = insert(c, 0, 1, draft, now);
    try (PreparedStatement ps = c.prepareStatement("UPDATE surveys SET series_id = ? WHERE id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow();
  }

  /** Inserts the next version of {@code previous}'s series and marks {@code previous} superseded. */
  public Survey insertVersion(Connection c, Survey previous, SurveyDraft draft, Instant now)
      throws SQLException {
    long id = insert(c, previous.seriesId(), previous.version() + 1, draft, now);
    try (PreparedStatement ps = c.prepareStatement("UPDATE surveys SET superseded_by = ? WHERE id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, previous.id());
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow();
  }

  /** Overwrites a version's definition in place (only for edits that keep the instrument). */
  public Survey update(Connection c, long id, SurveyDraft draft) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE surveys SET name=?, question=?, kind=?, points=?, min_label=?, max_label=?, top_box=?,"
                + " open_question=?, sample_rate=?, cooldown_weeks=?, active=? WHERE id=?")) {
      bindDraft(ps, 1, draft);
      ps.setLong(12, id);
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow();
  }

  private long insert(Connection c, long seriesId, int version, SurveyDraft d, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO surveys (name, question, kind, points, min_label, max_label, top_box,"
                + " open_question, sample_rate, cooldown_weeks, active, series_id, version, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      bindDraft(ps, 1, d);
      ps.setLong(12, seriesId);
      ps.setInt(13, version);
      ps.setString(14, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void bindDraft(PreparedStatement ps, int i, SurveyDraft d) throws SQLException {
    Scale s = d.scale();
    ps.setString(i, d.name());
    ps.setString(i + 1, d.question());
    ps.setString(i + 2, s.kind().name());
    ps.setInt(i + 3, s.points());
    ps.setString(i + 4, s.minLabel());
    ps.setString(i + 5, s.maxLabel());
    ps.setInt(i + 6, s.topBox());
    ps.setString(i + 7, d.openQuestion());
    ps.setDouble(i + 8, d.sampleRate());
    ps.setInt(i + 9, d.cooldownWeeks());
    ps.setInt(i + 10, d.active() ? 1 : 0);
  }

  public Optional<Survey> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM surveys WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** The newest version of the series {@code seriesId}. */
  public Optional<Survey> findLatestInSeries(Connection c, long seriesId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM surveys WHERE series_id = ? ORDER BY version DESC LIMIT 1")) {
      ps.setLong(1, seriesId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** Every version, oldest first (ties by id). */
  public List<Survey> list(Connection c) throws SQLException {
    List<Survey> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM surveys ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(map(rs));
      }
    }
    return out;
  }

  private static Survey map(ResultSet rs) throws SQLException {
    Scale scale =
        new Scale(
            ScoreKind.valueOf(rs.getString("kind")),
            rs.getInt("points"),
            rs.getString("min_label"),
            rs.getString("max_label"),
            rs.getInt("top_box"));
    SurveyDraft draft =
        new SurveyDraft(
            rs.getString("name"),
            rs.getString("question"),
            scale,
            rs.getString("open_question"),
            rs.getDouble("sample_rate"),
            rs.getInt("cooldown_weeks"),
            rs.getInt("active") != 0);
    long superseded = rs.getLong("superseded_by");
    Long supersededBy = rs.wasNull() ? null : superseded;
    return new Survey(
        rs.getLong("id"),
        rs.getLong("series_id"),
        rs.getInt("version"),
        draft,
        Instant.parse(rs.getString("created_at")),
        supersededBy);
  }
}
