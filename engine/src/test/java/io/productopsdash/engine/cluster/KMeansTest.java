package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KMeansTest {
  @Test
  void lloydOnAHandSizedExampleConverges() {
    // Points 0, 1, 10, 11 on a line (second coordinate 0); from centroids 0 and 1 the first
    // step assigns {0} and {1, 10, 11} (mean 22/3), the second {0, 1} and {10, 11}: means 0.5
    // and 10.5, inertia 4 * 0.25 = 1.
    float[][] x = {{0, 0}, {1, 0}, {10, 0}, {11, 0}};
    KMeans km = KMeans.lloyd(x, new float[][] {{0, 0}, {1, 0}}, 10, 1);
    assertThat(km.assignments()).containsExactly(0, 0, 1, 1);
    assertThat(km.centroids()[0][0]).isEqualTo(0.5f);
    assertThat(km.centroids()[1][0]).isEqualTo(10.5f);
    assertThat(km.inertia()).isCloseTo(1.0, within(1e-9));
    assertThat(km.iterations()).isEqualTo(3); // two moves, then a pass without change
  }

  @Test
  void sameResultWhateverTheThreads() {
    Blobs blobs = Blobs.onSphere(6, 70, 16, 0.5, 2);
    float[][] start = new float[6][];
    for (int j = 0; j < 6; j++) {
      start[j] = blobs.vectors[j * 11].clone();
    }
    KMeans a = KMeans.lloyd(blobs.vectors, start, 50, 1);
    KMeans b = KMeans.lloyd(blobs.vectors, start, 50, 3);
    assertThat(b.assignments()).containsExactly(a.assignments());
    assertThat(b.inertia()).isEqualTo(a.inertia());
    assertThat(a.iterations()).isGreaterThan(1);
  }

  @Test
  void rejectsBadArguments() {
    float[][] x = Blobs.uniform(10, 4, 1);
    float[][] start = {x[0], x[1]};
    assertThatThrownBy(() -> KMeans.lloyd(x, start, 0, 1)).hasMessageContaining("Invalid number of iterations: 0");
    assertThatThrownBy(() -> KMeans.lloyd(x, start, 10, 0)).hasMessageContaining("Invalid number of threads: 0");
    assertThatThrownBy(() -> KMeans.lloyd(x, new float[][] {{1, 0}}, 10, 1)).hasMessageContaining("2 dimensions");
  }
}
