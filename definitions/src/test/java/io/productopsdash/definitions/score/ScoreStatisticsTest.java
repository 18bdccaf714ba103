package io.productopsdash.definitions.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.models.Interval;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed fixtures. Every expected value below is worked out in the comment beside it and
 * was cross-checked with scipy 1.17 (scipy.stats.t.ppf, ttest_ind(equal_var=False), norm.sf,
 * chi2_contingency(correction=False) for the two-proportion test); none comes from the code under
 * test.
 */
class ScoreStatisticsTest {
  private static final double TOL = 1e-4;

  static void assertInterval(Interval actual, double low, double high) {
    assertThat(actual).isNotNull();
    assertThat(actual.low()).as("low").isCloseTo(low, within(TOL));
    assertThat(actual.high()).as("high").isCloseTo(high, within(TOL));
  }

  // ---- mean interval --------------------------------------------------------------------------

  @Test
  void meanIntervalOfTenScores() {
    // Scores {5,6,7,7,4,6,7,3,6,5}: sum 56, mean 5.6.
    // Squared deviations .36+.16+1.96+1.96+2.56+.16+1.96+6.76+.16+.36 = 16.4; var = 16.4/9 =
    // 1.822222, sd = 1.349897; se = sd/sqrt(10) = 0.426875; t(0.975, 9) = 2.262157;
    // half width = 2.262157 * 0.426875 = 0.965658 -> [4.634342, 6.565658].
    Interval ci = ScoreStatistics.meanInterval(5.6, Math.sqrt(16.4 / 9), 10);
    assertInterval(ci, 4.634342, 6.565658);
  }

  @Test
  void meanIntervalOfElevenPointsWithUnitStandardError() {
    // Scores 0..10 once each: mean 5, sum of squared deviations 2*(1+4+9+16+25) = 110,
    // var = 110/10 = 11, sd = sqrt(11), se = sqrt(11)/sqrt(11) = 1; t(0.975, 10) = 2.228139.
    assertInterval(ScoreStatistics.meanInterval(5, Math.sqrt(11), 11), 2.771861, 7.228139);
  }

  @Test
  void meanIntervalNeedsTwoAnswers() {
    assertThat(ScoreStatistics.meanInterval(4, 0, 0)).isNull();
    assertThat(ScoreStatistics.meanInterval(4, 0, 1)).isNull();
  }

  @Test
  void meanIntervalOfIdenticalScoresIsAPoint() {
    assertInterval(ScoreStatistics.meanInterval(7, 0, 30), 7, 7);
  }

  @Test
  void meanIntervalRejectsImpossibleInputs() {
    assertThatThrownBy(() -> ScoreStatistics.meanInterval(5, -0.5, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-0.5");
    assertThatThrownBy(() -> ScoreStatistics.meanInterval(Double.NaN, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> ScoreStatistics.meanInterval(5, 1, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-3");
  }

  // ---- Wilson ---------------------------------------------------------------------------------

  @Test
  void wilsonSixOfTen() {
    // p = 0.6, n = 10, z^2 = 3.841459; denominator 1 + z^2/n = 1.384146.
    // centre = (0.6 + z^2/20) / 1.384146 = (0.6 + 0.192073) / 1.384146 = 0.572247.
    // half = z / 1.384146 * sqrt(0.6*0.4/10 + z^2/400) = 1.416009 * sqrt(0.024 + 0.009604)
    //      = 1.416009 * 0.183314 = 0.259574 -> [0.312674, 0.831820].
    assertInterval(ScoreStatistics.wilson(6, 10), 0.312674, 0.831820);
  }

  @Test
  void wilsonAtTheExtremesStaysInsideZeroOne() {
    // 0/10: centre = half = (z^2/20)/1.384146 = 0.192073/1.384146 = 0.138767 -> [0, 0.277533].
    assertInterval(ScoreStatistics.wilson(0, 10), 0.0, 0.277533);
    // 10/10 mirrors it: [1 - 0.277533, 1].
    assertInterval(ScoreStatistics.wilson(10, 10), 0.722467, 1.0);
    // 1/1: denominator 1 + z^2 = 4.841459; centre = (1 + z^2/2)/4.841459 = 2.920730/4.841459
    //      = 0.603275; half = z/4.841459 * sqrt(z^2/4) = z^2/2/4.841459 = 0.396725
    //      -> [0.206549, 1].
    assertInterval(ScoreStatistics.wilson(1, 1), 0.206549, 1.0);
    Interval zero = ScoreStatistics.wilson(0, 10);
    assertThat(zero.low()).isGreaterThanOrEqualTo(0.0);
    assertThat(ScoreStatistics.wilson(10, 10).high()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void wilsonOfNothingIsNull() {
    assertThat(ScoreStatistics.wilson(0, 0)).isNull();
  }

  @Test
  void wilsonRejectsMoreSuccessesThanTrials() {
    assertThatThrownBy(() -> ScoreStatistics.wilson(11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> ScoreStatistics.wilson(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  // ---- NPS ------------------------------------------------------------------------------------

  @Test
  void npsFivePromotersThreePassivesTwoDetractors() {
    // pP = 0.5, pD = 0.2: NPS = 100 * (0.5 - 0.2) = 30.
    // var = (0.5 + 0.2 - 0.3^2) / 10 = (0.7 - 0.09) / 10 = 0.061; sd = 0.246982 -> 24.6982 pts.
    // half = 1.959964 * 24.6982 = 48.4075 -> [-18.4075, 78.4075].
    assertThat(ScoreStatistics.nps(5, 2, 10)).isCloseTo(30.0, within(1e-12));
    assertThat(ScoreStatistics.npsVariance(5, 2, 10)).isCloseTo(0.061, within(1e-12));
    assertInterval(ScoreStatistics.npsInterval(5, 2, 10), -18.4075, 78.4075);
  }

  @Test
  void npsIntervalIsClampedToPlusMinusHundred() {
    // 4 promoters, 1 detractor of 5: NPS = 60; var = (0.8 + 0.2 - 0.36)/5 = 0.128,
    // half = 1.959964 * sqrt(0.128) * 100 = 1.959964 * 35.7771 = 70.1218
    // -> [-10.1218, 130.1218], clamped high to 100.
    assertInterval(ScoreStatistics.npsInterval(4, 1, 5), -10.1218, 100.0);
  }

  @Test
  void npsOfUnanimousPromotersHasZeroVariance() {
    // pP = 1, pD = 0: var = (1 + 0 - 1) / 7 = 0, NPS = 100, interval [100, 100].
    assertThat(ScoreStatistics.npsVariance(7, 0, 7)).isEqualTo(0.0);
    assertInterval(ScoreStatistics.npsInterval(7, 0, 7), 100, 100);
    assertInterval(ScoreStatistics.npsInterval(0, 7, 7), -100, -100);
  }

  @Test
  void npsOfNothing() {
    assertThat(ScoreStatistics.npsInterval(0, 0, 0)).isNull();
    assertThatThrownBy(() -> ScoreStatistics.nps(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> ScoreStatistics.npsVariance(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void npsRejectsMorePromotersAndDetractorsThanAnswers() {
    assertThatThrownBy(() -> ScoreStatistics.npsInterval(6, 5, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 + 5");
  }

  // ---- Welch ----------------------------------------------------------------------------------

  @Test
  void welchAgainstHandComputedReference() {
    // Group 1 = {5,6,7,7,4,6,7,3,6,5}: mean 5.6, var 16.4/9 = 1.822222, n 10.
    // Group 2 = {6,7,7,5,7,6,7,7,6,7,4,7}: sum 76, mean 6.333333; sum of squares 492,
    //   var = (492 - 76^2/12)/11 = (492 - 481.333333)/11 = 0.969697, n 12.
    // s1 = 1.822222/10 = 0.182222, s2 = 0.969697/12 = 0.080808, se^2 = 0.263030,
    //   se = 0.512865, t = 0.733333/0.512865 = 1.429877.
    // df = 0.263030^2 / (0.182222^2/9 + 0.080808^2/11) = 0.069185/(0.003689+0.000594) = 16.1531.
    // p = 2 * P(T_16.1531 > 1.429877) = 0.171810 (scipy ttest_ind(equal_var=False): 0.1718097).
    double var2 = (492 - 76.0 * 76.0 / 12) / 11;
    Double p = ScoreStatistics.welchTTestPValue(5.6, 16.4 / 9, 10, 76.0 / 12, var2, 12);
    assertThat(p).isCloseTo(0.171810, within(TOL));
    // Two-sided: the order of the groups does not matter.
    Double swapped =
        ScoreStatistics.welchTTestPValue(76.0 / 12, var2, 12, 5.6, 16.4 / 9, 10);
    assertThat(swapped).isCloseTo(p, within(1e-12));
  }

  @Test
  void welchNeedsTwoAnswersPerGroup() {
    assertThat(ScoreStatistics.welchTTestPValue(5, 0, 1, 6, 1, 10)).isNull();
    assertThat(ScoreStatistics.welchTTestPValue(5, 1, 10, 6, 0, 0)).isNull();
  }

  @Test
  void welchWithoutAnyVarianceDecidesExactly() {
    assertThat(ScoreStatistics.welchTTestPValue(7, 0, 30, 7, 0, 30)).isEqualTo(1.0);
    assertThat(ScoreStatistics.welchTTestPValue(6, 0, 30, 7, 0, 30)).isEqualTo(0.0);
  }

  @Test
  void welchWithEqualMeansIsOne() {
    assertThat(ScoreStatistics.welchTTestPValue(5, 2, 20, 5, 1, 25)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void welchRejectsNegativeVariance() {
    assertThatThrownBy(() -> ScoreStatistics.welchTTestPValue(5, -1, 10, 5, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("var1")
        .hasMessageContaining("-1.0");
  }

  // ---- two-proportion z -----------------------------------------------------------------------

  @Test
  void twoProportionThirtyOfHundredAgainstFortyFiveOfHundred() {
    // pooled p = 75/200 = 0.375; se = sqrt(0.375 * 0.625 * (1/100 + 1/100)) = sqrt(0.0046875)
    //   = 0.0684653; z = (0.45 - 0.30)/0.0684653 = 2.190890; p = 2 * (1 - Phi(2.190890))
    //   = 2 * 0.0142299 = 0.0284597 (same as the uncorrected chi-square test on the 2x2 table).
    assertThat(ScoreStatistics.twoProportionZPValue(30, 100, 45, 100))
        .isCloseTo(0.0284597, within(TOL));
    assertThat(ScoreStatistics.twoProportionZPValue(45, 100, 30, 100))
        .isCloseTo(0.0284597, within(TOL));
  }

  @Test
  void twoProportionEdgeCases() {
    assertThat(ScoreStatistics.twoProportionZPValue(0, 0, 3, 10)).isNull();
    assertThat(ScoreStatistics.twoProportionZPValue(3, 10, 0, 0)).isNull();
    // Pooled share 0 or 1: both weeks identical at an extreme.
    assertThat(ScoreStatistics.twoProportionZPValue(0, 10, 0, 20)).isEqualTo(1.0);
    assertThat(ScoreStatistics.twoProportionZPValue(10, 10, 20, 20)).isEqualTo(1.0);
    assertThat(ScoreStatistics.twoProportionZPValue(3, 10, 6, 20)).isCloseTo(1.0, within(1e-12));
    assertThatThrownBy(() -> ScoreStatistics.twoProportionZPValue(12, 10, 3, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
  }

  // ---- NPS difference -------------------------------------------------------------------------

  @Test
  void npsDifferenceAgainstHandComputedReference() {
    // Week 1: 5 P, 2 D of 10 -> NPS 30, var 0.061 (see above).
    // Week 2: 12 P, 3 D of 20 -> pP 0.6, pD 0.15, NPS 45, var = (0.75 - 0.45^2)/20
    //   = (0.75 - 0.2025)/20 = 0.027375.
    // z = (0.45 - 0.30) / sqrt(0.061 + 0.027375) = 0.15 / 0.297279 = 0.504576;
    // p = 2 * (1 - Phi(0.504576)) = 0.613857.
    assertThat(ScoreStatistics.npsDifferencePValue(5, 2, 10, 12, 3, 20))
        .isCloseTo(0.613857, within(TOL));
  }

  @Test
  void npsDifferenceEdgeCases() {
    assertThat(ScoreStatistics.npsDifferencePValue(0, 0, 0, 12, 3, 20)).isNull();
    assertThat(ScoreStatistics.npsDifferencePValue(5, 2, 10, 0, 0, 0)).isNull();
    // No variance on either side: all promoters both weeks -> 1, promoters vs detractors -> 0.
    assertThat(ScoreStatistics.npsDifferencePValue(10, 0, 10, 20, 0, 20)).isEqualTo(1.0);
    assertThat(ScoreStatistics.npsDifferencePValue(10, 0, 10, 0, 20, 20)).isEqualTo(0.0);
    assertThatThrownBy(() -> ScoreStatistics.npsDifferencePValue(5, 2, 10, 15, 10, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 + 10");
  }
}
