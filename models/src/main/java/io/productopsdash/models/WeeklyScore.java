package io.productopsdash.models;

/**
 * One week of a survey version's scores: the summary, impressions (distinct users shown the
 * survey), the response rate answers / impressions (null with no impressions), and the change
 * against the previous week.
 */
public record WeeklyScore(
    WeekId week, ScoreSummary score, long impressions, Double responseRate, ScoreChange change) {}
