package io.productopsdash.definitions.metrics;

/**
 * Where sessions split, as GA4 and Amplitude do: a new session starts at a user's first event,
 * when the gap to the previous event is 30 minutes or more (exactly 30 minutes starts a new one;
 * gaps under 30 minutes continue), or when the event is 24 hours or more after the session's first
 * event (the 24-hour cap). There is no split at midnight.
 */
public final class SessionRule {
  /** Inactivity that ends a session: 30 minutes. */
  public static final long GAP_MILLIS = 30 * 60_000L;
  /** Longest a session may run from its first event: 24 hours. */
  public static final long CAP_MILLIS = 24 * 3_600_000L;

  private SessionRule() {}

  /** Whether an event at {@code ts} starts a new session after one at {@code previousTs}. */
  public static boolean startsNew(long previousTs, long sessionFirstTs, long ts) {
    return ts - previousTs >= GAP_MILLIS || ts - sessionFirstTs >= CAP_MILLIS;
  }
}
