package io.productopsdash.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IdentityReplay} against the real event store: random sequences of events over a few ids
 * (identifies with plain traits, some set to null or nested, person-property operations, aliases
 * either way, events carrying both ids, chains and would-be cycles, timestamps out of order and
 * tied) stored by {@link EventStore} into SQLite, then the store's resolved links ({@link
 * EventScan#identities}) and stored traits compared with the replay's, trial by trial.
 */
class IdentityReplayIT {
  private static final String[] IDS = {"u1", "u2", "u3", "a1", "a2", "a3", "ph1", "ph2"};
  private static final String[] TRAITS = {
    "{\"plan\":\"pro\"}", "{\"plan\":\"free\",\"country\":\"DE\"}", "{\"country\":\"FR\"}", "{\"plan\":null}",
    "{\"plan\":2,\"prefs\":{\"mail\":true}}", "{\"prefs\":{\"mail\":null,\"sms\":false}}", "{\"$set\":{\"plan\":\"plus\"}}",
    "{\"$set_once\":{\"plan\":\"trial\",\"source\":\"ads\"}}", "{\"$unset\":[\"country\"]}",
    "{\"$set\":{\"country\":\"NL\"},\"$set_once\":{\"plan\":\"once\"}}"
  };

  @Test
  void theReplayEndsWithTheStoresLinksAndTraits(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(20260302);
    int compared = 0;
    try (Database db = Database.open(dir)) {
      for (int trial = 0; trial < 200; trial++) {
        List<Event> events = events(random, 5 + random.nextInt(25), trial);
        db.write(c -> {
          try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM events");
            st.executeUpdate("DELETE FROM identities");
            st.executeUpdate("DELETE FROM user_traits");
          }
          return new EventStore().insertAll(c, events);
        });
        Map<String, String> storeEnds = db.read(EventScan::identities);
        Map<String, String> storeTraits = db.read(c -> {
          Map<String, String> out = new HashMap<>();
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT user_id, traits FROM user_traits")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
        IdentityReplay replay = new IdentityReplay();
        for (Event e : events) {
          String type = e.type().name().toLowerCase(java.util.Locale.ROOT);
          replay.apply(type, e.userId(), e.anonymousId(), e.previousId(), e.timestamp().toEpochMilli(),
              EventRows.identityTraits(type, e.userId(), e.traits()));
        }
        assertThat(replay.ends()).as("links of trial %d: %s", trial, events).isEqualTo(storeEnds);
        Map<String, Object> replayTraits = new HashMap<>();
        replay.traits().forEach((id, t) -> replayTraits.put(id, JsonParser.parseString(t.json())));
        Map<String, Object> parsedStore = new HashMap<>();
        storeTraits.forEach((id, json) -> parsedStore.put(id, JsonParser.parseString(json)));
        assertThat(replayTraits).as("traits of trial %d: %s", trial, events).isEqualTo(parsedStore);
        compared += storeEnds.size() + storeTraits.size();
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  private static List<Event> events(SplittableRandom random, int n, int trial) {
    List<Event> out = new ArrayList<>();
    Instant received = Instant.parse("2026-04-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      String id = "t" + trial + "-" + i;
      // Few distinct times: ties and events out of order.
      Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(6) * 60L);
      String a = IDS[random.nextInt(IDS.length)];
      String b = IDS[random.nextInt(IDS.length)];
      String traits = TRAITS[random.nextInt(TRAITS.length)];
      Event e =
          switch (random.nextInt(5)) {
            case 0 -> new Event(id, EventType.IDENTIFY, null, a, random.nextBoolean() ? b : null, null, at, received, null, null, traits, null);
            case 1 -> new Event(id, EventType.ALIAS, null, a, null, b, at, received, null, null, null, null);
            case 2 -> new Event(id, EventType.TRACK, "Signed Up", a, b, null, at, received, null, null,
                random.nextBoolean() ? traits : null, null);
            case 3 -> new Event(id, EventType.PAGE, null, null, b, null, at, received, "/", null, null, null);
            default -> new Event(id, EventType.IDENTIFY, null, a, null, null, at, received, null, null, traits, null);
          };
      out.add(e);
    }
    return out;
  }
}
