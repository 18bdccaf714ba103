package io.productopsdash.engine.cluster;

/**
 * Settings of {@link ThemeClustering}; {@link #defaults()} is the one setting measured on Banking77
 * and StackOverflow20 (see {@link ThemeClustering}). Validated on construction; the message names
 * the bad value.
 *
 * @param neighbours k of the kNN graph that Leiden partitions (5): the number of themes follows
 *     from it (smaller k, more themes)
 * @param resolution Leiden's modularity resolution gamma (1.0)
 * @param minClusterFraction graph communities smaller than {@code ceil(fraction * n)} are dissolved
 *     into the nearest remaining theme (1/200); 0 keeps all
 * @param fragmentFraction communities smaller than this fraction of the median size of the
 *     communities that pass {@code minClusterFraction} are dissolved too (0, off); 1/3 lifts
 *     StackOverflow20 from k = 30 to 20-23 themes and NMI 68.8 to 70.3 (mean of 3 seeds) and leaves
 *     Banking77 unchanged (measured without modularity pruning; with it, seed 1: StackOverflow20
 *     k = 17, NMI 74.0 but ARI 55.5), but was chosen by looking at those results and can swallow
 *     small genuine themes when most themes are large
 * @param smoothingNeighbours m of the kNN smoothing before the Lloyd iterations (3); 0 skips it
 * @param lloydIterations Lloyd iterations after the graph step (100); 0 keeps the graph themes
 * @param seed seeds Leiden's node orders
 * @param fixedK when not null, exactly this many themes by Smile's Ward-linkage hierarchical
 *     clustering of the raw vectors instead of the graph method
 * @param subThemes whether each theme is clustered again into sub-themes
 * @param subThemeMinFraction sub-themes smaller than this share of their theme are dissolved (0.05)
 * @param subThemeMinSize sub-themes smaller than this are dissolved, and themes smaller than twice
 *     this get none (5)
 * @param threads worker threads for the kNN search and k-means (2); results do not depend on it
 * @param modularityPruning whether, after the Lloyd iterations, themes are dissolved one at a
 *     time while that raises the modularity of the themes on the kNN graph (on): see {@link
 *     Refinement#pruneByModularity}; sub-themes never use it
 */
public record ClusteringOptions(
    int neighbours,
    double resolution,
    double minClusterFraction,
    double fragmentFraction,
    int smoothingNeighbours,
    int lloydIterations,
    long seed,
    Integer fixedK,
    boolean subThemes,
    double subThemeMinFraction,
    int subThemeMinSize,
    int threads,
    boolean modularityPruning) {

  /** The seed of {@link #defaults()}. */
  public static final long DEFAULT_SEED = 1L;

  /** Validates every setting. */
  public ClusteringOptions {
    if (neighbours < 1 || neighbours > 100) {
      throw new IllegalArgumentException("Invalid number of neighbours: " + neighbours + " (1 to 100)");
    }
    if (!(resolution > 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException("Invalid resolution: " + resolution + " (must be positive)");
    }
    if (!(minClusterFraction >= 0 && minClusterFraction < 1)) {
      throw new IllegalArgumentException("Invalid minimum cluster fraction: " + minClusterFraction + " (0 to 1)");
    }
    if (!(fragmentFraction >= 0 && fragmentFraction < 1)) {
      throw new IllegalArgumentException("Invalid fragment fraction: " + fragmentFraction + " (0 to 1)");
    }
    if (smoothingNeighbours < 0 || smoothingNeighbours > 100) {
      throw new IllegalArgumentException("Invalid number of smoothing neighbours: " + smoothingNeighbours + " (0 to 100)");
    }
    if (lloydIterations < 0) {
      throw new IllegalArgumentException("Invalid number of Lloyd iterations: " + lloydIterations);
    }
    if (fixedK != null && fixedK < 1) {
      throw new IllegalArgumentException("Invalid number of clusters: " + fixedK);
    }
    if (!(subThemeMinFraction > 0 && subThemeMinFraction < 1)) {
      throw new IllegalArgumentException("Invalid sub-theme minimum fraction: " + subThemeMinFraction + " (0 to 1)");
    }
    if (subThemeMinSize < 2) {
      throw new IllegalArgumentException("Invalid sub-theme minimum size: " + subThemeMinSize + " (2 or more)");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid number of threads: " + threads);
    }
  }

  /**
   * Automatic number of themes: 5-NN graph, gamma 1, communities under n/200 dissolved (no
   * fragment rule), 3-NN smoothing, 100 Lloyd iterations, modularity pruning, seed 1, no
   * sub-themes, 2 threads.
   */
  public static ClusteringOptions defaults() {
    return new ClusteringOptions(5, 1.0, 1.0 / 200, 0, 3, 100, DEFAULT_SEED, null, false, 0.05, 5, 2, true);
  }

  /** These options with another seed. */
  public ClusteringOptions withSeed(long newSeed) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, newSeed, fixedK,
        subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with a fixed number of themes, or automatic when {@code k} is null. */
  public ClusteringOptions withFixedK(Integer k) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, k, subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with or without sub-themes. */
  public ClusteringOptions withSubThemes(boolean enabled) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, fixedK,
        enabled, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with another number of threads. */
  public ClusteringOptions withThreads(int newThreads) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, fixedK,
        subThemes, subThemeMinFraction, subThemeMinSize, newThreads, modularityPruning);
  }

  /** These options with another kNN graph size. */
  public ClusteringOptions withNeighbours(int k) {
    return new ClusteringOptions(
        k, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, fixedK, subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with another fragment fraction (0 turns the rule off). */
  public ClusteringOptions withFragmentFraction(double fraction) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fraction, smoothingNeighbours, lloydIterations, seed, fixedK,
        subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with another minimum cluster fraction. */
  public ClusteringOptions withMinClusterFraction(double fraction) {
    return new ClusteringOptions(
        neighbours, resolution, fraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, fixedK, subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning);
  }

  /** These options with or without modularity pruning. */
  public ClusteringOptions withModularityPruning(boolean enabled) {
    return new ClusteringOptions(
        neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed, fixedK,
        subThemes, subThemeMinFraction, subThemeMinSize, threads, enabled);
  }
}
