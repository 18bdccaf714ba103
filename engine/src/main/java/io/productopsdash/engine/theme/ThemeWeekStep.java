package io.productopsdash.engine.theme;

import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decisions of one week's run of persistent themes, with no storage involved: the week's
 * answers are first assigned to the living themes ({@link ExemplarVote} over the exemplars {@link
 * ThemeMemory} keeps), then the rest, pooled with the recent unclustered answers, may form new
 * themes ({@link CandidateThemes}), and finally the themes are reviewed for merges and splits
 * ({@link ThemeReview}). Deterministic: the same memory and answers give the same decisions.
 *
 * <p>A new theme whose members are mostly from this week is {@link Origin#NEW}; one formed mostly
 * of older unclustered answers is a known topic {@link Origin#FOUND_LATE}; the part split off a
 * theme is {@link Origin#SPLIT}. Its older members become its exemplars from now on ({@link
 * ThemeMemory.Link}); their weeks keep what those weeks' runs decided.
 */
public final class ThemeWeekStep {
  /** Marks an answer of the week left unclustered in {@link Decision#themeOf()}. */
  public static final long UNCLUSTERED = 0;

  /**
   * Settings of a week's decisions.
   *
   * @param memory what is remembered of earlier weeks
   * @param vote how answers join existing themes
   * @param candidates how new themes form
   * @param joinSimilarity a candidate whose normalised similarity to an existing theme ({@link
   *     io.productopsdash.engine.cluster.TopLevelThemes#normalisedSimilarity}) reaches this joins it
   *     instead of becoming a theme (0.75)
   * @param review merges and splits
   */
  public record Options(
      ThemeMemory.Options memory,
      ExemplarVote.Options vote,
      CandidateThemes.Options candidates,
      double joinSimilarity,
      ThemeReview.Options review) {
    public Options {
      if (!(joinSimilarity > 0)) {
        throw new IllegalArgumentException("Invalid join similarity: " + joinSimilarity + " (positive)");
      }
      Objects.requireNonNull(memory, "memory");
      Objects.requireNonNull(vote, "vote");
      Objects.requireNonNull(candidates, "candidates");
      Objects.requireNonNull(review, "review");
    }

    /** The defaults of each stage. */
    public static Options defaults() {
      return new Options(
          ThemeMemory.Options.defaults(), ExemplarVote.Options.defaults(), CandidateThemes.Options.defaults(), 0.75,
          ThemeReview.Options.defaults());
    }
  }

  /** How a theme created this week came about. */
  public enum Origin {
    /** Formed mostly of this week's answers. */
    NEW,
    /** Formed mostly of earlier weeks' unclustered answers: a known topic found late. */
    FOUND_LATE,
    /** Split off an existing theme whose members had become two topics. */
    SPLIT
  }

  /**
   * A theme created this week.
   *
   * @param placeholder its id in {@link Decision#themeOf()} until stored: negative
   * @param origin how it came about
   * @param parent the theme it split from, or null
   */
  public record Created(long placeholder, Origin origin, Long parent) {
    public Created {
      Objects.requireNonNull(origin, "origin");
      if (placeholder >= 0) {
        throw new IllegalArgumentException("Invalid placeholder: " + placeholder + " (negative)");
      }
    }
  }

  /**
   * The week's decisions.
   *
   * @param themeOf per answer of the week, in input order: an existing theme's id, a created
   *     theme's placeholder, or {@link #UNCLUSTERED}
   * @param created themes created this week
   * @param links older answers that represent another theme from now on (the theme may be a
   *     placeholder)
   * @param merges themes merged into another this week
   */
  public record Decision(long[] themeOf, List<Created> created, List<ThemeMemory.Link> links, List<ThemeMemory.Merge> merges) {
    public Decision {
      themeOf = themeOf.clone();
      created = List.copyOf(created);
      links = List.copyOf(links);
      merges = List.copyOf(merges);
    }

    @Override
    public long[] themeOf() {
      return themeOf.clone();
    }
  }

  private ThemeWeekStep() {}

  /**
   * Decides week {@code week}.
   *
   * @param answers ids of the week's answers
   * @param vectors their unit vectors, row per answer
   * @param memory what the run remembers of earlier weeks
   * @param remembered unit vectors of every answer the memory names (exemplars and pool)
   */
  public static Decision decide(
      WeekId week,
      long[] answers,
      float[][] vectors,
      ThemeMemory memory,
      Map<Long, float[]> remembered,
      Options options) {
    int n = answers.length;
    List<ThemeMemory.Exemplar> exemplars = memory.exemplars();
    float[][] exemplarVectors = new float[exemplars.size()][];
    long[] exemplarThemes = new long[exemplars.size()];
    for (int e = 0; e < exemplars.size(); e++) {
      exemplarVectors[e] = vector(remembered, exemplars.get(e).answer());
      exemplarThemes[e] = exemplars.get(e).theme();
    }

    // Assign.
    long[] themeOf = new long[n];
    if (n > 0) {
      long[] voted = ExemplarVote.fit(vectors, exemplarVectors, exemplarThemes, options.vote()).themes();
      for (int i = 0; i < n; i++) {
        themeOf[i] = voted[i] < 0 ? UNCLUSTERED : voted[i];
      }
    }

    // Cluster the rest, with the recent unclustered answers.
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (themeOf[i] == UNCLUSTERED) {
        rest.add(i);
      }
    }
    List<ThemeMemory.Unclustered> pool = memory.pool();
    int poolSize = rest.size() + pool.size();
    float[][] poolVectors = new float[poolSize][];
    boolean[] fresh = new boolean[poolSize];
    for (int r = 0; r < rest.size(); r++) {
      poolVectors[r] = vectors[rest.get(r)];
      fresh[r] = true;
    }
    for (int p = 0; p < pool.size(); p++) {
      poolVectors[rest.size() + p] = vector(remembered, pool.get(p).answer());
    }
    List<Created> created = new ArrayList<>();
    List<ThemeMemory.Link> links = new ArrayList<>();
    long next = -1;
    Map<Long, double[]> themeSums = new java.util.TreeMap<>();
    Map<Long, Integer> themeSizes = new java.util.HashMap<>();
    for (int e = 0; e < exemplarVectors.length; e++) {
      double[] sum = themeSums.computeIfAbsent(exemplarThemes[e], t -> new double[exemplarVectors[0].length]);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += exemplarVectors[e][d];
      }
      themeSizes.merge(exemplarThemes[e], 1, Integer::sum);
    }
    for (CandidateThemes.Candidate c : CandidateThemes.fit(poolVectors, fresh, options.candidates()).candidates()) {
      // A candidate as close to an existing theme as the two are tight is that theme, found again.
      double[] sum = new double[poolVectors[0].length];
      for (int m : c.members()) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += poolVectors[m][d];
        }
      }
      long join = -1;
      double best = options.joinSimilarity();
      for (Map.Entry<Long, double[]> t : themeSums.entrySet()) {
        double r = io.productopsdash.engine.cluster.TopLevelThemes.normalisedSimilarity(
            sum, c.members().length, t.getValue(), themeSizes.get(t.getKey()));
        if (r >= best) {
          best = r;
          join = t.getKey();
        }
      }
      if (join > 0) {
        for (int m : c.members()) {
          if (fresh[m]) {
            themeOf[rest.get(m)] = join;
          } else {
            ThemeMemory.Unclustered u = pool.get(m - rest.size());
            links.add(new ThemeMemory.Link(u.answer(), u.week(), join, week));
          }
        }
        continue;
      }
      long placeholder = next--;
      int thisWeek = 0;
      for (int m : c.members()) {
        if (fresh[m]) {
          themeOf[rest.get(m)] = placeholder;
          thisWeek++;
        } else {
          ThemeMemory.Unclustered u = pool.get(m - rest.size());
          links.add(new ThemeMemory.Link(u.answer(), u.week(), placeholder, week));
        }
      }
      Origin origin = 2 * thisWeek >= c.members().length ? Origin.NEW : Origin.FOUND_LATE;
      created.add(new Created(placeholder, origin, null));
    }

    // Review: merges of interleaving themes, splits of themes that became two.
    List<ThemeMemory.Merge> merges = new ArrayList<>();
    if (options.review().merge() || options.review().split()) {
      next = review(week, themeOf, vectors, exemplars, exemplarVectors, exemplarThemes, created, links, merges, next, options);
    }
    return new Decision(themeOf, created, links, merges);
  }

  /* Applies the review's merges and splits to this week's decisions; returns the next free placeholder. */
  private static long review(
      WeekId week,
      long[] themeOf,
      float[][] vectors,
      List<ThemeMemory.Exemplar> exemplars,
      float[][] exemplarVectors,
      long[] exemplarThemes,
      List<Created> created,
      List<ThemeMemory.Link> links,
      List<ThemeMemory.Merge> merges,
      long next,
      Options options) {
    int e = exemplarVectors.length;
    List<Integer> themed = new ArrayList<>();
    for (int i = 0; i < themeOf.length; i++) {
      if (themeOf[i] != UNCLUSTERED) {
        themed.add(i);
      }
    }
    // Older answers first: an exemplar whose answer was moved by this week's decisions (a link) counts
    // for its new theme.
    Map<Long, Long> linkedTo = new java.util.HashMap<>();
    for (ThemeMemory.Link l : links) {
      linkedTo.put(l.answer(), l.theme());
    }
    int n = e + themed.size();
    float[][] rows = new float[n][];
    long[] themes = new long[n];
    boolean[] older = new boolean[n];
    for (int r = 0; r < e; r++) {
      rows[r] = exemplarVectors[r];
      themes[r] = linkedTo.getOrDefault(exemplars.get(r).answer(), exemplarThemes[r]);
      older[r] = true;
    }
    for (int r = 0; r < themed.size(); r++) {
      rows[e + r] = vectors[themed.get(r)];
      themes[e + r] = themeOf[themed.get(r)];
    }
    if (n < 2) {
      return next;
    }
    ThemeReview review = ThemeReview.of(rows, themes, older, options.review());
    java.util.Set<Long> placeholders = new java.util.HashSet<>();
    created.forEach(c -> placeholders.add(c.placeholder()));
    for (ThemeReview.Merge m : review.merges()) {
      long absorbed = m.absorbed();
      long into = m.into();
      // A theme created this week never absorbs an existing one: the existing id keeps the topic.
      if (placeholders.contains(into) && !placeholders.contains(absorbed)) {
        long t = absorbed;
        absorbed = into;
        into = t;
      }
      for (int i = 0; i < themeOf.length; i++) {
        if (themeOf[i] == absorbed) {
          themeOf[i] = into;
        }
      }
      final long from = absorbed;
      final long to = into;
      if (placeholders.contains(from)) {
        created.removeIf(c -> c.placeholder() == from);
        links.replaceAll(l -> l.theme() == from ? new ThemeMemory.Link(l.answer(), l.week(), to, l.decided()) : l);
      } else {
        merges.add(new ThemeMemory.Merge(from, to, week));
      }
    }
    for (ThemeReview.Split s : review.splits()) {
      if (placeholders.contains(s.theme())) {
        continue; // a theme formed this week was just clustered: nothing to review yet
      }
      long placeholder = next--;
      created.add(new Created(placeholder, Origin.SPLIT, s.theme()));
      for (int r : s.part()) {
        if (r < e) {
          ThemeMemory.Exemplar x = exemplars.get(r);
          links.add(new ThemeMemory.Link(x.answer(), x.week(), placeholder, week));
        } else {
          themeOf[themed.get(r - e)] = placeholder;
        }
      }
    }
    return next;
  }

  private static float[] vector(Map<Long, float[]> remembered, long answer) {
    float[] v = remembered.get(answer);
    if (v == null) {
      throw new IllegalArgumentException("No vector of remembered answer " + answer);
    }
    return v;
  }
}
