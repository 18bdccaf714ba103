package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.RollupSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imported rollup snapshots (migration V009): the snapshot's facts, the metrics configuration
 * and job summary it came with, and its reports as JSON. A snapshot is saved in the caller's
 * transaction, whole or not at all.
 */
public final class RollupSnapshotRepository {
  /** One report of a snapshot: its kind, the survey version (satisfaction; else 0), its JSON. */
  public record Report(String report, long surveyId, String body) {}

  /** A snapshot with the configuration it was computed with. */
  public record Stored(RollupSnapshot snapshot, String config) {}

  /** Saves a snapshot and its reports; returns its id. */
  public long save(
      Connection c, String source, Instant asOf, WeekId from, WeekId to, long events, String config, String summary,
      Instant importedAt, List<Report> reports) throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO rollup_snapshots (source, as_of, from_week, to_week, event_count, config, summary, imported_at)"
                + " VALUES (?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, source);
      ps.setLong(2, asOf.toEpochMilli());
      ps.setString(3, from.toString());
      ps.setString(4, to.toString());
      ps.setLong(5, events);
      ps.setString(6, config);
      ps.setString(7, summary);
      ps.setLong(8, importedAt.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO rollup_snapshot_reports (snapshot_id, report, survey_id, body) VALUES (?,?,?,?)")) {
      for (Report r : reports) {
        ps.setLong(1, id);
        ps.setString(2, r.report());
        ps.setLong(3, r.surveyId());
        ps.setString(4, r.body());
        ps.executeUpdate();
      }
    }
    return id;
  }

  /** Every snapshot, newest first. */
  public List<Stored> list(Connection c) throws SQLException {
    List<Stored> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, source, as_of, from_week, to_week, event_count, imported_at, config FROM rollup_snapshots"
                    + " ORDER BY id DESC")) {
      while (rs.next()) {
        out.add(new Stored(
            new RollupSnapshot(
                rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), WeekId.parse(rs.getString(4)),
                WeekId.parse(rs.getString(5)), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7))),
            rs.getString(8)));
      }
    }
    return out;
  }

  /** The JSON of one report of a snapshot. */
  public Optional<String> report(Connection c, long snapshotId, String report, long surveyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body FROM rollup_snapshot_reports WHERE snapshot_id = ? AND report = ? AND survey_id = ?")) {
      ps.setLong(1, snapshotId);
      ps.setString(2, report);
      ps.setLong(3, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
