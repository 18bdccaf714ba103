package io.productopsdash.models.theme;

import io.productopsdash.models.Interval;
import io.productopsdash.models.WeekId;
import java.util.List;
import java.util.Objects;

/**
 * One theme's figures in one week.
 *
 * @param themeId the theme's stable id
 * @param week the ISO week
 * @param size answers in the theme that week
 * @param answersTotal answers clustered that week (the share's denominator)
 * @param label the keyword label of the week's members (2-5 keywords)
 * @param keywords top keywords, best first
 * @param quotes ids of the representative answers, most central first
 * @param meanScore mean score of the theme's answers
 * @param meanInterval 95% t interval of the mean, or null under 2 answers
 * @param sentimentMix sentiment counts as JSON, or null before sentiment is computed
 * @param trend how the theme came about this week (NEW, FOUND_LATE, SPLIT) or how its share
 *     changed against its recent weeks (GROWING, SHRINKING, STABLE)
 * @param pValue two-proportion z test p-value of the share change, or null for a theme created
 *     this week
 * @param centroid unit-length mean embedding of the theme's answers
 * @param name the theme's readable name that week (2-6 words)
 */
public record ThemeWeek(
    long themeId,
    WeekId week,
    int size,
    int answersTotal,
    String label,
    List<String> keywords,
    List<Long> quotes,
    double meanScore,
    Interval meanInterval,
    String sentimentMix,
    ThemeTrend trend,
    Double pValue,
    float[] centroid,
    String name) {
  /** Checks the counts and copies the lists and the centroid. */
  public ThemeWeek {
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(name, "name");
    keywords = List.copyOf(keywords);
    quotes = List.copyOf(quotes);
    centroid = Objects.requireNonNull(centroid, "centroid").clone();
    if (size < 0 || answersTotal < size) {
      throw new IllegalArgumentException("Invalid theme size: " + size + " of " + answersTotal + " answers");
    }
  }

  @Override
  public float[] centroid() {
    return centroid.clone();
  }

  /** size / answersTotal, 0 for an empty week. */
  public double share() {
    return answersTotal == 0 ? 0.0 : (double) size / answersTotal;
  }
}
