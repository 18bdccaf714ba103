package io.productopsdash.models.rollup;

/**
 * Where a user's onboarding stands as of an evaluation instant, with the label the API and the
 * dashboard show. The definitions are those of the onboarding rollup ({@link OnboardingCohort}):
 * converted within the conversion window; else a silent give-up after 30 days without an event;
 * else still in progress; and users without a signup event up to the instant.
 */
public enum OnboardingOutcome {
  CONVERTED("converted"),
  IN_PROGRESS("in progress"),
  SILENT_GIVE_UP("silent give-up"),
  NO_SIGNUP("no signup seen");

  private final String label;

  OnboardingOutcome(String label) {
    this.label = label;
  }

  /** The text shown for the outcome, e.g. {@code silent give-up}. */
  public String label() {
    return label;
  }
}
