package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.RequestStatus;
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
import java.util.TreeMap;

/**
 * Feature-request groups, the asks of answers assigned to them and what PMs did to them (schema
 * V010: {@code request_groups}, {@code request_asks}, {@code request_events}). Requesters are the
 * distinct user ids of a group's answers; a family group (a parent) counts its children's too.
 */
public final class FeatureRequestRepository {
  /** A group as stored. */
  public record GroupRow(
      long id,
      long seriesId,
      String name,
      boolean namePinned,
      int namedFrom,
      String key,
      Long parentId,
      Long mergedInto,
      RequestStatus status,
      String statusNote,
      String statusBy,
      Instant statusAt,
      String link,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * An ask of an answer in a group, with the answer's week, user and score.
   *
   * @param terms the ask's terms, encoded by the engine
   * @param vector the ask's phrase embedding, or null (rows migrated from before V010)
   */
  public record AskRow(
      long answerId,
      long requestId,
      long originId,
      String phrase,
      String terms,
      float[] vector,
      String language,
      boolean pinned,
      WeekId week,
      String userId,
      int score,
      Instant answeredAt) {}

  /** A PM action or a run's creation of a group. */
  public record EventRow(
      long id, long requestId, Instant at, String actor, String kind, String oldValue, String newValue, String note) {}

  private static final String GROUP_COLUMNS =
      "id, series_id, name, name_pinned, named_from, key, parent_id, merged_into, status, status_note, status_by, status_at,"
          + " link, created_at, updated_at";

  /** Every group of a series (merged ones included), by id. */
  public List<GroupRow> groups(Connection c, long seriesId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + GROUP_COLUMNS + " FROM request_groups WHERE series_id = ? ORDER BY id")) {
      ps.setLong(1, seriesId);
      return groupRows(ps);
    }
  }

  /** Every group of every series, by id. */
  public List<GroupRow> allGroups(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + GROUP_COLUMNS + " FROM request_groups ORDER BY id")) {
      return groupRows(ps);
    }
  }

  /** A group with its counts (as {@link #list} gives it), if it exists and was not merged away. */
  public Optional<FeatureRequest> find(Connection c, long id) throws SQLException {
    Optional<GroupRow> g = findGroup(c, id);
    if (g.isEmpty()) {
      return Optional.empty();
    }
    return list(c, g.get().seriesId()).stream().filter(r -> r.id() == id).findFirst();
  }

  /** Answer ids of each group of a series that has any, groups and answers by id. */
  public Map<Long, List<Long>> answerIdsByRequest(Connection c, long seriesId) throws SQLException {
    Map<Long, List<Long>> out = new TreeMap<>();
    for (AskRow a : asks(c, seriesId)) {
      out.computeIfAbsent(a.requestId(), k -> new ArrayList<>()).add(a.answerId());
    }
    return out;
  }

  /** Sets a group's status without a note, as a run or a test would; false when there is no such group. */
  public boolean updateStatus(Connection c, long id, RequestStatus status, Instant now) throws SQLException {
    if (findGroup(c, id).isEmpty()) {
      return false;
    }
    updateStatus(c, id, status, null, null, now);
    return true;
  }

  public Optional<GroupRow> findGroup(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + GROUP_COLUMNS + " FROM request_groups WHERE id = ?")) {
      ps.setLong(1, id);
      List<GroupRow> rows = groupRows(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  /** The asks of a series' groups, by group, then answer. */
  public List<AskRow> asks(Connection c, long seriesId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT q.answer_id, q.request_id, q.origin_id, q.phrase, q.terms, q.vector, q.language, q.pinned,"
                + " a.week, a.user_id, a.score, a.created_at FROM request_asks q"
                + " JOIN request_groups g ON g.id = q.request_id JOIN answers a ON a.id = q.answer_id"
                + " WHERE g.series_id = ? ORDER BY q.request_id, q.answer_id")) {
      ps.setLong(1, seriesId);
      List<AskRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] blob = rs.getBytes(6);
          out.add(
              new AskRow(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  blob == null ? null : Vectors.fromBlob(blob),
                  rs.getString(7),
                  rs.getInt(8) == 1,
                  WeekId.parse(rs.getString(9)),
                  rs.getString(10),
                  rs.getInt(11),
                  Instant.parse(rs.getString(12))));
        }
      }
      return out;
    }
  }

  /** Creates a group with status new and returns its id. */
  public long insertGroup(Connection c, long seriesId, String name, String key, Instant now) throws SQLException {
    return insertGroup(c, seriesId, name, key, 0, now);
  }

  /** Creates a group with status new, named from {@code namedFrom} asks, and returns its id. */
  public long insertGroup(Connection c, long seriesId, String name, String key, int namedFrom, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO request_groups (series_id, name, key, named_from, created_at, updated_at) VALUES (?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, seriesId);
      ps.setString(2, name);
      ps.setString(3, key);
      ps.setInt(4, namedFrom);
      ps.setString(5, now.toString());
      ps.setString(6, now.toString());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Puts an ask of an answer in a group (replacing the answer's row in that group, if any). */
  public void insertAsk(
      Connection c, long answerId, long requestId, long originId, String phrase, String terms, float[] vector,
      String language, boolean pinned) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO request_asks (answer_id, request_id, origin_id, phrase, terms, vector, language, pinned)"
                + " VALUES (?,?,?,?,?,?,?,?)")) {
      ps.setLong(1, answerId);
      ps.setLong(2, requestId);
      ps.setLong(3, originId);
      ps.setString(4, phrase);
      ps.setString(5, terms);
      if (vector == null) {
        ps.setNull(6, Types.BLOB);
      } else {
        ps.setBytes(6, Vectors.toBlob(vector));
      }
      ps.setString(7, language);
      ps.setInt(8, pinned ? 1 : 0);
      ps.executeUpdate();
    }
  }

  /**
   * Removes what an earlier run put in groups for a series' answers of {@code week}; rows a PM
   * placed (pinned) stay. {@link #deleteEmpty} removes afterwards the groups left without asks.
   */
  public void unassignWeek(Connection c, long seriesId, WeekId week) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM request_asks WHERE pinned = 0 AND answer_id IN (SELECT a.id FROM answers a"
                + " JOIN surveys s ON s.id = a.survey_id WHERE s.series_id = ? AND a.week = ?)")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      ps.executeUpdate();
    }
  }

  /**
   * Deletes the groups of a series that nobody decided anything about and that hold nothing: status
   * new, name not pinned, no link, no asks, no child, not merged into another and nothing merged
   * into them. A group a PM touched is their decision, not the run's, and stays even when empty.
   */
  public int deleteEmpty(Connection c, long seriesId) throws SQLException {
    String unused =
        "series_id = ? AND status = 'new' AND name_pinned = 0 AND link IS NULL AND merged_into IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM request_asks q WHERE q.request_id = request_groups.id)"
            + " AND NOT EXISTS (SELECT 1 FROM request_groups k WHERE k.parent_id = request_groups.id"
            + " OR k.merged_into = request_groups.id)"
            + " AND NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = request_groups.id AND e.kind <> 'created')";
    try (PreparedStatement events =
            c.prepareStatement("DELETE FROM request_events WHERE request_id IN (SELECT id FROM request_groups WHERE " + unused + ")");
        PreparedStatement groups = c.prepareStatement("DELETE FROM request_groups WHERE " + unused)) {
      events.setLong(1, seriesId);
      events.executeUpdate();
      groups.setLong(1, seriesId);
      return groups.executeUpdate();
    }
  }

  /** Sets the name a run chose and how many asks it chose it from. */
  public void updateRunName(Connection c, long id, String name, int namedFrom, Instant now) throws SQLException {
    update(c, "UPDATE request_groups SET name = ?, named_from = ?, updated_at = ? WHERE id = ? AND name_pinned = 0", name,
        namedFrom, now.toString(), id);
  }

  /** Sets a group's name; {@code pinned} when a PM chose it. */
  public void updateName(Connection c, long id, String name, boolean pinned, Instant now) throws SQLException {
    update(c, "UPDATE request_groups SET name = ?, name_pinned = ?, updated_at = ? WHERE id = ?", name, pinned ? 1 : 0, now.toString(), id);
  }

  /** Sets a group's status with its note and author. */
  public void updateStatus(Connection c, long id, RequestStatus status, String note, String by, Instant now) throws SQLException {
    update(
        c,
        "UPDATE request_groups SET status = ?, status_note = ?, status_by = ?, status_at = ?, updated_at = ? WHERE id = ?",
        status.wire(), note, by, now.toString(), now.toString(), id);
  }

  /** Sets (or clears, with null) a group's external link. */
  public void updateLink(Connection c, long id, String link, Instant now) throws SQLException {
    update(c, "UPDATE request_groups SET link = ?, updated_at = ? WHERE id = ?", link, now.toString(), id);
  }

  /** Sets (or clears) a group's parent. */
  public void updateParent(Connection c, long id, Long parentId, Instant now) throws SQLException {
    update(c, "UPDATE request_groups SET parent_id = ?, updated_at = ? WHERE id = ?", parentId, now.toString(), id);
  }

  /** Sets a group's dominant term. */
  public void updateKey(Connection c, long id, String key) throws SQLException {
    update(c, "UPDATE request_groups SET key = ? WHERE id = ?", key, id);
  }

  /**
   * Merges group {@code from} into {@code into}: its asks move (an answer already in {@code into}
   * keeps that row), its children get the new parent, and it records where it went.
   */
  public void merge(Connection c, long from, long into, Instant now) throws SQLException {
    update(c, "INSERT OR IGNORE INTO request_asks (answer_id, request_id, origin_id, phrase, terms, vector, language, pinned)"
        + " SELECT answer_id, ?, origin_id, phrase, terms, vector, language, pinned FROM request_asks WHERE request_id = ?", into, from);
    update(c, "DELETE FROM request_asks WHERE request_id = ?", from);
    // Its children join the group it goes into (which, if it was one of them, gets no parent).
    update(c, "UPDATE request_groups SET parent_id = NULL WHERE id = ? AND parent_id = ?", into, from);
    update(c, "UPDATE request_groups SET parent_id = ?, updated_at = ? WHERE parent_id = ? AND id <> ?", into, now.toString(), from, into);
    update(c, "UPDATE request_groups SET merged_into = ?, parent_id = NULL, updated_at = ? WHERE id = ?", into, now.toString(), from);
    update(c, "UPDATE request_groups SET merged_into = ? WHERE merged_into = ?", into, from);
    update(c, "UPDATE request_groups SET updated_at = ? WHERE id = ?", now.toString(), into);
  }

  /**
   * Moves the asks of {@code answerIds} from group {@code from} to group {@code to}, pinned (a run
   * leaves them there) and with {@code to} as their origin. Returns how many moved.
   */
  public int moveAnswers(Connection c, long from, long to, Collection<Long> answerIds) throws SQLException {
    int moved = 0;
    try (PreparedStatement copy =
            c.prepareStatement(
                "INSERT OR REPLACE INTO request_asks (answer_id, request_id, origin_id, phrase, terms, vector, language, pinned)"
                    + " SELECT answer_id, ?, ?, phrase, terms, vector, language, 1 FROM request_asks WHERE request_id = ? AND answer_id = ?");
        PreparedStatement delete = c.prepareStatement("DELETE FROM request_asks WHERE request_id = ? AND answer_id = ?")) {
      for (long a : answerIds) {
        copy.setLong(1, to);
        copy.setLong(2, to);
        copy.setLong(3, from);
        copy.setLong(4, a);
        moved += copy.executeUpdate();
        delete.setLong(1, from);
        delete.setLong(2, a);
        delete.executeUpdate();
      }
    }
    return moved;
  }

  /** Records an event. */
  public void insertEvent(
      Connection c, long requestId, Instant at, String actor, String kind, String oldValue, String newValue, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO request_events (request_id, at, actor, kind, old_value, new_value, note) VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, requestId);
      ps.setString(2, at.toString());
      ps.setString(3, actor);
      ps.setString(4, kind);
      ps.setString(5, oldValue);
      ps.setString(6, newValue);
      ps.setString(7, note);
      ps.executeUpdate();
    }
  }

  /** The events of a series' groups between two instants (from inclusive, to exclusive), by time. */
  public List<EventRow> events(Connection c, long seriesId, Instant from, Instant to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.id, e.request_id, e.at, e.actor, e.kind, e.old_value, e.new_value, e.note FROM request_events e"
                + " JOIN request_groups g ON g.id = e.request_id WHERE g.series_id = ? AND e.at >= ? AND e.at < ?"
                + " ORDER BY e.at, e.id")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      return eventRows(ps);
    }
  }

  /** The events of one group, by time. */
  public List<EventRow> events(Connection c, long requestId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, request_id, at, actor, kind, old_value, new_value, note FROM request_events WHERE request_id = ?"
                + " ORDER BY at, id")) {
      ps.setLong(1, requestId);
      return eventRows(ps);
    }
  }

  /** The latest traits (JSON text) of each of these users that has any. */
  public Map<String, String> traits(Connection c, Collection<String> userIds) throws SQLException {
    Map<String, String> out = new HashMap<>();
    List<String> ids = new ArrayList<>(new HashSet<>(userIds));
    for (int from = 0; from < ids.size(); from += IdChunks.SIZE) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IdChunks.SIZE));
      try (PreparedStatement ps =
          c.prepareStatement("SELECT user_id, traits FROM user_traits WHERE user_id IN (" + IdChunks.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  /**
   * Distinct users with any product event in [from, to): a user id, else the user an anonymous id
   * was linked to, else the anonymous id, as the rollups count users.
   */
  public long activeUsers(Connection c, Instant from, Instant to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(DISTINCT COALESCE(e.user_id, i.user_id, e.anonymous_id)) FROM events e"
                + " LEFT JOIN identities i ON i.anonymous_id = e.anonymous_id WHERE e.ts >= ? AND e.ts < ?")) {
      ps.setLong(1, from.toEpochMilli());
      ps.setLong(2, to.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Distinct users who answered a survey of the series in weeks {@code from..to}. */
  public long respondents(Connection c, long seriesId, WeekId from, WeekId to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(DISTINCT a.user_id) FROM answers a JOIN surveys s ON s.id = a.survey_id"
                + " WHERE s.series_id = ? AND a.week >= ? AND a.week <= ?")) {
      ps.setLong(1, seriesId);
      ps.setString(2, from.toString());
      ps.setString(3, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * The series' groups that are not merged into another, with their counts (a parent's include its
   * children's), most requesters first, ties by id. One query for groups and one for their asks.
   */
  public List<FeatureRequest> list(Connection c, long seriesId) throws SQLException {
    List<GroupRow> groups = groups(c, seriesId);
    Map<Long, List<AskRow>> asks = new HashMap<>();
    for (AskRow a : asks(c, seriesId)) {
      asks.computeIfAbsent(a.requestId(), k -> new ArrayList<>()).add(a);
    }
    Map<Long, List<Long>> children = new HashMap<>();
    for (GroupRow g : groups) {
      if (g.parentId() != null && g.mergedInto() == null) {
        children.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g.id());
      }
    }
    List<FeatureRequest> out = new ArrayList<>();
    for (GroupRow g : groups) {
      if (g.mergedInto() != null) {
        continue;
      }
      List<AskRow> all = new ArrayList<>(asks.getOrDefault(g.id(), List.of()));
      for (long child : children.getOrDefault(g.id(), List.of())) {
        all.addAll(asks.getOrDefault(child, List.of()));
      }
      Set<String> users = new HashSet<>();
      Set<Long> answers = new HashSet<>();
      Map<WeekId, Set<String>> weekly = new TreeMap<>();
      for (AskRow a : all) {
        users.add(a.userId());
        answers.add(a.answerId());
        weekly.computeIfAbsent(a.week(), k -> new HashSet<>()).add(a.userId());
      }
      Map<WeekId, Integer> counts = new LinkedHashMap<>();
      weekly.forEach((w, u) -> counts.put(w, u.size()));
      out.add(
          new FeatureRequest(
              g.id(), g.seriesId(), g.name(), g.namePinned(), g.status(), g.statusNote(), g.statusBy(), g.statusAt(),
              g.link(), g.parentId(), g.mergedInto(), g.createdAt(), g.updatedAt(), users.size(), answers.size(),
              new TreeMap<>(counts)));
    }
    out.sort((a, b) -> a.requesters() != b.requesters() ? b.requesters() - a.requesters() : Long.compare(a.id(), b.id()));
    return out;
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] == null) {
          ps.setNull(i + 1, Types.NULL);
        } else {
          ps.setObject(i + 1, params[i]);
        }
      }
      ps.executeUpdate();
    }
  }

  private static List<GroupRow> groupRows(PreparedStatement ps) throws SQLException {
    List<GroupRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long merged = rs.getLong("merged_into");
        Long mergedInto = rs.wasNull() ? null : merged;
        String statusAt = rs.getString("status_at");
        out.add(
            new GroupRow(
                rs.getLong("id"),
                rs.getLong("series_id"),
                rs.getString("name"),
                rs.getInt("name_pinned") == 1,
                rs.getInt("named_from"),
                rs.getString("key"),
                parentId,
                mergedInto,
                RequestStatus.parse(rs.getString("status"), "status"),
                rs.getString("status_note"),
                rs.getString("status_by"),
                statusAt == null ? null : Instant.parse(statusAt),
                rs.getString("link"),
                Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at"))));
      }
    }
    return out;
  }

  private static List<EventRow> eventRows(PreparedStatement ps) throws SQLException {
    List<EventRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new EventRow(
                rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8)));
      }
    }
    return out;
  }
}
