package io.productopsdash.engine.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well weekly themes follow labelled topics over time: the measures of {@code productopsdash
 * themes --week-column}. Immutable result of {@link #of}.
 *
 * <ul>
 *   <li><b>identity stability</b>: for each label present in at least two weeks, the share of its
 *       weeks whose majority theme (the theme holding most of the label's answers that week; none
 *       when all are unclustered) is the label's most common majority theme; averaged over labels.
 *       Ties of the most common theme go to the theme holding more of the label's answers overall,
 *       then the smaller id;
 *   <li><b>false NEW</b>: themes flagged NEW (in their first week) whose majority label that week
 *       already had answers in an earlier week, over all NEW themes;
 *   <li><b>growth flagged</b>: of the (label, week) pairs where a label's count is at least twice
 *       its mean count over its previous (up to {@value #GROWTH_BASELINE_WEEKS}) weeks with
 *       answers, how many had their majority theme flagged GROWING that week;
 *   <li><b>names per theme</b>: distinct names a theme carried over the weeks it had answers,
 *       averaged over themes;
 *   <li><b>weekly NMI and ARI</b>: per week, the themes against the labels, unclustered answers
 *       counted as one more group; averaged over weeks.
 * </ul>
 */
public final class TrackingMetrics {
  /** Previous weeks of a label whose mean count is the baseline of a growth. */
  public static final int GROWTH_BASELINE_WEEKS = 4;

  /** The flag a theme week carries that {@link #of} reads: NEW and GROWING count, others do not. */
  public static final String NEW = "NEW";

  /** See {@link #NEW}. */
  public static final String GROWING = "GROWING";

  /**
   * One answer of the stream.
   *
   * @param label its true topic
   * @param week its week (any comparable text, e.g. {@code 2026-W05}; compared as text)
   * @param theme its theme that week, or null when unclustered
   */
  public record Answer(String label, String week, Long theme) {
    public Answer {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(week, "week");
    }
  }

  /**
   * One theme in one week.
   *
   * @param theme the theme's id
   * @param week the week
   * @param flag its trend flag that week (NEW, GROWING, ...)
   * @param name its name that week
   */
  public record ThemeWeek(long theme, String week, String flag, String name) {
    public ThemeWeek {
      Objects.requireNonNull(week, "week");
      Objects.requireNonNull(flag, "flag");
      Objects.requireNonNull(name, "name");
    }
  }

  /** Figures of one week. */
  public record Week(String week, int answers, int themes, int unclustered, int newThemes, double nmi, double ari) {}

  private final double identityStability;
  private final int newThemes;
  private final int falseNew;
  private final int growths;
  private final int growthsFlagged;
  private final double namesPerTheme;
  private final List<Week> weeks;
  private final int themeIds;
  private final int oneWeekThemes;
  private final int labels;

  private TrackingMetrics(
      double identityStability,
      int newThemes,
      int falseNew,
      int growths,
      int growthsFlagged,
      double namesPerTheme,
      List<Week> weeks,
      int themeIds,
      int oneWeekThemes,
      int labels) {
    this.identityStability = identityStability;
    this.newThemes = newThemes;
    this.falseNew = falseNew;
    this.growths = growths;
    this.growthsFlagged = growthsFlagged;
    this.namesPerTheme = namesPerTheme;
    this.weeks = List.copyOf(weeks);
    this.themeIds = themeIds;
    this.oneWeekThemes = oneWeekThemes;
    this.labels = labels;
  }

  /** Measures {@code answers} with the themes' weekly flags and names {@code themeWeeks}. */
  public static TrackingMetrics of(List<Answer> answers, List<ThemeWeek> themeWeeks) {
    TreeMap<String, List<Answer>> byWeek = new TreeMap<>();
    for (Answer a : answers) {
      byWeek.computeIfAbsent(a.week(), w -> new ArrayList<>()).add(a);
    }
    Map<String, Map<Long, ThemeWeek>> flags = new HashMap<>();
    for (ThemeWeek t : themeWeeks) {
      flags.computeIfAbsent(t.week(), w -> new HashMap<>()).put(t.theme(), t);
    }

    // label -> week -> (theme -> count), in week order.
    Map<String, TreeMap<String, Map<Long, Integer>>> perLabel = new TreeMap<>();
    for (Answer a : answers) {
      perLabel
          .computeIfAbsent(a.label(), l -> new TreeMap<>())
          .computeIfAbsent(a.week(), w -> new HashMap<>())
          .merge(a.theme() == null ? -1L : a.theme(), 1, Integer::sum);
    }

    double stabilitySum = 0;
    int stable = 0;
    int growths = 0;
    int flagged = 0;
    for (TreeMap<String, Map<Long, Integer>> weeksOfLabel : perLabel.values()) {
      List<Long> majorities = new ArrayList<>();
      Map<Long, Integer> totals = new HashMap<>();
      List<Integer> counts = new ArrayList<>();
      for (Map.Entry<String, Map<Long, Integer>> e : weeksOfLabel.entrySet()) {
        Long majority = majority(e.getValue());
        majorities.add(majority);
        int count = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        e.getValue().forEach((theme, n) -> {
          if (theme >= 0) {
            totals.merge(theme, n, Integer::sum);
          }
        });
        if (!counts.isEmpty()) {
          List<Integer> base = counts.subList(Math.max(0, counts.size() - GROWTH_BASELINE_WEEKS), counts.size());
          double mean = base.stream().mapToInt(Integer::intValue).average().orElse(0);
          if (count >= 2 * mean) {
            growths++;
            ThemeWeek t = majority == null ? null : flags.getOrDefault(e.getKey(), Map.of()).get(majority);
            if (t != null && GROWING.equals(t.flag())) {
              flagged++;
            }
          }
        }
        counts.add(count);
      }
      if (weeksOfLabel.size() >= 2) {
        Map<Long, Integer> wins = new HashMap<>();
        for (Long m : majorities) {
          if (m != null) {
            wins.merge(m, 1, Integer::sum);
          }
        }
        Long best =
            wins.keySet().stream()
                .min(
                    Comparator.<Long>comparingInt(t -> -wins.get(t))
                        .thenComparingInt(t -> -totals.getOrDefault(t, 0))
                        .thenComparingLong(t -> t))
                .orElse(null);
        long hits = majorities.stream().filter(m -> m != null && m.equals(best)).count();
        stabilitySum += (double) hits / majorities.size();
        stable++;
      }
    }

    // NEW themes and their majority label in their first week.
    Set<String> seenLabels = new HashSet<>();
    int newThemes = 0;
    int falseNew = 0;
    List<Week> weekRows = new ArrayList<>();
    Map<Long, Set<String>> names = new HashMap<>();
    Map<Long, Integer> weeksAlive = new HashMap<>();
    for (Map.Entry<String, List<Answer>> e : byWeek.entrySet()) {
      String week = e.getKey();
      Map<Long, Map<String, Integer>> labelsOfTheme = new LinkedHashMap<>();
      int unclustered = 0;
      for (Answer a : e.getValue()) {
        if (a.theme() == null) {
          unclustered++;
        } else {
          labelsOfTheme.computeIfAbsent(a.theme(), t -> new HashMap<>()).merge(a.label(), 1, Integer::sum);
        }
      }
      int newThisWeek = 0;
      for (Map.Entry<Long, Map<String, Integer>> t : labelsOfTheme.entrySet()) {
        ThemeWeek tw = flags.getOrDefault(week, Map.of()).get(t.getKey());
        if (tw != null) {
          names.computeIfAbsent(t.getKey(), k -> new TreeSet<>()).add(tw.name());
        }
        weeksAlive.merge(t.getKey(), 1, Integer::sum);
        if (tw != null && NEW.equals(tw.flag())) {
          newThemes++;
          newThisWeek++;
          String label =
              t.getValue().entrySet().stream()
                  .min(Comparator.<Map.Entry<String, Integer>>comparingInt(x -> -x.getValue()).thenComparing(Map.Entry::getKey))
                  .orElseThrow()
                  .getKey();
          if (seenLabels.contains(label)) {
            falseNew++;
          }
        }
      }
      int n = e.getValue().size();
      int[] truth = new int[n];
      int[] predicted = new int[n];
      Map<String, Integer> labelIds = new HashMap<>();
      Map<Long, Integer> themeIds = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Answer a = e.getValue().get(i);
        truth[i] = labelIds.computeIfAbsent(a.label(), l -> labelIds.size());
        predicted[i] = themeIds.computeIfAbsent(a.theme() == null ? -1L : a.theme(), t -> themeIds.size());
      }
      weekRows.add(
          new Week(
              week, n, labelsOfTheme.size(), unclustered, newThisWeek,
              ClusteringMetrics.nmi(truth, predicted), ClusteringMetrics.ari(truth, predicted)));
      for (Answer a : e.getValue()) {
        seenLabels.add(a.label());
      }
    }
    double namesPerTheme = names.values().stream().mapToInt(Set::size).average().orElse(0);
    int oneWeek = (int) weeksAlive.values().stream().filter(w -> w == 1).count();
    return new TrackingMetrics(
        stable == 0 ? 0 : stabilitySum / stable, newThemes, falseNew, growths, flagged, namesPerTheme, weekRows,
        weeksAlive.size(), oneWeek, perLabel.size());
  }

  /* The theme with most answers (ties: smaller id); null when none is themed. */
  private static Long majority(Map<Long, Integer> counts) {
    Long best = null;
    int bestCount = 0;
    for (Map.Entry<Long, Integer> e : new TreeMap<>(counts).entrySet()) {
      if (e.getKey() >= 0 && e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /** Mean identity stability over labels present in two or more weeks. */
  public double identityStability() {
    return identityStability;
  }

  /** Themes flagged NEW. */
  public int newThemes() {
    return newThemes;
  }

  /** NEW themes whose majority label had answers in an earlier week. */
  public int falseNew() {
    return falseNew;
  }

  /** {@link #falseNew()} over {@link #newThemes()}, 0 without NEW themes. */
  public double falseNewRate() {
    return newThemes == 0 ? 0 : (double) falseNew / newThemes;
  }

  /** (label, week) pairs whose count at least doubled against the label's recent mean. */
  public int growths() {
    return growths;
  }

  /** Of {@link #growths()}, those whose majority theme was flagged GROWING. */
  public int growthsFlagged() {
    return growthsFlagged;
  }

  /** Mean distinct names per theme over its life. */
  public double namesPerTheme() {
    return namesPerTheme;
  }

  /** Per-week figures, in week order. */
  public List<Week> weeks() {
    return weeks;
  }

  /** Mean of the weekly NMI. */
  public double weeklyNmi() {
    return weeks.stream().mapToDouble(Week::nmi).average().orElse(0);
  }

  /** Mean of the weekly ARI. */
  public double weeklyAri() {
    return weeks.stream().mapToDouble(Week::ari).average().orElse(0);
  }

  /** Distinct theme ids that held answers. */
  public int themeIds() {
    return themeIds;
  }

  /** Theme ids that held answers in one week only. */
  public int oneWeekThemes() {
    return oneWeekThemes;
  }

  /** Distinct labels. */
  public int labels() {
    return labels;
  }

  /** The one line a script reads: {@code tracking: identity_stability=... weekly_nmi=...}. */
  public String summaryLine() {
    return String.format(
        java.util.Locale.ROOT,
        "tracking: identity_stability=%.2f false_new=%.2f growth_flagged=%d/%d names_per_theme=%.1f weekly_nmi=%.2f",
        identityStability, falseNewRate(), growthsFlagged, growths, namesPerTheme, weeklyNmi());
  }
}
