package io.productopsdash.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The top level of a two-level theme hierarchy: fine clusters that are parts of one topic are
 * merged, fine clusters that are topics of their own stay. Immutable result of {@link #fit}.
 *
 * <p>Fine clusters are merged agglomeratively, the pair with the highest <em>normalised cross
 * similarity</em> first: the mean cosine between their members divided by the geometric mean of
 * each cluster's own mean pairwise cosine (average linkage relative to how tight the two clusters
 * are), so that loose clusters of a broad topic merge before tight clusters of distinct narrow
 * topics. Where to stop is chosen by the data: among the partitions along the merge path (cut at
 * normalised similarities {@link #GRID_FROM} to {@link #GRID_TO} in steps of {@link #GRID_STEP}),
 * the one with the highest mean silhouette (Rousseeuw 1987, with cosine distance to a cluster's
 * mean, on at most {@link #SILHOUETTE_SAMPLE} points drawn with a fixed seed) is kept. Under
 * {@link #MIN_ROWS} rows every fine cluster is its own top-level theme.
 *
 * <p>Why: a kNN graph partitioned by modularity at one resolution splits a coarse data set (8
 * broad topics) into dozens of themes and merges the rare topics of a fine one; its number of
 * communities follows the number of texts, not the topics. The silhouette of the merged partition
 * peaks at few themes on coarse data (8 StackOverflow tags, 500 titles each: 7-9 themes) and at
 * about the number of intents on fine data (Banking77 test, 20 per intent: 69 themes for 77
 * intents); measured in docs/benchmarks.md.
 */
public final class TopLevelThemes {
  /** Lowest normalised similarity at which a cut is tried. */
  public static final double GRID_FROM = 0.30;

  /** Highest normalised similarity at which a cut is tried. */
  public static final double GRID_TO = 0.95;

  /** Step between tried cuts. */
  public static final double GRID_STEP = 0.025;

  /**
   * Fewest rows for a top level: the silhouette of a few dozen texts is decided by one pair of
   * near topics (36 sentences on billing, crashes and delivery gave 2 themes), and splitting broad
   * topics into many communities is what large samples do.
   */
  public static final int MIN_ROWS = ClusteringOptions.SMALL_GRAPH;

  /** Most points the silhouette of a cut is computed on. */
  public static final int SILHOUETTE_SAMPLE = 4000;

  /** Sees each tried cut (for the development harness): normalised similarity, themes, silhouette, labels. */
  @FunctionalInterface
  public interface CutListener {
    void cut(double similarity, int themes, double silhouette, int[] labels);
  }

  /** The listener of {@link #fit} calls on this thread, or null. */
  static final ThreadLocal<CutListener> LISTENER = new ThreadLocal<>();

  /** Sets (or, with null, clears) the listener of later {@link #fit} calls on this thread. */
  public static void listen(CutListener listener) {
    if (listener == null) {
      LISTENER.remove();
    } else {
      LISTENER.set(listener);
    }
  }

  private final int[] topOf;
  private final int count;
  private final double silhouette;
  private final double cut;

  private TopLevelThemes(int[] topOf, int count, double silhouette, double cut) {
    this.topOf = topOf;
    this.count = count;
    this.silhouette = silhouette;
    this.cut = cut;
  }

  /**
   * Groups the {@code k} fine clusters of the unit vectors {@code x} ({@code fine[i]} in {@code
   * 0..k-1}) into top-level themes.
   *
   * @param seed draws the silhouette's sample when there are more points than {@link #SILHOUETTE_SAMPLE}
   */
  public static TopLevelThemes fit(float[][] x, int[] fine, int k, long seed) {
    if (k <= 1 || x.length < MIN_ROWS) {
      return new TopLevelThemes(identity(Math.max(k, 0)), Math.max(k, 0), 0, Double.NaN);
    }
    int dim = x[0].length;
    double[][] sums = new double[k][dim];
    int[] sizes = new int[k];
    for (int i = 0; i < x.length; i++) {
      sizes[fine[i]]++;
      double[] s = sums[fine[i]];
      for (int d = 0; d < dim; d++) {
        s[d] += x[i][d];
      }
    }
    int[] sample = sample(x.length, seed);
    // Agglomerate once, recording the partition at each grid cut (descending similarity).
    int[] group = new int[k];
    for (int g = 0; g < k; g++) {
      group[g] = g;
    }
    boolean[] alive = new boolean[k];
    Arrays.fill(alive, true);
    double[][] sim = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        sim[a][b] = normalised(sums[a], sizes[a], sums[b], sizes[b]);
        sim[b][a] = sim[a][b];
      }
    }
    int[] bestTop = identity(k);
    double bestSilhouette = silhouette(x, sample, fine, k, sums, sizes);
    double bestCut = Double.POSITIVE_INFINITY;
    int steps = (int) Math.round((GRID_TO - GRID_FROM) / GRID_STEP);
    for (int step = steps; step >= 0; step--) {
      double cut = GRID_FROM + step * GRID_STEP;
      boolean merged = false;
      while (true) {
        int ba = -1;
        int bb = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < k; a++) {
          if (!alive[a]) {
            continue;
          }
          for (int b = a + 1; b < k; b++) {
            if (alive[b] && sim[a][b] > best) {
              best = sim[a][b];
              ba = a;
              bb = b;
            }
          }
        }
        if (ba < 0 || best < cut) {
          break;
        }
        merged = true;
        for (int d = 0; d < dim; d++) {
          sums[ba][d] += sums[bb][d];
        }
        sizes[ba] += sizes[bb];
        alive[bb] = false;
        for (int g = 0; g < k; g++) {
          if (group[g] == bb) {
            group[g] = ba;
          }
        }
        for (int c = 0; c < k; c++) {
          if (alive[c] && c != ba) {
            sim[ba][c] = normalised(sums[ba], sizes[ba], sums[c], sizes[c]);
            sim[c][ba] = sim[ba][c];
          }
        }
      }
      if (!merged) {
        continue;
      }
      int[] top = compact(group, alive);
      int topCount = Arrays.stream(top).max().getAsInt() + 1;
      if (topCount < 2) {
        break;
      }
      int[] labels = new int[x.length];
      for (int i = 0; i < x.length; i++) {
        labels[i] = top[fine[i]];
      }
      double[][] topSums = new double[topCount][dim];
      int[] topSizes = new int[topCount];
      for (int g = 0; g < k; g++) {
        if (alive[g]) {
          topSums[top[g]] = sums[g].clone();
          topSizes[top[g]] = sizes[g];
        }
      }
      double s = silhouette(x, sample, labels, topCount, topSums, topSizes);
      CutListener listener = LISTENER.get();
      if (listener != null) {
        listener.cut(cut, topCount, s, labels);
      }
      if (s > bestSilhouette) {
        bestSilhouette = s;
        bestTop = top;
        bestCut = cut;
      }
    }
    int count = Arrays.stream(bestTop).max().getAsInt() + 1;
    return new TopLevelThemes(bestTop, count, bestSilhouette, bestCut);
  }

  /** The top-level theme of each fine cluster, numbered 0.. in order of the fine clusters' first appearance. */
  public int[] topOf() {
    return topOf.clone();
  }

  /** Number of top-level themes. */
  public int count() {
    return count;
  }

  /** Mean silhouette of the chosen partition. */
  public double silhouette() {
    return silhouette;
  }

  /** Normalised similarity of the chosen cut (infinite when no merge improved the silhouette). */
  public double cut() {
    return cut;
  }

  private static int[] identity(int k) {
    int[] out = new int[k];
    for (int g = 0; g < k; g++) {
      out[g] = g;
    }
    return out;
  }

  /* Renumbers the surviving groups 0.. in order of their representative's index. */
  private static int[] compact(int[] group, boolean[] alive) {
    int k = group.length;
    int[] number = new int[k];
    Arrays.fill(number, -1);
    int next = 0;
    for (int g = 0; g < k; g++) {
      if (alive[g]) {
        number[g] = next++;
      }
    }
    int[] out = new int[k];
    for (int g = 0; g < k; g++) {
      out[g] = number[group[g]];
    }
    return out;
  }

  private static int[] sample(int n, long seed) {
    if (n <= SILHOUETTE_SAMPLE) {
      return identity(n);
    }
    int[] all = identity(n);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, SILHOUETTE_SAMPLE);
    Arrays.sort(out);
    return out;
  }

  /**
   * Mean silhouette over the sampled points: {@code (b - a) / max(a, b)} with {@code a} the mean
   * cosine distance to the other members of its cluster and {@code b} that to the nearest other
   * cluster; 0 for a point alone in its cluster.
   */
  static double silhouette(float[][] x, int[] sample, int[] labels, int k, double[][] sums, int[] sizes) {
    double total = 0;
    int dim = x[0].length;
    for (int i : sample) {
      int own = labels[i];
      if (sizes[own] < 2) {
        continue;
      }
      double a = 0;
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        if (sizes[c] == 0) {
          continue;
        }
        double dot = 0;
        double[] s = sums[c];
        float[] v = x[i];
        for (int d = 0; d < dim; d++) {
          dot += v[d] * s[d];
        }
        if (c == own) {
          a = 1 - (dot - 1) / (sizes[c] - 1);
        } else {
          b = Math.min(b, 1 - dot / sizes[c]);
        }
      }
      if (b < Double.MAX_VALUE) {
        total += (b - a) / Math.max(a, b);
      }
    }
    return total / sample.length;
  }

  /**
   * The normalised similarity of two groups of unit vectors given by their sums and sizes: the mean
   * cosine between their members over the geometric mean of each group's own mean pairwise cosine
   * (1 for a group of one).
   */
  public static double normalisedSimilarity(double[] sa, int na, double[] sb, int nb) {
    return normalised(sa, na, sb, nb);
  }

  /** Mean cross cosine over the geometric mean of the two clusters' mean pairwise cosines. */
  static double normalised(double[] sa, int na, double[] sb, int nb) {
    double cross = 0;
    double wa = 0;
    double wb = 0;
    for (int d = 0; d < sa.length; d++) {
      cross += sa[d] * sb[d];
      wa += sa[d] * sa[d];
      wb += sb[d] * sb[d];
    }
    cross /= (double) na * nb;
    double ca = na > 1 ? (wa - na) / ((double) na * (na - 1)) : 1;
    double cb = nb > 1 ? (wb - nb) / ((double) nb * (nb - 1)) : 1;
    return cross / Math.sqrt(Math.max(1e-9, ca * cb));
  }

  /** The members of each top-level theme's fine clusters, for callers that need the lists. */
  static List<List<Integer>> groups(int[] topOf, int count) {
    List<List<Integer>> out = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      out.add(new ArrayList<>());
    }
    for (int g = 0; g < topOf.length; g++) {
      out.get(topOf[g]).add(g);
    }
    return out;
  }
}
