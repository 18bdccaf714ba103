package io.productopsdash.engine.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * External measures of a clustering against true classes, as fractions in [0, 1] (ARI can be
 * negative):
 *
 * <ul>
 *   <li>NMI, normalised mutual information with the arithmetic mean of the two entropies, {@code
 *       I(Y; C) / ((H(Y) + H(C)) / 2)}, scikit-learn's default ({@code normalized_mutual_info_score});
 *   <li>ARI, the adjusted Rand index (Hubert and Arabie 1985), as scikit-learn's {@code
 *       adjusted_rand_score};
 *   <li>accuracy: the share of points in the best one-to-one matching of clusters to classes
 *       (Hungarian algorithm on the rectangular contingency table); points of unmatched clusters
 *       count as errors.
 * </ul>
 *
 * Labels are any ints (a label -1 is one more cluster); only equality matters.
 */
public final class ClusteringMetrics {
  private ClusteringMetrics() {}

  /** The three measures and the number of clusters and classes. */
  public record Scores(double nmi, double ari, double accuracy, int clusters, int classes) {}

  /** All measures of {@code predicted} against {@code truth}. */
  public static Scores score(int[] truth, int[] predicted) {
    long[][] c = contingency(truth, predicted);
    return new Scores(nmi(c, truth.length), ari(c, truth.length), accuracy(c, truth.length), c[0].length, c.length);
  }

  /** Normalised mutual information, arithmetic normalisation. */
  public static double nmi(int[] truth, int[] predicted) {
    return nmi(contingency(truth, predicted), truth.length);
  }

  /** Adjusted Rand index. */
  public static double ari(int[] truth, int[] predicted) {
    return ari(contingency(truth, predicted), truth.length);
  }

  /** Hungarian (best one-to-one matching) accuracy. */
  public static double accuracy(int[] truth, int[] predicted) {
    return accuracy(contingency(truth, predicted), truth.length);
  }

  /** Counts per (class, cluster), both renumbered in order of first appearance. */
  static long[][] contingency(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "Label arrays differ in length: " + truth.length + " true, " + predicted.length + " predicted");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("No labels");
    }
    int[] a = compact(truth);
    int[] b = compact(predicted);
    int ka = max(a) + 1;
    int kb = max(b) + 1;
    long[][] c = new long[ka][kb];
    for (int i = 0; i < a.length; i++) {
      c[a[i]][b[i]]++;
    }
    return c;
  }

  private static int[] compact(int[] y) {
    Map<Integer, Integer> ids = new HashMap<>();
    int[] out = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = ids.computeIfAbsent(y[i], key -> ids.size());
    }
    return out;
  }

  private static int max(int[] y) {
    int m = 0;
    for (int v : y) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static double nmi(long[][] c, int n) {
    double[] a = new double[c.length];
    double[] b = new double[c[0].length];
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[0].length; j++) {
        a[i] += c[i][j];
        b[j] += c[i][j];
      }
    }
    double ha = entropy(a, n);
    double hb = entropy(b, n);
    if (ha == 0 && hb == 0) {
      return 1.0; // one class, one cluster: identical partitions (scikit-learn agrees)
    }
    if (ha == 0 || hb == 0) {
      return 0.0; // one side is a single block: no information shared
    }
    double mi = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[0].length; j++) {
        if (c[i][j] > 0) {
          mi += c[i][j] / (double) n * Math.log((double) c[i][j] * n / (a[i] * b[j]));
        }
      }
    }
    return Math.max(0, mi) / ((ha + hb) / 2);
  }

  private static double entropy(double[] counts, int n) {
    double h = 0;
    for (double x : counts) {
      if (x > 0) {
        h -= x / n * Math.log(x / n);
      }
    }
    return h;
  }

  private static double pairs(double x) {
    return x * (x - 1) / 2;
  }

  private static double ari(long[][] c, int n) {
    double sumCells = 0;
    double sumRows = 0;
    double sumCols = 0;
    double[] cols = new double[c[0].length];
    for (long[] row : c) {
      double r = 0;
      for (int j = 0; j < row.length; j++) {
        sumCells += pairs(row[j]);
        r += row[j];
        cols[j] += row[j];
      }
      sumRows += pairs(r);
    }
    for (double x : cols) {
      sumCols += pairs(x);
    }
    double expected = n < 2 ? 0 : sumRows * sumCols / pairs(n);
    double max = (sumRows + sumCols) / 2;
    if (max == expected) {
      return 1.0; // both partitions trivial in the same way (scikit-learn's special case)
    }
    return (sumCells - expected) / (max - expected);
  }

  private static double accuracy(long[][] c, int n) {
    double[][] cost = new double[c[0].length][c.length]; // cluster x class
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[0].length; j++) {
        cost[j][i] = -c[i][j];
      }
    }
    int[] classOf = KuhnMunkres.minCost(cost);
    long hits = 0;
    for (int j = 0; j < classOf.length; j++) {
      if (classOf[j] >= 0) {
        hits += c[classOf[j]][j];
      }
    }
    return hits / (double) n;
  }
}
