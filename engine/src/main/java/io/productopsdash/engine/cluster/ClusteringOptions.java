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
 * @param minClusterSize graph communities smaller than this are dissolved too, whatever {@code
 *     minClusterFraction} says (1: only the fraction counts)
 * @param topLevel whether the graph's communities are the fine level of a two-level hierarchy
 *     whose top level {@link TopLevelThemes} chooses (off): the themes are then the top level and
 *     the sub-themes the fine communities
 * @param referenceRows below this many rows the resolution rises in proportion to {@code
 *     referenceRows / n} (6000; 0 keeps it fixed), see {@link #resolutionFor(int)}
 * @param maxResolution the highest resolution the rise reaches (4)
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
    boolean modularityPruning,
    int minClusterSize,
    boolean topLevel,
    int referenceRows,
    double maxResolution) {

  /** Rows under which the resolution is not raised ({@link #resolutionFor}). */
  public static final int SMALL_GRAPH = 200;

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
    if (minClusterSize < 1) {
      throw new IllegalArgumentException("Invalid minimum cluster size: " + minClusterSize + " (1 or more)");
    }
    if (referenceRows < 0) {
      throw new IllegalArgumentException("Invalid reference rows: " + referenceRows + " (0 or more)");
    }
    if (!(maxResolution >= resolution) || Double.isInfinite(maxResolution)) {
      throw new IllegalArgumentException(
          "Invalid maximum resolution: " + maxResolution + " (at least the resolution " + resolution + ")");
    }
  }

  /**
   * The resolution for {@code n} rows: {@code min(maxResolution, max(resolution, resolution *
   * referenceRows / n))}. Why: modularity has a resolution limit (Fortunato and Barthelemy, 2007):
   * at a fixed resolution, communities with fewer internal edges than about the square root of the
   * graph's edges merge with their neighbours, so in a small sample a topic of 20 answers joins
   * another (Banking77 test with 20 questions per intent: 49 themes for 77 intents at resolution 1).
   * Raising the resolution as the sample shrinks keeps such topics apart; the two-level step merges
   * what it splits too finely on coarse data. Under {@value #SMALL_GRAPH} rows the graph is small
   * enough that resolution 1 keeps topics of about 10 texts apart: the limit merges communities
   * with fewer internal edges than about {@code sqrt(2L)}, and a 5-NN graph of n rows has {@code L}
   * near 7.5n edges while a topic of s texts has about 5s inside it, so s = 10 is resolved while
   * {@code sqrt(15 n) < 50}, that is below about 170 rows.
   */
  public double resolutionFor(int n) {
    if (referenceRows == 0 || n < SMALL_GRAPH) {
      return resolution;
    }
    return Math.min(maxResolution, Math.max(resolution, resolution * referenceRows / n));
  }

  /**
   * Automatic number of themes: 5-NN graph, gamma 1 (rising below 6,000 rows up to 4), communities
   * under n/200 dissolved (no fragment rule), 3-NN smoothing, 100 Lloyd iterations, modularity
   * pruning, the two-level top level, seed 1, no sub-themes, 2 threads.
   */
  public static ClusteringOptions defaults() {
    return new ClusteringOptions(5, 1.0, 1.0 / 200, 0, 3, 100, DEFAULT_SEED, null, false, 0.05, 5, 2, true, 1, true, 6000, 4);
  }

  /** A builder holding these options, to change some by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These options with another seed. */
  public ClusteringOptions withSeed(long newSeed) {
    return toBuilder().seed(newSeed).build();
  }

  /** These options with a fixed number of themes, or automatic when {@code k} is null. */
  public ClusteringOptions withFixedK(Integer k) {
    return toBuilder().fixedK(k).build();
  }

  /** These options with or without sub-themes. */
  public ClusteringOptions withSubThemes(boolean enabled) {
    return toBuilder().subThemes(enabled).build();
  }

  /** These options with another number of threads. */
  public ClusteringOptions withThreads(int newThreads) {
    return toBuilder().threads(newThreads).build();
  }

  /** These options with another kNN graph size. */
  public ClusteringOptions withNeighbours(int k) {
    return toBuilder().neighbours(k).build();
  }

  /** These options with another fragment fraction (0 turns the rule off). */
  public ClusteringOptions withFragmentFraction(double fraction) {
    return toBuilder().fragmentFraction(fraction).build();
  }

  /** These options with another minimum cluster fraction. */
  public ClusteringOptions withMinClusterFraction(double fraction) {
    return toBuilder().minClusterFraction(fraction).build();
  }

  /** These options with or without modularity pruning. */
  public ClusteringOptions withModularityPruning(boolean enabled) {
    return toBuilder().modularityPruning(enabled).build();
  }

  /** Named construction of {@link ClusteringOptions}: each setter replaces one setting; {@link #build} validates. */
  public static final class Builder {
    private int neighbours;
    private double resolution;
    private double minClusterFraction;
    private double fragmentFraction;
    private int smoothingNeighbours;
    private int lloydIterations;
    private long seed;
    private Integer fixedK;
    private boolean subThemes;
    private double subThemeMinFraction;
    private int subThemeMinSize;
    private int threads;
    private boolean modularityPruning;
    private int minClusterSize;
    private boolean topLevel;
    private int referenceRows;
    private double maxResolution;

    private Builder(ClusteringOptions o) {
      neighbours = o.neighbours;
      resolution = o.resolution;
      minClusterFraction = o.minClusterFraction;
      fragmentFraction = o.fragmentFraction;
      smoothingNeighbours = o.smoothingNeighbours;
      lloydIterations = o.lloydIterations;
      seed = o.seed;
      fixedK = o.fixedK;
      subThemes = o.subThemes;
      subThemeMinFraction = o.subThemeMinFraction;
      subThemeMinSize = o.subThemeMinSize;
      threads = o.threads;
      modularityPruning = o.modularityPruning;
      minClusterSize = o.minClusterSize;
      topLevel = o.topLevel;
      referenceRows = o.referenceRows;
      maxResolution = o.maxResolution;
    }

    public Builder neighbours(int v) {
      neighbours = v;
      return this;
    }

    public Builder resolution(double v) {
      resolution = v;
      return this;
    }

    public Builder minClusterFraction(double v) {
      minClusterFraction = v;
      return this;
    }

    public Builder fragmentFraction(double v) {
      fragmentFraction = v;
      return this;
    }

    public Builder smoothingNeighbours(int v) {
      smoothingNeighbours = v;
      return this;
    }

    public Builder lloydIterations(int v) {
      lloydIterations = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder fixedK(Integer v) {
      fixedK = v;
      return this;
    }

    public Builder subThemes(boolean v) {
      subThemes = v;
      return this;
    }

    public Builder subThemeMinFraction(double v) {
      subThemeMinFraction = v;
      return this;
    }

    public Builder subThemeMinSize(int v) {
      subThemeMinSize = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder modularityPruning(boolean v) {
      modularityPruning = v;
      return this;
    }

    public Builder minClusterSize(int v) {
      minClusterSize = v;
      return this;
    }

    public Builder topLevel(boolean v) {
      topLevel = v;
      return this;
    }

    public Builder referenceRows(int v) {
      referenceRows = v;
      return this;
    }

    public Builder maxResolution(double v) {
      maxResolution = v;
      return this;
    }

    /** The options, validated; the message names the bad value. */
    public ClusteringOptions build() {
      return new ClusteringOptions(
          neighbours, resolution, minClusterFraction, fragmentFraction, smoothingNeighbours, lloydIterations, seed,
          fixedK, subThemes, subThemeMinFraction, subThemeMinSize, threads, modularityPruning, minClusterSize, topLevel,
          referenceRows, maxResolution);
    }
  }
}
