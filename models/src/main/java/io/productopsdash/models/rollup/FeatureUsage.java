package io.productopsdash.models.rollup;

/**
 * Use of one feature or page in a week: {@code kind} {@value #EVENT} (keyed by the track event's
 * name) or {@value #PAGE} (page and screen calls, keyed by path, else by name); events, distinct
 * users, sessions that touched it and the total length of those sessions in seconds.
 */
public record FeatureUsage(String kind, String key, long events, long users, long sessions, double sessionSeconds) {
  public static final String EVENT = "event";
  public static final String PAGE = "page";

  public FeatureUsage {
    if (!EVENT.equals(kind) && !PAGE.equals(kind)) {
      throw new IllegalArgumentException("kind must be event or page, got " + kind);
    }
    Checks.required("key", key);
    Checks.count("events", events);
    Checks.count("users", users);
    Checks.count("sessions", sessions);
    if (!(sessionSeconds >= 0)) {
      throw new IllegalArgumentException("sessionSeconds must not be negative, got " + sessionSeconds);
    }
  }
}
