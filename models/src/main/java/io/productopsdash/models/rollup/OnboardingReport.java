package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.List;

/**
 * Onboarding per signup-week cohort from {@code from} to {@code to} (every week listed), as of
 * the evaluation instant {@code asOf}: only events at or before it count.
 */
public record OnboardingReport(
    WeekId from, WeekId to, Instant asOf, int conversionWindowDays, List<OnboardingCohort> cohorts) {
  public OnboardingReport {
    Checks.range(from, to);
    Checks.required("asOf", asOf);
    if (conversionWindowDays < 1) {
      throw new IllegalArgumentException("conversionWindowDays must be positive, got " + conversionWindowDays);
    }
    cohorts = Checks.list("cohorts", cohorts);
  }
}
