package io.productopsdash.engine.cluster;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

/**
 * Leiden community detection (Traag, Waltman and van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities", Scientific Reports 9, 2019) maximising modularity with a resolution
 * parameter gamma: {@code Q = sum over communities c of in_c / 2m - gamma (tot_c / 2m)^2}.
 *
 * <p>Each pass runs the fast local moving of nodes (a queue of nodes whose neighbourhood changed),
 * then the refinement that merges, inside each community, only well-connected singletons into
 * well-connected sub-communities (greedy, the theta to 0 limit), and aggregates the graph on the
 * refined partition while the moving continues from the unrefined one. Passes repeat until the
 * partition no longer changes (at most {@code maxIterations}). Node orders are shuffled with the
 * seed, so a seed fixes the result.
 */
public final class Leiden {
  /** Passes at most, by default; partitions are usually stable after 2-4. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  private static final double EPSILON = 1e-12;

  private final int[] communities;
  private final int count;
  private final double quality;

  private Leiden(int[] communities, int count, double quality) {
    this.communities = communities;
    this.count = count;
    this.quality = quality;
  }

  /** Communities of {@code graph} with the given resolution and seed, passes until stable (at most 10). */
  public static Leiden fit(WeightedGraph graph, double resolution, long seed) {
    return fit(graph, resolution, seed, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Communities of {@code graph}.
   *
   * @param resolution gamma, positive: larger values give more, smaller communities
   * @param maxIterations passes at most, 1 or more
   */
  public static Leiden fit(WeightedGraph graph, double resolution, long seed, int maxIterations) {
    if (!(resolution > 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException("Invalid resolution: " + resolution);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("Invalid number of iterations: " + maxIterations);
    }
    Random random = new Random(seed);
    int[] membership = null;
    for (int it = 0; it < maxIterations; it++) {
      int[] before = membership;
      membership = onePass(graph, membership, resolution, random);
      if (before != null && Arrays.equals(before, membership)) {
        break;
      }
    }
    int count = renumber(membership);
    return new Leiden(membership, count, modularity(graph, membership, resolution));
  }

  /** Community of every node, numbered 0..count-1 in order of first appearance. A copy. */
  public int[] communities() {
    return communities.clone();
  }

  /** Number of communities. */
  public int count() {
    return count;
  }

  /** Modularity of the partition, with the resolution it was fitted with. */
  public double quality() {
    return quality;
  }

  /** Modularity of a partition (labels 0..c-1) with resolution gamma. */
  public static double modularity(WeightedGraph g, int[] part, double gamma) {
    if (part.length != g.n) {
      throw new IllegalArgumentException("Partition has " + part.length + " labels for " + g.n + " nodes");
    }
    int nc = 0;
    for (int c : part) {
      nc = Math.max(nc, c + 1);
    }
    double[] tot = new double[nc];
    double[] in = new double[nc];
    for (int v = 0; v < g.n; v++) {
      tot[part[v]] += g.strengths[v];
      for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
        if (part[g.targets[p]] == part[v]) {
          in[part[v]] += g.weights[p];
        }
      }
    }
    double q = 0;
    double m2 = g.totalStrength;
    for (int c = 0; c < nc; c++) {
      q += in[c] / m2 - gamma * (tot[c] / m2) * (tot[c] / m2);
    }
    return q;
  }

  private static int[] onePass(WeightedGraph g0, int[] init, double gamma, Random random) {
    WeightedGraph g = g0;
    int[] part = init != null ? init.clone() : identity(g0.n);
    int[] nodeOf = identity(g0.n); // original node -> node of the current aggregate graph
    while (true) {
      fastLocalMove(g, part, gamma, random);
      int nc = renumber(part);
      if (nc == g.n) {
        break;
      }
      int[] refined = refine(g, part, gamma, random);
      int nr = renumber(refined);
      int[] aggregatePart = new int[nr];
      for (int v = 0; v < g.n; v++) {
        aggregatePart[refined[v]] = part[v];
      }
      for (int i = 0; i < nodeOf.length; i++) {
        nodeOf[i] = refined[nodeOf[i]];
      }
      g = aggregate(g, refined, nr);
      part = aggregatePart;
    }
    int[] result = new int[g0.n];
    for (int i = 0; i < g0.n; i++) {
      result[i] = part[nodeOf[i]];
    }
    renumber(result);
    return result;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Renumbers labels (0 or more) to 0..c-1 in order of first appearance; returns c. */
  static int renumber(int[] labels) {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    int[] map = new int[max + 1];
    Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (map[l] < 0) {
        map[l] = next++;
      }
      labels[i] = map[l];
    }
    return next;
  }

  private static int[] shuffled(int n, Random random) {
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Moves nodes to the neighbouring community of largest gain until no move helps. */
  private static void fastLocalMove(WeightedGraph g, int[] part, double gamma, Random random) {
    int n = g.n;
    double m2 = g.totalStrength;
    double[] tot = new double[n + 1];
    int[] size = new int[n + 1];
    for (int v = 0; v < n; v++) {
      tot[part[v]] += g.strengths[v];
      size[part[v]]++;
    }
    ArrayDeque<Integer> empties = new ArrayDeque<>();
    for (int c = 0; c < n; c++) {
      if (size[c] == 0) {
        empties.add(c);
      }
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    boolean[] queued = new boolean[n];
    for (int v : shuffled(n, random)) {
      queue.add(v);
      queued[v] = true;
    }
    double[] weightTo = new double[n + 1];
    int[] touched = new int[n + 1];
    while (!queue.isEmpty()) {
      int v = queue.poll();
      queued[v] = false;
      int old = part[v];
      double kv = g.strengths[v];
      int nt = 0;
      for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
        int c = part[g.targets[p]];
        if (weightTo[c] == 0) {
          touched[nt++] = c;
        }
        weightTo[c] += g.weights[p];
      }
      tot[old] -= kv;
      size[old]--;
      int best = old;
      double bestGain = weightTo[old] - gamma * kv * tot[old] / m2;
      for (int t = 0; t < nt; t++) {
        int c = touched[t];
        double gain = weightTo[c] - gamma * kv * tot[c] / m2;
        if (gain > bestGain + EPSILON) {
          bestGain = gain;
          best = c;
        }
      }
      boolean toEmpty = bestGain < 0 && size[old] > 0; // alone is better than anywhere else
      if (toEmpty) {
        best = empties.poll();
      } else if (size[old] == 0 && best != old) {
        empties.add(old);
      }
      for (int t = 0; t < nt; t++) {
        weightTo[touched[t]] = 0;
      }
      tot[best] += kv;
      size[best]++;
      part[v] = best;
      if (best != old) {
        for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
          int u = g.targets[p];
          if (!queued[u] && part[u] != best) {
            queue.add(u);
            queued[u] = true;
          }
        }
      }
    }
  }

  /**
   * Refinement: inside each community, visits singletons in random order and merges each
   * well-connected one into the well-connected sub-community of largest positive gain.
   */
  private static int[] refine(WeightedGraph g, int[] part, double gamma, Random random) {
    int n = g.n;
    double m2 = g.totalStrength;
    int[] ref = identity(n);
    int nc = 0;
    for (int c : part) {
      nc = Math.max(nc, c + 1);
    }
    double[] totC = new double[nc];
    for (int v = 0; v < n; v++) {
      totC[part[v]] += g.strengths[v];
    }
    double[] totR = new double[n]; // strength of each refined community
    double[] extR = new double[n]; // its edge weight to the rest of its community
    boolean[] singleton = new boolean[n];
    for (int v = 0; v < n; v++) {
      totR[v] = g.strengths[v];
      singleton[v] = true;
      double e = 0;
      for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
        if (part[g.targets[p]] == part[v]) {
          e += g.weights[p];
        }
      }
      extR[v] = e;
    }
    double[] weightTo = new double[n];
    int[] touched = new int[n];
    for (int v : shuffled(n, random)) {
      if (!singleton[v]) {
        continue;
      }
      int c = part[v];
      double kv = g.strengths[v];
      if (extR[v] < gamma * kv * (totC[c] - kv) / m2) {
        continue; // v is not well connected to its community
      }
      int nt = 0;
      for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
        int u = g.targets[p];
        if (part[u] != c) {
          continue;
        }
        int r = ref[u];
        if (r == ref[v]) {
          continue;
        }
        if (weightTo[r] == 0) {
          touched[nt++] = r;
        }
        weightTo[r] += g.weights[p];
      }
      int best = -1;
      double bestGain = 0;
      for (int t = 0; t < nt; t++) {
        int r = touched[t];
        if (extR[r] < gamma * totR[r] * (totC[c] - totR[r]) / m2) {
          continue; // the sub-community is not well connected
        }
        double gain = weightTo[r] - gamma * kv * totR[r] / m2;
        if (gain > bestGain + EPSILON) {
          bestGain = gain;
          best = r;
        }
      }
      if (best >= 0) {
        int old = ref[v];
        extR[best] = extR[best] + extR[old] - 2 * weightTo[best];
        totR[best] += kv;
        totR[old] = 0;
        extR[old] = 0;
        ref[v] = best;
        singleton[v] = false;
        for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
          int u = g.targets[p];
          if (ref[u] == best) {
            singleton[u] = false;
          }
        }
      }
      for (int t = 0; t < nt; t++) {
        weightTo[touched[t]] = 0;
      }
    }
    return ref;
  }

  /** The graph of communities: edge weights summed, strengths summed (inner weight included). */
  private static WeightedGraph aggregate(WeightedGraph g, int[] comm, int nc) {
    // Members of each community in increasing order (counting sort).
    int[] start = new int[nc + 1];
    for (int v = 0; v < g.n; v++) {
      start[comm[v] + 1]++;
    }
    for (int c = 0; c < nc; c++) {
      start[c + 1] += start[c];
    }
    int[] members = new int[g.n];
    int[] fill = Arrays.copyOf(start, nc);
    for (int v = 0; v < g.n; v++) {
      members[fill[comm[v]]++] = v;
    }
    double[] strengths = new double[nc];
    int[] offsets = new int[nc + 1];
    int[] targets = new int[g.targets.length];
    double[] weights = new double[g.targets.length];
    double[] acc = new double[nc];
    boolean[] seen = new boolean[nc];
    int[] touched = new int[nc];
    int out = 0;
    for (int a = 0; a < nc; a++) {
      int nt = 0;
      for (int m = start[a]; m < start[a + 1]; m++) {
        int v = members[m];
        strengths[a] += g.strengths[v];
        for (int p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
          int b = comm[g.targets[p]];
          if (b == a) {
            continue;
          }
          if (!seen[b]) {
            seen[b] = true;
            touched[nt++] = b;
          }
          acc[b] += g.weights[p];
        }
      }
      Arrays.sort(touched, 0, nt);
      offsets[a] = out;
      for (int t = 0; t < nt; t++) {
        int b = touched[t];
        targets[out] = b;
        weights[out++] = acc[b];
        acc[b] = 0;
        seen[b] = false;
      }
    }
    offsets[nc] = out;
    return new WeightedGraph(nc, offsets, Arrays.copyOf(targets, out), Arrays.copyOf(weights, out), strengths);
  }
}
