package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.util.List;

/**
 * Signups of one ISO week: distinct users whose signup fell in it, broken down by acquisition
 * source and by segment, each breakdown largest first (ties by key) and summing to {@code
 * signups}. {@code partial} marks a week that had not ended at the evaluation instant: its counts
 * are still growing, so it is never compared with a complete week.
 */
public record AcquisitionWeek(
    WeekId week, long signups, List<KeyCount> bySource, List<KeyCount> bySegment, boolean partial) {
  public AcquisitionWeek {
    Checks.required("week", week);
    Checks.count("signups", signups);
    bySource = Checks.list("bySource", bySource);
    bySegment = Checks.list("bySegment", bySegment);
    if (sum(bySource) != signups || sum(bySegment) != signups) {
      throw new IllegalArgumentException("breakdowns of " + week + " must sum to its " + signups + " signups");
    }
  }

  private static long sum(List<KeyCount> counts) {
    return counts.stream().mapToLong(KeyCount::users).sum();
  }
}
