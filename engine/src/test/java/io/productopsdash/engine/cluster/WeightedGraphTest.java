package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightedGraphTest {
  @Test
  void duplicateEdgesKeepTheLargerWeightAndListsAreSorted() {
    WeightedGraph g =
        WeightedGraph.fromEdges(4, new int[] {2, 0, 1, 0}, new int[] {0, 2, 0, 3}, new double[] {0.5, 0.7, 1, 2});
    assertThat(g.edgeCount()).isEqualTo(3);
    assertThat(g.targets).containsExactly(1, 2, 3, 0, 0, 0);
    assertThat(g.weights).containsExactly(1, 0.7, 2, 1, 0.7, 2);
    assertThat(g.strength(0)).isCloseTo(3.7, within(1e-12));
    assertThat(g.totalStrength).isCloseTo(7.4, within(1e-12));
  }

  @Test
  void sharedNeighbourWeightsAreJaccardIndices() {
    // Unit vectors at 0, 10, 20, 90 and 100 degrees; k = 2.
    // Neighbourhoods with the point itself: S0 = S1 = S2 = {0,1,2}; S3 = S4 = {2,3,4}
    // (3 and 4 are nearer to 2, at 70 and 80 degrees, than to anything else).
    // Edges: 0-1, 0-2, 1-2, 3-4 have Jaccard 3/3 = 1; 3-2 and 4-2 have |{2}| / |{0..4}| = 1/5.
    float[][] x = new float[5][];
    double[] degrees = {0, 10, 20, 90, 100};
    for (int i = 0; i < 5; i++) {
      double r = Math.toRadians(degrees[i]);
      x[i] = new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }
    WeightedGraph g = WeightedGraph.sharedNeighbours(Knn.fit(x, 2, 1), 2);
    assertThat(g.edgeCount()).isEqualTo(6);
    assertThat(g.strength(0)).isCloseTo(2, within(1e-12));
    assertThat(g.strength(2)).isCloseTo(2.4, within(1e-12));
    assertThat(g.strength(3)).isCloseTo(1.2, within(1e-12));
    int p = g.offsets[3];
    assertThat(g.targets[p]).isEqualTo(2);
    assertThat(g.weights[p]).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void rejectsBadEdges() {
    assertThatThrownBy(() -> WeightedGraph.fromEdges(3, new int[] {0}, new int[] {3}, new double[] {1}))
        .hasMessageContaining("Invalid edge 0 - 3 for 3 nodes");
    assertThatThrownBy(() -> WeightedGraph.fromEdges(3, new int[] {1}, new int[] {1}, new double[] {1}))
        .hasMessageContaining("self loop");
    assertThatThrownBy(() -> WeightedGraph.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {-2}))
        .hasMessageContaining("-2.0");
    assertThatThrownBy(() -> WeightedGraph.fromEdges(0, new int[0], new int[0], new double[0]))
        .hasMessageContaining("Invalid number of nodes: 0");
  }
}
