package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.ThemeClustering;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "cluster new" stage of a weekly run: the answers no existing theme took (this week's, plus
 * the recent unclustered ones) are clustered ({@link ThemeClustering}, automatic number of
 * themes, communities under {@link Options#minSize()} dissolved into their nearest), the members
 * far from their cluster are set aside as noise ({@link ThemeGeometry#withoutNoise}), and each
 * cluster left with at least {@link Options#minSize()}
 * members, {@link Options#minThisWeek()} of them from this week, is a candidate new theme. The rest
 * stays unclustered and may form a theme in a later week. Immutable result of {@link #fit}.
 */
public final class CandidateThemes {
  /**
   * Settings of the search.
   *
   * @param clustering how the pool is clustered
   * @param noiseSimilarity a member whose cosine to the rest of its cluster is below this is noise (0.30)
   * @param relativeNoise ... or below this share of the median such cosine, when that is lower (0.5;
   *     0: off), see {@link ThemeGeometry#withoutNoise(float[][], int[], int, double, double, int)}
   * @param minSize fewest members of a candidate (5)
   * @param minThisWeek fewest of them from this week (2)
   */
  public record Options(
      ClusteringOptions clustering, double noiseSimilarity, double relativeNoise, int minSize, int minThisWeek) {
    /** Validates every setting, naming the bad value. */
    public Options {
      Objects.requireNonNull(clustering, "clustering");
      if (!(noiseSimilarity >= -1 && noiseSimilarity <= 1)) {
        throw new IllegalArgumentException("Invalid noise similarity: " + noiseSimilarity + " (-1 to 1)");
      }
      if (minSize < 1) {
        throw new IllegalArgumentException("Invalid minimum candidate size: " + minSize);
      }
      if (minThisWeek < 1 || minThisWeek > minSize) {
        throw new IllegalArgumentException("Invalid minimum of this week's members: " + minThisWeek + " (1 to " + minSize + ")");
      }
    }

    /** Default clustering, noise below 0.30, candidates of at least 5 answers, 2 of them new. */
    public static Options defaults() {
      return new Options(ClusteringOptions.defaults(), 0.30, 0.5, 5, 2);
    }
  }

  /** A candidate theme: the pool rows of its members, ascending. */
  public record Candidate(int[] members) {
    public Candidate {
      members = members.clone();
    }

    @Override
    public int[] members() {
      return members.clone();
    }
  }

  private final List<Candidate> candidates;

  private CandidateThemes(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  /**
   * Finds candidate themes among the {@code pool} rows (unit vectors); {@code thisWeek[i]} says
   * whether row {@code i} is an answer of the week being run.
   */
  public static CandidateThemes fit(float[][] pool, boolean[] thisWeek, Options options) {
    if (pool.length != thisWeek.length) {
      throw new IllegalArgumentException("Invalid pool: " + pool.length + " vectors, " + thisWeek.length + " flags");
    }
    if (pool.length < options.minSize()) {
      return new CandidateThemes(List.of());
    }
    // Communities under the candidate size join their nearest neighbour rather than waiting as noise:
    // a pair of answers worded apart from the rest of their topic ("dark theme" among "dark mode").
    ThemeClustering clustering =
        ThemeClustering.fit(
            pool,
            options.clustering().toBuilder()
                .minClusterSize(Math.max(options.clustering().minClusterSize(), options.minSize()))
                .build());
    int[] kept =
        ThemeGeometry.withoutNoise(
            pool, clustering.assignments(), clustering.k(), options.noiseSimilarity(), options.relativeNoise(), 1);
    int k = 0;
    for (int t : kept) {
      k = Math.max(k, t + 1);
    }
    List<Candidate> out = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      List<Integer> members = new ArrayList<>();
      int fresh = 0;
      for (int i = 0; i < kept.length; i++) {
        if (kept[i] == t) {
          members.add(i);
          fresh += thisWeek[i] ? 1 : 0;
        }
      }
      if (members.size() >= options.minSize() && fresh >= options.minThisWeek()) {
        out.add(new Candidate(members.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return new CandidateThemes(out);
  }

  /** The candidates, in the clustering's order (largest first). */
  public List<Candidate> candidates() {
    return candidates;
  }
}
