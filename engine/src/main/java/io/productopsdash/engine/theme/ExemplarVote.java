package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.Knn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The "assign" stage of a weekly run: each new answer joins an existing theme when its nearest
 * already-themed answers (the exemplars) vote for that theme and it is as close to that theme's
 * exemplars as the theme's own members are to each other. Immutable result of {@link #fit}.
 *
 * <p>The vote: the {@link Options#neighbours()} exemplars most similar to the answer (cosine of
 * unit vectors), each voting with its similarity for its theme; the winner needs at least {@link
 * Options#majority()} of the votes. The calibration is per theme, from its own spread, because one
 * global similarity threshold does not transfer between data sets (a new answer's cosine to its
 * topic's centroid had a median of 0.77 on one stream and 0.73 on another): the answer's closeness
 * to theme T is its mean similarity to its {@code m = min(}{@link Options#closeness()}{@code , |T|)}
 * nearest exemplars of T, and T's floor is the {@link Options#floorQuantile()} quantile of the same
 * measure for T's own exemplars (each against the other exemplars of T, leave-one-out). An answer
 * below the floor of its winning theme stays unassigned and goes on to the search for new themes.
 * Themes with fewer than 3 exemplars take the median floor of the others (or {@link
 * Options#defaultFloor()} when there are none).
 */
public final class ExemplarVote {
  /**
   * Settings of the vote.
   *
   * @param neighbours exemplars that vote for each answer (5)
   * @param majority share of the similarity-weighted votes the winning theme needs, in (0, 1] (0.5)
   * @param closeness exemplars of a theme an answer's closeness is averaged over (5)
   * @param floorQuantile quantile of a theme's own closeness values that is its floor, in [0, 1) (0)
   * @param floorMargin the floor is lowered by this many times the gap between that quantile and
   *     the median of the theme's closeness values (a theme's members were picked for being close,
   *     so its later answers spread wider), at least 0 (1)
   * @param floorRatio ... but never below this share of that median: a theme of few, scattered
   *     members has a wide gap, and an unrelated answer must not slip under it, in [0, 1] (0.7)
   * @param globalRatio ... nor below this share of the median of all themes' medians: a catch-all
   *     theme of loosely related answers would otherwise take every answer near it, in [0, 1] (0.7)
   * @param defaultFloor floor when no theme has enough exemplars to calibrate one (0.5)
   * @param threads worker threads of the neighbour search (2)
   */
  public record Options(
      int neighbours,
      double majority,
      int closeness,
      double floorQuantile,
      double floorMargin,
      double floorRatio,
      double globalRatio,
      double defaultFloor,
      int threads) {
    /** Validates every setting, naming the bad value. */
    public Options {
      if (neighbours < 1) {
        throw new IllegalArgumentException("Invalid number of voting neighbours: " + neighbours);
      }
      if (!(majority > 0 && majority <= 1)) {
        throw new IllegalArgumentException("Invalid majority: " + majority + " (0 to 1)");
      }
      if (closeness < 1) {
        throw new IllegalArgumentException("Invalid closeness neighbours: " + closeness);
      }
      if (!(floorQuantile >= 0 && floorQuantile < 1)) {
        throw new IllegalArgumentException("Invalid floor quantile: " + floorQuantile + " (0 to 1)");
      }
      if (!(floorMargin >= 0) || Double.isInfinite(floorMargin)) {
        throw new IllegalArgumentException("Invalid floor margin: " + floorMargin + " (0 or more)");
      }
      if (!(floorRatio >= 0 && floorRatio <= 1)) {
        throw new IllegalArgumentException("Invalid floor ratio: " + floorRatio + " (0 to 1)");
      }
      if (!(globalRatio >= 0 && globalRatio <= 1)) {
        throw new IllegalArgumentException("Invalid global ratio: " + globalRatio + " (0 to 1)");
      }
      if (!(defaultFloor >= -1 && defaultFloor <= 1)) {
        throw new IllegalArgumentException("Invalid default floor: " + defaultFloor + " (-1 to 1)");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("Invalid number of threads: " + threads);
      }
    }

    /**
     * 5 voters, a majority of 0.5, closeness over 5 exemplars, the floor at the lowest of a theme's
     * own closeness values (quantile 0) lowered by once its gap to the median (margin 1), default
     * floor 0.5, 2 threads. Chosen on two streams built from Banking77 train ({@code
     * bench/make-theme-stream.py}, seeds 1 and 5): a higher floor leaves answers of known topics
     * unassigned (3.6% unclustered with margin 0, 1.5% with margin 1), and they then form false new
     * themes.
     */
    public static Options defaults() {
      return new Options(5, 0.5, 5, 0.0, 1.0, 0.7, 0.7, 0.5, 2);
    }
  }

  private final long[] themeOf;
  private final double[] closeness;
  private final Map<Long, Double> floors;

  private ExemplarVote(long[] themeOf, double[] closeness, Map<Long, Double> floors) {
    this.themeOf = themeOf;
    this.closeness = closeness;
    this.floors = floors;
  }

  /**
   * Assigns the rows of {@code answers} to the themes of the exemplars.
   *
   * @param answers unit vectors of the new answers
   * @param exemplars unit vectors of already-themed answers
   * @param exemplarThemes the theme of each exemplar
   */
  public static ExemplarVote fit(float[][] answers, float[][] exemplars, long[] exemplarThemes, Options options) {
    Objects.requireNonNull(options, "options");
    if (exemplars.length != exemplarThemes.length) {
      throw new IllegalArgumentException(
          "Invalid exemplars: " + exemplars.length + " vectors but " + exemplarThemes.length + " themes");
    }
    long[] out = new long[answers.length];
    double[] close = new double[answers.length];
    Arrays.fill(out, -1L);
    if (answers.length == 0 || exemplars.length == 0) {
      return new ExemplarVote(out, close, Map.of());
    }
    Map<Long, int[]> members = membersByTheme(exemplarThemes);
    Map<Long, Double> floors = floors(exemplars, members, options);
    Knn knn = Knn.query(answers, exemplars, Math.min(options.neighbours(), exemplars.length), options.threads());
    for (int i = 0; i < answers.length; i++) {
      Map<Long, Double> votes = new HashMap<>();
      double total = 0;
      for (int r = 0; r < knn.k(); r++) {
        double s = Math.max(0, knn.similarity(i, r));
        votes.merge(exemplarThemes[knn.neighbour(i, r)], s, Double::sum);
        total += s;
      }
      long best = -1;
      double bestVote = -1;
      for (Map.Entry<Long, Double> e : votes.entrySet()) {
        if (e.getValue() > bestVote || (e.getValue() == bestVote && e.getKey() < best)) {
          best = e.getKey();
          bestVote = e.getValue();
        }
      }
      if (total <= 0 || bestVote / total < options.majority()) {
        continue;
      }
      double c = closeness(answers[i], exemplars, members.get(best), -1, options.closeness());
      close[i] = c;
      if (c >= floors.get(best)) {
        out[i] = best;
      }
    }
    return new ExemplarVote(out, close, floors);
  }

  /** The theme of each answer, or -1 for an answer left unassigned. */
  public long[] themes() {
    return themeOf.clone();
  }

  /** Each answer's closeness to its winning theme (0 when no theme won the vote). */
  public double[] closeness() {
    return closeness.clone();
  }

  /** The calibrated floor of each theme. */
  public Map<Long, Double> floors() {
    return Map.copyOf(floors);
  }

  private static Map<Long, int[]> membersByTheme(long[] themes) {
    Map<Long, Integer> counts = new HashMap<>();
    for (long t : themes) {
      counts.merge(t, 1, Integer::sum);
    }
    Map<Long, int[]> out = new HashMap<>();
    Map<Long, Integer> filled = new HashMap<>();
    counts.forEach((t, n) -> {
      out.put(t, new int[n]);
      filled.put(t, 0);
    });
    for (int i = 0; i < themes.length; i++) {
      int p = filled.merge(themes[i], 1, Integer::sum) - 1;
      out.get(themes[i])[p] = i;
    }
    return out;
  }

  /* Floors per theme from leave-one-out closeness of each exemplar to the rest of its theme. */
  private static Map<Long, Double> floors(float[][] exemplars, Map<Long, int[]> members, Options options) {
    Map<Long, Double> out = new HashMap<>();
    java.util.List<Double> calibrated = new java.util.ArrayList<>();
    java.util.List<Double> medians = new java.util.ArrayList<>();
    for (Map.Entry<Long, int[]> e : members.entrySet()) {
      int[] m = e.getValue();
      if (m.length < 3) {
        continue;
      }
      double[] values = new double[m.length];
      for (int a = 0; a < m.length; a++) {
        values[a] = closeness(exemplars[m[a]], exemplars, m, m[a], options.closeness());
      }
      double low = quantile(values, options.floorQuantile());
      double median = quantile(values, 0.5);
      double floor = Math.max(low - options.floorMargin() * (median - low), options.floorRatio() * median);
      out.put(e.getKey(), floor);
      calibrated.add(floor);
      medians.add(median);
    }
    if (options.globalRatio() > 0 && !medians.isEmpty()) {
      double global = options.globalRatio() * quantile(medians.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
      out.replaceAll((theme, floor) -> Math.max(floor, global));
      calibrated.replaceAll(floor -> Math.max(floor, global));
    }
    double fallback =
        calibrated.isEmpty() ? options.defaultFloor() : quantile(calibrated.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    for (Long t : members.keySet()) {
      out.putIfAbsent(t, fallback);
    }
    return out;
  }

  /* Mean of the top min(m, candidates) similarities of x to the candidate rows, skipping row `skip`. */
  static double closeness(float[] x, float[][] rows, int[] candidates, int skip, int m) {
    int available = skip >= 0 ? candidates.length - 1 : candidates.length;
    int take = Math.min(m, available);
    if (take <= 0) {
      return 0;
    }
    double[] top = new double[take];
    Arrays.fill(top, Double.NEGATIVE_INFINITY);
    for (int c : candidates) {
      if (c == skip) {
        continue;
      }
      double s = ThemeGeometry.cosine(x, rows[c]);
      if (s > top[take - 1]) {
        int p = take - 1;
        while (p > 0 && top[p - 1] < s) {
          top[p] = top[p - 1];
          p--;
        }
        top[p] = s;
      }
    }
    double sum = 0;
    for (double v : top) {
      sum += v;
    }
    return sum / take;
  }

  /** The {@code q} quantile of {@code values} by linear interpolation between order statistics. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
