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
 * @param requests the series' feature requests: most requested, new this week, fastest growing,
 *     and those whose status changed this week
 * @param signups acquisition of the week
 * @param previousSignups acquisition of the week before
 * @param onboarding the newest complete signup cohort (its conversion window closed by {@code
 *     asOf}), or null when none is
 * @param previousOnboarding the complete cohort before it, or null
 * @param cohortInProgress the digest week's own cohort while its window is open (shown, never
 *     compared), or null when it is complete
 * @param conversionWindowDays the conversion window that makes a cohort complete
 * @param themeRun which theme run the week's themes are from, and how many comments it left out
 * @param drivers the themes that pulled the week's score down, from {@code ThemeImpact} (as the
 *     {@code drivers} of {@code GET /api/v1/themes})
 * @param productSnapshot the imported rollup snapshot (a Spark job's output) the week's product
 *     figures come from when the stored events do not cover the week, or null
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
    RequestSection requests,
    AcquisitionWeek signups,
    AcquisitionWeek previousSignups,
    OnboardingCohort onboarding,
    OnboardingCohort previousOnboarding,
    OnboardingCohort cohortInProgress,
    int conversionWindowDays,
    ThemeRunNote themeRun,
    Drivers drivers,
    RollupSnapshot productSnapshot,
    Links links) {
  /** Copies the lists. */
  public Digest {
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(previousScore, "previousScore");
    themes = List.copyOf(themes);
    newThemes = List.copyOf(newThemes);
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(themeRun, "themeRun");
    Objects.requireNonNull(drivers, "drivers");
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
   * The feature-request section.
   *
   * @param top the asks with most requesters (at most {@link DigestComposer#TOP_REQUESTS})
   * @param added asks first made this week, most requesters first
   * @param growing asks whose requesters grew most (the trend of the feature-requests API, above
   *     zero), not counting the new ones
   * @param statusChanges status changes made this week, in time order
   */
  public record RequestSection(
      List<RequestItem> top, List<RequestItem> added, List<RequestItem> growing, List<StatusChange> statusChanges) {
    /** Copies the lists. */
    public RequestSection {
      top = List.copyOf(top);
      added = List.copyOf(added);
      growing = List.copyOf(growing);
      statusChanges = List.copyOf(statusChanges);
    }

    /** No requests at all. */
    public static RequestSection none() {
      return new RequestSection(List.of(), List.of(), List.of(), List.of());
    }
  }

  /**
   * A feature request of the series.
   *
   * @param thisWeek distinct requesters of the digest's week
   * @param trend requesters of the last four weeks minus the four before
   */
  public record RequestItem(
      long id, String label, String status, int requesters, int answers, int thisWeek, int trend, String link) {}

  /** A status a PM set this week, with who set it and the note (user text). */
  public record StatusChange(long id, String label, String from, String to, String by, String note, String link) {}

  /**
   * Which run the week's themes are from.
   *
   * @param lastRunAt when the week's latest successful logged run finished, or null (themes stored
   *     by a run outside {@code serve}'s log, or none)
   * @param waiting the week's comments no run has themed yet: above zero, the digest says it is
   *     composed from an earlier run
   */
  public record ThemeRunNote(Instant lastRunAt, int waiting) {
    /** Nothing known about runs, nothing waiting. */
    public static ThemeRunNote none() {
      return new ThemeRunNote(null, 0);
    }
  }

  /**
   * What pulled the week's score down.
   *
   * @param measure {@code mean} or {@code nps}: what scores and impacts are in
   * @param down ranked themes with a negative impact, most negative impact × share first (at most
   *     {@link DigestComposer#TOP_DRIVERS})
   * @param unranked themes not ranked (too few answers, or holding every answer)
   * @param minAnswers the fewest answers a theme needs to be ranked
   */
  public record Drivers(String measure, List<DriverItem> down, int unranked, int minAnswers) {
    public Drivers {
      down = List.copyOf(down);
    }

    /** No drivers. */
    public static Drivers none() {
      return new Drivers("mean", List.of(), 0, 0);
    }
  }

  /**
   * A theme that pulled the score down.
   *
   * @param impact the week's score minus the score outside the theme
   * @param low the 95% interval's lower end, or null
   * @param high the 95% interval's upper end, or null
   */
  public record DriverItem(long themeId, String name, int size, double share, double impact, Double low, Double high, String link) {}

  /** Dashboard pages of the digest's sections (absolute URLs). */
  public record Links(String overview, String featureRequests, String acquisition, String onboarding) {}
}
