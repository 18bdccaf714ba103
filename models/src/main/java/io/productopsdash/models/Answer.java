package io.productopsdash.models;

import java.time.Instant;

/** A stored answer to one survey version, in the ISO week it was first received. */
public record Answer(
    long id,
    String responseId,
    long surveyId,
    String userId,
    WeekId week,
    int score,
    String comment,
    String locale,
    String url,
    Instant createdAt,
    Instant updatedAt) {}
