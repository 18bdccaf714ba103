package io.productopsdash.models;

/**
 * The one rule that words a week-over-week test for people, used by the API, the dashboard and the
 * digest alike: a change is {@link #TOO_FEW_ANSWERS} when either week has fewer than {@link
 * ScoreSummary#LOW_SAMPLE_THRESHOLD} answers (the test's approximations do not hold, whatever its
 * p-value), else {@link #SIGNIFICANT} when its two-sided p-value is below {@link #ALPHA}, else
 * {@link #NOT_SIGNIFICANT}; {@link #NONE} when there is no test (a week without answers).
 */
public enum Significance {
  SIGNIFICANT("significant"),
  NOT_SIGNIFICANT("not significant"),
  TOO_FEW_ANSWERS("too few answers"),
  NONE("no test");

  /** The significance level of every week-over-week test. */
  public static final double ALPHA = 0.05;

  private final String words;

  Significance(String words) {
    this.words = words;
  }

  /** The verdict for a test with p-value {@code pValue} (null: no test) on weeks flagged {@code lowSample}. */
  public static Significance of(Double pValue, boolean lowSample) {
    if (pValue == null) {
      return lowSample ? TOO_FEW_ANSWERS : NONE;
    }
    if (lowSample) {
      return TOO_FEW_ANSWERS;
    }
    return pValue < ALPHA ? SIGNIFICANT : NOT_SIGNIFICANT;
  }

  /** How the dashboard and the digest say it ("significant", "too few answers"). */
  public String words() {
    return words;
  }
}
