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

  /** Two 4-cliques, 0-3 and 4-7, joined by the edge 3-4; weights 1. */
  private static WeightedGraph twoCliques() {
    return LeidenTest.cliques(2, 4, false);
  }

  /** Clique a near (1, 0); clique b near (0, 1), its halves {4,5} and {6,7} on either side. */
  private static final float[][] TWO_CLIQUES_X = {
    {1, 0}, {1, 0.1f}, {1, -0.1f}, {0.9f, 0}, {0.1f, 1}, {0.2f, 1}, {-0.1f, 1}, {-0.2f, 1}
  };

  @Test
  void pruningDissolvesAThemeTheGraphDoesNotSupport() {
    // m = 13, 2m = 26. Themes {0-3}, {4,5}, {6,7}: strengths 13, 7, 6, inner weights 12, 2, 2:
    // Q = (12/26 - (13/26)^2) + (2/26 - (7/26)^2) + (2/26 - (6/26)^2) = 0.211538 + 0.004438 +
    // 0.023669 = 0.239645. Dissolving {4,5} (its members' nearest other centroid is that of
    // {6,7}) gives the cliques: Q = 2 * (12/26 - 1/4) = 0.423077, higher; dissolving {6,7} gives
    // the same but comes second; dissolving {0-3} puts a into b's half at (0.15, 1): in 12 + 2 + 2
    // = 16, tot 20: 16/26 - (20/26)^2 + 0.023669 = 0.047337, lower. From the cliques, dissolving
    // either one gives one theme, Q = 0. So exactly one round.
    WeightedGraph g = twoCliques();
    int[] three = {0, 0, 0, 0, 1, 1, 2, 2};
    assertThat(Leiden.modularity(g, three, 1.0)).isCloseTo(0.239645, within(1e-6));
    int[] pruned = Refinement.pruneByModularity(TWO_CLIQUES_X, g, three, 1.0, 100, 1);
    assertThat(pruned).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    assertThat(Leiden.modularity(g, pruned, 1.0)).isCloseTo(0.423077, within(1e-6));
    assertThat(three).containsExactly(0, 0, 0, 0, 1, 1, 2, 2); // input untouched
    // Without Lloyd iterations the result is the same here (the reassignment alone).
    assertThat(Refinement.pruneByModularity(TWO_CLIQUES_X, g, three, 1.0, 0, 1)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
  }

  @Test
  void pruningKeepsThemesTheGraphSupports() {
    WeightedGraph g = twoCliques();
    int[] cliques = {0, 0, 0, 0, 1, 1, 1, 1};
    assertThat(Refinement.pruneByModularity(TWO_CLIQUES_X, g, cliques, 1.0, 100, 1)).containsExactly(cliques);
    int[] one = new int[8];
    assertThat(Refinement.pruneByModularity(TWO_CLIQUES_X, g, one, 1.0, 100, 1)).containsExactly(one);
  }

  @Test
  void pruningUsesTheResolution() {
    // gamma 3 (Q_g = sum in/2m - 3 (tot/2m)^2): the three themes score (0.461538 - 0.75) +
    // (0.076923 - 0.217456) + (0.076923 - 0.159763) = -0.511834; the cliques 2 * (0.461538 -
    // 0.75) = -0.576923 and a dissolved into {4,5}: 0.615385 - 1.775148 - 0.082840 = -1.242604,
    // both lower, so nothing is dissolved.
    WeightedGraph g = twoCliques();
    int[] three = {0, 0, 0, 0, 1, 1, 2, 2};
    assertThat(Leiden.modularity(g, three, 3.0)).isCloseTo(-0.511834, within(1e-6));
    assertThat(Refinement.pruneByModularity(TWO_CLIQUES_X, g, three, 3.0, 100, 1)).containsExactly(three);
  }

  @Test
  void theModularityAfterDissolvingEqualsTheRecomputedOne() {
    Blobs blobs = Blobs.onSphere(7, 40, 16, 0.35, 21);
    float[][] x = blobs.vectors;
    WeightedGraph g = WeightedGraph.sharedNeighbours(Knn.fit(x, 6, 1), 6);
    int k = 7;
    int[] part = blobs.labels.clone();
    part[0] = part[1]; // not the true partition everywhere
    float[][] c = Refinement.centroids(x, part, k);
    int[] other = Refinement.nearestOther(x, part, c);
    Refinement.DissolvedModularity fast = new Refinement.DissolvedModularity(g, part, k, 1.3);
    for (int t = 0; t < k; t++) {
      int[] candidate = new int[part.length];
      for (int i = 0; i < part.length; i++) {
        candidate[i] = part[i] == t ? other[i] : part[i];
      }
      assertThat(fast.after(t, other)).as("theme %d", t).isCloseTo(Leiden.modularity(g, candidate, 1.3), within(1e-12));
    }
  }

  @Test
  void theVectorisedNearestOtherCentroidIsThePlainOne() {
    Blobs blobs = Blobs.onSphere(9, 60, 24, 0.3, 5);
    float[][] c = Refinement.centroids(blobs.vectors, blobs.labels, 9);
    assertThat(KMeans.nearestOther(blobs.vectors, blobs.labels, c, 2))
        .containsExactly(Refinement.nearestOther(blobs.vectors, blobs.labels, c));
  }
}
