package io.productopsdash.engine.theme;

import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeMemoryRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.models.Answer;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Interval;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The "store" stage of a weekly theme run: one transaction that replaces what an earlier run of
 * the week stored (its theme weeks, assignments, unclustered bucket, links and recorded events; a
 * PM's renames stay) with this run's decisions: created themes (taking back the earlier run's ids
 * where matched), their history events (created, found late, split from; merged into; renamed),
 * links of older answers, the themes' figures and the answers' assignments. Themes the earlier run
 * created and this one did not keep are deleted last.
 */
final class WeekStore {
  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final ThemeMemoryRepository MEMORY = new ThemeMemoryRepository();

  /**
   * A theme of the week as the run describes it.
   *
   * @param id its id, or a created theme's placeholder
   * @param rows the week's answers in it (rows of the input)
   * @param subThemes each row's sub-theme
   */
  record Theme(
      long id,
      int[] rows,
      int[] subThemes,
      float[] centroid,
      String label,
      List<String> keywords,
      List<Long> quotes,
      ThemeTrend trend,
      Double pValue,
      String name) {
    Theme {
      Objects.requireNonNull(trend, "trend");
      Objects.requireNonNull(name, "name");
    }
  }

  /** What was stored: the week's themes with their final ids. */
  record Stored(List<ThemeWeek> themes) {}

  private WeekStore() {}

  static Stored store(
      Database db,
      WeekInput in,
      ThemeWeekStep.Decision decision,
      Map<Long, Long> reused,
      List<Theme> themes,
      ThemeNames names,
      String model,
      Instant now) {
    long seriesId = in.seriesId();
    WeekId week = in.week();
    return db.write(c -> {
      // Existing ids the run keeps were read before the (long) middle stages; another process may
      // have deleted some since. Refuse rather than point rows at missing themes.
      Set<Long> kept = new HashSet<>(reused.values());
      for (long t : decision.themeOf()) {
        if (t > 0) {
          kept.add(t);
        }
      }
      decision.merges().forEach(m -> {
        kept.add(m.absorbed());
        kept.add(m.into());
      });
      decision.links().forEach(l -> {
        if (l.theme() > 0) {
          kept.add(l.theme());
        }
      });
      if (!THEMES.themeIds(c, seriesId).containsAll(kept)) {
        throw new ConflictException(
            "week", "Week " + week + " of series " + seriesId + " was changed by another run meanwhile; run it again");
      }
      THEMES.deleteWeek(c, seriesId, week);
      for (Map.Entry<Long, float[]> e : in.fresh().entrySet()) {
        MEMORY.saveEmbedding(c, e.getKey(), model, e.getValue());
      }
      // Created themes: their ids, identities and creation events.
      Map<Long, Long> idOf = new HashMap<>();
      for (ThemeWeekStep.Created created : decision.created()) {
        String name = names.nameOf(created.placeholder());
        Long parent = created.parent();
        Long id = reused.get(created.placeholder());
        if (id == null) {
          id = THEMES.insertTheme(c, seriesId, week, name, created.origin().name(), parent, now);
        } else {
          THEMES.updateOrigin(c, id, name, created.origin().name(), parent);
        }
        idOf.put(created.placeholder(), id);
        String kind =
            switch (created.origin()) {
              case NEW -> "created";
              case FOUND_LATE -> "found_late";
              case SPLIT -> "split_from";
            };
        THEMES.insertEvent(c, seriesId, id, week, kind, parent, json("name", name), false, now);
      }
      for (ThemeMemory.Merge m : decision.merges()) {
        THEMES.insertEvent(c, seriesId, m.absorbed(), week, "merged_into", m.into(), null, false, now);
      }
      for (ThemeNames.Rename r : names.renames()) {
        long id = idOf.getOrDefault(r.theme(), r.theme());
        THEMES.setName(c, id, r.to(), false);
        THEMES.insertEvent(c, seriesId, id, week, "renamed", null, json("from", r.from(), "to", r.to()), false, now);
      }
      for (ThemeMemory.Link l : decision.links()) {
        long theme = l.theme() < 0 ? idOf.get(l.theme()) : l.theme();
        MEMORY.insertLink(c, l.answer(), seriesId, l.week(), theme, week);
      }
      int total = in.answers().size();
      List<ThemeWeek> out = new ArrayList<>();
      boolean[] themed = new boolean[total];
      for (Theme t : themes) {
        long id = t.id() < 0 ? idOf.get(t.id()) : t.id();
        if (t.id() > 0) {
          THEMES.setName(c, id, t.name(), false); // names older themes without one; a pinned name stays
        }
        ThemeWeek tw = summary(id, week, t, total, in.answers());
        THEMES.insertThemeWeek(c, tw);
        out.add(tw);
        for (int r = 0; r < t.rows().length; r++) {
          themed[t.rows()[r]] = true;
          THEMES.assign(c, in.answers().get(t.rows()[r]).id(), week, id, t.subThemes()[r]);
        }
      }
      for (int i = 0; i < total; i++) {
        if (!themed[i]) {
          THEMES.assignUnclustered(c, in.answers().get(i).id(), seriesId, week);
        }
      }
      // Only now, after every id the run keeps has its rows again, drop what the earlier run of the
      // week created and this one did not keep.
      THEMES.deleteUnusedThemes(c, seriesId, week);
      return new Stored(out);
    });
  }

  private static ThemeWeek summary(long id, WeekId week, Theme t, int total, List<Answer> answers) {
    int size = t.rows().length;
    double mean = 0;
    for (int m : t.rows()) {
      mean += answers.get(m).score();
    }
    mean /= size;
    double ss = 0;
    for (int m : t.rows()) {
      double dev = answers.get(m).score() - mean;
      ss += dev * dev;
    }
    Interval interval = size < 2 ? null : ScoreStatistics.meanInterval(mean, Math.sqrt(ss / (size - 1)), size);
    return new ThemeWeek(
        id, week, size, total, t.label(), t.keywords(), t.quotes(), mean, interval, null, t.trend(), t.pValue(), t.centroid(),
        t.name());
  }

  /* A JSON object of string pairs, for event details. */
  private static String json(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return GSON.toJson(map);
  }

  private static final com.google.gson.Gson GSON = new com.google.gson.Gson();
}
