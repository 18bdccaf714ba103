package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.UPGMALinkage;

/**
 * Smile's agglomerative clustering with average linkage (UPGMA) over a similarity matrix, cut so
 * that two groups are merged only while the mean similarity over all pairs of their members is
 * above a threshold. Groups are numbered by their first member and list members in input order,
 * so the result depends on the input only.
 *
 * <p>Why average linkage: a group is then a set of items that are, on average, similar to each
 * other, whatever order they came in; single linkage chains two asks through one answer between
 * them, complete linkage splits a group over one loosely worded answer.
 */
public final class AverageLinkage {
  private AverageLinkage() {}

  /**
   * The groups of a symmetric similarity matrix (any measure in [-1, 1]), each its members'
   * indices, increasing.
   *
   * @throws IllegalArgumentException for a non-square matrix or a bad threshold
   */
  public static List<int[]> groups(double[][] similarity, double minSimilarity) {
    if (!(minSimilarity > -1 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("Invalid request similarity: " + minSimilarity + " (-1 to 1)");
    }
    int n = similarity.length;
    if (n == 0) {
      return List.of();
    }
    if (n == 1) {
      return List.of(new int[] {0});
    }
    // Smile's Linkage keeps the lower triangle with its (zero) diagonal column by column:
    // (0, 0), (1, 0), ..., (n-1, 0), (1, 1), (2, 1), ...
    float[] distances = new float[n * (n + 1) / 2];
    int p = 0;
    for (int j = 0; j < n; j++) {
      if (similarity[j].length != n) {
        throw new IllegalArgumentException("The similarity matrix is not square");
      }
      for (int i = j; i < n; i++) {
        distances[p++] = i == j ? 0f : (float) (1 - similarity[i][j]);
      }
    }
    HierarchicalClustering tree = HierarchicalClustering.fit(new UPGMALinkage(n, distances));
    return groupsInOrder(cut(tree.tree(), tree.height(), n, 1 - minSimilarity));
  }

  /**
   * The groups left by the merges below {@code height}, taken in the order Smile made them (by
   * increasing height). Done here rather than by {@code partition(double)}, which refuses a cut
   * above the last merge and any float-rounding inversion of the heights.
   */
  private static int[] cut(int[][] merges, double[] heights, int n, double height) {
    int[] parent = new int[2 * n - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int m = 0; m < merges.length && heights[m] < height; m++) {
      parent[root(parent, merges[m][0])] = n + m;
      parent[root(parent, merges[m][1])] = n + m;
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = root(parent, i);
    }
    return labels;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Renumbers labels by first occurrence and lists each group's members in input order. */
  private static List<int[]> groupsInOrder(int[] labels) {
    int max = Arrays.stream(labels).max().orElse(-1);
    int[] renumbered = new int[max + 1];
    Arrays.fill(renumbered, -1);
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      int g = renumbered[labels[i]];
      if (g < 0) {
        g = members.size();
        renumbered[labels[i]] = g;
        members.add(new ArrayList<>());
      }
      members.get(g).add(i);
    }
    List<int[]> out = new ArrayList<>(members.size());
    for (List<Integer> m : members) {
      out.add(m.stream().mapToInt(Integer::intValue).toArray());
    }
    return Collections.unmodifiableList(out);
  }
}
