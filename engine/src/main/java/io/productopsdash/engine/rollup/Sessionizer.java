package io.productopsdash.engine.rollup;

import io.productopsdash.definitions.metrics.SessionRule;
import java.util.Arrays;

/**
 * Splits each user's activity events (track, page, screen; sorted by timestamp, then rowid) into
 * sessions by {@link SessionRule} (30 minutes of inactivity, the 24-hour cap, no split at
 * midnight). A session's length is its last event's timestamp minus its first's; it belongs to
 * the ISO week (in the configured zone) of its first event.
 */
public final class Sessionizer {
  private Sessionizer() {}

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
        if (i == from || SessionRule.startsNew(previous, sessionFirst, ts)) {
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
