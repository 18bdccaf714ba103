package io.productopsdash.engine.demo;

/**
 * What the generator knows about one user after laying out the user's events: the facts the
 * tallies and the survey need, computed from the events actually emitted (after truncation at
 * the end of the data), never from the plan. Week arrays are indexed 0..11.
 */
record SimUser(
    int index,
    String userId,
    double engagement,
    String source,
    String plan,
    long signupTs,
    int signupWeek,
    long depositTs,
    boolean converted,
    boolean silent,
    boolean onboardingTicket,
    long firstTicketTs,
    long firstSwapTs,
    long firstChainTs,
    int failedSwapWeeks,
    boolean[] active,
    int[] areaMask,
    long[] visit,
    int events) {}
