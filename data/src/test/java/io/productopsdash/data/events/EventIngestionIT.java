package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.definitions.events.SkipReason;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request's events: invalid ones reported by index, the others stored together; write-key sources. */
class EventIngestionIT {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir Path dir;

  private static long count(Database db, String sql) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void invalidItemsAreReportedByIndexAndTheValidOnesKept() {
    try (Database db = Database.open(dir)) {
      List<JsonElement> items = new ArrayList<>();
      JsonParser.parseString(
              "[{\"messageId\":\"a\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"},"
                  + "{\"messageId\":\"b\",\"type\":\"track\",\"userId\":\"u\"},"
                  + "42,"
                  + "{\"messageId\":\"a\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"},"
                  + "{\"messageId\":\"c\",\"type\":\"page\",\"anonymousId\":\"x\"}]")
          .getAsJsonArray()
          .forEach(items::add);
      EventIngestion.Outcome outcome =
          new EventIngestion(db).ingest(items, o -> SegmentNormalizer.normalizeLive(o, null, NOW, null));
      assertThat(outcome.received()).isEqualTo(5);
      assertThat(outcome.inserted()).isEqualTo(2);
      assertThat(outcome.duplicates()).isEqualTo(1);
      assertThat(outcome.accepted()).isEqualTo(3);
      assertThat(outcome.rejected())
          .extracting(EventIngestion.Rejection::index, EventIngestion.Rejection::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, SkipReason.MISSING_EVENT_NAME),
              org.assertj.core.groups.Tuple.tuple(2, SkipReason.NOT_AN_OBJECT));
      assertThat(count(db, "SELECT COUNT(*) FROM events")).isEqualTo(2);
      // Live events without a timestamp happened when they were received.
      assertThat(count(db, "SELECT ts FROM events WHERE message_id = 'c'")).isEqualTo(NOW.toEpochMilli());
    }
  }

  @Test
  void sourcesAreFoundByKeyHashAndRevokedOnce() {
    try (Database db = Database.open(dir)) {
      SourceRepository repo = new SourceRepository();
      SourceRepository.Source s = db.write(c -> repo.create(c, "web", "ab".repeat(32), NOW));
      Optional<SourceRepository.Source> found = db.read(c -> repo.findByKeyHash(c, "ab".repeat(32)));
      Optional<SourceRepository.Source> unknown = db.read(c -> repo.findByKeyHash(c, "cd".repeat(32)));
      assertThat(found).contains(s);
      assertThat(unknown).isEmpty();
      SourceRepository.Source revoked = db.write(c -> repo.revoke(c, s.id(), NOW.plusSeconds(60))).orElseThrow();
      assertThat(revoked.active()).isFalse();
      // Revoking again keeps the first time.
      assertThat(db.write(c -> repo.revoke(c, s.id(), NOW.plusSeconds(120))).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(60));
      Optional<SourceRepository.Source> none = db.write(c -> repo.revoke(c, 999, NOW));
      assertThat(none).isEmpty();
      assertThat(db.read(repo::list)).containsExactly(revoked);
    }
  }
}
