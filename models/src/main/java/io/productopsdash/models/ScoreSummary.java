package io.productopsdash.models;

import java.util.List;

/**
 * Statistics of a set of scores on one scale. {@code distribution.get(i)} counts score {@code
 * scale.min() + i}. Mean intervals are Student-t 95%; box shares carry Wilson 95% intervals; NPS
 * fields are set only for NPS scales (NPS = %promoters - %detractors, in points -100..100, CI from
 * the multinomial variance). Fields that need more answers than there are (a mean of nothing, a
 * t interval from one answer) are null. {@code lowSample} is n &lt; 30.
 */
public record ScoreSummary(
    int n,
    List<Long> distribution,
    Double mean,
    Interval meanCi,
    Double topBox,
    Interval topBoxCi,
    Double bottomBox,
    Interval bottomBoxCi,
    Double nps,
    Interval npsCi,
    boolean lowSample) {
  /** Fewer answers than this and a week is flagged "too few answers". */
  public static final int LOW_SAMPLE_THRESHOLD = 30;

  public ScoreSummary {
    distribution = List.copyOf(distribution);
  }
}
