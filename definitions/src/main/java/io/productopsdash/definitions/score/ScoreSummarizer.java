package io.productopsdash.definitions.score;

import io.productopsdash.models.Interval;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreChange;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link ScoreSummary} and {@link ScoreChange} records from a week's answers on one
 * {@link Scale}. The primary input is the count of answers per scale point ({@code counts[i]}
 * counts score {@code scale.min() + i}), which is what a {@code GROUP BY score} query returns;
 * the raw-score overloads only count and delegate, so both paths give identical numbers.
 *
 * <p>Only answered scores are passed in: a skipped question never enters a denominator.
 */
public final class ScoreSummarizer {
  private ScoreSummarizer() {}

  /**
   * Summarises raw scores.
   *
   * @throws IllegalArgumentException naming the score when one lies outside the scale
   */
  public static ScoreSummary summarize(Scale scale, int[] scores) {
    return summarize(scale, countsOf(scale, scores));
  }

  /**
   * Summarises counts per scale point: n, distribution, mean with its t interval, top and bottom
   * box shares (fractions 0..1) with Wilson intervals, and for NPS scales the NPS in points with
   * its interval. Statistics that need more answers than there are are null.
   *
   * @param countsPerPoint one non-negative count per point, {@code scale.points()} long
   */
  public static ScoreSummary summarize(Scale scale, long[] countsPerPoint) {
    Tally tally = Tally.of(scale, countsPerPoint);
    long n = tally.n;
    List<Long> distribution = new ArrayList<>(countsPerPoint.length);
    for (long count : countsPerPoint) {
      distribution.add(count);
    }
    Double mean = null;
    Interval meanCi = null;
    Double topBox = null;
    Double bottomBox = null;
    Double nps = null;
    Interval npsCi = null;
    if (n > 0) {
      mean = tally.mean;
      meanCi = ScoreStatistics.meanInterval(tally.mean, Math.sqrt(tally.variance), (int) n);
      topBox = (double) tally.top / n;
      bottomBox = (double) tally.bottom / n;
      if (scale.kind() == ScoreKind.NPS) {
        nps = ScoreStatistics.nps(tally.top, tally.bottom, n);
        npsCi = ScoreStatistics.npsInterval(tally.top, tally.bottom, n);
      }
    }
    return new ScoreSummary(
        (int) n,
        distribution,
        mean,
        meanCi,
        topBox,
        ScoreStatistics.wilson(tally.top, n),
        bottomBox,
        ScoreStatistics.wilson(tally.bottom, n),
        nps,
        npsCi,
        n < ScoreSummary.LOW_SAMPLE_THRESHOLD);
  }

  /**
   * Compares raw scores of the current week against the previous week.
   *
   * @throws IllegalArgumentException naming the score when one lies outside the scale
   */
  public static ScoreChange compare(
      WeekId previousWeek, Scale scale, int[] previous, int[] current) {
    return compare(previousWeek, scale, countsOf(scale, previous), countsOf(scale, current));
  }

  /**
   * Compares this week's counts per point against the previous week's: deltas are current minus
   * previous (mean in scale points, top box as a fraction, NPS in points), with two-sided
   * p-values from Welch's t test (mean), the pooled two-proportion z test (top box) and the NPS
   * difference z test (NPS scales only). A delta is null when either week has no answers; a
   * p-value is null when its test cannot be computed (Welch needs 2 answers a week).
   */
  public static ScoreChange compare(
      WeekId previousWeek, Scale scale, long[] previousCounts, long[] currentCounts) {
    Objects.requireNonNull(previousWeek, "previousWeek");
    Tally before = Tally.of(scale, previousCounts);
    Tally now = Tally.of(scale, currentCounts);
    Double meanDelta = null;
    Double meanPValue = null;
    Double topBoxDelta = null;
    Double npsDelta = null;
    Double npsPValue = null;
    if (before.n > 0 && now.n > 0) {
      meanDelta = now.mean - before.mean;
      meanPValue =
          ScoreStatistics.welchTTestPValue(
              before.mean, before.variance, before.n, now.mean, now.variance, now.n);
      topBoxDelta = (double) now.top / now.n - (double) before.top / before.n;
      if (scale.kind() == ScoreKind.NPS) {
        npsDelta =
            ScoreStatistics.nps(now.top, now.bottom, now.n)
                - ScoreStatistics.nps(before.top, before.bottom, before.n);
        npsPValue =
            ScoreStatistics.npsDifferencePValue(
                before.top, before.bottom, before.n, now.top, now.bottom, now.n);
      }
    }
    return new ScoreChange(
        previousWeek,
        meanDelta,
        meanPValue,
        topBoxDelta,
        ScoreStatistics.twoProportionZPValue(before.top, before.n, now.top, now.n),
        npsDelta,
        npsPValue,
        before.n < ScoreSummary.LOW_SAMPLE_THRESHOLD || now.n < ScoreSummary.LOW_SAMPLE_THRESHOLD);
  }

  /**
   * Two-sided p-value of Welch's t test for the difference of the means of two independent sets
   * of answers, given as counts per point (the test {@link #compare} applies to two weeks).
   *
   * @return the p-value, or null when either set has fewer than 2 answers
   */
  public static Double meanDifferencePValue(Scale scale, long[] firstCounts, long[] secondCounts) {
    Tally first = Tally.of(scale, firstCounts);
    Tally second = Tally.of(scale, secondCounts);
    if (first.n < 2 || second.n < 2) {
      return null;
    }
    return ScoreStatistics.welchTTestPValue(first.mean, first.variance, first.n, second.mean, second.variance, second.n);
  }

  private static long[] countsOf(Scale scale, int[] scores) {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(scores, "scores");
    long[] counts = new long[scale.points()];
    for (int score : scores) {
      if (!scale.contains(score)) {
        throw new IllegalArgumentException(
            "Invalid score: " + score + " (scale is " + scale.min() + ".." + scale.max() + ")");
      }
      counts[score - scale.min()]++;
    }
    return counts;
  }

  /** Sufficient statistics of one week: n, mean, sample variance, top- and bottom-box counts. */
  private static final class Tally {
    final long n;
    final double mean;
    /** Sample variance (divisor n-1); 0 when n &lt; 2, where it is never used. */
    final double variance;
    final long top;
    final long bottom;

    private Tally(long n, double mean, double variance, long top, long bottom) {
      this.n = n;
      this.mean = mean;
      this.variance = variance;
      this.top = top;
      this.bottom = bottom;
    }

    static Tally of(Scale scale, long[] counts) {
      Objects.requireNonNull(scale, "scale");
      Objects.requireNonNull(counts, "countsPerPoint");
      if (counts.length != scale.points()) {
        throw new IllegalArgumentException(
            "Invalid number of counts: "
                + counts.length
                + " (scale "
                + scale.min()
                + ".."
                + scale.max()
                + " has "
                + scale.points()
                + " points)");
      }
      long n = 0;
      long top = 0;
      long bottom = 0;
      double sum = 0.0;
      for (int i = 0; i < counts.length; i++) {
        long count = counts[i];
        int score = scale.min() + i;
        if (count < 0) {
          throw new IllegalArgumentException("Invalid count for score " + score + ": " + count);
        }
        n = Math.addExact(n, count);
        sum += (double) score * count;
        if (scale.isTopBox(score)) {
          top += count;
        }
        if (scale.isBottomBox(score)) {
          bottom += count;
        }
      }
      if (n > Integer.MAX_VALUE) {
        // ScoreSummary.n is an int; a week never has this many answers, so this is a bad input.
        throw new IllegalArgumentException(
            "Invalid total count: " + n + " exceeds " + Integer.MAX_VALUE);
      }
      if (n == 0) {
        return new Tally(0, Double.NaN, 0.0, 0, 0);
      }
      double mean = sum / n;
      // Second pass over the deviations: exact 0 for identical scores, no cancellation.
      double squares = 0.0;
      for (int i = 0; i < counts.length; i++) {
        double deviation = scale.min() + i - mean;
        squares += deviation * deviation * counts[i];
      }
      double variance = n < 2 ? 0.0 : squares / (n - 1);
      return new Tally(n, mean, variance, top, bottom);
    }
  }
}
