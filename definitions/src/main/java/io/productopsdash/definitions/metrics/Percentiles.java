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
    for (int i = 0; i < k; i++) {
      n += counts[i];
    }
    Counted counted = new Counted(n);
    for (int i = 0; i < k; i++) {
      counted.add(values[i], counts[i]);
    }
    return counted.result();
  }

  /**
   * The counted form fed one distinct value at a time, in ascending order, when the number of
   * values is known in advance: keeps only the sum and the few order statistics the result needs,
   * so a distributed job can stream millions of distinct values through it. Each value is added
   * to the sum once per occurrence, in ascending order, as the expanded form sums.
   */
  public static final class Counted {
    private static final double[] P = {0.5, 0.75, 0.9};
    private final long n;
    private final long[] wanted;
    private final double[] found;
    private long seen;
    private double sum;
    private double last = Double.NEGATIVE_INFINITY;

    /** For {@code n} values in all (the sum of the counts that will be added). */
    public Counted(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must not be negative, got " + n);
      }
      this.n = n;
      wanted = new long[P.length * 2];
      for (int i = 0; i < P.length; i++) {
        long lo = (long) Math.floor((n - 1) * P[i]);
        wanted[2 * i] = lo;
        wanted[2 * i + 1] = lo + 1;
      }
      found = new double[wanted.length];
    }

    /** The next value, larger than every earlier one, occurring {@code count} times. */
    public void add(double value, long count) {
      if (seen > 0 && !(value > last)) {
        throw new IllegalArgumentException("values must be ascending and distinct");
      }
      if (count <= 0) {
        throw new IllegalArgumentException("counts must be positive, got " + count);
      }
      if (seen + count > n) {
        throw new IllegalArgumentException("more than the " + n + " values announced");
      }
      for (int i = 0; i < wanted.length; i++) {
        if (wanted[i] >= seen && wanted[i] < seen + count) {
          found[i] = value;
        }
      }
      for (long c = 0; c < count; c++) {
        sum += value;
      }
      seen += count;
      last = value;
    }

    /** The summary; all {@code n} values must have been added. */
    public Distribution result() {
      if (seen != n) {
        throw new IllegalStateException(seen + " of the " + n + " values announced were added");
      }
      if (n == 0) {
        return Distribution.EMPTY;
      }
      double[] q = new double[P.length];
      for (int i = 0; i < P.length; i++) {
        double h = (n - 1) * P[i];
        long lo = (long) Math.floor(h);
        q[i] = lo >= n - 1 ? last : found[2 * i] + (h - lo) * (found[2 * i + 1] - found[2 * i]);
      }
      return new Distribution(n, sum / n, q[0], q[1], q[2]);
    }
  }
}
