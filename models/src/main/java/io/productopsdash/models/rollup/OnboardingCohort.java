package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.time.Instant;

/**
 * Onboarding of the users who signed up in one ISO week. {@code converted} made a first
 * transaction within the conversion window; the distributions are over them: hours from signup to
 * first transaction, steps (activity events strictly between the two), sessions (those holding
 * any event from signup to first transaction) and calendar days (0 = the same day). Of the rest,
 * {@code silentGiveUps} had no event for 30 days up to the evaluation instant and {@code
 * inProgress} are the others, so {@code converted + silentGiveUps + inProgress == users}. {@code
 * convertedAfterWindow} (informative) counts the not-converted whose first transaction came after
 * the window. {@code conversionRate} is a fraction (null for an empty cohort).
 *
 * <p>{@code complete} tells whether the cohort's window has closed: the evaluation instant is at
 * least the conversion window after the end of the cohort's week ({@code windowClosesAt}), so
 * every member had the whole window. An incomplete cohort's conversion can only rise and its
 * silent give-ups are not yet possible for its youngest members: it is shown as "in progress" and
 * never compared as a change.
 */
public record OnboardingCohort(
    WeekId week,
    long users,
    long converted,
    Double conversionRate,
    Distribution hoursToFirstTransaction,
    Distribution steps,
    Distribution sessions,
    Distribution days,
    SupportTickets supportTickets,
    long silentGiveUps,
    long inProgress,
    long convertedAfterWindow,
    boolean complete,
    Instant windowClosesAt) {
  public OnboardingCohort {
    Checks.required("windowClosesAt", windowClosesAt);
    Checks.required("week", week);
    Checks.count("users", users);
    Checks.count("converted", converted);
    Checks.share("conversionRate", conversionRate);
    Checks.required("hoursToFirstTransaction", hoursToFirstTransaction);
    Checks.required("steps", steps);
    Checks.required("sessions", sessions);
    Checks.required("days", days);
    Checks.required("supportTickets", supportTickets);
    Checks.count("silentGiveUps", silentGiveUps);
    Checks.count("inProgress", inProgress);
    Checks.count("convertedAfterWindow", convertedAfterWindow);
    if (converted + silentGiveUps + inProgress != users) {
      throw new IllegalArgumentException(
          "converted + silentGiveUps + inProgress must equal users in " + week + ": " + converted + " + "
              + silentGiveUps + " + " + inProgress + " != " + users);
    }
    if (convertedAfterWindow > users - converted) {
      throw new IllegalArgumentException("convertedAfterWindow exceeds the not-converted users in " + week);
    }
  }
}
