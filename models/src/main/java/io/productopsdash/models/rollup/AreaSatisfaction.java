package io.productopsdash.models.rollup;

import io.productopsdash.models.ScoreSummary;

/**
 * Scores of a feature area's adopters against everyone else who answered: {@code adopters}
 * summarises the answers whose user had used the area by the end of the answer's week, {@code
 * others} the rest. {@code meanDelta} is the adopters' mean minus the others' (scale points; null
 * when either side has no answers) and {@code pValue} the two-sided Welch t test of that
 * difference (null when either side has fewer than 2 answers).
 */
public record AreaSatisfaction(
    String area, ScoreSummary adopters, ScoreSummary others, Double meanDelta, Double pValue) {
  public AreaSatisfaction {
    Checks.required("area", area);
    Checks.required("adopters", adopters);
    Checks.required("others", others);
    Checks.share("pValue", pValue);
  }
}
