package io.productopsdash.engine.rollup;

import io.productopsdash.models.rollup.Distribution;
import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics, numpy's default ({@code
 * method='linear'}, Hyndman and Fan's type 7): for sorted {@code x[0..n-1]} and {@code p} in
 * 0..1, {@code h = (n-1)p} and the result is {@code x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h])}. The median is the 50th percentile, so that of an even count is the mean of the
 * middle two.
 */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-quantile (0..1) of {@code sorted[0..n)}, which must be ascending; n &gt; 0. */
  public static double linear(double[] sorted, int n, double p) {
    if (n <= 0) {
      throw new IllegalArgumentException("a percentile needs at least one value");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be within 0..1, got " + p);
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  /** Mean, median, p75 and p90 of {@code values[0..n)} (the array is sorted in place). */
  public static Distribution distribution(double[] values, int n) {
    if (n == 0) {
      return Distribution.EMPTY;
    }
    Arrays.sort(values, 0, n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    return new Distribution(
        n, sum / n, linear(values, n, 0.5), linear(values, n, 0.75), linear(values, n, 0.9));
  }
}
