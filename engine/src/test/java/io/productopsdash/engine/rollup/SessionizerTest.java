package io.productopsdash.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.events.EventColumns;
import io.productopsdash.definitions.metrics.SessionRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session boundaries on in-memory columns: the 30-minute gap, the 24-hour cap, out-of-order storage. */
class SessionizerTest {
  private static final long MIN = 60_000L;
  private static final long T0 = 1_770_000_000_000L;

  @Test
  void thirtyMinutesExactlyStartsANewSessionAndJustUnderDoesNot() {
    assertThat(SessionRule.startsNew(T0, T0, T0 + 30 * MIN)).isTrue();
    assertThat(SessionRule.startsNew(T0, T0, T0 + 30 * MIN - 1000)).isFalse();
  }

  @Test
  void twentyFourHoursAfterTheFirstEventStartsANewSessionEvenWithoutAGap() {
    long first = T0;
    long previous = T0 + 24 * 60 * MIN - 20 * MIN;
    assertThat(SessionRule.startsNew(previous, first, T0 + 24 * 60 * MIN)).isTrue();
    assertThat(SessionRule.startsNew(previous, first, T0 + 24 * 60 * MIN - 1)).isFalse();
  }

  @Test
  void sessionsFollowTimeOrderWhateverTheStorageOrder() {
    // One user, stored out of order: 0, +40, +10, +75 min -> sorted 0, 10, 40, 75: gaps 10, 30, 35.
    // Sessions [0, 10], [40], [75]; a second user with one event.
    EventLog log = log(new long[] {T0, T0 + 40 * MIN, T0 + 10 * MIN, T0 + 75 * MIN, T0}, new int[] {0, 0, 0, 0, 1});
    Sessions s = Sessionizer.of(log, Long.MAX_VALUE);
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.lengthMillis(0)).isEqualTo(10 * MIN);
    assertThat(s.lengthMillis(1)).isZero();
    assertThat(s.userStart(1)).isEqualTo(3);
    assertThat(s.sessionOf(0, 2)).isEqualTo(1);
    // As of +40 min, the +75 event does not exist yet.
    assertThat(Sessionizer.of(log, T0 + 40 * MIN).count()).isEqualTo(3);
  }

  @Test
  void equalTimestampsKeepRowidOrder() {
    EventLog log = log(new long[] {T0 + MIN, T0, T0 + MIN}, new int[] {0, 0, 0});
    assertThat(log.ts(0)).isEqualTo(T0);
    assertThat(log.name(1)).isEqualTo(0); // row 0 before row 2 at the same instant
    assertThat(log.name(2)).isEqualTo(2);
  }

  /** Track events named by their row number, one string per row. */
  private static EventLog log(long[] ts, int[] users) {
    int n = ts.length;
    int[] names = new int[n];
    int[] paths = new int[n];
    String[] strings = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = i;
      paths[i] = -1;
      strings[i] = "e" + i;
    }
    return EventLog.of(new EventColumns(
        ts, new byte[n], users, names, paths, strings, new String[] {"u0", "u1"}, Map.of(), new int[0],
        new String[0], new String[0], new String[0], 0));
  }
}
