package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.Knn;
import io.productopsdash.engine.cluster.ThemeClustering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "review" stage of a weekly run: persistent themes keep the mistakes of the week they were
 * formed in unless someone looks again, so each run merges themes whose members interleave and
 * splits a theme whose members have become two topics. Immutable result of {@link #of}.
 *
 * <p>Both decisions use one scale-free measure, the <em>interleaving</em> of two groups A and B of
 * answers: each member's {@link Options#neighbours()} nearest answers among A and B together are
 * looked up, and the share of them in the other group is divided by the share that group would get
 * if A and B were one topic split at random ({@code |B| / (|A| + |B| - 1)} for a member of A); the
 * smaller of the two groups' mean ratios is the interleaving, about 1 for two halves of one topic
 * and near 0 for two separate topics, whatever the data's typical cosine. Two themes are merged when
 * their interleaving reaches {@link Options#mergeAt()}; a theme is split when clustering its members
 * ({@link ThemeClustering}) gives parts of at least {@link Options#minPart()} answers each whose
 * interleaving with the rest of the theme is below {@link Options#splitBelow()} (lower than the
 * merge level, so a split part is not merged back the next week). The members compared are the
 * theme's exemplars and this week's answers.
 */
public final class ThemeReview {
  /**
   * Settings of the review.
   *
   * @param merge whether themes are merged
   * @param split whether themes are split
   * @param neighbours nearest answers looked up per member (5)
   * @param mergeAt interleaving at or above which two themes merge (0.4)
   * @param splitBelow interleaving below which a part splits off (0.2)
   * @param distinctBelow ... and its normalised similarity to the rest of the theme ({@link
   *     io.productopsdash.engine.cluster.TopLevelThemes#normalisedSimilarity}) must be below this:
   *     two wordings of one topic ("seed phrase", "recovery phrase") stay together (0.5)
   * @param mergeSimilarity two themes whose normalised similarity reaches this merge too, however
   *     their members' neighbours fall: two wordings of one topic ("seed phrase", "recovery phrase")
   *     sit apart in the neighbour graph but are as alike as the parts of one theme (0.85)
   * @param minPart fewest answers of a part split off, and fewest of them from this week (8)
   * @param candidates nearest themes (by centroid) of each theme checked for a merge (3)
   */
  public record Options(
      boolean merge,
      boolean split,
      int neighbours,
      double mergeAt,
      double splitBelow,
      double distinctBelow,
      double mergeSimilarity,
      int minPart,
      int candidates) {
    /** Validates every setting, naming the bad value. */
    public Options {
      if (neighbours < 1) {
        throw new IllegalArgumentException("Invalid number of neighbours: " + neighbours);
      }
      if (!(splitBelow >= 0 && splitBelow <= mergeAt)) {
        throw new IllegalArgumentException(
            "Invalid review levels: split below " + splitBelow + ", merge at " + mergeAt + " (0 <= split <= merge)");
      }
      if (minPart < 2) {
        throw new IllegalArgumentException("Invalid minimum part: " + minPart + " (2 or more)");
      }
      if (candidates < 1) {
        throw new IllegalArgumentException("Invalid merge candidates: " + candidates);
      }
    }

    /** Merges and splits on: 5 neighbours, merge at 0.4, split below 0.2 and 0.5, parts of 8, 3 candidates. */
    public static Options defaults() {
      return new Options(true, true, 5, 0.4, 0.2, 0.5, 0.85, 8, 3);
    }
  }

  /** Theme {@code absorbed} merges into {@code into}. */
  public record Merge(long absorbed, long into, double interleaving) {}

  /**
   * Theme {@code theme} splits: the rows of {@code part} (indices into the review's input) leave it
   * for a new theme.
   */
  public record Split(long theme, int[] part, double interleaving) {
    public Split {
      part = part.clone();
    }

    @Override
    public int[] part() {
      return part.clone();
    }
  }

  private final List<Merge> merges;
  private final List<Split> splits;

  private ThemeReview(List<Merge> merges, List<Split> splits) {
    this.merges = List.copyOf(merges);
    this.splits = List.copyOf(splits);
  }

  /**
   * Reviews the themes of the rows: {@code vectors} are unit vectors of the themes' members,
   * {@code themes[i]} the theme of row {@code i}, {@code older[i]} whether row {@code i} is from an
   * earlier week (an exemplar). Merges are decided first; a theme merged away is not split.
   */
  public static ThemeReview of(float[][] vectors, long[] themes, boolean[] older, Options options) {
    Objects.requireNonNull(options, "options");
    Map<Long, List<Integer>> members = new java.util.TreeMap<>();
    for (int i = 0; i < themes.length; i++) {
      members.computeIfAbsent(themes[i], t -> new ArrayList<>()).add(i);
    }
    List<Merge> merges = new ArrayList<>();
    Map<Long, Long> mergedInto = new HashMap<>();
    if (options.merge() && members.size() > 1) {
      merges = merges(vectors, members, options, mergedInto);
    }
    List<Split> splits = new ArrayList<>();
    if (options.split()) {
      for (Map.Entry<Long, List<Integer>> e : members.entrySet()) {
        if (mergedInto.containsKey(e.getKey()) || mergedInto.containsValue(e.getKey())) {
          continue;
        }
        Split s = split(vectors, e.getKey(), e.getValue(), older, options);
        if (s != null) {
          splits.add(s);
        }
      }
    }
    return new ThemeReview(merges, splits);
  }

  /** Merges decided, strongest interleaving first; each theme takes part in at most one. */
  public List<Merge> merges() {
    return merges;
  }

  /** Splits decided, by theme id. */
  public List<Split> splits() {
    return splits;
  }

  private static List<Merge> merges(
      float[][] vectors, Map<Long, List<Integer>> members, Options options, Map<Long, Long> mergedInto) {
    List<Long> ids = new ArrayList<>(members.keySet());
    int k = ids.size();
    int dim = vectors[0].length;
    float[][] centroids = new float[k][];
    for (int t = 0; t < k; t++) {
      float[] c = new float[dim];
      for (int i : members.get(ids.get(t))) {
        for (int d = 0; d < dim; d++) {
          c[d] += vectors[i][d];
        }
      }
      centroids[t] = ThemeGeometry.unit(c);
    }
    Knn near = Knn.fit(centroids, Math.min(options.candidates(), k - 1), 1);
    List<Merge> found = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int r = 0; r < near.k(); r++) {
        int b = near.neighbour(a, r);
        if (b <= a && contains(near, b, a)) {
          continue; // the pair is checked from the smaller index
        }
        double mix = interleaving(vectors, members.get(ids.get(a)), members.get(ids.get(b)), options.neighbours());
        if (mix >= options.mergeAt()
            || normalised(vectors, members.get(ids.get(a)), members.get(ids.get(b))) >= options.mergeSimilarity()) {
          long ta = ids.get(a);
          long tb = ids.get(b);
          int sa = members.get(ta).size();
          int sb = members.get(tb).size();
          // The larger theme (ties: the older id) survives and keeps its topic, now wider.
          boolean aSurvives = sa > sb || (sa == sb && ta < tb);
          found.add(new Merge(aSurvives ? tb : ta, aSurvives ? ta : tb, mix));
        }
      }
    }
    found.sort((x, y) -> x.interleaving() != y.interleaving()
        ? Double.compare(y.interleaving(), x.interleaving())
        : Long.compare(x.absorbed(), y.absorbed()));
    List<Merge> out = new ArrayList<>();
    for (Merge m : found) {
      boolean taken =
          mergedInto.containsKey(m.absorbed()) || mergedInto.containsKey(m.into())
              || mergedInto.containsValue(m.absorbed()) || mergedInto.containsValue(m.into());
      if (!taken) {
        mergedInto.put(m.absorbed(), m.into());
        out.add(m);
      }
    }
    return out;
  }

  private static boolean contains(Knn knn, int row, int neighbour) {
    for (int r = 0; r < knn.k(); r++) {
      if (knn.neighbour(row, r) == neighbour) {
        return true;
      }
    }
    return false;
  }

  /* The part of a theme that splits off, or null: the clustering's best-separated part. */
  private static Split split(float[][] vectors, long theme, List<Integer> rows, boolean[] older, Options options) {
    int m = rows.size();
    if (m < 2 * options.minPart()) {
      return null;
    }
    float[][] x = new float[m][];
    for (int r = 0; r < m; r++) {
      x[r] = vectors[rows.get(r)];
    }
    // The standard resolution: a theme's members are a small sample, and the raised resolution of
    // small samples would cut one topic into pieces.
    ClusteringOptions clustering = ClusteringOptions.defaults().toBuilder().threads(1).referenceRows(0).build();
    ThemeClustering parts = ThemeClustering.fit(x, clustering);
    if (parts.k() < 2) {
      return null;
    }
    // The graph may cut one topic into pieces: join the pieces into the two groups that are least
    // alike (the most similar pair of groups merged first, as the top level does), then judge that cut.
    int[] group = twoGroups(x, parts.assignments(), parts.k());
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    for (int r = 0; r < m; r++) {
      (group[r] == 0 ? first : second).add(rows.get(r));
    }
    // The group holding most of the theme's history keeps the theme; the other may leave, if it has
    // answers this week.
    List<Integer> part = count(first, older) <= count(second, older) ? first : second;
    List<Integer> rest = part == first ? second : first;
    if (part.size() < options.minPart() || rest.size() < options.minPart()
        || part.size() - count(part, older) < options.minPart()) {
      return null; // a split needs a part that is a topic of this week, not a few stray answers
    }
    double mix = interleaving(vectors, part, rest, options.neighbours());
    if (mix < options.splitBelow() && normalised(vectors, part, rest) < options.distinctBelow()) {
      return new Split(theme, part.stream().mapToInt(Integer::intValue).toArray(), mix);
    }
    return null;
  }

  /* Groups 0 and 1 of the rows, joining the k clusters pairwise by normalised similarity. */
  private static int[] twoGroups(float[][] x, int[] clusters, int k) {
    int dim = x[0].length;
    double[][] sums = new double[k][dim];
    int[] sizes = new int[k];
    for (int i = 0; i < x.length; i++) {
      sizes[clusters[i]]++;
      for (int d = 0; d < dim; d++) {
        sums[clusters[i]][d] += x[i][d];
      }
    }
    int[] groupOf = new int[k];
    for (int g = 0; g < k; g++) {
      groupOf[g] = g;
    }
    boolean[] alive = new boolean[k];
    java.util.Arrays.fill(alive, true);
    for (int left = k; left > 2; left--) {
      int ba = -1;
      int bb = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; alive[a] && b < k; b++) {
          if (alive[b]) {
            double s = io.productopsdash.engine.cluster.TopLevelThemes.normalisedSimilarity(sums[a], sizes[a], sums[b], sizes[b]);
            if (s > best) {
              best = s;
              ba = a;
              bb = b;
            }
          }
        }
      }
      for (int d = 0; d < dim; d++) {
        sums[ba][d] += sums[bb][d];
      }
      sizes[ba] += sizes[bb];
      alive[bb] = false;
      for (int g = 0; g < k; g++) {
        if (groupOf[g] == bb) {
          groupOf[g] = ba;
        }
      }
    }
    int firstAlive = -1;
    for (int g = 0; g < k && firstAlive < 0; g++) {
      if (alive[g]) {
        firstAlive = g;
      }
    }
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = groupOf[clusters[i]] == firstAlive ? 0 : 1;
    }
    return out;
  }

  private static double normalised(float[][] vectors, List<Integer> a, List<Integer> b) {
    return io.productopsdash.engine.cluster.TopLevelThemes.normalisedSimilarity(sum(vectors, a), a.size(), sum(vectors, b), b.size());
  }

  private static double[] sum(float[][] vectors, List<Integer> rows) {
    double[] s = new double[vectors[0].length];
    for (int r : rows) {
      for (int d = 0; d < s.length; d++) {
        s[d] += vectors[r][d];
      }
    }
    return s;
  }

  private static int count(List<Integer> rows, boolean[] older) {
    int n = 0;
    for (int r : rows) {
      n += older[r] ? 1 : 0;
    }
    return n;
  }

  /**
   * Interleaving of groups {@code a} and {@code b} (rows of {@code vectors}): the smaller of the two
   * groups' mean ratio of the share of each member's {@code k} nearest (among both groups) lying in
   * the other group to that share under a random split, {@code |other| / (|a| + |b| - 1)}.
   */
  static double interleaving(float[][] vectors, List<Integer> a, List<Integer> b, int k) {
    int na = a.size();
    int nb = b.size();
    int n = na + nb;
    if (na == 0 || nb == 0 || n < 3) {
      return 0;
    }
    float[][] x = new float[n][];
    for (int i = 0; i < na; i++) {
      x[i] = vectors[a.get(i)];
    }
    for (int i = 0; i < nb; i++) {
      x[na + i] = vectors[b.get(i)];
    }
    int kk = Math.min(k, n - 1);
    Knn knn = Knn.fit(x, kk, 1);
    double[] ratio = new double[2];
    for (int i = 0; i < n; i++) {
      boolean inA = i < na;
      int across = 0;
      for (int r = 0; r < kk; r++) {
        boolean neighbourInA = knn.neighbour(i, r) < na;
        across += neighbourInA != inA ? 1 : 0;
      }
      double expected = (double) (inA ? nb : na) / (n - 1);
      ratio[inA ? 0 : 1] += (across / (double) kk) / expected;
    }
    return Math.min(ratio[0] / na, ratio[1] / nb);
  }
}
