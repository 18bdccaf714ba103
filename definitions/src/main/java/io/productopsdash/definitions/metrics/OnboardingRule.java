package io.productopsdash.definitions.metrics;

import io.productopsdash.models.rollup.OnboardingOutcome;

/**
 * A signed-up user's onboarding outcome as of an evaluation instant: <b>converted</b> when the
 * first transaction came within the conversion window of the signup (inclusive); else a
 * <b>silent give-up</b> when the instant is 30 days or more after the user's last activity event
 * up to it; else <b>in progress</b>.
 */
public final class OnboardingRule {
  /** Silence that makes a not-converted user a give-up: 30 days. */
  public static final long SILENCE_MILLIS = 30 * 86_400_000L;
  /** Milliseconds in a day, for the conversion window. */
  public static final long DAY_MILLIS = 86_400_000L;
  /** Milliseconds in an hour, for hours to the first transaction. */
  public static final double HOUR_MILLIS = 3_600_000.0;

  private OnboardingRule() {}

  /** The conversion window in milliseconds. */
  public static long windowMillis(int conversionWindowDays) {
    return conversionWindowDays * DAY_MILLIS;
  }

  /**
   * The outcome of a user who signed up at {@code signupTs}.
   *
   * @param transactionTs the first transaction at or after the signup up to {@code asOf}, or null
   * @param lastActivityTs the user's last activity event at or before {@code asOf}
   */
  public static OnboardingOutcome outcome(
      long signupTs, Long transactionTs, long lastActivityTs, long asOf, long windowMillis) {
    if (transactionTs != null && transactionTs - signupTs <= windowMillis) {
      return OnboardingOutcome.CONVERTED;
    }
    return asOf - lastActivityTs >= SILENCE_MILLIS ? OnboardingOutcome.SILENT_GIVE_UP : OnboardingOutcome.IN_PROGRESS;
  }
}
