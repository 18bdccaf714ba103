package io.productopsdash.engine.cluster;

import java.util.Arrays;

/**
 * Minimum-cost assignment on a rectangular cost matrix (Kuhn-Munkres, the O(r^2 c) version with
 * potentials and shortest augmenting paths): every row of the smaller side gets a distinct column.
 * Public for the Hungarian accuracy of {@link ClusteringMetrics}.
 */
public final class KuhnMunkres {
  private KuhnMunkres() {}

  /**
   * Returns, for each row, the assigned column, or -1 (only when there are more rows than
   * columns). The sum of the chosen costs is minimal.
   */
  public static int[] minCost(double[][] cost) {
    int rows = cost.length;
    int cols = rows == 0 ? 0 : cost[0].length;
    if (rows == 0 || cols == 0) {
      int[] none = new int[rows];
      Arrays.fill(none, -1);
      return none;
    }
    boolean transposed = rows > cols;
    double[][] a = cost;
    if (transposed) {
      a = new double[cols][rows];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          a[j][i] = cost[i][j];
        }
      }
    }
    int n = a.length; // n <= m
    int m = a[0].length;
    // 1-based potentials u (rows), v (columns); p[j] = row matched to column j; way = path.
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    double[] minv = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    boolean[] used = new boolean[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        int j1 = -1;
        double delta = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= m; j++) {
          if (used[j]) {
            continue;
          }
          double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    Arrays.fill(rowToCol, -1);
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        rowToCol[p[j] - 1] = j - 1;
      }
    }
    if (!transposed) {
      return rowToCol;
    }
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    for (int i = 0; i < n; i++) {
      if (rowToCol[i] >= 0) {
        out[rowToCol[i]] = i;
      }
    }
    return out;
  }
}
