package io.productopsdash.engine.demo;

import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link DemoDataSet#generate} made, counted by the generator itself while it generated
 * (never read back through the rollups or the score service), so that tests can hold the two
 * against each other. The definitions follow PRODUCT.md §2 as of {@link #asOf()}, the end of the
 * last week.
 *
 * @param seed the seed used
 * @param users users who signed up
 * @param firstWeek first week of data
 * @param lastWeek last week of data
 * @param zone zone of weeks and days
 * @param asOf end of the data (start of the week after the last): the evaluation instant
 * @param surveyId the weekly survey's id (its series id too: it has one version)
 * @param events product events stored (identify calls included)
 * @param weeks one tally per week, oldest first
 * @param answers answers stored
 * @param comments answers with a comment
 * @param personalDataComments comments written with an email address or phone number in them,
 *     which redaction must have removed before storage
 * @param answersSha256 SHA-256 (hex) over every stored answer (response id, week, score and
 *     stored comment, in response id order): equal for equal data
 * @param themeWeeks weeks whose theme run stored at least one theme
 * @param featureRequests feature requests the theme runs detected (grouped requests)
 * @param indexedAnswers answers in the search index after the rebuild
 */
public record DemoSummary(
    long seed,
    int users,
    WeekId firstWeek,
    WeekId lastWeek,
    ZoneId zone,
    Instant asOf,
    long surveyId,
    long events,
    List<WeekTally> weeks,
    long answers,
    long comments,
    long personalDataComments,
    String answersSha256,
    int themeWeeks,
    int featureRequests,
    int indexedAnswers) {
  public DemoSummary {
    Objects.requireNonNull(firstWeek, "firstWeek");
    weeks = List.copyOf(weeks);
  }

  /**
   * One week's tallies.
   *
   * @param week the ISO week
   * @param signups users whose signup event fell in the week
   * @param signupsBySource the same by acquisition source (keys sorted) as the metrics configuration reads it
   *     ({@code (none)} when the signup names none)
   * @param signupsByPlan the same by the users' latest {@code plan} trait (the segment)
   * @param converted of the week's signups, those whose first deposit came within the 30-day window
   *     and before {@code asOf}
   * @param silentGiveUps of the others, those with no activity in the 30 days before {@code asOf}
   * @param inProgress the remaining ones
   * @param usersWithTickets of the week's signups, those with a support ticket during onboarding
   *     (up to the first deposit, else up to the end of the window or {@code asOf})
   * @param activeUsers users with a session starting in the week (30-minute gap rule)
   * @param areaUsers per feature area (configuration order), active users with an event in it
   * @param sampled visitors the survey loop found eligible (sampled and not in cooldown)
   * @param impressions of them, those shown the survey
   * @param dismissals of them, those who closed it
   * @param answers answers stored for the week
   * @param scoreSum sum of those answers' scores
   * @param comments those answers with a comment
   */
  public record WeekTally(
      WeekId week,
      long signups,
      Map<String, Long> signupsBySource,
      Map<String, Long> signupsByPlan,
      long converted,
      long silentGiveUps,
      long inProgress,
      long usersWithTickets,
      long activeUsers,
      List<Long> areaUsers,
      long sampled,
      long impressions,
      long dismissals,
      long answers,
      long scoreSum,
      long comments) {
    public WeekTally {
      // Sorted by key so the order is the same in every run (Map.copyOf's is not).
      signupsBySource = Collections.unmodifiableMap(new TreeMap<>(signupsBySource));
      signupsByPlan = Collections.unmodifiableMap(new TreeMap<>(signupsByPlan));
      areaUsers = List.copyOf(areaUsers);
    }

    /** Mean score of the week's answers; NaN without answers. */
    public double meanScore() {
      return answers == 0 ? Double.NaN : (double) scoreSum / answers;
    }
  }
}
