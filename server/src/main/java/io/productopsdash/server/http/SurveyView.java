package io.productopsdash.server.http;

import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import java.time.Instant;

/** A survey version as the API shows it: flat, with its scale's range spelled out. */
public record SurveyView(
    long id,
    long seriesId,
    int version,
    String name,
    String question,
    String kind,
    int points,
    int min,
    int max,
    String minLabel,
    String maxLabel,
    int topBox,
    String openQuestion,
    double sampleRate,
    int cooldownWeeks,
    boolean active,
    Instant createdAt,
    Long supersededBy) {

  public static SurveyView of(Survey s) {
    SurveyDraft d = s.definition();
    return new SurveyView(
        s.id(),
        s.seriesId(),
        s.version(),
        d.name(),
        d.question(),
        d.scale().kind().name(),
        d.scale().points(),
        d.scale().min(),
        d.scale().max(),
        d.scale().minLabel(),
        d.scale().maxLabel(),
        d.scale().topBox(),
        d.openQuestion(),
        d.sampleRate(),
        d.cooldownWeeks(),
        d.active(),
        s.createdAt(),
        s.supersededBy());
  }
}
