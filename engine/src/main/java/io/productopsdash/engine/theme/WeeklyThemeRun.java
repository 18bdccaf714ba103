package io.productopsdash.engine.theme;

import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.engine.cluster.ClassTfIdfLabeler;
import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One week of persistent themes for one survey series, as named stages:
 *
 * <ol>
 *   <li><b>load</b> ({@link WeekInput}): the week's commented answers and vectors (embedding only
 *       those without a stored vector), and what the series remembers of earlier weeks ({@link
 *       ThemeMemory});
 *   <li><b>assign, cluster new, review</b> ({@link ThemeWeekStep}): answers join the living
 *       themes first, the rest may form new themes, and themes are merged or split;
 *   <li><b>track</b>: each theme's flag, NEW, FOUND_LATE or SPLIT for a theme created this week,
 *       else GROWING, SHRINKING or STABLE by its share against its recent weeks ({@link ShareTrend});
 *   <li><b>name</b> ({@link ThemeNames}): a readable name for each new theme, kept unless its
 *       answers drift away from it or a PM pinned another;
 *   <li><b>store</b> ({@link WeekStore}): one transaction replacing an earlier run of the week;
 *   <li><b>requests</b>: the week's feature requests ({@link WeeklyRequests}, its own transaction).
 * </ol>
 *
 * <p>A re-run of a week (the normal flow while its answers come in) is the same computation on the
 * same history, so it keeps the decisions about the weeks before; themes it creates take back the
 * ids of the themes the earlier run of the week created, matched by shared answers, so links to
 * them survive. Runs of one series wait for each other in this process.
 */
public final class WeeklyThemeRun {
  /** Told what the run is doing: a stage name, work done and total in that stage. */
  @FunctionalInterface
  public interface Progress {
    /** Ignores progress. */
    Progress NONE = (stage, done, total) -> {};

    void update(String stage, int done, int total);
  }

  /**
   * Settings of a run.
   *
   * @param step how the week's answers are assigned, clustered and reviewed
   * @param trend how GROWING and SHRINKING are tested
   * @param quotes representative quotes per theme (3)
   * @param lambda relevance weight of maximal marginal relevance, in [0, 1] (0.7)
   * @param keywords keywords stored per theme (8)
   * @param subThemes whether each theme's answers of the week are split into sub-themes
   */
  public record Options(
      ThemeWeekStep.Options step, ShareTrend.Options trend, int quotes, double lambda, int keywords, boolean subThemes) {
    /** Validates every setting, naming the bad value. */
    public Options {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(trend, "trend");
      if (quotes < 1) {
        throw new IllegalArgumentException("Invalid number of quotes: " + quotes);
      }
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new IllegalArgumentException("Invalid MMR lambda: " + lambda + " (0 to 1)");
      }
      if (keywords < 1) {
        throw new IllegalArgumentException("Invalid number of keywords: " + keywords);
      }
    }

    /** The stages' defaults, 3 quotes, λ 0.7, 8 keywords, sub-themes on. */
    public static Options defaults() {
      return new Options(ThemeWeekStep.Options.defaults(), ShareTrend.Options.defaults(), 3, 0.7, 8, true);
    }
  }

  /**
   * What a run stored.
   *
   * @param themes the week's themes, largest first, ties by id
   * @param gone ids of themes with answers in the series' previous themed week but none in this one
   * @param answers commented answers of the week (themed plus unclustered)
   * @param embedded answers whose vector was computed in this run (the others were stored)
   * @param requestAnswers answers detected as feature requests
   * @param newRequests feature requests created
   * @param unclustered ids of the answers put in the unclustered bucket, ascending
   * @param merges merges decided this week (absorbed theme into surviving theme)
   */
  public record Result(
      long seriesId,
      WeekId week,
      List<ThemeWeek> themes,
      List<Long> gone,
      int answers,
      int embedded,
      int requestAnswers,
      int newRequests,
      List<Long> unclustered,
      List<ThemeMemory.Merge> merges) {
    /** Copies the lists. */
    public Result {
      themes = List.copyOf(themes);
      gone = List.copyOf(gone);
      unclustered = List.copyOf(unclustered);
      merges = List.copyOf(merges);
    }
  }

  private static final ConcurrentHashMap<Long, Object> SERIES_LOCKS = new ConcurrentHashMap<>();

  private WeeklyThemeRun() {}

  /** A run with {@link ClassTfIdfLabeler}, the MiniLM embedder on 2 threads and default options. */
  public static Result run(Database db, long seriesId, WeekId week, Clock clock) {
    return run(
        db,
        seriesId,
        week,
        TextEmbedder.miniLm(2),
        ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS),
        Options.defaults(),
        clock,
        Progress.NONE);
  }

  /**
   * Runs one week of series {@code seriesId}.
   *
   * @param labeler gives each theme's keyword label
   * @throws NotFoundException when the series does not exist
   * @throws ConflictException when another process changed the series' themes during the run so
   *     that ids it keeps are gone (nothing is stored; running again succeeds)
   */
  public static Result run(
      Database db,
      long seriesId,
      WeekId week,
      TextEmbedder embedder,
      ThemeLabeler labeler,
      Options options,
      Clock clock,
      Progress progress) {
    Objects.requireNonNull(week, "week");
    synchronized (SERIES_LOCKS.computeIfAbsent(seriesId, k -> new Object())) {
      WeekInput in = WeekInput.load(db, seriesId, week, embedder, options.step().memory(), options.trend().weeks(), progress);
      ThemeWeekStep.Decision decision = decide(in, options, progress);
      Map<Long, Long> ids = reusedIds(in, decision);
      Map<Long, ThemeTrend> flags = new HashMap<>();
      Map<Long, Double> pValues = new HashMap<>();
      track(in, decision, options, flags, pValues);
      progress.update("name", 0, 1);
      ThemeNames names = ThemeNames.of(in, decision, ids);
      progress.update("name", 1, 1);
      List<WeekStore.Theme> themes = summarise(in, decision, labeler, names, flags, pValues, options, progress);
      Instant now = clock.instant();
      progress.update("store", 0, 1);
      WeekStore.Stored stored = WeekStore.store(db, in, decision, ids, themes, names, embedder.model(), now);
      progress.update("store", 1, 1);
      progress.update("requests", 0, in.answers().size());
      WeeklyRequests.Result requests = WeeklyRequests.run(db, seriesId, week, in.answers(), embedder, now);
      progress.update("requests", in.answers().size(), in.answers().size());
      List<ThemeWeek> sorted = new ArrayList<>(stored.themes());
      sorted.sort(Comparator.comparingInt(ThemeWeek::size).reversed().thenComparingLong(ThemeWeek::themeId));
      List<Long> unclustered = new ArrayList<>();
      long[] themeOf = decision.themeOf();
      for (int i = 0; i < themeOf.length; i++) {
        if (themeOf[i] == ThemeWeekStep.UNCLUSTERED) {
          unclustered.add(in.answers().get(i).id());
        }
      }
      unclustered.sort(null);
      return new Result(
          seriesId, week, sorted, gone(in, sorted, decision), in.answers().size(), in.fresh().size(),
          requests.detected(), requests.created(), unclustered, decision.merges());
    }
  }

  /* Stages assign, cluster new and review. */
  private static ThemeWeekStep.Decision decide(WeekInput in, Options options, Progress progress) {
    return ThemeWeekStep.decide(
        in.week(), in.answerIds(), in.vectors(), in.memory(), in.remembered(), options.step(), progress);
  }

  /**
   * The ids the themes created this week take: a re-run gives a created theme the id of the theme
   * the earlier run of the week created with most of its answers (pairs by shared answers,
   * descending, then smaller id), so the week's theme links survive; the rest get new ids (absent
   * from the map).
   */
  static Map<Long, Long> reusedIds(WeekInput in, ThemeWeekStep.Decision decision) {
    Map<Long, Set<Long>> members = new HashMap<>();
    long[] themeOf = decision.themeOf();
    for (int i = 0; i < themeOf.length; i++) {
      if (themeOf[i] < 0) {
        members.computeIfAbsent(themeOf[i], t -> new HashSet<>()).add(in.answers().get(i).id());
      }
    }
    List<long[]> pairs = new ArrayList<>();
    for (ThemeWeekStep.Created c : decision.created()) {
      Set<Long> mine = members.getOrDefault(c.placeholder(), Set.of());
      in.earlierCreated().forEach((id, earlier) -> {
        long shared = earlier.stream().filter(mine::contains).count();
        if (shared > 0) {
          pairs.add(new long[] {shared, id, c.placeholder()});
        }
      });
    }
    pairs.sort(Comparator.comparingLong((long[] p) -> -p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> -p[2]));
    Map<Long, Long> out = new HashMap<>();
    Set<Long> used = new HashSet<>();
    for (long[] p : pairs) {
      if (!out.containsKey(p[2]) && used.add(p[1])) {
        out.put(p[2], p[1]);
      }
    }
    return out;
  }

  /* Stage track: flags and p-values by theme (or placeholder). */
  private static void track(
      WeekInput in, ThemeWeekStep.Decision decision, Options options, Map<Long, ThemeTrend> flags, Map<Long, Double> pValues) {
    Map<Long, ThemeWeekStep.Origin> origins = new HashMap<>();
    decision.created().forEach(c -> origins.put(c.placeholder(), c.origin()));
    // Merged themes' past counts count for the theme they were merged into (this week's merges too).
    Map<Long, Long> into = new HashMap<>();
    decision.merges().forEach(m -> into.put(m.absorbed(), m.into()));
    Map<Long, Map<WeekId, Integer>> sizes = new HashMap<>();
    Map<WeekId, Integer> totals = new HashMap<>();
    for (ThemeRepository.CountRow r : in.recent()) {
      long survivor = in.memory().survivorOf(r.theme());
      survivor = into.getOrDefault(survivor, survivor);
      sizes.computeIfAbsent(survivor, t -> new HashMap<>()).merge(r.week(), r.size(), Integer::sum);
      totals.put(r.week(), r.answersTotal());
    }
    Map<Long, Integer> now = new HashMap<>();
    for (long t : decision.themeOf()) {
      if (t != ThemeWeekStep.UNCLUSTERED) {
        now.merge(t, 1, Integer::sum);
      }
    }
    int total = in.answers().size();
    for (Map.Entry<Long, Integer> e : now.entrySet()) {
      long t = e.getKey();
      if (origins.containsKey(t)) {
        flags.put(t, ThemeTrend.valueOf(origins.get(t).name()));
        continue;
      }
      List<ShareTrend.Count> recent = new ArrayList<>();
      for (WeekId w : in.recentWeeks()) {
        recent.add(new ShareTrend.Count(sizes.getOrDefault(t, Map.of()).getOrDefault(w, 0), totals.getOrDefault(w, 0)));
      }
      ShareTrend trend = ShareTrend.of(new ShareTrend.Count(e.getValue(), total), recent, options.trend());
      flags.put(t, trend.trend());
      if (trend.pValue() != null) {
        pValues.put(t, trend.pValue());
      }
    }
  }

  /* The themes of the week as stored: members, label, keywords, quotes, score and sub-themes. */
  private static List<WeekStore.Theme> summarise(
      WeekInput in,
      ThemeWeekStep.Decision decision,
      ThemeLabeler labeler,
      ThemeNames names,
      Map<Long, ThemeTrend> flags,
      Map<Long, Double> pValues,
      Options options,
      Progress progress) {
    Map<Long, List<Integer>> members = new LinkedHashMap<>();
    long[] themeOf = decision.themeOf();
    for (int i = 0; i < themeOf.length; i++) {
      if (themeOf[i] != ThemeWeekStep.UNCLUSTERED) {
        members.computeIfAbsent(themeOf[i], t -> new ArrayList<>()).add(i);
      }
    }
    List<Long> order = new ArrayList<>(members.keySet());
    order.sort(Comparator.comparingLong(t -> t));
    int k = order.size();
    List<String> texts = new ArrayList<>();
    List<Integer> assignment = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      for (int i : members.get(order.get(t))) {
        texts.add(in.answers().get(i).comment());
        assignment.add(t);
      }
    }
    int[] assigned = assignment.stream().mapToInt(Integer::intValue).toArray();
    progress.update("label", 0, k);
    List<String> labels = k == 0 ? List.of() : labeler.labels(texts, assigned, k);
    List<List<String>> keywords =
        k == 0 ? List.of() : ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS).keywords(texts, assigned, k, options.keywords());
    progress.update("label", k, k);
    List<WeekStore.Theme> out = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      long id = order.get(t);
      int[] rows = members.get(id).stream().mapToInt(Integer::intValue).toArray();
      float[] centroid = ThemeGeometry.centroid(in.vectors(), rows);
      List<Long> quotes = ThemeGeometry.quotes(in.vectors(), rows, centroid, options.quotes(), options.lambda(), in.answers());
      int[] subs = options.subThemes() ? SubThemes.split(in.vectors(), rows) : new int[rows.length];
      out.add(
          new WeekStore.Theme(
              id, rows, subs, centroid, labels.get(t), keywords.get(t), quotes, flags.get(id), pValues.get(id),
              names.nameOf(id)));
    }
    return out;
  }

  /* Themes with answers in the series' latest themed week before this one and none now (not merged). */
  private static List<Long> gone(WeekInput in, List<ThemeWeek> now, ThemeWeekStep.Decision decision) {
    if (in.recentWeeks().isEmpty()) {
      return List.of();
    }
    WeekId last = in.recentWeeks().get(in.recentWeeks().size() - 1);
    Set<Long> present = new HashSet<>();
    now.forEach(t -> present.add(t.themeId()));
    Set<Long> merged = new HashSet<>();
    decision.merges().forEach(m -> merged.add(m.absorbed()));
    List<Long> out = new ArrayList<>();
    for (ThemeRepository.CountRow r : in.recent()) {
      if (r.week().equals(last) && !present.contains(r.theme()) && !merged.contains(r.theme())
          && in.memory().survivorOf(r.theme()) == r.theme()) {
        out.add(r.theme());
      }
    }
    out.sort(null);
    return out;
  }
}
