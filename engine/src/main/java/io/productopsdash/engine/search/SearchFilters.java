package io.productopsdash.engine.search;

import io.productopsdash.models.WeekId;

/**
 * Filters of a search; every null means "any". Weeks and scores are inclusive bounds.
 *
 * @param sentiment sentiment code ("negative", "neutral", "positive")
 */
public record SearchFilters(
    Long surveyId,
    WeekId fromWeek,
    WeekId toWeek,
    String themeId,
    Integer minScore,
    Integer maxScore,
    String sentiment,
    Boolean featureRequest) {
  private static final SearchFilters NONE =
      new SearchFilters(null, null, null, null, null, null, null, null);

  public SearchFilters {
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new IllegalArgumentException(
          "Invalid score range: minScore " + minScore + " > maxScore " + maxScore);
    }
    if (fromWeek != null && toWeek != null && fromWeek.compareTo(toWeek) > 0) {
      throw new IllegalArgumentException("Invalid week range: " + fromWeek + " after " + toWeek);
    }
  }

  /** No filter. */
  public static SearchFilters none() {
    return NONE;
  }

  public SearchFilters withSurvey(Long id) {
    return new SearchFilters(id, fromWeek, toWeek, themeId, minScore, maxScore, sentiment,
        featureRequest);
  }

  public SearchFilters withWeeks(WeekId from, WeekId to) {
    return new SearchFilters(surveyId, from, to, themeId, minScore, maxScore, sentiment,
        featureRequest);
  }

  public SearchFilters withTheme(String id) {
    return new SearchFilters(surveyId, fromWeek, toWeek, id, minScore, maxScore, sentiment,
        featureRequest);
  }

  public SearchFilters withScores(Integer min, Integer max) {
    return new SearchFilters(surveyId, fromWeek, toWeek, themeId, min, max, sentiment,
        featureRequest);
  }

  public SearchFilters withSentiment(String code) {
    return new SearchFilters(surveyId, fromWeek, toWeek, themeId, minScore, maxScore, code,
        featureRequest);
  }

  public SearchFilters withFeatureRequest(Boolean flag) {
    return new SearchFilters(surveyId, fromWeek, toWeek, themeId, minScore, maxScore, sentiment,
        flag);
  }
}
