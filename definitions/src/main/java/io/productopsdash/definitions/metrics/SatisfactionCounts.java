package io.productopsdash.definitions.metrics;

import io.productopsdash.definitions.score.ScoreSummarizer;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AreaSatisfaction;
import io.productopsdash.models.rollup.OnboardingOutcome;
import io.productopsdash.models.rollup.SatisfactionGroup;
import io.productopsdash.models.rollup.SatisfactionReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The answers of one survey version counted per scale point in every breakdown of a {@link
 * SatisfactionReport} (overall, by signup cohort, by onboarding outcome, adopters and others per
 * feature area), and the report built from those counts: each group summarised by {@link
 * ScoreSummarizer} on the survey's scale, per area the adopters' mean minus the others' and the
 * Welch test of it. The embedded engine adds answers one by one; the Spark job adds the counts it
 * gathered per group.
 */
public final class SatisfactionCounts {
  private final Scale scale;
  private final List<String> areas;
  private final long[] overall;
  private final TreeMap<Long, long[]> cohorts = new TreeMap<>();
  private final long[] noSignup;
  private final long[][] outcomes;
  private final long[][] adopters;
  private final long[][] others;

  /** For a survey on {@code scale} and the configured feature areas' names, in order. */
  public SatisfactionCounts(Scale scale, List<String> areas) {
    this.scale = scale;
    this.areas = List.copyOf(areas);
    int points = scale.points();
    overall = new long[points];
    noSignup = new long[points];
    outcomes = new long[OnboardingOutcome.values().length][points];
    adopters = new long[areas.size()][points];
    others = new long[areas.size()][points];
  }

  /**
   * One answer: its score, the user's signup week index ({@link LocalDays}; null without a
   * signup) and outcome, and per area whether the user had adopted it by the answer's week.
   */
  public void add(int score, Long signupWeek, OnboardingOutcome outcome, boolean[] adopted) {
    addOverall(score, 1);
    addCohort(signupWeek, score, 1);
    addOutcome(outcome, score, 1);
    for (int a = 0; a < adopted.length; a++) {
      addArea(a, adopted[a], score, 1);
    }
  }

  public void addOverall(int score, long n) {
    overall[point(score)] += n;
  }

  /** {@code signupWeek} null: answers of users with no signup up to the evaluation instant. */
  public void addCohort(Long signupWeek, int score, long n) {
    (signupWeek == null ? noSignup : cohorts.computeIfAbsent(signupWeek, w -> new long[scale.points()]))[point(score)] += n;
  }

  public void addOutcome(OnboardingOutcome outcome, int score, long n) {
    outcomes[outcome.ordinal()][point(score)] += n;
  }

  public void addArea(int area, boolean adopter, int score, long n) {
    (adopter ? adopters : others)[area][point(score)] += n;
  }

  private int point(int score) {
    if (!scale.contains(score)) {
      throw new IllegalArgumentException("Invalid score: " + score + " (scale is " + scale.min() + ".." + scale.max() + ")");
    }
    return score - scale.min();
  }

  /**
   * The report: cohorts by week ascending, then {@link SatisfactionReport#NO_SIGNUP_COHORT} when
   * any answer's user had no signup; all four outcomes in order; areas in configuration order.
   */
  public SatisfactionReport report(long surveyId, WeekId from, WeekId to, Instant asOf) {
    List<SatisfactionGroup> byCohort = new ArrayList<>();
    cohorts.forEach((w, counts) -> byCohort.add(new SatisfactionGroup(LocalDays.week(w).toString(), summary(counts))));
    if (total(noSignup) > 0) {
      byCohort.add(new SatisfactionGroup(SatisfactionReport.NO_SIGNUP_COHORT, summary(noSignup)));
    }
    List<SatisfactionGroup> byOutcome = new ArrayList<>();
    for (OnboardingOutcome o : OnboardingOutcome.values()) {
      byOutcome.add(new SatisfactionGroup(o.label(), summary(outcomes[o.ordinal()])));
    }
    List<AreaSatisfaction> byArea = new ArrayList<>();
    for (int a = 0; a < areas.size(); a++) {
      ScoreSummary in = summary(adopters[a]);
      ScoreSummary out = summary(others[a]);
      Double delta = in.n() == 0 || out.n() == 0 ? null : in.mean() - out.mean();
      byArea.add(new AreaSatisfaction(
          areas.get(a), in, out, delta, ScoreSummarizer.meanDifferencePValue(scale, adopters[a], others[a])));
    }
    return new SatisfactionReport(surveyId, from, to, asOf, summary(overall), byCohort, byOutcome, byArea);
  }

  private ScoreSummary summary(long[] counts) {
    return ScoreSummarizer.summarize(scale, counts);
  }

  private static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }
}
