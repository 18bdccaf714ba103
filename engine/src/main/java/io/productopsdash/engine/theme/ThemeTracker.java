package io.productopsdash.engine.theme;

import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.engine.cluster.KuhnMunkres;
import io.productopsdash.models.theme.ThemeTrend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches this week's theme clusters to last week's themes, one to one, so a theme keeps its id
 * from week to week. Immutable result of {@link #track}.
 *
 * <p>The matching maximises the total cosine similarity of the centroids (Kuhn-Munkres); a pair
 * below {@link Options#minSimilarity()} never counts as a match, so such a cluster is {@link
 * ThemeTrend#NEW} (it gets a fresh id when stored). A matched cluster keeps the previous id and is
 * {@link ThemeTrend#GROWING} or {@link ThemeTrend#SHRINKING} when its share of the week's answers changed
 * with a two-sided pooled two-proportion z test p below {@link Options#alpha()}, else {@link
 * ThemeTrend#STABLE}. Previous themes left without a match have vanished. Previous themes are taken in
 * increasing id order, so among equally similar candidates the smallest id wins.
 */
public final class ThemeTracker {
  /**
   * Tracking settings.
   *
   * @param minSimilarity centroid cosine similarity a match needs, in (-1, 1] (0.75)
   * @param alpha significance level of the share change, in (0, 1) (0.05)
   */
  public record Options(double minSimilarity, double alpha) {
    /** Validates both settings, naming the bad value. */
    public Options {
      if (!(minSimilarity > -1 && minSimilarity <= 1)) {
        throw new IllegalArgumentException("Invalid minimum similarity: " + minSimilarity + " (-1 to 1)");
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("Invalid alpha: " + alpha + " (0 to 1)");
      }
    }

    /** Minimum similarity 0.75, alpha 0.05. */
    public static Options defaults() {
      return new Options(0.75, 0.05);
    }
  }

  /**
   * A stored theme of the previous week.
   *
   * @param id the theme's stable id
   * @param centroid its centroid (any length; compared by cosine)
   * @param size answers in the theme that week
   * @param answersTotal answers clustered that week (the share's denominator)
   */
  public record PreviousTheme(long id, float[] centroid, int size, int answersTotal) {
    /** Checks the counts and copies the centroid. */
    public PreviousTheme {
      centroid = Objects.requireNonNull(centroid, "centroid").clone();
      checkCounts(size, answersTotal);
    }

    @Override
    public float[] centroid() {
      return centroid.clone();
    }
  }

  /**
   * A cluster of this week.
   *
   * @param centroid its centroid (same length as the previous themes')
   * @param size answers in the cluster
   * @param answersTotal answers clustered this week
   */
  public record Cluster(float[] centroid, int size, int answersTotal) {
    /** Checks the counts and copies the centroid. */
    public Cluster {
      centroid = Objects.requireNonNull(centroid, "centroid").clone();
      checkCounts(size, answersTotal);
    }

    @Override
    public float[] centroid() {
      return centroid.clone();
    }
  }

  /**
   * What became of one cluster of this week.
   *
   * @param cluster index of the cluster in the input list
   * @param themeId the id the cluster keeps: the matched previous theme's (or, in {@link #retrack}, the
   *     matched theme's of the earlier run of the same week), or null for a theme that needs a new id
   * @param similarity centroid cosine similarity to the matched theme, or NaN when {@code themeId} is null
   * @param trend NEW, or the share change of a theme that the previous week had
   * @param pValue the two-proportion z test p-value, or null for a NEW trend
   */
  public record Tracked(int cluster, Long themeId, double similarity, ThemeTrend trend, Double pValue) {
    /** True when the cluster keeps an existing theme id. */
    public boolean matched() {
      return themeId != null;
    }
  }

  private final List<Tracked> clusters;
  private final List<Long> vanished;

  private ThemeTracker(List<Tracked> clusters, List<Long> vanished) {
    this.clusters = List.copyOf(clusters);
    this.vanished = List.copyOf(vanished);
  }

  /** {@link #track(List, List, Options)} with {@link Options#defaults()}. */
  public static ThemeTracker track(List<PreviousTheme> previous, List<Cluster> current) {
    return track(previous, current, Options.defaults());
  }

  /**
   * Matches {@code current} clusters to {@code previous} themes.
   *
   * @throws IllegalArgumentException for centroids of different lengths or duplicate theme ids
   */
  public static ThemeTracker track(List<PreviousTheme> previous, List<Cluster> current, Options options) {
    Objects.requireNonNull(options, "options");
    List<PreviousTheme> prev = new ArrayList<>(previous);
    prev.sort(Comparator.comparingLong(PreviousTheme::id));
    for (int i = 1; i < prev.size(); i++) {
      if (prev.get(i).id() == prev.get(i - 1).id()) {
        throw new IllegalArgumentException("Duplicate theme id: " + prev.get(i).id());
      }
    }
    int rows = current.size();
    int cols = prev.size();
    double[][] similarity = new double[rows][cols];
    double[][] cost = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      float[] a = current.get(i).centroid;
      for (int j = 0; j < cols; j++) {
        float[] b = prev.get(j).centroid;
        if (a.length != b.length) {
          throw new IllegalArgumentException(
              "Invalid centroid length: " + a.length + " (previous themes have " + b.length + ")");
        }
        double s = cosine(a, b);
        similarity[i][j] = s;
        // Pairs below the threshold cost as much as no match, so they never displace a real one.
        cost[i][j] = s >= options.minSimilarity() ? -s : 0.0;
      }
    }
    int[] match = rows == 0 || cols == 0 ? filled(rows) : KuhnMunkres.minCost(cost);
    boolean[] used = new boolean[cols];
    List<Tracked> tracked = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int j = match[i];
      Cluster c = current.get(i);
      if (j < 0 || similarity[i][j] < options.minSimilarity()) {
        tracked.add(new Tracked(i, null, Double.NaN, ThemeTrend.NEW, null));
        continue;
      }
      used[j] = true;
      tracked.add(continued(i, prev.get(j), c, similarity[i][j], options));
    }
    List<Long> vanished = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      if (!used[j]) {
        vanished.add(prev.get(j).id);
      }
    }
    return new ThemeTracker(tracked, vanished);
  }

  /**
   * Matches the clusters of a re-run of a week. The clusters are first matched, exactly as in {@link
   * #track}, to {@code earlierRun}, the themes the earlier run of the same week stored, and keep those
   * ids, so links to them (a dashboard, a digest, the next week's tracking) survive the re-run. The
   * clusters left are then tracked against the {@code previous} week's themes whose ids are not
   * already kept (an id appears at most once in a week). The trend of a cluster that kept an id is
   * measured against the previous week's theme of that id, and is NEW when the previous week has
   * none. Previous themes whose id no cluster kept have vanished. With no earlier run this is {@link
   * #track}.
   *
   * @throws IllegalArgumentException for centroids of different lengths or duplicate theme ids
   */
  public static ThemeTracker retrack(
      List<PreviousTheme> earlierRun, List<PreviousTheme> previous, List<Cluster> current, Options options) {
    ThemeTracker same = track(earlierRun, current, options);
    Map<Long, PreviousTheme> previousById = new HashMap<>();
    for (PreviousTheme p : previous) {
      previousById.put(p.id, p);
    }
    Set<Long> kept = new HashSet<>();
    List<Integer> rest = new ArrayList<>();
    for (Tracked t : same.clusters) {
      if (t.matched()) {
        kept.add(t.themeId);
      } else {
        rest.add(t.cluster);
      }
    }
    List<PreviousTheme> free = previous.stream().filter(p -> !kept.contains(p.id)).toList();
    ThemeTracker others = track(free, rest.stream().map(current::get).toList(), options);
    Tracked[] out = new Tracked[current.size()];
    for (Tracked t : same.clusters) {
      if (t.matched()) {
        PreviousTheme p = previousById.get(t.themeId);
        out[t.cluster] =
            p == null
                ? new Tracked(t.cluster, t.themeId, t.similarity, ThemeTrend.NEW, null)
                : continued(t.cluster, p, current.get(t.cluster), t.similarity, options);
      }
    }
    for (Tracked t : others.clusters) {
      int i = rest.get(t.cluster);
      out[i] = new Tracked(i, t.themeId, t.similarity, t.trend, t.pValue);
    }
    return new ThemeTracker(List.of(out), others.vanished);
  }

  /** One entry per input cluster, in input order. */
  public List<Tracked> clusters() {
    return clusters;
  }

  /** Ids of previous themes with no match this week, increasing. */
  public List<Long> vanished() {
    return vanished;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0.0 : dot / Math.sqrt(na * nb);
  }

  /** Cluster {@code i} continuing theme {@code p}: STABLE unless its share changed significantly. */
  private static Tracked continued(int i, PreviousTheme p, Cluster c, double similarity, Options options) {
    Double pValue = ScoreStatistics.twoProportionZPValue(p.size, p.answersTotal, c.size, c.answersTotal);
    ThemeTrend trend = ThemeTrend.STABLE;
    if (pValue != null && pValue < options.alpha()) {
      double before = (double) p.size / p.answersTotal;
      double after = (double) c.size / c.answersTotal;
      trend = after > before ? ThemeTrend.GROWING : ThemeTrend.SHRINKING;
    }
    return new Tracked(i, p.id, similarity, trend, pValue);
  }

  private static int[] filled(int n) {
    int[] out = new int[n];
    Arrays.fill(out, -1);
    return out;
  }

  private static void checkCounts(int size, int answersTotal) {
    if (size < 0 || answersTotal < size) {
      throw new IllegalArgumentException("Invalid theme size: " + size + " of " + answersTotal + " answers");
    }
  }
}
