package io.productopsdash.definitions.metrics;

import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.time.Duration;
import java.time.Instant;

/**
 * When a week's figures are final, shared by the embedded rollups and the Spark job: a week is
 * partial until it has ended in the configured zone, and a signup-week cohort is complete once the
 * conversion window after the end of its week (its last signup's window) has closed. Partial weeks
 * and incomplete cohorts are reported but never compared as a change.
 */
public final class WeekCompleteness {
  private WeekCompleteness() {}

  /** Whether {@code week} had not ended at {@code asOf} in the configured zone. */
  public static boolean partial(WeekId week, MetricsConfig config, Instant asOf) {
    return asOf.isBefore(week.end(config.zone()));
  }

  /** When the conversion window of {@code week}'s cohort closes; from then on it is complete. */
  public static Instant windowClosesAt(WeekId week, MetricsConfig config) {
    return week.end(config.zone()).plus(Duration.ofDays(config.conversionWindowDays()));
  }

  /** Whether {@code week}'s cohort is complete at {@code asOf}. */
  public static boolean complete(WeekId week, MetricsConfig config, Instant asOf) {
    return !asOf.isBefore(windowClosesAt(week, config));
  }
}
