package io.productopsdash.definitions.metrics;

import io.productopsdash.models.rollup.Distribution;
import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics, numpy's default ({@code
 * method='linear'}, Hyndman and Fan's type 7): for sorted {@code x[0..n-1]} and {@code p} in
 * 0..1, {@code h = (n-1)p} and the result is {@code x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h])}. The median is the 50th percentile, so that of an even count is the mean of the
 * middle two. The counted form ({@link #distribution(double[], long[], int)}) takes each distinct
 * value once with how often it occurs, as a distributed job gathers them, and gives bit for bit
 * what the expanded values give: the same order statistics and the same additions in the same
 * (ascending) order for the mean.
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

  /**
   * Mean, median, p75 and p90 of the values {@code values[i]} each occurring {@code counts[i]}
   * times, for {@code i < k}; {@code values} ascending and distinct, counts positive. Equal, bit
   * for bit, to {@link #distribution(double[], int)} over the expanded values.
   */
  public static Distribution distribution(double[] values, long[] counts, int k) {
    long n = 0;
    double sum = 0;
    for (int i = 0; i < k; i++) {
      if (i > 0 && !(values[i] > values[i - 1])) {
        throw new IllegalArgumentException("values must be ascending and distinct");
      }
      if (counts[i] <= 0) {
        throw new IllegalArgumentException("counts must be positive, got " + counts[i]);
      }
      n += counts[i];
      // One addition per occurrence, in ascending order, as the expanded form sums.
      for (long c = 0; c < counts[i]; c++) {
        sum += values[i];
      }
    }
    if (n == 0) {
      return Distribution.EMPTY;
    }
    return new Distribution(
        n, sum / n, linear(values, counts, k, n, 0.5), linear(values, counts, k, n, 0.75),
        linear(values, counts, k, n, 0.9));
  }

  private static double linear(double[] values, long[] counts, int k, long n, double p) {
    double h = (n - 1) * p;
    long lo = (long) Math.floor(h);
    if (lo >= n - 1) {
      return values[k - 1];
    }
    double a = at(values, counts, k, lo);
    double b = at(values, counts, k, lo + 1);
    return a + (h - lo) * (b - a);
  }

  /** The value at position {@code index} of the expanded, ascending sequence. */
  private static double at(double[] values, long[] counts, int k, long index) {
    long seen = 0;
    for (int i = 0; i < k; i++) {
      seen += counts[i];
      if (index < seen) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("index " + index + " beyond " + seen + " values");
  }
}
