package io.productopsdash.models.rollup;

/**
 * Summary of {@code n} values: mean, median, 75th and 90th percentiles. Percentiles interpolate
 * linearly between order statistics (numpy's default, Hyndman and Fan's type 7): for sorted values
 * {@code x[0..n-1]} and fraction {@code p}, {@code h = (n-1)p} and the percentile is {@code
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}; so the median of an even count is the
 * mean of the middle two. All but {@code n} are null when {@code n == 0}.
 */
public record Distribution(long n, Double mean, Double median, Double p75, Double p90) {
  /** The summary of no values. */
  public static final Distribution EMPTY = new Distribution(0, null, null, null, null);

  public Distribution {
    Checks.count("n", n);
    if ((n == 0) != (mean == null) || (n == 0) != (median == null) || (n == 0) != (p75 == null)
        || (n == 0) != (p90 == null)) {
      throw new IllegalArgumentException("statistics must be set exactly when n > 0 (n=" + n + ")");
    }
  }
}
