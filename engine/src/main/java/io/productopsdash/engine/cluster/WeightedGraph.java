package io.productopsdash.engine.cluster;

import java.util.Arrays;

/**
 * An undirected graph with positive edge weights, in compressed sparse row form: the neighbours of
 * each node sorted by index, no self loops. Each node also has a strength, the sum of its edge
 * weights; graphs that {@link Leiden} aggregates keep the weight inside a merged node in its
 * strength instead of a self loop. Immutable.
 */
public final class WeightedGraph {
  final int n;
  final int[] offsets;
  final int[] targets;
  final double[] weights;
  final double[] strengths;
  final double totalStrength;

  WeightedGraph(int n, int[] offsets, int[] targets, double[] weights, double[] strengths) {
    this.n = n;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.strengths = strengths;
    double total = 0;
    for (double s : strengths) {
      total += s;
    }
    this.totalStrength = total;
  }

  /**
   * The graph with nodes {@code 0..n-1} and an undirected edge {@code from[e] - to[e]} of weight
   * {@code weights[e]} for every {@code e}; an edge given twice (in either direction) keeps the
   * larger weight.
   *
   * @throws IllegalArgumentException for a node out of range, a self loop, or a weight that is
   *     not positive and finite
   */
  public static WeightedGraph fromEdges(int n, int[] from, int[] to, double[] weights) {
    if (n < 1) {
      throw new IllegalArgumentException("Invalid number of nodes: " + n);
    }
    if (from.length != to.length || from.length != weights.length) {
      throw new IllegalArgumentException(
          "Edge arrays differ in length: " + from.length + ", " + to.length + ", " + weights.length);
    }
    int[] degree = new int[n];
    for (int e = 0; e < from.length; e++) {
      int a = from[e];
      int b = to[e];
      if (a < 0 || a >= n || b < 0 || b >= n) {
        throw new IllegalArgumentException("Invalid edge " + a + " - " + b + " for " + n + " nodes");
      }
      if (a == b) {
        throw new IllegalArgumentException("Invalid edge " + a + " - " + b + ": self loop");
      }
      if (!(weights[e] > 0) || Double.isInfinite(weights[e])) {
        throw new IllegalArgumentException("Invalid weight of edge " + a + " - " + b + ": " + weights[e]);
      }
      degree[a]++;
      degree[b]++;
    }
    int[] start = new int[n + 1];
    for (int v = 0; v < n; v++) {
      start[v + 1] = start[v] + degree[v];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] nbr = new int[start[n]];
    double[] w = new double[start[n]];
    for (int e = 0; e < from.length; e++) {
      int a = from[e];
      int b = to[e];
      nbr[fill[a]] = b;
      w[fill[a]++] = weights[e];
      nbr[fill[b]] = a;
      w[fill[b]++] = weights[e];
    }
    // Sort each node's list by neighbour and merge duplicates (keeping the larger weight).
    int[] offsets = new int[n + 1];
    int out = 0;
    for (int v = 0; v < n; v++) {
      int lo = start[v];
      int hi = start[v + 1];
      sortByTarget(nbr, w, lo, hi);
      offsets[v] = out;
      for (int p = lo; p < hi; p++) {
        if (out > offsets[v] && nbr[out - 1] == nbr[p]) {
          w[out - 1] = Math.max(w[out - 1], w[p]);
        } else {
          nbr[out] = nbr[p];
          w[out++] = w[p];
        }
      }
    }
    offsets[n] = out;
    int[] targets = Arrays.copyOf(nbr, out);
    double[] ws = Arrays.copyOf(w, out);
    double[] strengths = new double[n];
    for (int v = 0; v < n; v++) {
      double s = 0;
      for (int p = offsets[v]; p < offsets[v + 1]; p++) {
        s += ws[p];
      }
      strengths[v] = s;
    }
    return new WeightedGraph(n, offsets, targets, ws, strengths);
  }

  /**
   * The shared-nearest-neighbour graph of a kNN result (as in PhenoGraph, Levine et al. 2015): an
   * edge between each point and each of its {@code k} nearest neighbours, weighted by the Jaccard
   * index of their neighbourhoods (each point's k neighbours plus itself). The weight is symmetric,
   * so the graph is the symmetrised kNN graph.
   *
   * @param k neighbours used, between 1 and {@code knn.k()}
   */
  public static WeightedGraph sharedNeighbours(Knn knn, int k) {
    if (k < 1 || k > knn.k()) {
      throw new IllegalArgumentException("Invalid number of neighbours: " + k + " (the kNN result has " + knn.k() + ")");
    }
    int n = knn.size();
    int[][] sets = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] s = new int[k + 1];
      s[0] = i;
      for (int r = 0; r < k; r++) {
        s[r + 1] = knn.neighbour(i, r);
      }
      Arrays.sort(s);
      sets[i] = s;
    }
    int[] from = new int[n * k];
    int[] to = new int[n * k];
    double[] w = new double[n * k];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        int j = knn.neighbour(i, r);
        int common = intersectionSize(sets[i], sets[j]);
        from[e] = i;
        to[e] = j;
        w[e++] = common / (double) (sets[i].length + sets[j].length - common);
      }
    }
    return fromEdges(n, from, to, w);
  }

  /** Size of the intersection of two increasing arrays. */
  static int intersectionSize(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /** Insertion sort of one node's slice (degrees are small). */
  private static void sortByTarget(int[] nbr, double[] w, int lo, int hi) {
    for (int p = lo + 1; p < hi; p++) {
      int t = nbr[p];
      double x = w[p];
      int q = p - 1;
      while (q >= lo && nbr[q] > t) {
        nbr[q + 1] = nbr[q];
        w[q + 1] = w[q];
        q--;
      }
      nbr[q + 1] = t;
      w[q + 1] = x;
    }
  }

  /** Number of nodes. */
  public int nodeCount() {
    return n;
  }

  /** Number of undirected edges. */
  public int edgeCount() {
    return offsets[n] / 2;
  }

  /** Strength of a node: the sum of its edge weights. */
  public double strength(int node) {
    return strengths[node];
  }
}
