package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.definitions.events.SegmentNormalizer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person properties and identity links as stored from PostHog and Segment events: {@code
 * $set_once} never overwrites, late events do not undo newer values, traits follow a link, and a
 * PostHog alias is read whichever way its sender named the ids.
 */
class PersonIdentityIT {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir Path dir;
  private Database db;
  private EventIngestion ingestion;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    ingestion = new EventIngestion(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** PostHog events (a JSON array), as the PostHog endpoints store them. */
  private void posthog(String json) {
    EventIngestion.Outcome outcome =
        ingestion.ingest(items(json), o -> PosthogNormalizer.normalize(o, NOW, null), EventStore.AliasDirection.BY_IDENTITIES);
    assertThat(outcome.rejected()).isEmpty();
  }

  private void segment(String json) {
    EventIngestion.Outcome outcome = ingestion.ingest(items(json), o -> SegmentNormalizer.normalizeLive(o, null, NOW, null));
    assertThat(outcome.rejected()).isEmpty();
  }

  private static List<JsonElement> items(String json) {
    List<JsonElement> items = new ArrayList<>();
    JsonParser.parseString(json).getAsJsonArray().forEach(items::add);
    return items;
  }

  private String traits(String userId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT traits FROM user_traits WHERE user_id = ?")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  private Map<String, String> links() {
    return new TreeMap<>(db.read(EventScan::identities));
  }

  @Test
  void setOnceNeverOverwritesAndSetDoes() {
    posthog(
        "[{\"event\":\"$set\",\"distinct_id\":\"u1\",\"timestamp\":\"2026-03-10T10:00:00Z\",\"$set\":{\"plan\":\"pro\"}},"
            + "{\"event\":\"$set_once\",\"distinct_id\":\"u1\",\"timestamp\":\"2026-03-10T10:01:00Z\",\"$set_once\":{\"plan\":\"free\",\"first\":\"x\"}},"
            + "{\"event\":\"$set_once\",\"distinct_id\":\"u1\",\"timestamp\":\"2026-03-10T10:02:00Z\",\"$set_once\":{\"first\":\"y\"}},"
            + "{\"event\":\"Deposit\",\"distinct_id\":\"u1\",\"timestamp\":\"2026-03-10T10:03:00Z\",\"$set\":{\"country\":\"DE\"}}]");
    assertThat(traits("u1")).isEqualTo("{\"plan\":\"pro\",\"first\":\"x\",\"country\":\"DE\"}");

    posthog("[{\"event\":\"$set\",\"distinct_id\":\"u1\",\"timestamp\":\"2026-03-10T10:04:00Z\",\"$set\":{\"plan\":\"plus\"},"
        + "\"properties\":{\"$unset\":[\"country\"]}}]");
    assertThat(traits("u1")).isEqualTo("{\"plan\":\"plus\",\"first\":\"x\"}");
  }

  @Test
  void aLateEventOnlyFillsWhatIsMissing() {
    posthog("[{\"event\":\"$set\",\"distinct_id\":\"u2\",\"timestamp\":\"2026-03-10T10:00:00Z\",\"$set\":{\"plan\":\"pro\"}}]");
    posthog("[{\"event\":\"$set\",\"distinct_id\":\"u2\",\"timestamp\":\"2026-03-09T10:00:00Z\",\"$set\":{\"plan\":\"free\",\"country\":\"FR\"}}]");
    assertThat(traits("u2")).isEqualTo("{\"plan\":\"pro\",\"country\":\"FR\"}");
  }

  @Test
  void segmentIdentifyTraitsMergeIntoTheStoredOnes() {
    segment("[{\"type\":\"identify\",\"userId\":\"s1\",\"timestamp\":\"2026-03-10T10:00:00Z\",\"traits\":{\"plan\":\"pro\",\"country\":\"DE\"}},"
        + "{\"type\":\"identify\",\"userId\":\"s1\",\"timestamp\":\"2026-03-10T11:00:00Z\",\"traits\":{\"plan\":\"plus\"}},"
        + "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"s1\",\"timestamp\":\"2026-03-10T11:30:00Z\",\"traits\":{\"plan\":\"snapshot\"}}]");
    assertThat(traits("s1")).isEqualTo("{\"plan\":\"plus\",\"country\":\"DE\"}");
  }

  @Test
  void anAnonymousVisitorsPropertiesGoToThePersonWhenIdentified() {
    posthog(
        "[{\"event\":\"$set\",\"properties\":{\"distinct_id\":\"anon-3\",\"$device_id\":\"anon-3\",\"$is_identified\":false},"
            + "\"timestamp\":\"2026-03-10T09:00:00Z\",\"$set\":{\"plan\":\"free\",\"referrer\":\"ads\"}},"
            + "{\"event\":\"$identify\",\"properties\":{\"distinct_id\":\"u3\",\"$anon_distinct_id\":\"anon-3\",\"$device_id\":\"anon-3\",\"$is_identified\":true},"
            + "\"timestamp\":\"2026-03-10T09:05:00Z\",\"$set\":{\"plan\":\"pro\"}}]");
    assertThat(links()).containsExactly(Map.entry("anon-3", "u3"));
    assertThat(traits("u3")).isEqualTo("{\"plan\":\"pro\",\"referrer\":\"ads\"}");
  }

  /**
   * An anonymous id whose properties were all unset ({@code {}} stored) is linked to a user with
   * none: nothing to give, and the batch stores (it used to fail on user_traits.traits NOT NULL).
   */
  @Test
  void anEmptiedAnonymousPersonLinksWithoutTraits() {
    posthog(
        "[{\"event\":\"$set\",\"properties\":{\"distinct_id\":\"anon-4\",\"$device_id\":\"anon-4\",\"$is_identified\":false},"
            + "\"timestamp\":\"2026-03-10T09:00:00Z\",\"$set\":{\"referrer\":\"ads\"}},"
            + "{\"event\":\"$set\",\"properties\":{\"distinct_id\":\"anon-4\",\"$device_id\":\"anon-4\",\"$is_identified\":false},"
            + "\"timestamp\":\"2026-03-10T09:01:00Z\",\"$unset\":[\"referrer\"]},"
            + "{\"event\":\"$identify\",\"properties\":{\"distinct_id\":\"u4\",\"$anon_distinct_id\":\"anon-4\",\"$device_id\":\"anon-4\",\"$is_identified\":true},"
            + "\"timestamp\":\"2026-03-10T09:05:00Z\"}]");
    assertThat(links()).containsExactly(Map.entry("anon-4", "u4"));
    assertThat(traits("anon-4")).isEqualTo("{}");
    assertThat(traits("u4")).isNull();
  }

  /** The case: posthog.alias('user-c') from an anonymous posthog-js session. */
  @Test
  void posthogJsAliasIsReportedUnderTheAlias() {
    posthog(
        "[{\"event\":\"Wallet Opened\",\"properties\":{\"distinct_id\":\"anon-c-0001\",\"$device_id\":\"anon-c-0001\",\"$is_identified\":false}},"
            + "{\"event\":\"$create_alias\",\"properties\":{\"distinct_id\":\"anon-c-0001\",\"alias\":\"user-c\","
            + "\"$device_id\":\"anon-c-0001\",\"$is_identified\":false}}]");
    assertThat(links()).containsExactly(Map.entry("anon-c-0001", "user-c"));
  }

  /** posthog-python has sent alias both ways; the stored identity decides. */
  @Test
  void anAliasWithoutMarkersIsTurnedByWhatIsStored() {
    // user-p was identified (it has person properties); the alias names it as the alias.
    posthog("[{\"event\":\"$set\",\"distinct_id\":\"user-p\",\"$set\":{\"plan\":\"pro\"}},"
        + "{\"event\":\"$create_alias\",\"distinct_id\":\"anon-p\",\"properties\":{\"distinct_id\":\"anon-p\",\"alias\":\"user-p\"}}]");
    // user-q had an anonymous id linked to it; the alias names it as the distinct id (posthog-node's way).
    posthog("[{\"event\":\"$identify\",\"distinct_id\":\"user-q\",\"properties\":{\"$anon_distinct_id\":\"anon-q\"}},"
        + "{\"event\":\"$create_alias\",\"distinct_id\":\"user-q\",\"properties\":{\"distinct_id\":\"user-q\",\"alias\":\"old-q\"}}]");
    // anon-r is known only as an anonymous id of user-r: the other id of its alias is not the user.
    posthog("[{\"event\":\"$identify\",\"distinct_id\":\"user-r\",\"properties\":{\"$anon_distinct_id\":\"anon-r\"}},"
        + "{\"event\":\"$create_alias\",\"distinct_id\":\"anon-r\",\"properties\":{\"alias\":\"user-r\"}}]");
    // Nothing known: as sent, distinct_id is the user.
    posthog("[{\"event\":\"$create_alias\",\"distinct_id\":\"user-s\",\"properties\":{\"alias\":\"old-s\"}}]");
    assertThat(links())
        .containsExactly(
            Map.entry("anon-p", "user-p"), Map.entry("anon-q", "user-q"), Map.entry("anon-r", "user-r"),
            Map.entry("old-q", "user-q"), Map.entry("old-s", "user-s"));
    List<String> aliasUsers =
        db.read(c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM events WHERE type = 'alias' ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            List<String> users = new ArrayList<>();
            while (rs.next()) {
              users.add(rs.getString(1));
            }
            return users;
          }
        });
    assertThat(aliasUsers).containsExactly("user-p", "user-q", "user-r", "user-s");
  }

  @Test
  void segmentAliasesKeepTheSpecsDirection() {
    segment("[{\"type\":\"identify\",\"userId\":\"old-id\",\"traits\":{\"plan\":\"pro\"}},"
        + "{\"type\":\"alias\",\"previousId\":\"old-id\",\"userId\":\"new-id\"}]");
    assertThat(links()).containsExactly(Map.entry("old-id", "new-id"));
    assertThat(traits("new-id")).isEqualTo("{\"plan\":\"pro\"}");
  }

  /** An id linked on after others were linked to it: readers follow the links to their end. */
  @Test
  void linksAreFollowedToTheirEnd() {
    segment("[{\"type\":\"identify\",\"userId\":\"u5\",\"anonymousId\":\"a5\"},"
        + "{\"type\":\"alias\",\"previousId\":\"u5\",\"userId\":\"u5-new\"},"
        + "{\"type\":\"alias\",\"previousId\":\"u5-new\",\"userId\":\"u5\"}]");
    assertThat(links()).containsExactly(Map.entry("a5", "u5-new"), Map.entry("u5", "u5-new"));
  }
}
