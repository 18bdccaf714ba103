package io.productopsdash.models;

/**
 * A week's change against the previous week: differences (this minus previous) with two-sided
 * p-values — Welch's t test for the mean, a two-proportion z test for the top box, and a z test
 * on the NPS difference from the two multinomial variances (NPS surveys only). Null where either
 * week lacks the answers to compute it. {@code lowSample} is set when either week has n &lt; 30.
 * Each test's verdict follows the one rule of {@link Significance}.
 */
public record ScoreChange(
    WeekId previousWeek,
    Double meanDelta,
    Double meanPValue,
    Double topBoxDelta,
    Double topBoxPValue,
    Double npsDelta,
    Double npsPValue,
    boolean lowSample,
    Significance meanVerdict,
    Significance topBoxVerdict,
    Significance npsVerdict) {
  /** A change whose verdicts follow from its p-values and {@code lowSample}. */
  public ScoreChange(
      WeekId previousWeek,
      Double meanDelta,
      Double meanPValue,
      Double topBoxDelta,
      Double topBoxPValue,
      Double npsDelta,
      Double npsPValue,
      boolean lowSample) {
    this(previousWeek, meanDelta, meanPValue, topBoxDelta, topBoxPValue, npsDelta, npsPValue, lowSample,
        Significance.of(meanPValue, lowSample), Significance.of(topBoxPValue, lowSample),
        npsDelta == null && npsPValue == null ? Significance.NONE : Significance.of(npsPValue, lowSample));
  }
}
