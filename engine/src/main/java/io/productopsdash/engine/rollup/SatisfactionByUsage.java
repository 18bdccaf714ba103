package io.productopsdash.engine.rollup;

import io.productopsdash.definitions.metrics.FeatureAreaMatcher;
import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.SatisfactionCounts;
import io.productopsdash.models.Answer;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.OnboardingOutcome;
import io.productopsdash.models.rollup.SatisfactionReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey scores joined to what the respondents did in the product (docs/definitions.md, "satisfaction
 * joined to usage"), as of an evaluation instant {@code asOf} (events after it do not exist, as
 * in the rollups, and answers given after it do not either). For each answer of the survey
 * version in the weeks {@code from} to {@code to}, given at or before {@code asOf}:
 *
 * <ul>
 *   <li><b>user</b>: the answer's {@code userId}, resolved through the identity links (an
 *       anonymous id linked to a user stands for that user), matched against the event log's
 *       resolved user keys; a user without events has no signup and adopted nothing;
 *   <li><b>signup cohort</b>: the ISO week, in the configured zone, of the user's signup; answers
 *       of users with no signup up to {@code asOf} go to {@link SatisfactionReport#NO_SIGNUP_COHORT};
 *   <li><b>onboarding outcome</b>: the user's as of {@code asOf} (converted, in progress, silent
 *       give-up, no signup seen), by the very function the onboarding rollup uses ({@link
 *       OnboardingRollup.Users}), not as of the answer's week;
 *   <li><b>feature-area adoption</b>: the user adopted an area for this answer when at least one
 *       of the user's events at or before {@code asOf} belonged to the area (the usage rollup's
 *       matching, {@link FeatureArea#matches} through {@link UsageRollup#masks}) and fell in the
 *       answer's ISO week or earlier (local dates in the configured zone), so an answer counts
 *       with the usage its user had when answering, up to the end of that week.
 * </ul>
 *
 * The answers are counted per group by {@link SatisfactionCounts}, which summarises every group
 * on the survey's scale (n, distribution, mean with its t interval, top and bottom box with Wilson
 * intervals, lowSample), the same numbers as the weekly scores; per area, {@code meanDelta} is
 * adopters' mean minus the others' and {@code pValue} the two-sided Welch t test of it, the test
 * the weekly score changes use.
 * Each answer counts once (a user who answered in two weeks counts twice, as in the weekly
 * scores).
 */
public final class SatisfactionByUsage {
  private SatisfactionByUsage() {}

  /**
   * The report over {@code answers} (those outside {@code from..to} are left out).
   *
   * @param identities anonymous id to user id links, as stored by identify and alias calls
   * @throws IllegalArgumentException when a score lies outside {@code scale} or there are more
   *     than {@link FeatureAreaMatcher#MAX_AREAS} feature areas
   */
  public static SatisfactionReport of(
      EventLog log,
      MetricsConfig config,
      long surveyId,
      Scale scale,
      List<Answer> answers,
      Map<String, String> identities,
      WeekId from,
      WeekId to,
      Instant asOf) {
    List<FeatureArea> areas = config.featureAreas();
    if (areas.size() > FeatureAreaMatcher.MAX_AREAS) {
      throw new IllegalArgumentException("at most " + FeatureAreaMatcher.MAX_AREAS + " feature areas, got " + areas.size());
    }
    long asOfMillis = asOf.toEpochMilli();
    LocalDays days = LocalDays.of(config.zone(), log.minTs(), Math.max(log.maxTs(), log.minTs()));
    OnboardingRollup.Users users = new OnboardingRollup.Users(log, config, asOfMillis, days);
    Map<String, Integer> userIndex = new HashMap<>();
    for (int u = 0; u < log.userCount(); u++) {
      userIndex.put(log.userKey(u), u);
    }
    long[] nameMask = UsageRollup.masks(log, areas, true);
    long[] pathMask = UsageRollup.masks(log, areas, false);
    Map<Integer, Facts> facts = new HashMap<>();
    Facts nobody = new Facts(null, OnboardingOutcome.NO_SIGNUP, new long[areas.size()]);
    Arrays.fill(nobody.firstAreaWeek, Long.MAX_VALUE);
    SatisfactionCounts counts = new SatisfactionCounts(scale, areas.stream().map(FeatureArea::name).toList());
    boolean[] adopted = new boolean[areas.size()];
    for (Answer answer : answers) {
      if (answer.week().compareTo(from) < 0 || answer.week().compareTo(to) > 0 || answer.createdAt().isAfter(asOf)) {
        continue;
      }
      String id = answer.userId();
      Integer u = id == null ? null : userIndex.get(identities.getOrDefault(id, id));
      Facts f =
          u == null
              ? nobody
              : facts.computeIfAbsent(u, k -> Facts.of(log, users, k, asOfMillis, days, nameMask, pathMask, areas.size()));
      long answerWeek = LocalDays.weekIndex(answer.week());
      for (int a = 0; a < areas.size(); a++) {
        adopted[a] = f.firstAreaWeek[a] <= answerWeek;
      }
      counts.add(answer.score(), f.signupWeek, f.outcome, adopted);
    }
    return counts.report(surveyId, from, to, asOf);
  }

  /**
   * What one respondent did: signup week index (null without a signup), onboarding outcome, and
   * per area the week index of the first area event ({@link Long#MAX_VALUE}: never).
   */
  private record Facts(Long signupWeek, OnboardingOutcome outcome, long[] firstAreaWeek) {
    static Facts of(
        EventLog log, OnboardingRollup.Users users, int u, long asOf, LocalDays days, long[] nameMask, long[] pathMask,
        int areas) {
      long[] first = new long[areas];
      Arrays.fill(first, Long.MAX_VALUE);
      long seen = 0;
      int end = log.end(u, asOf);
      // Events are in time order, so an area's first event is its earliest.
      for (int i = log.start(u); i < end; i++) {
        long fresh = UsageRollup.areaMask(log, i, nameMask, pathMask) & ~seen;
        while (fresh != 0) {
          int bit = Long.numberOfTrailingZeros(fresh);
          first[bit] = days.weekIndex(log.ts(i));
          seen |= 1L << bit;
          fresh &= fresh - 1;
        }
      }
      Long signupWeek = users.signup(u) < 0 ? null : users.signupWeekIndex(u);
      return new Facts(signupWeek, users.outcome(u), first);
    }
  }
}
