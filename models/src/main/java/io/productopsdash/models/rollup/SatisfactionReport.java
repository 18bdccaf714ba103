package io.productopsdash.models.rollup;

import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.List;

/**
 * Survey scores joined to product usage: the answers of survey version {@code surveyId} in the
 * ISO weeks {@code from} to {@code to}, summarised {@code overall}, by the respondent's signup
 * cohort (ISO weeks ascending present in the answers, then {@link #NO_SIGNUP_COHORT} when any
 * answer's user had no signup), by onboarding outcome as of {@code asOf} (all four outcomes, in
 * {@link OnboardingOutcome} order, also when empty) and by adoption of each configured feature
 * area (in configuration order). Each answer counts once in every breakdown.
 */
public record SatisfactionReport(
    long surveyId,
    WeekId from,
    WeekId to,
    Instant asOf,
    ScoreSummary overall,
    List<SatisfactionGroup> bySignupCohort,
    List<SatisfactionGroup> byOnboarding,
    List<AreaSatisfaction> byArea) {
  /** The cohort key of answers whose user had no signup event up to the evaluation instant. */
  public static final String NO_SIGNUP_COHORT = "(no signup seen)";

  public SatisfactionReport {
    Checks.range(from, to);
    Checks.required("asOf", asOf);
    Checks.required("overall", overall);
    bySignupCohort = Checks.list("bySignupCohort", bySignupCohort);
    byOnboarding = Checks.list("byOnboarding", byOnboarding);
    byArea = Checks.list("byArea", byArea);
  }
}
