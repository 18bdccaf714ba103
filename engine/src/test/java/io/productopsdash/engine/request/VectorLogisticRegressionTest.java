package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorLogisticRegressionTest {
  @Test
  void symmetricPairHasZeroBiasAndTheWeightOfTheStationaryEquation() {
    // x = +1 (positive) and x = -1 (negative), C = 1. By symmetry b = 0, and the gradient
    // w - C Σ (y - p) x = w - 2 (1 - σ(w)) vanishes: solved here by bisection.
    VectorLogisticRegression m =
        VectorLogisticRegression.fit(new float[][] {{1f}, {-1f}}, new boolean[] {true, false}, 1.0);
    double lo = 0;
    double hi = 2;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (mid - 2 * (1 - VectorLogisticRegression.sigmoid(mid)) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertThat(lo).isCloseTo(0.6748, within(1e-4)); // 2 (1 - σ(0.6748)) = 2 · 0.3374
    assertThat(m.weights()[0]).isCloseTo(lo, within(1e-9));
    assertThat(m.bias()).isCloseTo(0.0, within(1e-12));
    assertThat(m.probability(new float[] {0f})).isCloseTo(0.5, within(1e-12));
    assertThat(m.probability(new float[] {1f})).isCloseTo(VectorLogisticRegression.sigmoid(lo), within(1e-9));
  }

  @Test
  void optimumHasZeroGradientOnAnUnevenProblem() {
    float[][] x = {
      {0.9f, 0.1f, 0.0f}, {0.7f, 0.3f, 0.2f}, {0.8f, -0.2f, 0.1f}, {0.1f, 0.9f, 0.3f},
      {-0.2f, 0.8f, 0.5f}, {0.0f, 0.7f, -0.4f}, {0.5f, 0.5f, 0.5f}
    };
    boolean[] y = {true, true, true, false, false, false, true};
    double c = 3.0;
    VectorLogisticRegression m = VectorLogisticRegression.fit(x, y, c);
    double[] w = m.weights();
    // ∂/∂w_j = w_j + C Σ (p - y) x_j and ∂/∂b = C Σ (p - y), computed independently here.
    double[] gradient = w.clone();
    double gradientBias = 0;
    for (int i = 0; i < x.length; i++) {
      double r = c * (m.probability(x[i]) - (y[i] ? 1 : 0));
      for (int j = 0; j < w.length; j++) {
        gradient[j] += r * x[i][j];
      }
      gradientBias += r;
    }
    for (double g : gradient) {
      assertThat(g).isCloseTo(0.0, within(1e-8));
    }
    assertThat(gradientBias).isCloseTo(0.0, within(1e-8));
    assertThat(m.iterations()).isLessThan(VectorLogisticRegression.MAX_ITERATIONS);
    assertThat(m.probability(x[0])).isGreaterThan(0.5);
    assertThat(m.probability(x[4])).isLessThan(0.5);
  }

  @Test
  void theSameDataGiveTheSameWeightsBitForBit() {
    float[][] x = {{0.3f, 0.1f}, {0.2f, 0.9f}, {0.8f, 0.4f}, {-0.5f, 0.6f}};
    boolean[] y = {true, false, true, false};
    VectorLogisticRegression a = VectorLogisticRegression.fit(x, y, 10.0);
    VectorLogisticRegression b = VectorLogisticRegression.fit(x, y, 10.0);
    assertThat(b.weights()).containsExactly(a.weights());
    assertThat(b.bias()).isEqualTo(a.bias());
  }

  @Test
  void choleskySolvesAHandCheckedSystem() {
    // [[4,2,0],[2,5,1],[0,1,3]] s = [2,3,4]: determinant 44, and Cramer's rule gives
    // s = (18, 8, 56) / 44. Only the lower triangle is passed.
    double[][] lower = {{4, 0, 0}, {2, 5, 0}, {0, 1, 3}};
    double[] s = VectorLogisticRegression.solveLowerSymmetric(lower, new double[] {2, 3, 4});
    assertThat(s[0]).isCloseTo(18.0 / 44, within(1e-12));
    assertThat(s[1]).isCloseTo(8.0 / 44, within(1e-12));
    assertThat(s[2]).isCloseTo(56.0 / 44, within(1e-12));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(
            () -> VectorLogisticRegression.fit(new float[][] {{1f}, {2f}}, new boolean[] {true, true}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Both classes");
    assertThatThrownBy(
            () -> VectorLogisticRegression.fit(new float[][] {{1f}, {2f, 3f}}, new boolean[] {true, false}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Row 1 has 2 values");
    assertThatThrownBy(
            () -> VectorLogisticRegression.fit(new float[][] {{Float.NaN}, {1f}}, new boolean[] {true, false}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
    assertThatThrownBy(
            () -> VectorLogisticRegression.fit(new float[][] {{1f}, {-1f}}, new boolean[] {true, false}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid C");
    VectorLogisticRegression m =
        VectorLogisticRegression.fit(new float[][] {{1f}, {-1f}}, new boolean[] {true, false}, 1);
    assertThatThrownBy(() -> m.probability(new float[] {1f, 2f}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 1");
  }
}
