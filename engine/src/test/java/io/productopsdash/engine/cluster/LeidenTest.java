package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeidenTest {
  /** Cliques of {@code size} nodes; clique c is joined to clique c+1 by one edge (a ring if asked). */
  static WeightedGraph cliques(int count, int size, boolean ring) {
    List<int[]> edges = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int base = c * size;
      for (int a = 0; a < size; a++) {
        for (int b = a + 1; b < size; b++) {
          edges.add(new int[] {base + a, base + b});
        }
      }
      if (c + 1 < count || (ring && count > 2)) {
        edges.add(new int[] {base + size - 1, ((c + 1) % count) * size});
      }
    }
    int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
    int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
    double[] w = new double[edges.size()];
    java.util.Arrays.fill(w, 1.0);
    return WeightedGraph.fromEdges(count * size, from, to, w);
  }

  @Test
  void twoCliquesJoinedByOneEdgeAreTwoCommunities() {
    WeightedGraph g = cliques(2, 5, false);
    assertThat(g.edgeCount()).isEqualTo(21);
    Leiden leiden = Leiden.fit(g, 1.0, 42);
    assertThat(leiden.count()).isEqualTo(2);
    assertThat(leiden.communities()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    // m = 21, 2m = 42. Each community: inner weight counted both ways 2 * 10 = 20, strength
    // 4 * 4 + 5 = 21. Q = 2 * (20/42 - (21/42)^2) = 2 * (0.476190 - 0.25) = 0.452381.
    assertThat(leiden.quality()).isCloseTo(0.452381, within(1e-6));
  }

  @Test
  void ringOfCliquesFindsEveryClique() {
    // 6 cliques of 5: each alone has Q share 20/132 - (22/132)^2 = 0.123737; two merged
    // 42/132 - (44/132)^2 = 0.207071 < 2 * 0.123737, so the cliques are the optimum: Q = 0.742424.
    WeightedGraph g = cliques(6, 5, true);
    for (long seed = 1; seed <= 5; seed++) {
      Leiden leiden = Leiden.fit(g, 1.0, seed);
      assertThat(leiden.count()).isEqualTo(6);
      int[] c = leiden.communities();
      for (int v = 0; v < 30; v++) {
        assertThat(c[v]).isEqualTo(c[(v / 5) * 5]);
      }
      assertThat(leiden.quality()).isCloseTo(0.742424, within(1e-6));
    }
  }

  @Test
  void resolutionTradesCommunityCountForSize() {
    WeightedGraph g = cliques(6, 5, true);
    assertThat(Leiden.fit(g, 0.01, 1).count()).isLessThan(6);
    assertThat(Leiden.fit(g, 1.0, 1).count()).isEqualTo(6);
  }

  @Test
  void sameSeedSameCommunities() {
    Blobs blobs = Blobs.onSphere(8, 60, 32, 0.1, 3);
    WeightedGraph g = WeightedGraph.sharedNeighbours(Knn.fit(blobs.vectors, 5, 2), 5);
    Leiden a = Leiden.fit(g, 1.0, 7);
    Leiden b = Leiden.fit(g, 1.0, 7);
    assertThat(a.communities()).containsExactly(b.communities());
    assertThat(a.quality()).isEqualTo(b.quality());
    assertThat(ClusteringMetrics.ari(blobs.labels, a.communities())).isEqualTo(1.0);
  }

  @Test
  void modularityOfTheTrivialPartitions() {
    WeightedGraph g = cliques(2, 5, false);
    // All in one community: 42/42 - 1 = 0.
    assertThat(Leiden.modularity(g, new int[10], 1.0)).isCloseTo(0, within(1e-12));
    assertThatThrownBy(() -> Leiden.modularity(g, new int[3], 1.0)).hasMessageContaining("3 labels for 10 nodes");
  }

  @Test
  void rejectsBadSettings() {
    WeightedGraph g = cliques(2, 3, false);
    assertThatThrownBy(() -> Leiden.fit(g, 0, 1)).hasMessageContaining("Invalid resolution: 0.0");
    assertThatThrownBy(() -> Leiden.fit(g, Double.NaN, 1)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Leiden.fit(g, 1, 1, 0)).hasMessageContaining("Invalid number of iterations: 0");
  }
}
