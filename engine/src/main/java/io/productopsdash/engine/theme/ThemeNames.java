package io.productopsdash.engine.theme;

import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.text.enrich.NamePhrases;
import io.productopsdash.models.Answer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The "name" stage of a weekly run: a readable name ({@link ThemeNamer}) for each theme created
 * this week and for each older theme without one, unique among the series' themes; an existing
 * name is kept unless its answers have drifted away from it, and a name a PM pinned is never
 * changed. Immutable.
 *
 * <p>Drift: a theme with at least {@value #DRIFT_MIN_ANSWERS} answers this week whose name's words
 * occur together in fewer than {@value #DRIFT_BELOW} of them, while another phrase occurs in at
 * least {@value #DRIFT_NEW_SHARE} of them, is renamed (and the rename recorded). Names are parsed
 * from at most {@value #SAMPLE} answers per theme, the closest to its centroid.
 */
final class ThemeNames {
  /** Fewest answers this week before a theme's name is checked for drift. */
  static final int DRIFT_MIN_ANSWERS = 10;

  /** A name whose words occur together in fewer than this share of the week's answers has drifted. */
  static final double DRIFT_BELOW = 0.1;

  /** ... when another phrase occurs in at least this share. */
  static final double DRIFT_NEW_SHARE = 0.3;

  /** Most answers of a theme parsed for its name. */
  static final int SAMPLE = 60;

  /** A rename decided this week. */
  record Rename(long theme, String from, String to) {}

  private final Map<Long, String> names;
  private final List<Rename> renames;

  private ThemeNames(Map<Long, String> names, List<Rename> renames) {
    this.names = names;
    this.renames = List.copyOf(renames);
  }

  /**
   * Names the themes of the decision. {@code ids} maps a created theme's placeholder to the id it
   * takes back from an earlier run of the week (that theme's pinned name is kept).
   */
  static ThemeNames of(WeekInput in, ThemeWeekStep.Decision decision, Map<Long, Long> ids) {
    Map<Long, List<Integer>> members = new LinkedHashMap<>();
    long[] themeOf = decision.themeOf();
    for (int i = 0; i < themeOf.length; i++) {
      if (themeOf[i] != ThemeWeekStep.UNCLUSTERED) {
        members.computeIfAbsent(themeOf[i], t -> new ArrayList<>()).add(i);
      }
    }
    ThemeNamer namer = ThemeNamer.of(in.lemmas());
    Set<Long> absorbed = new HashSet<>();
    decision.merges().forEach(m -> absorbed.add(m.absorbed()));
    Set<Long> placeholders = new HashSet<>();
    decision.created().forEach(c -> placeholders.add(c.placeholder()));
    // Names in use: every theme of the series not merged away and not renamed here.
    Set<String> taken = new HashSet<>();
    Map<Long, String> out = new HashMap<>();
    List<Rename> renames = new ArrayList<>();
    for (ThemeRepository.ThemeRow row : in.themes().values()) {
      if (!absorbed.contains(row.id()) && in.memory().survivorOf(row.id()) == row.id() && !ids.containsValue(row.id())) {
        taken.add(row.displayName().toLowerCase(Locale.ROOT));
      }
    }
    // Largest first, so the big themes get the plainest names; ties by id.
    List<Long> order = new ArrayList<>(members.keySet());
    order.sort(Comparator.<Long>comparingInt(t -> -members.get(t).size()).thenComparingLong(t -> t));
    for (long t : order) {
      ThemeRepository.ThemeRow row =
          placeholders.contains(t) ? (ids.containsKey(t) ? in.themes().get(ids.get(t)) : null) : in.themes().get(t);
      List<Integer> rows = members.get(t);
      if (row != null && row.pinned()) {
        out.put(t, row.name());
        taken.add(row.name().toLowerCase(Locale.ROOT));
        continue;
      }
      boolean existing = !placeholders.contains(t) && row != null && row.name() != null;
      if (existing) {
        String current = row.name();
        if (!drifted(current, rows, in)) {
          out.put(t, current);
          continue;
        }
        ThemeNamer.Candidate best = named(namer, rows, in, without(taken, current));
        // Only a shared phrase replaces a name, never the two-word fallback.
        if (best.score() > 0 && best.share() >= DRIFT_NEW_SHARE && !ThemeNamer.same(best.name(), current)) {
          taken.remove(current.toLowerCase(Locale.ROOT));
          taken.add(best.name().toLowerCase(Locale.ROOT));
          out.put(t, best.name());
          renames.add(new Rename(t, current, best.name()));
        } else {
          out.put(t, current);
        }
        continue;
      }
      ThemeNamer.Candidate best = named(namer, rows, in, taken);
      taken.add(best.name().toLowerCase(Locale.ROOT));
      out.put(t, best.name());
    }
    return new ThemeNames(out, renames);
  }

  /** The name of a theme (or placeholder) of the week. */
  String nameOf(long theme) {
    String name = names.get(theme);
    if (name == null) {
      throw new IllegalArgumentException("No name for theme " + theme);
    }
    return name;
  }

  /** Renames decided this week because a theme's answers drifted from its name. */
  List<Rename> renames() {
    return renames;
  }

  private static Set<String> without(Set<String> taken, String name) {
    Set<String> out = new HashSet<>(taken);
    out.remove(name.toLowerCase(Locale.ROOT));
    return out;
  }

  /* Whether a theme's answers of the week no longer carry its name's head word. */
  private static boolean drifted(String name, List<Integer> rows, WeekInput in) {
    if (rows.size() < DRIFT_MIN_ANSWERS) {
      return false;
    }
    List<NamePhrases.Phrase> parsed = NamePhrases.shared().of(name);
    String key = parsed.stream().max(Comparator.comparingInt(NamePhrases.Phrase::words)).map(NamePhrases.Phrase::key).orElse(null);
    if (key == null) {
      return false;
    }
    List<java.util.Set<String>> lemmas = new ArrayList<>();
    for (int r : rows) {
      lemmas.add(in.lemmas().get(r));
    }
    return ThemeNamer.support(key, lemmas) < DRIFT_BELOW;
  }

  private static ThemeNamer.Candidate named(ThemeNamer namer, List<Integer> rows, WeekInput in, Set<String> taken) {
    List<Integer> sample = closest(rows, in);
    List<ThemeNamer.Member> members = new ArrayList<>();
    for (int r : sample) {
      Answer a = in.answers().get(r);
      members.add(new ThemeNamer.Member(NamePhrases.shared().of(a.comment()), in.lemmas().get(r)));
    }
    return namer.name(members, in.lemmas(), taken);
  }

  /* At most SAMPLE rows, the most similar to the theme's centroid first (ties by answer id). */
  private static List<Integer> closest(List<Integer> rows, WeekInput in) {
    if (rows.size() <= SAMPLE) {
      return rows;
    }
    float[] centroid = ThemeGeometry.centroid(in.vectors(), rows.stream().mapToInt(Integer::intValue).toArray());
    Map<Integer, Double> similarity = new HashMap<>();
    for (int r : rows) {
      similarity.put(r, ThemeGeometry.cosine(in.vectors()[r], centroid));
    }
    List<Integer> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.<Integer>comparingDouble(r -> -similarity.get(r)).thenComparingLong(r -> in.answers().get(r).id()));
    return sorted.subList(0, SAMPLE);
  }
}
