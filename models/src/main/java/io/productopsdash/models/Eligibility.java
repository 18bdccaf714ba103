package io.productopsdash.models;

/**
 * The widget's answer to "should this user see the survey now?". {@code survey} is set only when
 * eligible; {@code reason} says why not otherwise (not sampled, cooldown, already answered).
 */
public record Eligibility(boolean eligible, WeekId week, Survey survey, String reason) {}
