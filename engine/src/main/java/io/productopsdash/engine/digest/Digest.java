package io.productopsdash.engine.digest;

import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.models.rollup.AcquisitionWeek;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.theme.ThemeTrend;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One survey's weekly digest: what a subscriber reads about ISO week {@code week}, each item with
 * a link into the dashboard. The records it holds are exactly what the API returns for the same
 * week: {@link WeeklyScore} from the scores endpoint, theme figures from the themes endpoint,
 * requests from the feature-requests endpoint and the rollup weeks from the metrics endpoints
 * evaluated at {@code asOf}.
 *
 * @param surveyId the survey version the scores are of
 * @param seriesId its series (themes and feature requests are per series)
 * @param surveyName the survey's name (user text)
 * @param week the digest's ISO week
 * @param asOf when the digest was composed; the rollups count events up to it
 * @param score the week's scores, with the change against the week before
 * @param previousScore the week before's scores
 * @param themes the week's largest themes (at most {@link DigestComposer#TOP_THEMES}), largest first
 * @param newThemes every theme first seen this week, largest first
 * @param themedAnswers commented answers clustered this week (the themes' share denominator)
 * @param requests the series' feature requests with most requesters (at most {@link
 *     DigestComposer#TOP_REQUESTS})
 * @param signups acquisition of the week
 * @param previousSignups acquisition of the week before
 * @param onboarding the week's signup cohort
 * @param previousOnboarding the week before's signup cohort
 * @param links the dashboard's pages for the digest's sections
 */
public record Digest(
    long surveyId,
    long seriesId,
    String surveyName,
    WeekId week,
    Instant asOf,
    WeeklyScore score,
    WeeklyScore previousScore,
    List<ThemeItem> themes,
    List<ThemeItem> newThemes,
    int themedAnswers,
    List<RequestItem> requests,
    AcquisitionWeek signups,
    AcquisitionWeek previousSignups,
    OnboardingCohort onboarding,
    OnboardingCohort previousOnboarding,
    RollupSnapshot productSnapshot,
    Links links) {
  /** Copies the lists. */
  public Digest {
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(previousScore, "previousScore");
    themes = List.copyOf(themes);
    newThemes = List.copyOf(newThemes);
    requests = List.copyOf(requests);
  }

  /** The week before {@link #week}. */
  public WeekId previousWeek() {
    return week.plusWeeks(-1);
  }

  /**
   * A theme of the week.
   *
   * @param previousWeek the latest earlier week with stored themes, or null
   * @param previousSize the theme's size that week, or null when it was not among them
   * @param quoteAnswerId the most central answer's id, or null
   * @param quote that answer's comment (user text), or null
   */
  public record ThemeItem(
      long themeId,
      String label,
      int size,
      double share,
      ThemeTrend trend,
      Double pValue,
      WeekId previousWeek,
      Integer previousSize,
      Long quoteAnswerId,
      String quote,
      String link) {
    /** Size change since {@link #previousWeek}, or null when the theme was not there. */
    public Integer sizeChange() {
      return previousSize == null ? null : size - previousSize;
    }
  }

  /**
   * A feature request of the series.
   *
   * @param thisWeek answers asking for it in the digest's week
   */
  public record RequestItem(long id, String label, String status, int requesters, int answers, int thisWeek, String link) {}

  /** Dashboard pages of the digest's sections (absolute URLs). */
  public record Links(String overview, String featureRequests, String acquisition, String onboarding) {}
}
