package io.productopsdash.engine.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.UPGMALinkage;

/**
 * The week's new feature requests grouped into request themes: Smile's agglomerative clustering
 * with average linkage (UPGMA) on cosine distance, cut so that two groups are merged only while
 * the mean cosine similarity over all pairs of their members is above a threshold. Immutable result of {@link #fit}.
 *
 * <p>Why average linkage: a group is then a set of answers that are, on average, similar to each
 * other, whatever order the answers came in. (The greedy leader clustering used before depended on
 * answer order, and one answer between two asks could chain them.) Single linkage chains the same
 * way; complete linkage splits a group over one loosely worded answer.
 *
 * <p>Groups are numbered by their first member, and members are in input order, so the result
 * depends on the input only.
 */
public final class RequestGrouping {
  private final List<int[]> groups;

  private RequestGrouping(List<int[]> groups) {
    this.groups = groups;
  }

  /**
   * Groups {@code vectors} (any length, normalised here; not modified).
   *
   * @param minSimilarity two groups are merged while the mean cosine similarity over all pairs of
   *     their members is above this, in (-1, 1]
   * @throws IllegalArgumentException for a ragged matrix, a zero or non-finite vector, or a bad
   *     threshold
   */
  public static RequestGrouping fit(float[][] vectors, double minSimilarity) {
    if (!(minSimilarity > -1 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("Invalid request similarity: " + minSimilarity + " (-1 to 1)");
    }
    int n = vectors.length;
    if (n == 0) {
      return new RequestGrouping(List.of());
    }
    if (n == 1) {
      unit(vectors[0], vectors[0].length);
      return new RequestGrouping(List.of(new int[] {0}));
    }
    int dim = vectors[0].length;
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = unit(vectors[i], dim);
    }
    // Smile's Linkage keeps the lower triangle with its (zero) diagonal column by column:
    // (0, 0), (1, 0), ..., (n-1, 0), (1, 1), (2, 1), ...
    float[] distances = new float[n * (n + 1) / 2];
    int p = 0;
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        double dot = 0;
        for (int t = 0; t < dim; t++) {
          dot += x[i][t] * x[j][t];
        }
        distances[p++] = i == j ? 0f : (float) (1 - dot);
      }
    }
    HierarchicalClustering tree = HierarchicalClustering.fit(new UPGMALinkage(n, distances));
    return new RequestGrouping(groupsInOrder(cut(tree.tree(), tree.height(), n, 1 - minSimilarity)));
  }

  /**
   * The groups left by the merges below {@code height}, taken in the order Smile made them (by
   * increasing height). Done here rather than by {@code partition(double)}, which refuses a cut above
   * the last merge and any float-rounding inversion of the heights.
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

  private static double[] unit(float[] v, int dim) {
    if (v.length != dim) {
      throw new IllegalArgumentException("Vectors have " + v.length + " and " + dim + " dimensions");
    }
    double norm = 0;
    for (float f : v) {
      norm += (double) f * f;
    }
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("A request vector is zero or not finite");
    }
    double scale = 1 / Math.sqrt(norm);
    double[] out = new double[dim];
    for (int t = 0; t < dim; t++) {
      out[t] = v[t] * scale;
    }
    return out;
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

  /** Number of groups. */
  public int size() {
    return groups.size();
  }

  /** Members of group {@code g} (input indices, increasing; a copy). */
  public int[] members(int g) {
    return groups.get(g).clone();
  }
}
