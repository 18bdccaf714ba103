package io.productopsdash.engine.theme;

import java.util.List;
import io.productopsdash.engine.request.AverageLinkage;

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
    double[][] similarity = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double dot = 0;
        for (int t = 0; t < dim; t++) {
          dot += x[i][t] * x[j][t];
        }
        similarity[i][j] = dot;
        similarity[j][i] = dot;
      }
    }
    return fitSimilarity(similarity, minSimilarity);
  }

  /** Groups items by a symmetric similarity matrix with the same linkage and cut as {@link #fit}. */
  public static RequestGrouping fitSimilarity(double[][] similarity, double minSimilarity) {
    return new RequestGrouping(AverageLinkage.groups(similarity, minSimilarity));
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

  /** Number of groups. */
  public int size() {
    return groups.size();
  }

  /** Members of group {@code g} (input indices, increasing; a copy). */
  public int[] members(int g) {
    return groups.get(g).clone();
  }
}
