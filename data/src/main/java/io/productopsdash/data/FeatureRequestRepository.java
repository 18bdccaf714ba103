package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.RequestStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Feature requests and the answers assigned to them (schema V004). Requesters are counted as
 * distinct user ids of the assigned answers.
 */
public final class FeatureRequestRepository {
  private static final String SELECT =
      "SELECT r.id, r.series_id, r.label, r.status, r.created_at, r.updated_at,"
          + " COUNT(DISTINCT a.user_id) AS requesters, COUNT(a.id) AS answers"
          + " FROM feature_requests r LEFT JOIN answer_feature_requests f ON f.request_id = r.id"
          + " LEFT JOIN answers a ON a.id = f.answer_id";

  /** Creates a request with status new and returns its id. */
  public long insert(Connection c, long seriesId, String label, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO feature_requests (series_id, label, created_at, updated_at) VALUES (?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, seriesId);
      ps.setString(2, label);
      ps.setString(3, now.toString());
      ps.setString(4, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Assigns (or re-assigns) an answer to a request. */
  public void assign(Connection c, long answerId, long requestId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT OR REPLACE INTO answer_feature_requests (answer_id, request_id) VALUES (?,?)")) {
      ps.setLong(1, answerId);
      ps.setLong(2, requestId);
      ps.executeUpdate();
    }
  }

  /**
   * Removes the request assignments of a series' answers in {@code week} (before a re-run). The
   * requests themselves stay, so the re-run can give the answers back to them; {@link
   * #deleteEmptyNew} removes afterwards those left without answers.
   */
  public void unassignWeek(Connection c, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM answer_feature_requests WHERE answer_id IN (SELECT a.id FROM answers a"
                + " JOIN surveys s ON s.id = a.survey_id WHERE s.series_id = ? AND a.week = ?)")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      ps.executeUpdate();
    }
  }

  /**
   * Deletes the requests of a series that have no answer and still have status new. A request a PM
   * has given another status is kept even when empty: the status is their decision, not the run's.
   */
  public void deleteEmptyNew(Connection c, long seriesId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM feature_requests WHERE series_id = ? AND status = 'new'"
                + " AND NOT EXISTS (SELECT 1 FROM answer_feature_requests f WHERE f.request_id = feature_requests.id)")) {
      ps.setLong(1, seriesId);
      ps.executeUpdate();
    }
  }

  /** Answer ids of each request of a series, requests and answers by id. */
  public Map<Long, List<Long>> answerIdsByRequest(Connection c, long seriesId) throws SQLException {
    Map<Long, List<Long>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT f.request_id, f.answer_id FROM answer_feature_requests f JOIN feature_requests r ON r.id = f.request_id"
                + " WHERE r.series_id = ? ORDER BY f.request_id, f.answer_id")) {
      ps.setLong(1, seriesId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** Requests of one series, or of all when {@code seriesId} is null; most requesters first, ties by id. */
  public List<FeatureRequest> list(Connection c, Long seriesId) throws SQLException {
    String sql =
        SELECT
            + (seriesId == null ? "" : " WHERE r.series_id = ?")
            + " GROUP BY r.id ORDER BY requesters DESC, r.id";
    List<FeatureRequest> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (seriesId != null) {
        ps.setLong(1, seriesId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(c, rs));
        }
      }
    }
    return out;
  }

  public Optional<FeatureRequest> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE r.id = ? GROUP BY r.id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(c, rs)) : Optional.empty();
      }
    }
  }

  /** Sets a request's status; false when there is no such request. */
  public boolean updateStatus(Connection c, long id, RequestStatus status, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE feature_requests SET status = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, status.wire());
      ps.setString(2, now.toString());
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static FeatureRequest map(Connection c, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new FeatureRequest(
        id,
        rs.getLong("series_id"),
        rs.getString("label"),
        RequestStatus.parse(rs.getString("status"), "status"),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("updated_at")),
        rs.getInt("requesters"),
        rs.getInt("answers"),
        weekly(c, id));
  }

  private static TreeMap<WeekId, Integer> weekly(Connection c, long requestId) throws SQLException {
    TreeMap<WeekId, Integer> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.week, COUNT(*) FROM answer_feature_requests f JOIN answers a ON a.id = f.answer_id"
                + " WHERE f.request_id = ? GROUP BY a.week")) {
      ps.setLong(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(WeekId.parse(rs.getString(1)), rs.getInt(2));
        }
      }
    }
    return out;
  }
}
