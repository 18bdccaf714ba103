package io.productopsdash.models.rollup;

import io.productopsdash.models.ScoreSummary;

/**
 * The score summary of the answers of one group of respondents: a signup cohort ({@code key} an
 * ISO week like {@code 2026-W40}, or {@link SatisfactionReport#NO_SIGNUP_COHORT}) or an onboarding
 * outcome ({@code key} an {@link OnboardingOutcome#label()}).
 */
public record SatisfactionGroup(String key, ScoreSummary score) {
  public SatisfactionGroup {
    Checks.required("key", key);
    Checks.required("score", score);
  }
}
