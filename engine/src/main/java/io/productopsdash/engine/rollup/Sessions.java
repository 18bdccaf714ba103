package io.productopsdash.engine.rollup;

/**
 * The sessions of an {@link EventLog} up to an instant, made by {@link Sessionizer}: session
 * {@code k} spans events {@code first(k)} to {@code last(k)} of one user; user {@code u} owns
 * sessions {@code userStart(u)} to {@code userStart(u + 1) - 1}, in time order, and its events
 * up to the instant end before {@code eventEnd(u)}.
 */
public final class Sessions {
  private final EventLog log;
  private final int count;
  private final int[] first;
  private final int[] last;
  private final int[] userStart;
  private final int[] eventEnd;

  Sessions(EventLog log, int count, int[] first, int[] last, int[] userStart, int[] eventEnd) {
    this.log = log;
    this.count = count;
    this.first = first;
    this.last = last;
    this.userStart = userStart;
    this.eventEnd = eventEnd;
  }

  public int count() {
    return count;
  }

  public int first(int session) {
    return first[session];
  }

  public int last(int session) {
    return last[session];
  }

  /** Session length: last event minus first event, in milliseconds. */
  public long lengthMillis(int session) {
    return log.ts(last[session]) - log.ts(first[session]);
  }

  public int userStart(int u) {
    return userStart[u];
  }

  /** One past the last event of user {@code u} that the sessions cover. */
  public int eventEnd(int u) {
    return eventEnd[u];
  }

  /** The session of user {@code u} that holds {@code event}. */
  public int sessionOf(int u, int event) {
    int lo = userStart[u];
    int hi = userStart[u + 1] - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= event) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
