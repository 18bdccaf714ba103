package io.productopsdash.engine.rollup;

import java.util.Arrays;

/**
 * Splits each user's activity events (track, page, screen; sorted by timestamp, then rowid) into
 * sessions as GA4 and Amplitude do: a new session starts at a user's first event, when the gap to
 * the previous event is 30 minutes or more (exactly 30 minutes starts a new one; gaps under 30
 * minutes continue), or when the event is 24 hours or more after the session's first event (the
 * 24-hour cap). There is no split at midnight. A session's length is its last event's timestamp
 * minus its first's; it belongs to the ISO week (in the configured zone) of its first event.
 */
public final class Sessionizer {
  /** Inactivity that ends a session: 30 minutes. */
  public static final long GAP_MILLIS = 30 * 60_000L;
  /** Longest a session may run from its first event: 24 hours. */
  public static final long CAP_MILLIS = 24 * 3_600_000L;

  private Sessionizer() {}

  /** Whether an event at {@code ts} starts a new session after one at {@code previousTs}. */
  public static boolean startsNew(long previousTs, long sessionFirstTs, long ts) {
    return ts - previousTs >= GAP_MILLIS || ts - sessionFirstTs >= CAP_MILLIS;
  }

  /** The sessions of every user over their events at or before {@code asOfMillis}. */
  public static Sessions of(EventLog log, long asOfMillis) {
    int users = log.userCount();
    int[] userStart = new int[users + 1];
    int[] eventEnd = new int[users];
    int capacity = Math.max(16, log.size() / 4);
    int[] first = new int[capacity];
    int[] last = new int[capacity];
    int k = 0;
    for (int u = 0; u < users; u++) {
      userStart[u] = k;
      int from = log.start(u);
      int to = log.end(u, asOfMillis);
      eventEnd[u] = to;
      long previous = 0;
      long sessionFirst = 0;
      for (int i = from; i < to; i++) {
        long ts = log.ts(i);
        if (i == from || startsNew(previous, sessionFirst, ts)) {
          if (k == first.length) {
            first = Arrays.copyOf(first, k + (k >> 1));
            last = Arrays.copyOf(last, first.length);
          }
          first[k] = i;
          sessionFirst = ts;
          k++;
        }
        last[k - 1] = i;
        previous = ts;
      }
    }
    userStart[users] = k;
    return new Sessions(log, k, first, last, userStart, eventEnd);
  }
}
