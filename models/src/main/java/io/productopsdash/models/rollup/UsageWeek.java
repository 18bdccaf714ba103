package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.util.List;

/**
 * Usage in one ISO week. Every activity event counts in the week of its session (the week of the
 * session's first event: no midnight split). {@code activeUsers} had at least one session in the
 * week; {@code sessionsPerUser} and {@code sessionSecondsPerUser} are distributions over them;
 * {@code features} are sorted by events (most first, ties by kind and key); {@code areas} follow
 * the configuration's order. {@code partial} marks a week that had not ended at the evaluation
 * instant (its counts are still growing; it is never compared with a complete week).
 */
public record UsageWeek(
    WeekId week,
    long activeUsers,
    long sessions,
    long events,
    Distribution sessionsPerUser,
    Distribution sessionSecondsPerUser,
    List<FeatureUsage> features,
    List<AreaDepth> areas,
    boolean partial) {
  public UsageWeek {
    Checks.required("week", week);
    Checks.count("activeUsers", activeUsers);
    Checks.count("sessions", sessions);
    Checks.count("events", events);
    Checks.required("sessionsPerUser", sessionsPerUser);
    Checks.required("sessionSecondsPerUser", sessionSecondsPerUser);
    features = Checks.list("features", features);
    areas = Checks.list("areas", areas);
  }
}
