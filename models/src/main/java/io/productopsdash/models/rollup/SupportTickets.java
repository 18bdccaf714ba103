package io.productopsdash.models.rollup;

/**
 * Support tickets raised by a signup cohort during onboarding: from signup to the first
 * transaction for converted users, from signup to the end of the conversion window (or the
 * evaluation instant, if earlier) for the others. {@code meanPerUser} is tickets per cohort
 * user; {@code shareWithAny} the fraction of cohort users with at least one (null for an empty
 * cohort).
 */
public record SupportTickets(long tickets, long usersWithAny, Double meanPerUser, Double shareWithAny) {
  public SupportTickets {
    Checks.count("tickets", tickets);
    Checks.count("usersWithAny", usersWithAny);
    Checks.share("shareWithAny", shareWithAny);
  }
}
