package io.productopsdash.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

/**
 * Themes of short texts from their sentence embeddings, with the number of themes chosen
 * automatically. Immutable result of {@link #fit}.
 *
 * <p>The method ("leiden2" in the research spike that chose it):
 *
 * <ol>
 *   <li>exact 5-NN cosine graph of the L2-normalised vectors ({@link Knn}), symmetrised, each edge
 *       weighted by the Jaccard index of the two neighbourhoods ({@link
 *       WeightedGraph#sharedNeighbours});
 *   <li>{@link Leiden} communities maximising modularity with resolution 1, seeded: the number of
 *       communities follows from the neighbourhood size, with no k given;
 *   <li>communities smaller than {@code min(ceil(n / 200), 20)} are dissolved into the nearest remaining
 *       centroid (the graph leaves a tail of tiny communities that are not themes); optionally
 *       also those smaller than a fraction of the median community ({@link
 *       ClusteringOptions#fragmentFraction()}, off by default);
 *   <li>kNN smoothing: each vector becomes the unit-length sum of itself and its 3 nearest
 *       neighbours;
 *   <li>100 Lloyd iterations on the smoothed vectors from the centroids of step 3;
 *   <li>modularity pruning ({@link ClusteringOptions#modularityPruning()}): while dissolving one
 *       theme into the nearest other centroids raises the modularity of the themes on the graph of
 *       step 1 (same resolution), the theme whose dissolving raises it most is dissolved and the
 *       Lloyd iterations run again. It removes catch-all themes of texts phrased alike but about
 *       different things, whose members' graph neighbours lie mostly in other themes.
 * </ol>
 *
 * <p>Measured with all-MiniLM-L6-v2 vectors (NMI / ARI / Hungarian accuracy, percent): Banking77
 * test (3,080 texts, 77 intents) k = 60, 81.5-81.6 / 52.9 / 63.5-63.7 over seeds 1-3;
 * StackOverflow20 (20,000 titles, 20 tags) k = 18-20, 71.9-73.3 / 56.6-60.3 / 73.9-75.0. Without
 * the pruning step: Banking77 k = 62-63, 81.7-81.8 / 53.9-54.2 / 64.6-65.0; StackOverflow20 k =
 * 29-33, 68.2-68.8 / 63.1-64.3 / 69-71. The pruning rule was chosen on Banking77 train and one
 * half of StackOverflow20 (docs/benchmarks.md).
 *
 * <p>With a fixed k ({@link ClusteringOptions#fixedK()}) the themes are Smile's agglomerative
 * clustering with Ward linkage on the unit vectors, cut into k groups: deterministic (no seed), and
 * on Banking77 with k = 77 it scores 80.6 / 50.6 / 63.1, above k-means++ with the same k (Smile's
 * {@code KMeans}: 78.3-78.8 / 47.6-49.4 / 57.7-60.5 over seeds 1-3; the datasets' reference 79.2 /
 * 49.9 / 61.9). Ward keeps all {@code n(n-1)/2} distances as floats, so it is limited to {@link
 * #FIXED_K_MAX_ROWS} rows (about 800 MB at the limit).
 *
 * <p>Themes are numbered by decreasing size (ties: smallest member index first). With {@link
 * ClusteringOptions#subThemes()}, the members of each theme are clustered again with the same
 * method (graph, dissolving, smoothing, Lloyd; no modularity pruning, which was measured on themes
 * only) on their own kNN graph, with communities under
 * {@code max(subThemeMinSize, subThemeMinFraction * size)} dissolved; themes under {@code 2 *
 * subThemeMinSize} members keep one sub-theme. Measured on Banking77 test: 10 themes (k given)
 * with sub-themes give 72 groups scoring 75.0 / 40.9 / 53.3 against the 77 intents (the 10 themes
 * alone: 53.9 / 13.1 / 12.8); the automatic 63 themes split into about 5 sub-themes each.
 */
public final class ThemeClustering {
  /**
   * Graph communities of at least this many texts are never dissolved by the share rule ({@link
   * ClusteringOptions#minClusterFraction()}, which takes effect only up to 4,000 texts): the
   * smallest theme worth a PM's reading among thousands of answers (the issue that set it: 20-30
   * answers). Chosen from that, not tuned on a data set.
   */
  public static final int SMALL_THEME = 20;

  /** Rows at most with a fixed k: Ward linkage needs {@code 2 n^2} bytes of distances. */
  public static final int FIXED_K_MAX_ROWS = 20_000;

  private final int[] assignments;
  private final int k;
  private final float[][] centroids;
  private final int[] sizes;
  private final int graphCommunities;
  private final int dissolvedBelow;
  private final List<ThemeClustering> subThemes;

  private ThemeClustering(
      int[] assignments,
      int k,
      float[][] centroids,
      int graphCommunities,
      int dissolvedBelow,
      List<ThemeClustering> subThemes) {
    this.assignments = assignments;
    this.k = k;
    this.centroids = centroids;
    this.graphCommunities = graphCommunities;
    this.dissolvedBelow = dissolvedBelow;
    this.subThemes = subThemes;
    this.sizes = new int[k];
    for (int a : assignments) {
      sizes[a]++;
    }
  }

  /**
   * Clusters the rows of {@code vectors} (any length; they are normalised to unit length first).
   *
   * @throws IllegalArgumentException for an empty or ragged matrix, a non-finite value, or a fixed k
   *     larger than the number of rows
   */
  public static ThemeClustering fit(float[][] vectors, ClusteringOptions options) {
    int n = Vectors.checkMatrix(vectors);
    if (options.fixedK() != null && options.fixedK() > n) {
      throw new IllegalArgumentException("Invalid number of clusters: " + options.fixedK() + " (for " + n + " vectors)");
    }
    if (options.fixedK() != null && n > FIXED_K_MAX_ROWS) {
      throw new IllegalArgumentException(
          "A fixed number of clusters takes at most " + FIXED_K_MAX_ROWS + " texts (Ward linkage keeps every pairwise"
              + " distance), not " + n + "; leave the number of themes automatic");
    }
    float[][] x = Vectors.normalisedCopy(vectors);
    int[] labels;
    int[] fine = null;
    int communities;
    int minSize = 0;
    if (n == 1) {
      labels = new int[1];
      communities = 1;
    } else if (options.fixedK() != null) {
      labels = ward(x, options.fixedK());
      communities = 0;
    } else {
      int kk = Math.min(n - 1, Math.max(options.neighbours(), options.smoothingNeighbours()));
      Knn knn = Knn.fit(x, kk, options.threads());
      WeightedGraph graph = WeightedGraph.sharedNeighbours(knn, Math.min(kk, options.neighbours()));
      double resolution = options.resolutionFor(n);
      Leiden leiden = Leiden.fit(graph, resolution, options.seed());
      communities = leiden.count();
      float[][] xs =
          options.smoothingNeighbours() > 0
              ? Refinement.smooth(x, knn, Math.min(kk, options.smoothingNeighbours()))
              : x;
      int[] communitiesOf = leiden.communities();
      minSize = Math.max(1, (int) Math.ceil(options.minClusterFraction() * n - 1e-9));
      // A share of n alone would dissolve real small topics of large weeks (500 answers at 100,000):
      // a community of SMALL_THEME answers is a theme whatever the week's size.
      minSize = Math.min(minSize, SMALL_THEME);
      minSize = Math.max(minSize, options.minClusterSize());
      minSize = Refinement.fragmentSize(communitiesOf, minSize, options.fragmentFraction());
      labels = Refinement.dissolveSmall(xs, communitiesOf, minSize);
      int kept = Arrays.stream(labels).max().getAsInt() + 1;
      if (options.lloydIterations() > 0 && kept > 1) {
        float[][] start = Refinement.centroids(xs, labels, kept);
        labels = KMeans.lloyd(xs, start, options.lloydIterations(), options.threads()).assignments();
      }
      if (options.modularityPruning() && kept > 1) {
        labels =
            Refinement.pruneByModularity(
                xs, graph, labels, resolution, options.lloydIterations(), options.threads());
      }
      if (options.topLevel() && kept > 1) {
        int fineK = Refinement.bySize(labels);
        TopLevelThemes top = TopLevelThemes.fit(x, labels, fineK, options.seed());
        int[] topOf = top.topOf();
        fine = labels.clone();
        labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = topOf[fine[i]];
        }
      }
    }
    int k = Refinement.bySize(labels);
    float[][] centroids = Refinement.centroids(x, labels, k);
    for (float[] c : centroids) {
      Vectors.normalise(c);
    }
    List<ThemeClustering> subs =
        !options.subThemes()
            ? List.of()
            : fine != null ? fineLevel(vectors, x, labels, k, fine, options) : subThemes(vectors, labels, k, options);
    return new ThemeClustering(labels, k, centroids, communities, minSize, subs);
  }

  /** Smile's Ward-linkage dendrogram of the unit vectors, cut into {@code k} groups. */
  private static int[] ward(float[][] x, int k) {
    if (k == 1) {
      return new int[x.length];
    }
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        rows[i][j] = x[i][j];
      }
    }
    return HierarchicalClustering.fit(WardLinkage.of(rows)).partition(k);
  }

  /*
   * The sub-themes of a two-level clustering: a theme merged from several fine clusters has those as
   * its sub-themes (numbered by size within it); a theme that is one fine cluster is clustered again
   * as before (subThemes).
   */
  private static List<ThemeClustering> fineLevel(
      float[][] vectors, float[][] x, int[] labels, int k, int[] fine, ClusteringOptions options) {
    List<ThemeClustering> reclustered = subThemes(vectors, labels, k, options);
    List<ThemeClustering> out = new ArrayList<>(k);
    for (int t = 0; t < k; t++) {
      int[] members = members(labels, t);
      int m = members.length;
      if (java.util.Arrays.stream(members).map(i -> fine[i]).distinct().count() < 2
          || m < 2 * options.subThemeMinSize()) {
        out.add(reclustered.get(t));
        continue;
      }
      int[] sub = new int[m];
      float[][] rows = new float[m][];
      for (int r = 0; r < m; r++) {
        sub[r] = fine[members[r]];
        rows[r] = x[members[r]];
      }
      Leiden.renumber(sub);
      // Fine clusters below the sub-theme minimum join their nearest sibling.
      int minSub = Math.max(options.subThemeMinSize(), (int) Math.ceil(options.subThemeMinFraction() * m - 1e-9));
      sub = Refinement.dissolveSmall(rows, sub, minSub);
      int subK = Refinement.bySize(sub);
      float[][] c = Refinement.centroids(rows, sub, subK);
      for (float[] v : c) {
        Vectors.normalise(v);
      }
      out.add(new ThemeClustering(sub, subK, c, subK, 0, List.of()));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<ThemeClustering> subThemes(float[][] vectors, int[] labels, int k, ClusteringOptions options) {
    List<ThemeClustering> out = new ArrayList<>(k);
    for (int t = 0; t < k; t++) {
      int[] members = members(labels, t);
      int m = members.length;
      float[][] rows = new float[m][];
      for (int r = 0; r < m; r++) {
        rows[r] = vectors[members[r]];
      }
      if (m < 2 * options.subThemeMinSize()) {
        float[][] x = Vectors.normalisedCopy(rows);
        float[][] c = Refinement.centroids(x, new int[m], 1);
        Vectors.normalise(c[0]);
        out.add(new ThemeClustering(new int[m], 1, c, 1, 0, List.of()));
        continue;
      }
      double fraction = Math.max(options.subThemeMinFraction(), options.subThemeMinSize() / (double) m);
      // Sub-themes keep the method they were measured with (no modularity pruning).
      ClusteringOptions sub =
          options.toBuilder().fixedK(null).subThemes(false).minClusterFraction(fraction).modularityPruning(false)
              .topLevel(false).referenceRows(0).build();
      out.add(fit(rows, sub));
    }
    return Collections.unmodifiableList(out);
  }

  private static int[] members(int[] labels, int theme) {
    int count = 0;
    for (int l : labels) {
      if (l == theme) {
        count++;
      }
    }
    int[] out = new int[count];
    int p = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == theme) {
        out[p++] = i;
      }
    }
    return out;
  }

  /** Theme of every row, 0..k-1, theme 0 the largest (a copy). */
  public int[] assignments() {
    return assignments.clone();
  }

  /** Number of themes. */
  public int k() {
    return k;
  }

  /** Unit-length mean of each theme's (normalised) input vectors, row t for theme t (a copy). */
  public float[][] centroids() {
    float[][] out = new float[k][];
    for (int t = 0; t < k; t++) {
      out[t] = centroids[t].clone();
    }
    return out;
  }

  /** Members per theme (a copy). */
  public int[] sizes() {
    return sizes.clone();
  }

  /** Row indices of a theme's members, increasing. */
  public int[] members(int theme) {
    if (theme < 0 || theme >= k) {
      throw new IndexOutOfBoundsException("Invalid theme: " + theme + " (k = " + k + ")");
    }
    return members(assignments, theme);
  }

  /**
   * Communities the graph step found before small ones were dissolved; 0 when k was fixed. A
   * diagnostic: the gap to {@link #k()} is the tail of tiny communities.
   */
  public int graphCommunities() {
    return graphCommunities;
  }

  /**
   * Graph communities with fewer members than this were dissolved into the nearest theme; 0 when
   * k was fixed.
   */
  public int dissolvedBelow() {
    return dissolvedBelow;
  }

  /** Whether sub-themes were computed. */
  public boolean hasSubThemes() {
    return !subThemes.isEmpty();
  }

  /**
   * Element t clusters the members of theme t ({@link #members(int)}, in that order) into
   * sub-themes; empty unless {@link ClusteringOptions#subThemes()}.
   */
  public List<ThemeClustering> subThemes() {
    return subThemes;
  }

  /** Sub-theme of every row within its theme; all 0 when sub-themes were not computed. */
  public int[] subAssignments() {
    int[] out = new int[assignments.length];
    if (subThemes.isEmpty()) {
      return out;
    }
    for (int t = 0; t < k; t++) {
      int[] members = members(assignments, t);
      int[] sub = subThemes.get(t).assignments;
      for (int r = 0; r < members.length; r++) {
        out[members[r]] = sub[r];
      }
    }
    return out;
  }
}
