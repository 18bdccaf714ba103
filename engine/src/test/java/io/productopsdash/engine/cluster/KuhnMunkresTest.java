package io.productopsdash.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KuhnMunkresTest {
  @Test
  void squareTextbookCase() {
    // Row 0 -> col 1 (1), row 1 -> col 0 (2), row 2 -> col 2 (2): total 5, the minimum.
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    assertThat(KuhnMunkres.minCost(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void moreRowsThanColumnsLeavesRowsUnassigned() {
    double[][] cost = {{1, 9}, {9, 1}, {0, 0}};
    int[] a = KuhnMunkres.minCost(cost);
    // Two of three rows get a column; the minimum, 1, pairs row 2 (cost 0) with row 0 or row 1.
    assertThat(total(cost, a)).isEqualTo(1.0);
    assertThat(Arrays.stream(a).filter(c -> c < 0).count()).isEqualTo(1);
  }

  @Test
  void matchesBruteForceOnRandomRectangles() {
    Random r = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int rows = 1 + r.nextInt(5);
      int cols = 1 + r.nextInt(5);
      double[][] cost = new double[rows][cols];
      for (double[] row : cost) {
        for (int j = 0; j < cols; j++) {
          row[j] = r.nextInt(10);
        }
      }
      int[] a = KuhnMunkres.minCost(cost);
      assertThat(a).hasSize(rows);
      assertThat(Arrays.stream(a).filter(c -> c >= 0).toArray()).hasSize(Math.min(rows, cols)).doesNotHaveDuplicates();
      assertThat(total(cost, a)).isEqualTo(bruteForce(cost, 0, new boolean[cols], Math.min(rows, cols)));
    }
  }

  private static double total(double[][] cost, int[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0) {
        s += cost[i][a[i]];
      }
    }
    return s;
  }

  /** Minimum over assignments of {@code need} more rows from row {@code i} on (rows may be skipped). */
  private static double bruteForce(double[][] cost, int i, boolean[] used, int need) {
    if (need == 0) {
      return 0;
    }
    if (cost.length - i < need) {
      return Double.POSITIVE_INFINITY;
    }
    double best = bruteForce(cost, i + 1, used, need); // skip row i
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        best = Math.min(best, cost[i][j] + bruteForce(cost, i + 1, used, need - 1));
        used[j] = false;
      }
    }
    return best;
  }
}
