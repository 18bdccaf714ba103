package io.productopsdash.data;

import io.productopsdash.models.WeekId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Digest subscribers per survey series and the digest send log (schema V006). The send log is
 * what keeps a weekly digest to at most one delivery per (series, week, recipient): a sender first
 * {@link #claim claims} the row in a committed transaction, then sends, then records the outcome.
 */
public final class DigestRepository {
  /** Where one digest delivery stands. */
  public enum Status {
    /** Claimed by a sender that has not recorded an outcome yet. */
    SENDING,
    /** Accepted by the SMTP server (or written to the outbox). */
    SENT,
    /** A transient failure after all retries; retried from {@code nextAttemptAt} on. */
    FAILED,
    /** Permanently refused by the SMTP server (a 5xx reply); not retried automatically. */
    REJECTED,
    /** A claim whose sender stopped before recording an outcome: it may have been delivered. */
    UNCERTAIN;

    /** The lower-case name used in the database and on the wire. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /** One row of the send log. */
  public record Send(
      long seriesId,
      WeekId week,
      String recipient,
      long surveyId,
      Status status,
      int attempts,
      String messageId,
      String lastError,
      Instant claimedAt,
      Instant nextAttemptAt,
      Instant sentAt,
      Instant updatedAt) {}

  /** The outcome of a claim: whether the caller may send now, and the row as it stands. */
  public record Claim(boolean claimed, Send row) {}

  /** The subscribers of a series, in the order they were stored. */
  public List<String> subscribers(Connection c, long seriesId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT email FROM digest_subscribers WHERE series_id = ? ORDER BY created_at, email")) {
      ps.setLong(1, seriesId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Every series with subscribers, ascending, with its subscribers. */
  public Map<Long, List<String>> allSubscribers(Connection c) throws SQLException {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT series_id, email FROM digest_subscribers ORDER BY series_id, created_at, email");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Makes {@code emails} the series' subscribers: addresses kept keep their original subscription
   * time, new ones get {@code now}, the others are removed.
   */
  public void replaceSubscribers(Connection c, long seriesId, List<String> emails, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM digest_subscribers WHERE series_id = ? AND email = ?")) {
      for (String old : subscribers(c, seriesId)) {
        if (emails.stream().noneMatch(e -> e.equalsIgnoreCase(old))) {
          ps.setLong(1, seriesId);
          ps.setString(2, old);
          ps.executeUpdate();
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO digest_subscribers (series_id, email, created_at) VALUES (?,?,?)"
                + " ON CONFLICT(series_id, email) DO NOTHING")) {
      for (String email : emails) {
        ps.setLong(1, seriesId);
        ps.setString(2, email);
        ps.setString(3, now.toString());
        ps.executeUpdate();
      }
    }
  }

  /**
   * Claims the delivery of week {@code week}'s digest of series {@code seriesId} to {@code
   * recipient}. It is claimed when there is no row yet, or when the row failed transiently and
   * {@code now} has reached its next attempt time; a claimed row is {@code sending} with {@code
   * claimedAt = now}. Sent, rejected, uncertain and other senders' rows are never claimed.
   */
  public Claim claim(Connection c, long seriesId, WeekId week, String recipient, long surveyId, Instant now)
      throws SQLException {
    Optional<Send> existing = find(c, seriesId, week, recipient);
    if (existing.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO digest_sends (series_id, week, recipient, survey_id, status, attempts, claimed_at, updated_at)"
                  + " VALUES (?,?,?,?,'sending',0,?,?)")) {
        ps.setLong(1, seriesId);
        ps.setString(2, week.toString());
        ps.setString(3, recipient);
        ps.setLong(4, surveyId);
        ps.setString(5, now.toString());
        ps.setString(6, now.toString());
        ps.executeUpdate();
      }
      return new Claim(true, find(c, seriesId, week, recipient).orElseThrow());
    }
    Send row = existing.get();
    boolean due = row.status() == Status.FAILED && (row.nextAttemptAt() == null || !now.isBefore(row.nextAttemptAt()));
    if (!due) {
      return new Claim(false, row);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE digest_sends SET status = 'sending', survey_id = ?, claimed_at = ?, updated_at = ?"
                + " WHERE series_id = ? AND week = ? AND recipient = ? AND status = 'failed'")) {
      ps.setLong(1, surveyId);
      ps.setString(2, now.toString());
      ps.setString(3, now.toString());
      ps.setLong(4, seriesId);
      ps.setString(5, week.toString());
      ps.setString(6, recipient);
      ps.executeUpdate();
    }
    return new Claim(true, find(c, seriesId, week, recipient).orElseThrow());
  }

  /** Records a delivery: {@code attempts} more tries, the Message-ID, sent at {@code now}. */
  public void markSent(Connection c, Send claimed, int attempts, String messageId, Instant now) throws SQLException {
    outcome(c, claimed, Status.SENT, attempts, messageId, null, null, now, now);
  }

  /**
   * Records a failure after {@code attempts} more tries: {@link Status#FAILED} (retried from
   * {@code nextAttemptAt}) or {@link Status#REJECTED}.
   */
  public void markFailed(
      Connection c, Send claimed, Status status, int attempts, String messageId, String error, Instant nextAttemptAt,
      Instant now) throws SQLException {
    if (status != Status.FAILED && status != Status.REJECTED) {
      throw new IllegalArgumentException("A failure is failed or rejected, not " + status);
    }
    outcome(c, claimed, status, attempts, messageId, error, nextAttemptAt, null, now);
  }

  /**
   * Marks rows still {@code sending} that were claimed before {@code claimedBefore} as {@link
   * Status#UNCERTAIN}: their sender stopped mid-send, so the message may or may not have left.
   * Returns the rows so marked.
   */
  public List<Send> markStaleUncertain(Connection c, Instant claimedBefore, Instant now) throws SQLException {
    List<Send> stale = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM digest_sends WHERE status = 'sending'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Send s = map(rs);
        if (s.claimedAt().isBefore(claimedBefore)) {
          stale.add(s);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE digest_sends SET status = 'uncertain', last_error = ?, updated_at = ?"
                + " WHERE series_id = ? AND week = ? AND recipient = ? AND status = 'sending'")) {
      for (Send s : stale) {
        ps.setString(1, "the sending process stopped after claiming this delivery; it may have been delivered");
        ps.setString(2, now.toString());
        ps.setLong(3, s.seriesId());
        ps.setString(4, s.week().toString());
        ps.setString(5, s.recipient());
        ps.executeUpdate();
      }
    }
    return stale;
  }

  /** One row of the log. */
  public Optional<Send> find(Connection c, long seriesId, WeekId week, String recipient) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM digest_sends WHERE series_id = ? AND week = ? AND recipient = ?")) {
      ps.setLong(1, seriesId);
      ps.setString(2, week.toString());
      ps.setString(3, recipient);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** The log of one series (or all when null) and week (or all when null), newest week first. */
  public List<Send> sends(Connection c, Long seriesId, WeekId week) throws SQLException {
    String sql =
        "SELECT * FROM digest_sends WHERE (? IS NULL OR series_id = ?) AND (? IS NULL OR week = ?)"
            + " ORDER BY week DESC, series_id, recipient";
    List<Send> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, seriesId);
      ps.setObject(2, seriesId);
      ps.setObject(3, week == null ? null : week.toString());
      ps.setObject(4, week == null ? null : week.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    }
    return out;
  }

  private static void outcome(
      Connection c, Send claimed, Status status, int attempts, String messageId, String error, Instant next,
      Instant sentAt, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE digest_sends SET status = ?, attempts = attempts + ?, message_id = COALESCE(?, message_id),"
                + " last_error = ?, next_attempt_at = ?, sent_at = ?, updated_at = ?"
                + " WHERE series_id = ? AND week = ? AND recipient = ? AND status = 'sending'")) {
      ps.setString(1, status.wire());
      ps.setInt(2, attempts);
      ps.setString(3, messageId);
      ps.setString(4, error);
      ps.setString(5, next == null ? null : next.toString());
      ps.setString(6, sentAt == null ? null : sentAt.toString());
      ps.setString(7, now.toString());
      ps.setLong(8, claimed.seriesId());
      ps.setString(9, claimed.week().toString());
      ps.setString(10, claimed.recipient());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException(
            "The digest delivery of " + claimed.week() + " to " + claimed.recipient() + " was not claimed");
      }
    }
  }

  private static Send map(ResultSet rs) throws SQLException {
    return new Send(
        rs.getLong("series_id"),
        WeekId.parse(rs.getString("week")),
        rs.getString("recipient"),
        rs.getLong("survey_id"),
        Status.of(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("message_id"),
        rs.getString("last_error"),
        instant(rs.getString("claimed_at")),
        instant(rs.getString("next_attempt_at")),
        instant(rs.getString("sent_at")),
        instant(rs.getString("updated_at")));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
