package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.Database;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast scan: activity events only, ids resolved, interned columns, marked JSON, odd characters. */
class EventScanIT {
  @TempDir Path dir;

  private static Event event(String id, EventType type, String name, String user, String anon, long ms, String path,
      String properties) {
    return new Event(id, type, name, user, anon, null, Instant.ofEpochMilli(ms), Instant.ofEpochMilli(ms), path, properties,
        null, null);
  }

  @Test
  void readsActivityEventsWithResolvedUsersInRowidOrder() {
    List<Event> events = new ArrayList<>();
    events.add(event("1", EventType.PAGE, null, null, "anon-1", 1_000, "/", null));
    events.add(event("2", EventType.IDENTIFY, null, "ü-user", "anon-1", 2_000, null, null));
    events.add(event("3", EventType.TRACK, "Signed Up", "ü-user", null, 3_000, null, "{\"source\":\"ads\"}"));
    // A separator character inside an id and a name: read column by column instead.
    events.add(event("4", EventType.TRACK, "odd\u0001name", "odd\u0001user", null, 4_000, "/a\u0001b", null));
    events.add(event("5", EventType.SCREEN, "Wallet", null, "anon-2", -5_000, null, null));
    try (Database db = Database.open(dir)) {
      db.write(c -> new EventStore().insertAll(c, events));
      // One thread, then three rowid ranges ([1, 2], [3, 4], [5]) merged.
      for (int threads : new int[] {1, 3}) {
        EventColumns c = EventScan.load(db, List.of("Signed Up", "odd\u0001name"), threads, 1);
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.ts()).containsExactly(1_000, 3_000, 4_000, -5_000);
        assertThat(c.type()).containsExactly(EventColumns.PAGE, EventColumns.TRACK, EventColumns.TRACK, EventColumns.SCREEN);
        assertThat(Arrays.stream(c.user()).mapToObj(u -> c.users()[u]).toList())
            .containsExactly("ü-user", "ü-user", "odd\u0001user", "anon-2");
        assertThat(c.name()[0]).isEqualTo(-1);
        assertThat(c.strings()[c.name()[2]]).isEqualTo("odd\u0001name");
        assertThat(c.strings()[c.path()[2]]).isEqualTo("/a\u0001b");
        assertThat(c.strings()[c.path()[0]]).isEqualTo("/");
        assertThat(c.markedRows()).containsExactly(1, 2);
        assertThat(c.markedProperties()[0]).isEqualTo("{\"source\":\"ads\"}");
        assertThat(c.maxId()).isEqualTo(5);
      }
    }
  }

  @Test
  void anEmptyStoreScansToNothing() {
    try (Database db = Database.open(dir)) {
      EventColumns c = EventScan.load(db, List.of("Signed Up"));
      assertThat(c.size()).isZero();
      assertThat(c.maxId()).isZero();
    }
  }
}
