package io.productopsdash.models;

/** A confidence interval [low, high] around an estimate. */
public record Interval(double low, double high) {
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("Invalid interval: [" + low + ", " + high + "]");
    }
  }
}
