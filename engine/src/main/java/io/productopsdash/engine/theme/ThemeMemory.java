package io.productopsdash.engine.theme;

import io.productopsdash.models.WeekId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the persistent themes of a series remember when a week is run: from the stored history
 * (which theme each answer joined in its week, later decisions that moved answers to another
 * theme, merges, and the unclustered buckets), the exemplars each living theme is represented by
 * and the pool of recent unclustered answers that may still form a theme. Only history before the
 * week counts, so a week's run depends on the weeks before it and on nothing later: re-running a
 * week, or re-running older weeks in order, gives the same result.
 *
 * <p>The rules, in order: an answer's theme is the one its week's run gave it, replaced by any later
 * decision about it ({@link Link}: it seeded a theme found late, or moved with a split) made before
 * the week; a theme merged before the week is replaced by the theme it was merged into (following
 * chains); exemplars are the answers of the last {@link Options#exemplarWeeks()} weeks, at most
 * {@link Options#exemplarsPerTheme()} per theme (the most recent, ties by larger answer id); the pool
 * is the unclustered answers of the last {@link Options#poolWeeks()} weeks that no decision gave a
 * theme since.
 */
public final class ThemeMemory {
  /**
   * Settings of what is remembered.
   *
   * @param exemplarWeeks weeks before the run whose answers represent the themes (8)
   * @param exemplarsPerTheme most exemplars kept per theme (200)
   * @param poolWeeks weeks before the run whose unclustered answers may still form themes (4)
   */
  public record Options(int exemplarWeeks, int exemplarsPerTheme, int poolWeeks) {
    /** Validates every setting, naming the bad value. */
    public Options {
      if (exemplarWeeks < 1) {
        throw new IllegalArgumentException("Invalid exemplar weeks: " + exemplarWeeks);
      }
      if (exemplarsPerTheme < 1) {
        throw new IllegalArgumentException("Invalid exemplars per theme: " + exemplarsPerTheme);
      }
      if (poolWeeks < 0) {
        throw new IllegalArgumentException("Invalid pool weeks: " + poolWeeks);
      }
    }

    /** 8 weeks of exemplars, at most 200 per theme, 4 weeks of unclustered answers. */
    public static Options defaults() {
      return new Options(8, 200, 4);
    }
  }

  /** An answer that joined theme {@code theme} in its week {@code week}. */
  public record Member(long answer, WeekId week, long theme) {
    public Member {
      Objects.requireNonNull(week, "week");
    }
  }

  /**
   * A later decision about an older answer, made by the run of week {@code decided}: from then on
   * it represents theme {@code theme} (it seeded a theme found late, or moved with a split).
   */
  public record Link(long answer, WeekId week, long theme, WeekId decided) {
    public Link {
      Objects.requireNonNull(week, "week");
      Objects.requireNonNull(decided, "decided");
    }
  }

  /** Theme {@code absorbed} was merged into theme {@code into} by the run of week {@code decided}. */
  public record Merge(long absorbed, long into, WeekId decided) {
    public Merge {
      Objects.requireNonNull(decided, "decided");
    }
  }

  /** An answer left unclustered in its week. */
  public record Unclustered(long answer, WeekId week) {
    public Unclustered {
      Objects.requireNonNull(week, "week");
    }
  }

  /** An exemplar: an answer of week {@code week} representing theme {@code theme}. */
  public record Exemplar(long answer, WeekId week, long theme) {}

  private final List<Exemplar> exemplars;
  private final List<Unclustered> pool;
  private final Map<Long, Long> survivors;

  private ThemeMemory(List<Exemplar> exemplars, List<Unclustered> pool, Map<Long, Long> survivors) {
    this.exemplars = List.copyOf(exemplars);
    this.pool = List.copyOf(pool);
    this.survivors = Map.copyOf(survivors);
  }

  /** What the run of {@code week} remembers of the given history (records of any week; later ones are ignored). */
  public static ThemeMemory of(
      WeekId week,
      List<Member> members,
      List<Link> links,
      List<Merge> merges,
      List<Unclustered> unclustered,
      Options options) {
    WeekId firstExemplarWeek = week.plusWeeks(-options.exemplarWeeks());
    WeekId firstPoolWeek = week.plusWeeks(-options.poolWeeks());
    Map<Long, Long> into = new HashMap<>();
    merges.stream()
        .filter(m -> m.decided().compareTo(week) < 0)
        .sorted(Comparator.comparing(Merge::decided))
        .forEach(m -> into.put(m.absorbed(), m.into()));
    Map<Long, Long> survivors = new HashMap<>();
    for (Long absorbed : into.keySet()) {
      survivors.put(absorbed, survivor(absorbed, into));
    }

    // The theme of each remembered answer: its week's, replaced by later decisions in order.
    Map<Long, Exemplar> byAnswer = new HashMap<>();
    for (Member m : members) {
      if (m.week().compareTo(week) < 0 && m.week().compareTo(firstExemplarWeek) >= 0) {
        byAnswer.put(m.answer(), new Exemplar(m.answer(), m.week(), m.theme()));
      }
    }
    Set<Long> linked = new HashSet<>();
    links.stream()
        .filter(l -> l.decided().compareTo(week) < 0)
        .sorted(Comparator.comparing(Link::decided).thenComparingLong(Link::answer))
        .forEach(l -> {
          linked.add(l.answer());
          if (l.week().compareTo(firstExemplarWeek) >= 0) {
            byAnswer.put(l.answer(), new Exemplar(l.answer(), l.week(), l.theme()));
          }
        });
    Map<Long, List<Exemplar>> perTheme = new HashMap<>();
    for (Exemplar e : byAnswer.values()) {
      long theme = survivors.getOrDefault(e.theme(), e.theme());
      perTheme.computeIfAbsent(theme, t -> new ArrayList<>()).add(new Exemplar(e.answer(), e.week(), theme));
    }
    List<Exemplar> kept = new ArrayList<>();
    for (List<Exemplar> list : perTheme.values()) {
      list.sort(Comparator.comparing(Exemplar::week).reversed().thenComparing(Comparator.comparingLong(Exemplar::answer).reversed()));
      kept.addAll(list.subList(0, Math.min(list.size(), options.exemplarsPerTheme())));
    }
    kept.sort(Comparator.comparingLong(Exemplar::theme).thenComparingLong(Exemplar::answer));
    List<Unclustered> pool = new ArrayList<>();
    for (Unclustered u : unclustered) {
      if (u.week().compareTo(week) < 0 && u.week().compareTo(firstPoolWeek) >= 0 && !linked.contains(u.answer())) {
        pool.add(u);
      }
    }
    pool.sort(Comparator.comparingLong(Unclustered::answer));
    return new ThemeMemory(kept, pool, survivors);
  }

  private static long survivor(long theme, Map<Long, Long> into) {
    long t = theme;
    Set<Long> seen = new HashSet<>();
    while (into.containsKey(t) && seen.add(t)) {
      t = into.get(t);
    }
    return t;
  }

  /** This memory with only the exemplars and pool answers {@code keep} accepts (merges stay). */
  public ThemeMemory keeping(java.util.function.LongPredicate keep) {
    return new ThemeMemory(
        exemplars.stream().filter(e -> keep.test(e.answer())).toList(),
        pool.stream().filter(u -> keep.test(u.answer())).toList(),
        survivors);
  }

  /** The exemplars of the living themes, by theme then answer id. */
  public List<Exemplar> exemplars() {
    return exemplars;
  }

  /** Recent unclustered answers that may still form a theme, by answer id. */
  public List<Unclustered> pool() {
    return pool;
  }

  /** The living theme an absorbed theme was merged into (itself when it was not merged). */
  public long survivorOf(long theme) {
    return survivors.getOrDefault(theme, theme);
  }

  /** The themes represented by at least one exemplar, ascending. */
  public List<Long> themes() {
    return exemplars.stream().map(Exemplar::theme).distinct().sorted().toList();
  }
}
