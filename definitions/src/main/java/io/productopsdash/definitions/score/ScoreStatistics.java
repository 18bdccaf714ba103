package io.productopsdash.definitions.score;

import io.productopsdash.models.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The 95% intervals and two-sided tests behind survey scores.
 *
 * <ul>
 *   <li>Mean: Student-t interval {@code mean ± t(0.975, n-1) · sd / √n} with the sample sd.
 *   <li>Proportion: Wilson score interval (Wilson 1927), which stays inside [0, 1] and behaves at
 *       0 and n successes where the Wald interval collapses.
 *   <li>NPS: {@code 100 · (pP - pD)} with {@code Var = (pP + pD - (pP - pD)²) / n}, the variance of
 *       the difference of two cells of one multinomial sample.
 *   <li>Tests: Welch's t (Welch–Satterthwaite df) for means, the pooled two-proportion z test for
 *       shares, and an unpooled z test for an NPS difference (sum of the two variances).
 * </ul>
 *
 * <p>Functions return {@code null} when the data cannot support the statistic (too few answers);
 * they throw {@link IllegalArgumentException} naming the value when an input is impossible
 * (negative counts, more successes than trials, a negative variance).
 */
public final class ScoreStatistics {
  /** The standard normal 0.975 quantile: the z of every 95% interval here. */
  public static final double Z95 = 1.959963984540054;

  /* Only CDFs and quantiles are used, never sampling, so no random generator is allocated. */
  private static final NormalDistribution STANDARD_NORMAL =
      new NormalDistribution((RandomGenerator) null, 0.0, 1.0);

  private ScoreStatistics() {}

  /**
   * The 95% Student-t interval of a mean: {@code mean ± t(0.975, n-1) · sd / √n}.
   *
   * @param sd the sample standard deviation (divisor n-1)
   * @return the interval, or null when n &lt; 2 (one answer has no spread to estimate)
   */
  public static Interval meanInterval(double mean, double sd, int n) {
    requireFinite("mean", mean);
    requireNonNegative("sd", sd);
    if (n < 0) {
      throw new IllegalArgumentException("Invalid sample size n: " + n);
    }
    if (n < 2) {
      return null;
    }
    double t = t(n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  /**
   * The Wilson score 95% interval of {@code successes / n}.
   *
   * @return the interval within [0, 1], or null when n == 0
   */
  public static Interval wilson(long successes, long n) {
    requireCounts("successes", successes, n);
    if (n == 0) {
      return null;
    }
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1.0 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    // At 0 or n successes one bound is exactly 0 or 1 in theory; clamp away rounding noise.
    return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
  }

  /**
   * Net Promoter Score in points: {@code 100 · (promoters - detractors) / n}.
   *
   * @throws IllegalArgumentException when n == 0 (no answers have no NPS) or counts are invalid
   */
  public static double nps(long promoters, long detractors, long n) {
    requireNpsSample(promoters, detractors, n);
    return 100.0 * (promoters - detractors) / n;
  }

  /**
   * The variance of the NPS as a fraction (-1..1): {@code (pP + pD - (pP - pD)²) / n}. Multiply
   * its square root by 100 for the standard error in points.
   *
   * @throws IllegalArgumentException when n == 0 or counts are invalid
   */
  public static double npsVariance(long promoters, long detractors, long n) {
    requireNpsSample(promoters, detractors, n);
    double pP = (double) promoters / n;
    double pD = (double) detractors / n;
    double d = pP - pD;
    // Rounding can push an exact 0 (all promoters or all detractors) a hair below zero.
    return Math.max(0.0, (pP + pD - d * d) / n);
  }

  /**
   * The 95% interval of the NPS in points: {@code nps ± z · √Var · 100}, clamped to [-100, 100].
   *
   * @return the interval, or null when n == 0
   */
  public static Interval npsInterval(long promoters, long detractors, long n) {
    requireNpsCounts(promoters, detractors, n);
    if (n == 0) {
      return null;
    }
    double nps = nps(promoters, detractors, n);
    double half = Z95 * Math.sqrt(npsVariance(promoters, detractors, n)) * 100.0;
    return new Interval(Math.max(-100.0, nps - half), Math.min(100.0, nps + half));
  }

  /**
   * Two-sided p-value of Welch's t test for a difference of means, with Welch–Satterthwaite
   * degrees of freedom {@code (v1/n1 + v2/n2)² / ((v1/n1)²/(n1-1) + (v2/n2)²/(n2-1))}.
   *
   * <p>When both variances are 0 the t statistic is undefined; the answer is then decided
   * exactly: p = 1 when the means are equal, p = 0 when they differ (every answer in each group
   * was the same, so the difference is certain).
   *
   * @param var1 sample variance (divisor n-1) of the first group
   * @param var2 sample variance (divisor n-1) of the second group
   * @return the p-value in [0, 1], or null when either group has fewer than 2 answers
   */
  public static Double welchTTestPValue(
      double mean1, double var1, long n1, double mean2, double var2, long n2) {
    requireTwoGroups(mean1, var1, n1, mean2, var2, n2);
    if (n1 < 2 || n2 < 2) {
      return null;
    }
    if (var1 == 0.0 && var2 == 0.0) {
      return mean1 == mean2 ? 1.0 : 0.0;
    }
    double s1 = var1 / n1;
    double s2 = var2 / n2;
    double se2 = s1 + s2;
    double t = (mean2 - mean1) / Math.sqrt(se2);
    double df = se2 * se2 / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
    return twoSided(t(df).cumulativeProbability(-Math.abs(t)));
  }

  /**
   * The Welch 95% interval of the difference of two means, {@code mean1 - mean2}: {@code d ± t(0.975,
   * ν) · √(var1/n1 + var2/n2)} with the Welch–Satterthwaite degrees of freedom ν.
   *
   * @param var1 sample variance (divisor n-1) of the first group
   * @param var2 sample variance (divisor n-1) of the second group
   * @return the interval; a point when both variances are 0; null when either group has fewer
   *     than 2 answers (one answer has no spread to estimate)
   */
  public static Interval welchDifferenceInterval(
      double mean1, double var1, long n1, double mean2, double var2, long n2) {
    requireTwoGroups(mean1, var1, n1, mean2, var2, n2);
    if (n1 < 2 || n2 < 2) {
      return null;
    }
    double d = mean1 - mean2;
    double s1 = var1 / n1;
    double s2 = var2 / n2;
    double se2 = s1 + s2;
    if (se2 == 0.0) {
      return new Interval(d, d);
    }
    double df = se2 * se2 / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
    double half = t(df).inverseCumulativeProbability(0.975) * Math.sqrt(se2);
    return new Interval(d - half, d + half);
  }

  /**
   * Two-sided p-value of the pooled two-proportion z test of {@code x1/n1} against {@code x2/n2}:
   * {@code z = (p2 - p1) / √(p(1-p)(1/n1 + 1/n2))} with {@code p = (x1+x2)/(n1+n2)}.
   *
   * @return the p-value, 1 when the pooled share is 0 or 1 (both groups identical at an extreme),
   *     or null when either group has no answers
   */
  public static Double twoProportionZPValue(long x1, long n1, long x2, long n2) {
    requireCounts("x1", x1, n1);
    requireCounts("x2", x2, n2);
    if (n1 == 0 || n2 == 0) {
      return null;
    }
    double pooled = (double) (x1 + x2) / (n1 + n2);
    if (pooled == 0.0 || pooled == 1.0) {
      return 1.0;
    }
    double se = Math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = ((double) x2 / n2 - (double) x1 / n1) / se;
    return twoSided(STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  /**
   * Two-sided p-value of a z test on the difference of two independent NPS values, with the
   * unpooled standard error {@code √(Var1 + Var2)} from {@link #npsVariance}.
   *
   * <p>When both variances are 0 (each group all promoters or all detractors), p = 1 for equal
   * NPS values and 0 for different ones, as in {@link #welchTTestPValue}.
   *
   * @return the p-value, or null when either group has no answers
   */
  public static Double npsDifferencePValue(
      long promoters1, long detractors1, long n1, long promoters2, long detractors2, long n2) {
    requireNpsCounts(promoters1, detractors1, n1);
    requireNpsCounts(promoters2, detractors2, n2);
    if (n1 == 0 || n2 == 0) {
      return null;
    }
    double difference =
        (nps(promoters2, detractors2, n2) - nps(promoters1, detractors1, n1)) / 100.0;
    double variance =
        npsVariance(promoters1, detractors1, n1) + npsVariance(promoters2, detractors2, n2);
    if (variance == 0.0) {
      return difference == 0.0 ? 1.0 : 0.0;
    }
    double z = difference / Math.sqrt(variance);
    return twoSided(STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  private static TDistribution t(double degreesOfFreedom) {
    return new TDistribution(
        (RandomGenerator) null, degreesOfFreedom, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
  }

  private static double twoSided(double lowerTail) {
    return Math.min(1.0, 2.0 * lowerTail);
  }

  private static void requireTwoGroups(double mean1, double var1, long n1, double mean2, double var2, long n2) {
    requireFinite("mean1", mean1);
    requireFinite("mean2", mean2);
    requireNonNegative("var1", var1);
    requireNonNegative("var2", var2);
    requireSize("n1", n1);
    requireSize("n2", n2);
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Invalid " + name + ": " + value);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Invalid " + name + " (must be finite and >= 0): " + value);
    }
  }

  private static void requireSize(String name, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("Invalid sample size " + name + ": " + n);
    }
  }

  private static void requireCounts(String name, long successes, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("Invalid sample size n: " + n);
    }
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "Invalid " + name + ": " + successes + " (must be within 0.." + n + ")");
    }
  }

  private static void requireNpsCounts(long promoters, long detractors, long n) {
    requireCounts("promoters", promoters, n);
    requireCounts("detractors", detractors, n);
    if (promoters + detractors > n) {
      throw new IllegalArgumentException(
          "Invalid promoters + detractors: "
              + promoters
              + " + "
              + detractors
              + " exceeds n = "
              + n);
    }
  }

  private static void requireNpsSample(long promoters, long detractors, long n) {
    requireNpsCounts(promoters, detractors, n);
    if (n == 0) {
      throw new IllegalArgumentException("Invalid sample size n: 0 (an NPS needs answers)");
    }
  }
}
