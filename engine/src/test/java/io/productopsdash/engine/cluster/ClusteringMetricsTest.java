package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed fixtures (worked out beside each), every value cross-checked with scikit-learn 1.9
 * ({@code normalized_mutual_info_score}, {@code adjusted_rand_score}) and scipy's {@code
 * linear_sum_assignment} for the accuracy.
 */
class ClusteringMetricsTest {
  private static final double TOL = 1e-6;

  @Test
  void threeClustersAgainstTwoClasses() {
    // Contingency (class x cluster): [2 1 0; 0 1 2], n = 6.
    // H(Y) = ln 2 = 0.693147; H(C) = ln 3 = 1.098612 (three clusters of 2).
    // MI = 2 * (2/6) ln((2/6) / ((3/6)(2/6))) + 2 * (1/6) ln(1) = (2/3) ln 2 = 0.462098.
    // NMI = 0.462098 / ((0.693147 + 1.098612) / 2) = 0.515804.
    // ARI: sum C(cell,2) = 1 + 1 = 2; rows 2 C(3,2) = 6; columns 3 C(2,2) = 3; C(6,2) = 15;
    // expected 6 * 3 / 15 = 1.2; max (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 0.242424.
    // Accuracy: class 0 -> cluster 0 (2), class 1 -> cluster 2 (2): 4 / 6.
    int[] truth = {0, 0, 0, 1, 1, 1};
    int[] pred = {0, 0, 1, 1, 2, 2};
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, pred);
    assertThat(s.nmi()).isCloseTo(0.515804, within(TOL));
    assertThat(s.ari()).isCloseTo(0.242424, within(TOL));
    assertThat(s.accuracy()).isCloseTo(4.0 / 6, within(TOL));
    assertThat(s.clusters()).isEqualTo(3);
    assertThat(s.classes()).isEqualTo(2);
  }

  @Test
  void moreClassesThanClustersLeavesAClassUnmatched() {
    // Contingency [2 0; 1 1; 0 2]: the matching takes 2 + 2, the middle class gets no cluster.
    int[] truth = {0, 0, 1, 1, 2, 2};
    int[] pred = {0, 0, 0, 1, 1, 1};
    assertThat(ClusteringMetrics.accuracy(truth, pred)).isCloseTo(4.0 / 6, within(TOL));
    assertThat(ClusteringMetrics.nmi(truth, pred)).isCloseTo(0.515804, within(TOL));
    assertThat(ClusteringMetrics.ari(truth, pred)).isCloseTo(0.242424, within(TOL));
  }

  @Test
  void labelValuesDoNotMatterOnlyThePartition() {
    int[] truth = {5, 5, 7, 7, 9};
    int[] pred = {1, 1, 2, 2, -1};
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, pred);
    assertThat(s.nmi()).isCloseTo(1, within(TOL));
    assertThat(s.ari()).isCloseTo(1, within(TOL));
    assertThat(s.accuracy()).isCloseTo(1, within(TOL));
    int[] swapped = {1, 1, 1, 0, 0, 0};
    assertThat(ClusteringMetrics.accuracy(new int[] {0, 0, 0, 1, 1, 1}, swapped)).isEqualTo(1.0);
  }

  @Test
  void singletonsAgainstPairs() {
    // Truth {0,1} {2,3}; every point alone. H(Y) = ln 2, H(C) = ln 4, MI = H(Y) = ln 2:
    // NMI = ln 2 / ((ln 2 + 2 ln 2) / 2) = 2/3. ARI: no pair together in C: sum = 0,
    // expected 2 * 0 / 6 = 0, max (2 + 0) / 2 = 1 -> 0. Accuracy 2 of 4.
    int[] truth = {0, 0, 1, 1};
    int[] pred = {0, 1, 2, 3};
    assertThat(ClusteringMetrics.nmi(truth, pred)).isCloseTo(2.0 / 3, within(TOL));
    assertThat(ClusteringMetrics.ari(truth, pred)).isCloseTo(0, within(TOL));
    assertThat(ClusteringMetrics.accuracy(truth, pred)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void degenerateSingleBlocksFollowScikitLearn() {
    assertThat(ClusteringMetrics.score(new int[] {0, 0, 0, 0}, new int[] {3, 3, 3, 3}))
        .isEqualTo(new ClusteringMetrics.Scores(1, 1, 1, 1, 1));
    // One cluster for two classes: no shared information, chance-level ARI, half right.
    ClusteringMetrics.Scores s = ClusteringMetrics.score(new int[] {0, 0, 0, 1, 1, 1}, new int[6]);
    assertThat(s.nmi()).isZero();
    assertThat(s.ari()).isCloseTo(0, within(TOL));
    assertThat(s.accuracy()).isCloseTo(0.5, within(TOL));
  }

  @Test
  void noisyRandomLabellingMatchesScikitLearn() {
    // numpy RandomState(7): t = randint(0, 4, 40); p = (t + (rand(40) < 0.3) * randint(1, 3, 40)) % 5.
    int[] truth = {
      3, 0, 1, 2, 3, 3, 3, 3, 0, 1, 2, 3, 0, 1, 2, 2, 2, 0, 3, 2, 0, 0, 3, 3, 0, 0, 3, 3, 2, 2, 3, 0, 0, 3,
      1, 0, 0, 3, 1, 0
    };
    int[] pred = {
      3, 0, 3, 2, 3, 0, 3, 3, 0, 1, 3, 3, 0, 1, 2, 2, 2, 0, 3, 4, 0, 0, 3, 3, 0, 0, 3, 3, 3, 2, 3, 0, 0, 3,
      1, 2, 1, 3, 1, 0
    };
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, pred);
    assertThat(s.nmi()).isCloseTo(0.640232, within(TOL));
    assertThat(s.ari()).isCloseTo(0.614389, within(TOL));
    assertThat(s.accuracy()).isCloseTo(0.825, within(TOL));
  }

  @Test
  void rejectsMismatchedOrEmptyLabels() {
    assertThatThrownBy(() -> ClusteringMetrics.nmi(new int[3], new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 true, 2 predicted");
    assertThatThrownBy(() -> ClusteringMetrics.ari(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
