package io.productopsdash.models;

/**
 * One week of a survey version's scores: the summary, impressions (distinct users shown the
 * survey; a user who answered was shown it, so every respondent counts, also one whose widget
 * never reported the impression), respondents (distinct users who answered), the response rate
 * respondents / impressions (null with no impressions, never above 1), and the change against
 * the previous week.
 */
public record WeeklyScore(
    WeekId week, ScoreSummary score, long impressions, long respondents, Double responseRate, ScoreChange change) {
  public WeeklyScore {
    if (respondents > impressions) {
      throw new IllegalArgumentException(
          "respondents (" + respondents + ") cannot exceed impressions (" + impressions + ") in " + week);
    }
  }
}
