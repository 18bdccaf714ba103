package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.engine.cluster.ClassTfIdfLabeler;
import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.ThemeClustering;
import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.engine.request.FeatureRequestDetector;
import io.productopsdash.engine.request.RequestPhrase;
import io.productopsdash.models.Answer;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Interval;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.WeekId;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One week of themes for one survey series: the week's commented answers are embedded (only those
 * without a stored vector of the same model), clustered with a fixed seed, labelled through a
 * {@link ThemeLabeler}, summarised (size, keywords, quotes, mean score with its t interval),
 * tracked against the latest earlier week with stored themes ({@link ThemeTracker}), and checked
 * for feature requests; everything is stored in one transaction that replaces an earlier run of
 * the same week.
 *
 * <p>Re-running a week (the normal flow while its answers come in) keeps identities: the themes are
 * first matched to the earlier run's themes of the week and keep their ids ({@link
 * ThemeTracker#retrack}), and the earlier run's feature requests get their answers back (below), so
 * theme links and request statuses survive. Themes and requests with status new that the re-run
 * leaves unused are deleted at the end of the transaction.
 *
 * <p>Quotes are chosen by maximal marginal relevance (Carbonell and Goldstein, 1998): repeatedly
 * the member maximising {@code λ·cos(x, centroid) − (1−λ)·max cos(x, chosen)}, so they are central
 * and not near-duplicates of each other; ties go to the smaller answer id.
 *
 * <p>Feature requests: each comment goes through {@link FeatureRequestDetector}; a detected answer
 * joins the existing request of its series whose centroid (mean vector of all its answers, this
 * week's from an earlier run included) is most similar, when that similarity reaches {@link
 * Options#requestSimilarity()}; the rest are grouped into new requests by average-linkage
 * clustering ({@link RequestGrouping}, threshold {@link Options#requestGroupSimilarity()}). A group
 * keeps the id (and status) of an earlier run's request of this week that would otherwise be left
 * empty and holds most of its earlier answers in that group. A new request is labelled with its most
 * frequent {@link RequestPhrase} (ties: the earliest answer), else by the labeller.
 *
 * <p>Noise (PRODUCT.md §3, the "unclustered" bucket): the clustering puts every answer into a
 * theme, so after it an answer is moved to the week's unclustered bucket when its cosine similarity
 * to the centroid of the <em>other</em> members of its theme is below {@link
 * Options#noiseSimilarity()} (leave-one-out, so that a small theme made of unrelated one-off
 * comments is not judged against a centroid it dominates itself), and then every answer of a theme
 * left with fewer than {@link Options#minThemeSize()} members is moved there too. Unclustered
 * answers are stored ({@link ThemeRepository#assignUnclustered}), so they are not lost and can be
 * listed, but they are not part of any theme: labels, keywords, quotes, centroids, sizes, mean
 * scores and tracking use only the kept members. {@code answersTotal} of each theme still counts
 * every commented answer of the week, so theme shares plus the unclustered share sum to one. This
 * applies to the product run only; {@link ThemeClustering} itself (and the CLI benchmark metrics
 * computed on it) is unchanged.
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
   * @param clustering clustering settings; the seed in them is what makes a run repeatable
   * @param tracking matching to the previous week
   * @param quotes representative quotes per theme (3)
   * @param lambda relevance weight of maximal marginal relevance, in [0, 1] (0.7)
   * @param keywords keywords stored per theme (8)
   * @param requestSimilarity cosine similarity to an existing request's centroid that joins a new
   *     answer to it, in (-1, 1] (0.6)
   * @param requestGroupSimilarity new requests not joined to an existing one are grouped while the
   *     mean cosine similarity between two groups' members is above this ({@link
   *     RequestGrouping}), in (-1, 1] (0.45)
   * @param noiseSimilarity an answer whose cosine similarity to the centroid of the other members
   *     of its theme is below this goes to the unclustered bucket, in [-1, 1] (0.30; -1 keeps all)
   * @param minThemeSize a theme with fewer kept members than this is dissolved into the
   *     unclustered bucket, at least 1 (3; 1 keeps every theme)
   */
  public record Options(
      ClusteringOptions clustering,
      ThemeTracker.Options tracking,
      int quotes,
      double lambda,
      int keywords,
      double requestSimilarity,
      double requestGroupSimilarity,
      double noiseSimilarity,
      int minThemeSize) {
    /** Validates every setting, naming the bad value. */
    public Options {
      Objects.requireNonNull(clustering, "clustering");
      Objects.requireNonNull(tracking, "tracking");
      if (quotes < 1) {
        throw new IllegalArgumentException("Invalid number of quotes: " + quotes);
      }
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new IllegalArgumentException("Invalid MMR lambda: " + lambda + " (0 to 1)");
      }
      if (keywords < 1) {
        throw new IllegalArgumentException("Invalid number of keywords: " + keywords);
      }
      if (!(requestSimilarity > -1 && requestSimilarity <= 1)) {
        throw new IllegalArgumentException("Invalid request similarity: " + requestSimilarity + " (-1 to 1)");
      }
      if (!(requestGroupSimilarity > -1 && requestGroupSimilarity <= 1)) {
        throw new IllegalArgumentException(
            "Invalid request group similarity: " + requestGroupSimilarity + " (-1 to 1)");
      }
      if (!(noiseSimilarity >= -1 && noiseSimilarity <= 1)) {
        throw new IllegalArgumentException("Invalid noise similarity: " + noiseSimilarity + " (-1 to 1)");
      }
      if (minThemeSize < 1) {
        throw new IllegalArgumentException("Invalid minimum theme size: " + minThemeSize + " (at least 1)");
      }
    }

    /**
     * Default clustering (seed 1), default tracking, 3 quotes, λ 0.7, 8 keywords, requests joined
     * at 0.6 and grouped at 0.45, noise below similarity 0.30, themes of at least 3 answers.
     *
     * <p>0.45 for grouping: on Banking77 questions standing in for a week's requests (12 asks with
     * 1 to 15 answers each, 40 draws; {@code bench/request-grouping.sh}) it was chosen on the
     * train split (0.40 to 0.50 were best) and gives ARI 0.704 and 13.0 groups on the test split,
     * against 0.645 and 21.4 for the greedy leader clustering used before.
     */
    public static Options defaults() {
      return new Options(ClusteringOptions.defaults(), ThemeTracker.Options.defaults(), 3, 0.7, 8, 0.6, 0.45, 0.30, 3);
    }

    /** These options with other noise settings. */
    public Options withNoise(double noiseSimilarity, int minThemeSize) {
      return new Options(
          clustering, tracking, quotes, lambda, keywords, requestSimilarity, requestGroupSimilarity, noiseSimilarity,
          minThemeSize);
    }
  }

  /**
   * What a run stored.
   *
   * @param themes the week's themes, largest first, ties by id
   * @param vanished ids of the previous week's themes with no match
   * @param answers commented answers of the week (themed plus unclustered)
   * @param embedded answers whose vector was computed in this run (the others were stored)
   * @param requestAnswers answers detected as feature requests
   * @param newRequests feature requests created
   * @param unclustered ids of the answers put in the unclustered bucket, ascending
   */
  public record Result(
      long seriesId,
      WeekId week,
      List<ThemeWeek> themes,
      List<Long> vanished,
      int answers,
      int embedded,
      int requestAnswers,
      int newRequests,
      List<Long> unclustered) {
    /** Copies the lists. */
    public Result {
      themes = List.copyOf(themes);
      vanished = List.copyOf(vanished);
      unclustered = List.copyOf(unclustered);
    }
  }

  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final SurveyRepository SURVEYS = new SurveyRepository();
  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final FeatureRequestRepository REQUESTS = new FeatureRequestRepository();
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
   * Runs one week of series {@code seriesId}. Runs of one series wait for each other in this process
   * (a re-run keeps ids read at its start, and requests span the series' weeks).
   *
   * @throws NotFoundException when the series does not exist
   * @throws ConflictException when another process changed the series' themes or requests during
   *     the run so that ids it keeps are gone (nothing is stored; running again succeeds)
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
    synchronized (SERIES_LOCKS.computeIfAbsent(seriesId, k -> new Object())) {
      return runLocked(db, seriesId, week, embedder, labeler, options, clock, progress);
    }
  }

  private static Result runLocked(
      Database db,
      long seriesId,
      WeekId week,
      TextEmbedder embedder,
      ThemeLabeler labeler,
      Options options,
      Clock clock,
      Progress progress) {
    Objects.requireNonNull(week, "week");
    Loaded in = db.read(c -> {
      if (SURVEYS.find(c, seriesId).filter(s -> s.seriesId() == seriesId).isEmpty()) {
        throw new NotFoundException("surveyId", "No survey with id " + seriesId);
      }
      List<Answer> answers = ANSWERS.listCommentedInSeries(c, seriesId, week);
      List<Long> ids = answers.stream().map(Answer::id).toList();
      Map<Long, float[]> stored = THEMES.embeddings(c, ids, embedder.model());
      Optional<WeekId> previousWeek = THEMES.previousWeek(c, seriesId, week);
      List<ThemeWeek> previous = previousWeek.isPresent() ? THEMES.weekThemes(c, seriesId, previousWeek.get()) : List.of();
      // What an earlier run of this same week stored, read before the store step replaces it.
      List<ThemeWeek> earlierRun = THEMES.weekThemes(c, seriesId, week);
      Set<Long> thisWeek = new HashSet<>(ids);
      Map<Long, List<Long>> requestAnswers = REQUESTS.answerIdsByRequest(c, seriesId);
      Map<Long, Long> earlierRequestOf = new HashMap<>();
      Set<Long> requestsOfOtherWeeks = new HashSet<>();
      requestAnswers.forEach((request, members) -> {
        for (long a : members) {
          if (thisWeek.contains(a)) {
            earlierRequestOf.put(a, request);
          } else {
            requestsOfOtherWeeks.add(request);
          }
        }
      });
      Set<Long> requestMembers = new HashSet<>();
      requestAnswers.values().forEach(requestMembers::addAll);
      Map<Long, float[]> requestVectors = THEMES.embeddings(c, requestMembers, embedder.model());
      return new Loaded(
          answers, stored, previous, earlierRun, requestAnswers, requestVectors, earlierRequestOf, requestsOfOtherWeeks);
    });
    int n = in.answers.size();

    // Embed only what has no stored vector.
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!in.stored.containsKey(in.answers.get(i).id())) {
        missing.add(i);
      }
    }
    progress.update("embed", 0, missing.size());
    float[][] vectors = new float[n][];
    Map<Long, float[]> fresh = new LinkedHashMap<>();
    if (!missing.isEmpty()) {
      float[][] computed = embedder.embed(missing.stream().map(i -> in.answers.get(i).comment()).toList());
      for (int m = 0; m < missing.size(); m++) {
        fresh.put(in.answers.get(missing.get(m)).id(), computed[m]);
      }
    }
    progress.update("embed", missing.size(), missing.size());
    for (int i = 0; i < n; i++) {
      long id = in.answers.get(i).id();
      float[] v = in.stored.containsKey(id) ? in.stored.get(id) : fresh.get(id);
      vectors[i] = ThemeGeometry.unit(v);
    }

    // Cluster, label, summarise.
    progress.update("cluster", 0, n);
    List<Draft> drafts = new ArrayList<>();
    int[] assignments = new int[n];
    int[] subAssignments = null;
    if (n > 0) {
      ThemeClustering clustering = ThemeClustering.fit(vectors, options.clustering());
      subAssignments = clustering.hasSubThemes() ? clustering.subAssignments() : null;
      // Noise: -1 marks an unclustered answer; kept themes are renumbered 0..k-1 in cluster order.
      int[] themeOf = ThemeGeometry.withoutNoise(vectors, clustering.assignments(), clustering.k(), options);
      assignments = themeOf;
      int k = 0;
      for (int a : themeOf) {
        k = Math.max(k, a + 1);
      }
      List<Integer> kept = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (themeOf[i] >= 0) {
          kept.add(i);
        }
      }
      List<String> texts = kept.stream().map(i -> in.answers.get(i).comment()).toList();
      int[] keptAssignments = kept.stream().mapToInt(i -> themeOf[i]).toArray();
      progress.update("label", 0, k);
      List<String> labels = k == 0 ? List.of() : labeler.labels(texts, keptAssignments, k);
      progress.update("label", k, k);
      List<List<String>> keywords =
          k == 0
              ? List.of()
              : ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS).keywords(texts, keptAssignments, k, options.keywords());
      for (int t = 0; t < k; t++) {
        int theme = t;
        int[] members = kept.stream().filter(i -> themeOf[i] == theme).mapToInt(Integer::intValue).toArray();
        float[] centroid = ThemeGeometry.centroid(vectors, members);
        drafts.add(new Draft(t, members, centroid, labels.get(t), keywords.get(t), ThemeGeometry.quotes(vectors, members, centroid, options, in.answers)));
      }
    }
    List<Integer> noise = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (assignments[i] < 0) {
        noise.add(i);
      }
    }
    progress.update("cluster", n, n);

    List<ThemeTracker.PreviousTheme> previous = tracked(in.previous);
    List<ThemeTracker.PreviousTheme> earlierRun = tracked(in.earlierRun);
    List<ThemeTracker.Cluster> clusters = new ArrayList<>();
    for (Draft d : drafts) {
      clusters.add(new ThemeTracker.Cluster(d.centroid, d.members.length, n));
    }
    // A re-run keeps the ids of the earlier run's themes it matches, so links to them stay valid.
    ThemeTracker tracking = ThemeTracker.retrack(earlierRun, previous, clusters, options.tracking());

    // Feature requests.
    progress.update("requests", 0, n);
    WeeklyRequests.Plan requests =
        WeeklyRequests.plan(
            in.answers, vectors, in.requestAnswers, in.requestVectors, in.earlierRequestOf, in.requestsOfOtherWeeks,
            options.requestSimilarity(), options.requestGroupSimilarity(), labeler);
    Map<Integer, Long> toExisting = requests.toExisting();
    List<List<Integer>> groups = requests.groups();
    Long[] keptRequest = requests.kept();
    List<String> groupLabels = requests.labels();
    progress.update("requests", n, n);

    // Store in one transaction, replacing an earlier run of the week.
    progress.update("store", 0, 1);
    Instant now = clock.instant();
    final int[] assigned = assignments;
    final int[] subs = subAssignments;
    List<ThemeWeek> stored = db.write(c -> {
      // The ids this run keeps were read before the (long) embedding and clustering; a run in another
      // process may have deleted some since. Refuse rather than point rows at missing themes or requests.
      Set<Long> keptThemes = new HashSet<>();
      tracking.clusters().stream().filter(ThemeTracker.Tracked::matched).forEach(t -> keptThemes.add(t.themeId()));
      Set<Long> usedRequests = new HashSet<>(toExisting.values());
      for (Long r : keptRequest) {
        if (r != null) {
          usedRequests.add(r);
        }
      }
      Set<Long> requestIds = new HashSet<>();
      REQUESTS.list(c, seriesId).forEach(r -> requestIds.add(r.id()));
      if (!THEMES.themeIds(c, seriesId).containsAll(keptThemes) || !requestIds.containsAll(usedRequests)) {
        throw new ConflictException(
            "week",
            "Week " + week + " of series " + seriesId + " was changed by another run meanwhile; run it again");
      }
      THEMES.deleteWeek(c, seriesId, week);
      REQUESTS.unassignWeek(c, seriesId, week);
      for (Map.Entry<Long, float[]> e : fresh.entrySet()) {
        THEMES.saveEmbedding(c, e.getKey(), embedder.model(), e.getValue());
      }
      List<ThemeWeek> out = new ArrayList<>();
      long[] themeIds = new long[drafts.size()];
      for (ThemeTracker.Tracked t : tracking.clusters()) {
        Draft d = drafts.get(t.cluster());
        long id = t.matched() ? t.themeId() : THEMES.insertTheme(c, seriesId, week, d.label, now);
        themeIds[t.cluster()] = id;
        ThemeWeek tw = summary(id, week, d, n, in.answers, t);
        THEMES.insertThemeWeek(c, tw);
        out.add(tw);
      }
      for (int i = 0; i < n; i++) {
        if (assigned[i] >= 0) {
          THEMES.assign(c, in.answers.get(i).id(), week, themeIds[assigned[i]], subs == null ? null : subs[i]);
        } else {
          THEMES.assignUnclustered(c, in.answers.get(i).id(), seriesId, week);
        }
      }
      for (Map.Entry<Integer, Long> e : toExisting.entrySet()) {
        REQUESTS.assign(c, in.answers.get(e.getKey()).id(), e.getValue());
      }
      for (int g = 0; g < groups.size(); g++) {
        long request = keptRequest[g] != null ? keptRequest[g] : REQUESTS.insert(c, seriesId, groupLabels.get(g), now);
        for (int i : groups.get(g)) {
          REQUESTS.assign(c, in.answers.get(i).id(), request);
        }
      }
      // Only now, after every id the run keeps has its rows again, drop what the earlier run of the
      // week created and this one did not keep.
      THEMES.deleteUnusedThemes(c, seriesId, week);
      REQUESTS.deleteEmptyNew(c, seriesId);
      return out;
    });
    progress.update("store", 1, 1);
    List<ThemeWeek> sorted = new ArrayList<>(stored);
    sorted.sort(Comparator.comparingInt(ThemeWeek::size).reversed().thenComparingLong(ThemeWeek::themeId));
    List<Long> unclustered = noise.stream().map(i -> in.answers.get(i).id()).sorted().toList();
    int created = 0;
    for (Long kept : keptRequest) {
      created += kept == null ? 1 : 0;
    }
    return new Result(
        seriesId, week, sorted, tracking.vanished(), n, fresh.size(), requests.detected(), created, unclustered);
  }

  private static List<ThemeTracker.PreviousTheme> tracked(List<ThemeWeek> stored) {
    return stored.stream()
        .map(p -> new ThemeTracker.PreviousTheme(p.themeId(), p.centroid(), p.size(), p.answersTotal()))
        .toList();
  }

  private static ThemeWeek summary(long id, WeekId week, Draft d, int total, List<Answer> answers, ThemeTracker.Tracked t) {
    int size = d.members.length;
    double mean = 0;
    for (int m : d.members) {
      mean += answers.get(m).score();
    }
    mean /= size;
    double ss = 0;
    for (int m : d.members) {
      double dev = answers.get(m).score() - mean;
      ss += dev * dev;
    }
    Interval interval = size < 2 ? null : ScoreStatistics.meanInterval(mean, Math.sqrt(ss / (size - 1)), size);
    return new ThemeWeek(
        id, week, size, total, d.label, d.keywords, d.quotes, mean, interval, null, t.trend(), t.pValue(), d.centroid);
  }

  private record Loaded(
      List<Answer> answers,
      Map<Long, float[]> stored,
      List<ThemeWeek> previous,
      List<ThemeWeek> earlierRun,
      Map<Long, List<Long>> requestAnswers,
      Map<Long, float[]> requestVectors,
      Map<Long, Long> earlierRequestOf,
      Set<Long> requestsOfOtherWeeks) {}

  private record Draft(int theme, int[] members, float[] centroid, String label, List<String> keywords, List<Long> quotes) {}
}
