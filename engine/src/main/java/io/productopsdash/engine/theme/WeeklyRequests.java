package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.engine.request.FeatureRequestDetector;
import io.productopsdash.engine.request.RequestDetection;
import io.productopsdash.engine.request.RequestPhrase;
import io.productopsdash.models.Answer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The feature-request step of a {@link WeeklyThemeRun}, computed before anything is stored: which
 * of the week's answers ask for something, which join an existing request of the series (cosine
 * to its centroid at least the join threshold), how the rest group into new requests ({@link
 * RequestGrouping}), which earlier request of this same week a new group keeps on a re-run, and
 * the labels of the groups that are really new.
 */
final class WeeklyRequests {
  /**
   * What the run stores.
   *
   * @param detected how many of the week's answers ask for something
   * @param toExisting answer index to the existing request it joins
   * @param groups answer indices of each new group
   * @param kept per group, the earlier request of this week it keeps (its id and status), or null
   * @param labels per group, the label of a new request, null where {@code kept} is set
   */
  record Plan(int detected, Map<Integer, Long> toExisting, List<List<Integer>> groups, Long[] kept, List<String> labels) {}

  /** What {@link #run} stored: answers detected as asks and requests created. */
  record Result(int detected, int created) {}

  private static final io.productopsdash.data.FeatureRequestRepository REQUESTS =
      new io.productopsdash.data.FeatureRequestRepository();
  private static final io.productopsdash.data.ThemeRepository THEMES = new io.productopsdash.data.ThemeRepository();

  private WeeklyRequests() {}

  /**
   * Detects, groups and stores the feature requests of {@code answers} (the week's commented
   * answers of series {@code seriesId}, all with a stored vector of the embedder's model), in one
   * transaction of its own.
   *
   * @throws io.productopsdash.models.ConflictException when a request this run keeps was deleted
   *     meanwhile (nothing stored)
   */
  static Result run(
      io.productopsdash.data.Database db,
      long seriesId,
      io.productopsdash.models.WeekId week,
      List<Answer> answers,
      TextEmbedder embedder,
      java.time.Instant now) {
    Set<Long> thisWeek = new HashSet<>();
    answers.forEach(a -> thisWeek.add(a.id()));
    record Loaded(
        Map<Long, List<Long>> requestAnswers,
        Map<Long, float[]> requestVectors,
        Map<Long, float[]> weekVectors,
        Map<Long, Long> earlierRequestOf,
        Set<Long> requestsOfOtherWeeks) {}
    Loaded in = db.read(c -> {
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
      return new Loaded(
          requestAnswers, THEMES.embeddings(c, requestMembers, embedder.model()),
          THEMES.embeddings(c, thisWeek, embedder.model()), earlierRequestOf, requestsOfOtherWeeks);
    });
    float[][] vectors = new float[answers.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = ThemeGeometry.unit(in.weekVectors().get(answers.get(i).id()));
    }
    Plan plan =
        plan(
            answers, vectors, in.requestAnswers(), in.requestVectors(), in.earlierRequestOf(), in.requestsOfOtherWeeks(),
            REQUEST_SIMILARITY, GROUP_SIMILARITY,
            io.productopsdash.engine.cluster.ClassTfIdfLabeler.of(io.productopsdash.engine.cluster.ClassTfIdfLabeler.DEFAULT_TERMS));
    int created = 0;
    for (Long kept : plan.kept()) {
      created += kept == null ? 1 : 0;
    }
    db.write(c -> {
      Set<Long> used = new HashSet<>(plan.toExisting().values());
      for (Long r : plan.kept()) {
        if (r != null) {
          used.add(r);
        }
      }
      Set<Long> requestIds = new HashSet<>();
      REQUESTS.list(c, seriesId).forEach(r -> requestIds.add(r.id()));
      if (!requestIds.containsAll(used)) {
        throw new io.productopsdash.models.ConflictException(
            "week", "Week " + week + " of series " + seriesId + " was changed by another run meanwhile; run it again");
      }
      REQUESTS.unassignWeek(c, seriesId, week);
      for (Map.Entry<Integer, Long> e : plan.toExisting().entrySet()) {
        REQUESTS.assign(c, answers.get(e.getKey()).id(), e.getValue());
      }
      for (int g = 0; g < plan.groups().size(); g++) {
        long request = plan.kept()[g] != null ? plan.kept()[g] : REQUESTS.insert(c, seriesId, plan.labels().get(g), now);
        for (int i : plan.groups().get(g)) {
          REQUESTS.assign(c, answers.get(i).id(), request);
        }
      }
      REQUESTS.deleteEmptyNew(c, seriesId);
      return null;
    });
    return new Result(plan.detected(), created);
  }

  /** Cosine to an existing request's centroid that joins a new ask to it (0.6). */
  static final double REQUEST_SIMILARITY = 0.6;

  /**
   * New asks are grouped while the mean cosine between two groups' members is above this (0.45):
   * on Banking77 questions standing in for a week's requests (12 asks with 1 to 15 answers each, 40
   * draws; {@code bench/request-grouping.sh}) it was chosen on the train split and gives ARI 0.704
   * and 13.0 groups on the test split, against 0.645 and 21.4 for a greedy leader clustering.
   */
  static final double GROUP_SIMILARITY = 0.45;

  /**
   * Plans the week's requests.
   *
   * @param answers the week's commented answers, indexed as {@code vectors}
   * @param requestAnswers every request of the series with answers: their answer ids (this week's
   *     earlier members too, so a re-run gives them back)
   * @param requestVectors the vectors of those answers
   * @param earlierRequestOf answer id to the request an earlier run of this week gave it
   * @param requestsOfOtherWeeks requests that have answers in other weeks
   */
  static Plan plan(
      List<Answer> answers,
      float[][] vectors,
      Map<Long, List<Long>> requestAnswers,
      Map<Long, float[]> requestVectors,
      Map<Long, Long> earlierRequestOf,
      Set<Long> requestsOfOtherWeeks,
      double requestSimilarity,
      double groupSimilarity,
      ThemeLabeler labeler) {
    int n = answers.size();
    FeatureRequestDetector detector = FeatureRequestDetector.standard();
    List<Integer> detected = new ArrayList<>();
    Map<Integer, String> phrases = new HashMap<>();
    for (int i = 0; i < n; i++) {
      RequestDetection detection = detector.detect(answers.get(i).comment());
      if (detection.request()) {
        detected.add(i);
        RequestPhrase.of(detection).ifPresent(p -> phrases.put(detected.get(detected.size() - 1), p));
      }
    }
    Map<Integer, Long> toExisting = new HashMap<>();
    List<Integer> freshRequests = new ArrayList<>();
    Map<Long, float[]> existingCentroids = new LinkedHashMap<>();
    // Every request with answers is a candidate, including those an earlier run of this week created,
    // with a centroid over all its answers (this week's earlier members too), so that a re-run gives
    // the same answers back to the same request, keeping its id and the status a PM set.
    requestAnswers.forEach((request, members) -> {
      List<float[]> vs = members.stream().map(requestVectors::get).filter(Objects::nonNull).map(ThemeGeometry::unit).toList();
      if (!vs.isEmpty()) {
        existingCentroids.put(request, ThemeGeometry.unit(ThemeGeometry.sum(vs)));
      }
    });
    for (int i : detected) {
      long best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (Map.Entry<Long, float[]> e : existingCentroids.entrySet()) {
        double s = ThemeGeometry.cosine(vectors[i], e.getValue());
        if (s > bestSim) {
          bestSim = s;
          best = e.getKey();
        }
      }
      if (best >= 0 && bestSim >= requestSimilarity) {
        toExisting.put(i, best);
        continue;
      }
      freshRequests.add(i);
    }
    float[][] freshVectors = new float[freshRequests.size()][];
    for (int r = 0; r < freshVectors.length; r++) {
      freshVectors[r] = vectors[freshRequests.get(r)];
    }
    RequestGrouping grouping = RequestGrouping.fit(freshVectors, groupSimilarity);
    List<List<Integer>> groups = new ArrayList<>();
    for (int g = 0; g < grouping.size(); g++) {
      List<Integer> members = new ArrayList<>();
      for (int r : grouping.members(g)) {
        members.add(freshRequests.get(r));
      }
      groups.add(members);
    }
    Long[] keptRequest = keptRequests(groups, toExisting, answers, earlierRequestOf, requestsOfOtherWeeks);
    List<String> groupLabels = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      groupLabels.add(keptRequest[g] != null ? null : label(groups.get(g), phrases, answers, labeler));
    }
    return new Plan(detected.size(), toExisting, groups, keptRequest, groupLabels);
  }

  /**
   * For each new group of request answers, the id of a request of an earlier run of this week that it
   * keeps, or null. Such a request had answers only in this week and none of them joined it again
   * (else it is an existing request and keeps its id that way): it would be left empty, so it goes to
   * the group holding most of its earlier answers, one group per request and one request per group,
   * pairs taken by that count (descending), then request id, then group, so the status a PM gave it
   * survives a re-run in which its answers split or drifted.
   */
  private static Long[] keptRequests(
      List<List<Integer>> groups,
      Map<Integer, Long> toExisting,
      List<Answer> answers,
      Map<Long, Long> earlierRequestOf,
      Set<Long> requestsOfOtherWeeks) {
    Set<Long> joined = new HashSet<>(toExisting.values());
    Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (int i : groups.get(g)) {
        Long request = earlierRequestOf.get(answers.get(i).id());
        if (request != null && !joined.contains(request) && !requestsOfOtherWeeks.contains(request)) {
          counts.computeIfAbsent(request, r -> new HashMap<>()).merge(g, 1, Integer::sum);
        }
      }
    }
    List<long[]> pairs = new ArrayList<>();
    counts.forEach((request, byGroup) -> byGroup.forEach((g, count) -> pairs.add(new long[] {count, request, g})));
    pairs.sort(
        Comparator.comparingLong((long[] p) -> -p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2]));
    Long[] kept = new Long[groups.size()];
    Set<Long> used = new HashSet<>();
    for (long[] p : pairs) {
      int g = (int) p[2];
      if (kept[g] == null && used.add(p[1])) {
        kept[g] = p[1];
      }
    }
    return kept;
  }

  /** The most frequent requested phrase of the group (ties: the earliest answer), else the labeller's. */
  private static String label(
      List<Integer> members, Map<Integer, String> phrases, List<Answer> answers, ThemeLabeler labeler) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i : members) {
      String p = phrases.get(i);
      if (p != null) {
        counts.merge(p, 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (best != null) {
      return best;
    }
    List<String> texts = members.stream().map(i -> answers.get(i).comment()).toList();
    return labeler.labels(texts, new int[texts.size()], 1).get(0);
  }
}
