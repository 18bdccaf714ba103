package io.productopsdash.definitions.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.models.rollup.Distribution;
import org.junit.jupiter.api.Test;

/** Linear interpolation between order statistics, checked against numpy.percentile (method='linear'). */
class PercentilesTest {
  private static final double EPS = 1e-12;

  @Test
  void interpolatesBetweenOrderStatisticsLikeNumpy() {
    double[] x = {1, 2, 3, 4};
    // np.percentile([1,2,3,4], [0,50,75,90,100]) = [1, 2.5, 3.25, 3.7, 4]:
    // h = 3p: 0 -> 1; 1.5 -> 2 + .5; 2.25 -> 3 + .25; 2.7 -> 3 + .7; 3 -> 4.
    assertThat(Percentiles.linear(x, 4, 0)).isCloseTo(1, within(EPS));
    assertThat(Percentiles.linear(x, 4, 0.5)).isCloseTo(2.5, within(EPS));
    assertThat(Percentiles.linear(x, 4, 0.75)).isCloseTo(3.25, within(EPS));
    assertThat(Percentiles.linear(x, 4, 0.9)).isCloseTo(3.7, within(EPS));
    assertThat(Percentiles.linear(x, 4, 1)).isCloseTo(4, within(EPS));
    // np.percentile([15,20,35,40,50], 40) = 29: h = 1.6 -> 20 + 0.6 * 15.
    assertThat(Percentiles.linear(new double[] {15, 20, 35, 40, 50}, 5, 0.4)).isCloseTo(29, within(EPS));
  }

  @Test
  void oneValueIsEveryPercentile() {
    assertThat(Percentiles.linear(new double[] {7}, 1, 0.9)).isEqualTo(7);
  }

  @Test
  void distributionSortsAndSummarises() {
    // [10, 0, 5, 5, 20] sorted [0,5,5,10,20]: mean 8; median 5; p75 h=3: 10; p90 h=3.6: 10 + .6*10 = 16.
    Distribution d = Percentiles.distribution(new double[] {10, 0, 5, 5, 20, 99}, 5);
    assertThat(d.n()).isEqualTo(5);
    assertThat(d.mean()).isCloseTo(8, within(EPS));
    assertThat(d.median()).isCloseTo(5, within(EPS));
    assertThat(d.p75()).isCloseTo(10, within(EPS));
    assertThat(d.p90()).isCloseTo(16, within(EPS));
    assertThat(Percentiles.distribution(new double[0], 0)).isEqualTo(Distribution.EMPTY);
  }

  @Test
  void rejectsNoValuesAndFractionsOutsideZeroToOne() {
    assertThatThrownBy(() -> Percentiles.linear(new double[0], 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.linear(new double[] {1}, 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }

  @Test
  void theCountedFormIsTheExpandedFormBitForBit() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      double[] expanded = new double[n];
      for (int i = 0; i < n; i++) {
        // Few distinct values (repeats) with fractions that do not add up exactly.
        expanded[i] = random.nextInt(40) / 3.7 + (trial % 2 == 0 ? 0 : random.nextInt(3) * 1e-3);
      }
      Distribution want = Percentiles.distribution(expanded.clone(), n);
      double[] sorted = expanded.clone();
      java.util.Arrays.sort(sorted);
      double[] values = new double[n];
      long[] counts = new long[n];
      int k = 0;
      for (double v : sorted) {
        if (k > 0 && values[k - 1] == v) {
          counts[k - 1]++;
        } else {
          values[k] = v;
          counts[k++] = 1;
        }
      }
      assertThat(Percentiles.distribution(values, counts, k)).isEqualTo(want);
    }
    assertThat(Percentiles.distribution(new double[0], new long[0], 0)).isEqualTo(Distribution.EMPTY);
  }

  @Test
  void theCountedFormRefusesUnsortedValues() {
    assertThatThrownBy(() -> Percentiles.distribution(new double[] {2, 1}, new long[] {1, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
