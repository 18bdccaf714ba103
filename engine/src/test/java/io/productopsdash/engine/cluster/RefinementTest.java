package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RefinementTest {
  @Test
  void smoothingAddsTheNearestNeighboursAndNormalises() {
    // Row 0 = (1, 0); its nearest neighbour is row 1 = (0.8, 0.6): sum (1.8, 0.6), length
    // sqrt(3.6) = 1.897367 -> (0.948683, 0.316228).
    float[][] x = {{1, 0}, {0.8f, 0.6f}, {0, 1}};
    float[][] s = Refinement.smooth(x, Knn.fit(x, 1, 1), 1);
    assertThat((double) s[0][0]).isCloseTo(0.948683, within(1e-6));
    assertThat((double) s[0][1]).isCloseTo(0.316228, within(1e-6));
    assertThat(x[0]).containsExactly(1, 0); // input untouched
  }

  @Test
  void smallClustersJoinTheNearestRemainingCentroid() {
    // Clusters: a = {0,1,2} near (1,0), b = {3,4,5} near (0,1), c = {6} near (1,0): c is dissolved
    // into a. Kept clusters are renumbered by size, ties by first appearance.
    float[][] x = {
      {1, 0}, {0.9f, 0.1f}, {1, 0.1f}, {0, 1}, {0.1f, 0.9f}, {0.1f, 1}, {0.95f, 0.2f}
    };
    int[] labels = {7, 7, 7, 3, 3, 3, 9};
    assertThat(Refinement.dissolveSmall(x, labels, 2)).containsExactly(0, 0, 0, 1, 1, 1, 0);
    // Nothing below the minimum: only renumbered.
    assertThat(Refinement.dissolveSmall(x, labels, 1)).containsExactly(0, 0, 0, 1, 1, 1, 2);
    // Everything below: the largest cluster (first of the ties) remains and takes all.
    assertThat(Refinement.dissolveSmall(x, labels, 10)).containsExactly(0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void bySizeNumbersLargestFirstTiesBySmallestMember() {
    int[] labels = {4, 2, 2, 4, 7, 7, 7};
    assertThat(Refinement.bySize(labels)).isEqualTo(3);
    assertThat(labels).containsExactly(1, 2, 2, 1, 0, 0, 0);
  }

  @Test
  void fragmentRuleRaisesTheThresholdToAFractionOfTheMedianCommunity() {
    // Community sizes 100, 90, 80, 30, 10, 2 with minSize 5: kept sizes 10, 30, 80, 90, 100,
    // upper median 80; a third of it is 26.67 -> 27, so 10 (and 2) are fragments, 30 is not.
    int[] labels = new int[312];
    int[] sizes = {100, 90, 80, 30, 10, 2};
    int p = 0;
    for (int c = 0; c < sizes.length; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        labels[p++] = c;
      }
    }
    assertThat(Refinement.fragmentSize(labels, 5, 1.0 / 3)).isEqualTo(27);
    assertThat(Refinement.fragmentSize(labels, 5, 0)).isEqualTo(5);
    assertThat(Refinement.fragmentSize(labels, 50, 0.1)).isEqualTo(50); // median 90 * 0.1 = 9 < 50
  }
}
