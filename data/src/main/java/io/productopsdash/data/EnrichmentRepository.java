package io.productopsdash.data;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-answer enrichment cache ({@code answer_enrichment}): lemmas and noun phrases as JSON
 * arrays, keyed by answer, with the SHA-256 of the comment they were computed from so that a
 * changed comment makes its row stale. Sentiment is filled in later by a slower stage.
 */
public final class EnrichmentRepository {
  private static final Gson GSON = new Gson();
  private static final Type STRINGS = new TypeToken<List<String>>() {}.getType();

  /**
   * An answer with a comment and the text hash of its enrichment row.
   *
   * @param answerId the answer
   * @param comment its current comment
   * @param enrichedSha256 hash stored with its enrichment, or null when it has none
   */
  public record Candidate(long answerId, String comment, String enrichedSha256) {
    public Candidate {
      Objects.requireNonNull(comment, "comment");
    }
  }

  /** The enrichment of one answer as stored; sentiment fields are null until computed. */
  public record Row(
      long answerId,
      String textSha256,
      List<String> lemmas,
      List<String> nounPhrases,
      String sentiment,
      Double sentimentScore,
      Instant enrichedAt,
      Instant sentimentAt) {
    public Row {
      Objects.requireNonNull(textSha256, "textSha256");
      lemmas = List.copyOf(lemmas);
      nounPhrases = List.copyOf(nounPhrases);
      Objects.requireNonNull(enrichedAt, "enrichedAt");
    }
  }

  /** An answer whose enrichment has no sentiment yet, with the comment it was computed from. */
  public record SentimentTodo(long answerId, String textSha256, String comment) {}

  /** Every answer with a non-blank comment, with its enrichment hash (null if not enriched), by id. */
  public List<Candidate> candidates(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.id, a.comment, e.text_sha256 FROM answers a"
                + " LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
                + " WHERE a.comment IS NOT NULL AND trim(a.comment) <> '' ORDER BY a.id")) {
      List<Candidate> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
      return out;
    }
  }

  /** As {@link #candidates(Connection)}, for these answers only (those with a comment), by id. */
  public List<Candidate> candidates(Connection c, Collection<Long> answerIds) throws SQLException {
    return IdChunks.read(
        c,
        answerIds,
        "SELECT a.id, a.comment, e.text_sha256 FROM answers a LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
            + " WHERE a.comment IS NOT NULL AND trim(a.comment) <> '' AND a.id IN (%s) ORDER BY a.id",
        rs -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  /**
   * Answers whose comment was never enriched, so may still hold person names (by id): the search
   * index leaves them out until enrichment has rewritten them.
   */
  public List<Long> unenrichedIds(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT a.id FROM answers a LEFT JOIN answer_enrichment e ON e.answer_id = a.id"
                    + " WHERE a.comment IS NOT NULL AND trim(a.comment) <> '' AND e.answer_id IS NULL ORDER BY a.id");
        ResultSet rs = ps.executeQuery()) {
      List<Long> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    }
  }

  /** The text hash of the answer's enrichment row, or null when it has none. */
  public String textHash(Connection c, long answerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT text_sha256 FROM answer_enrichment WHERE answer_id = ?")) {
      ps.setLong(1, answerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * Replaces an answer's comment by its redacted form, only if it is still {@code expected}.
   *
   * @return false when the comment changed meanwhile (nothing is written then)
   */
  public boolean replaceComment(
      Connection c, long answerId, String expected, String redacted, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE answers SET comment = ?, updated_at = ? WHERE id = ? AND comment = ?")) {
      ps.setString(1, redacted);
      ps.setString(2, now.toString());
      ps.setLong(3, answerId);
      ps.setString(4, expected);
      return ps.executeUpdate() == 1;
    }
  }

  /** Inserts or replaces the enrichment of an answer; any earlier sentiment is cleared. */
  public void upsert(
      Connection c,
      long answerId,
      String textSha256,
      List<String> lemmas,
      List<String> nounPhrases,
      Instant enrichedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO answer_enrichment (answer_id, text_sha256, lemmas, noun_phrases,"
                + " enriched_at) VALUES (?,?,?,?,?) ON CONFLICT(answer_id) DO UPDATE SET"
                + " text_sha256 = excluded.text_sha256, lemmas = excluded.lemmas,"
                + " noun_phrases = excluded.noun_phrases, enriched_at = excluded.enriched_at,"
                + " sentiment = NULL, sentiment_score = NULL, sentiment_at = NULL")) {
      ps.setLong(1, answerId);
      ps.setString(2, textSha256);
      ps.setString(3, GSON.toJson(lemmas, STRINGS));
      ps.setString(4, GSON.toJson(nounPhrases, STRINGS));
      ps.setString(5, enrichedAt.toString());
      ps.executeUpdate();
    }
  }

  /** Up to {@code limit} enriched answers without sentiment and with an id above {@code afterId}. */
  public List<SentimentTodo> pendingSentiment(Connection c, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.answer_id, e.text_sha256, a.comment FROM answer_enrichment e"
                + " JOIN answers a ON a.id = e.answer_id"
                + " WHERE e.sentiment_at IS NULL AND e.answer_id > ? AND a.comment IS NOT NULL"
                + " ORDER BY e.answer_id LIMIT ?")) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      List<SentimentTodo> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SentimentTodo(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
      return out;
    }
  }

  /**
   * Stores the sentiment of an answer if its enrichment is still the one computed from {@code
   * textSha256}.
   *
   * @return false when the row was re-enriched or removed meanwhile
   */
  public boolean setSentiment(
      Connection c, long answerId, String textSha256, String label, double score, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE answer_enrichment SET sentiment = ?, sentiment_score = ?, sentiment_at = ?"
                + " WHERE answer_id = ? AND text_sha256 = ?")) {
      ps.setString(1, label);
      ps.setDouble(2, score);
      ps.setString(3, at.toString());
      ps.setLong(4, answerId);
      ps.setString(5, textSha256);
      return ps.executeUpdate() == 1;
    }
  }

  /** The stored enrichment of every answer that has one, by answer id. */
  public List<Row> all(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id, text_sha256, lemmas, noun_phrases, sentiment, sentiment_score,"
                + " enriched_at, sentiment_at FROM answer_enrichment ORDER BY answer_id")) {
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    }
  }

  /** The stored enrichment of those of {@code answerIds} that have one, by answer id. */
  public Map<Long, Row> find(Connection c, Collection<Long> answerIds) throws SQLException {
    Map<Long, Row> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT answer_id, text_sha256, lemmas, noun_phrases, sentiment, sentiment_score,"
                + " enriched_at, sentiment_at FROM answer_enrichment WHERE answer_id = ?")) {
      for (long id : answerIds) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(id, row(rs));
          }
        }
      }
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    double score = rs.getDouble(6);
    Double sentimentScore = rs.wasNull() ? null : score;
    String sentimentAt = rs.getString(8);
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        GSON.fromJson(rs.getString(3), STRINGS),
        GSON.fromJson(rs.getString(4), STRINGS),
        rs.getString(5),
        sentimentScore,
        Instant.parse(rs.getString(7)),
        sentimentAt == null ? null : Instant.parse(sentimentAt));
  }

  /** Number of enrichment rows, for progress and tests. */
  public long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM answer_enrichment");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
