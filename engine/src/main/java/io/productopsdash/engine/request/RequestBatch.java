package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Feature requests of a batch of answers, grouped one group per ask: each answer is detected
 * ({@link FeatureRequestDetector}), cut into its asks ({@link RequestAsks}), each ask into terms
 * ({@link AskTerms}) and a phrase embedding; an ask joins the existing group it is most similar
 * to ({@link AskSimilarity}, mean over the members the group was made of) when that reaches the
 * threshold, and the rest are grouped by {@link AverageLinkage} at the same threshold and named
 * ({@link RequestNamer}). A group whose asks all name entities of one family (Ledger, Trezor:
 * hardware wallets) sits under the family's group when people ask for the family itself or for
 * two or more of its members. Pure computation: the caller loads and stores.
 */
public final class RequestBatch {
  /** Neighbours that vote on where an ask the linkage left alone belongs. */
  static final int KNN = 3;

  /** The ask similarity from which an answer's nearest grouped answer and its most similar group, agreeing, attach it. */
  static final double AGREE = 0.25;

  /** The most members of an existing group compared with a new ask (the latest ones). */
  public static final int MAX_COMPARED = 40;

  /**
   * Batch options.
   *
   * @param threshold the similarity from which an ask joins a group and two groups merge, in
   *     (0, 1]
   * @param attach the lower similarity from which an ask the linkage left alone joins a group
   */
  public record Options(double threshold, double attach) {
    public Options {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("Invalid request threshold: " + threshold + " (0 to 1]");
      }
      if (!(attach > 0 && attach <= 1)) {
        throw new IllegalArgumentException("Invalid request attach threshold: " + attach + " (0 to 1]");
      }
    }

    /** 0.45 and 0.45, chosen on the wallet corpus (docs/benchmarks.md). */
    public static Options defaults() {
      return new Options(0.45, 0.45);
    }
  }

  /** An answer of the batch. */
  public record Input(long answerId, String text) {
    public Input {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * One ask of one answer.
   *
   * @param answerId its answer
   * @param phrase the ask in English
   * @param terms its terms
   * @param vector its phrase embedding, unit length
   * @param language the answer's language
   * @param context the embedding of the whole answer's English text, unit length
   */
  public record Ask(
      long answerId, String phrase, List<AskTerms.Term> terms, float[] vector, RequestLanguage language, float[] context) {
    public Ask {
      terms = List.copyOf(terms);
    }

    AskSimilarity.Ask comparable() {
      return new AskSimilarity.Ask(terms, vector);
    }
  }

  /**
   * A group that exists already, as the asks it was made of.
   *
   * @param id the group's id
   * @param key its dominant term (for families), or null
   * @param members member asks of one origin each: a merged group has one list per group merged
   *     into it
   */
  public record Existing(long id, String key, List<List<AskSimilarity.Ask>> members) {
    public Existing {
      members = List.copyOf(members);
    }
  }

  /**
   * A new group.
   *
   * @param name its name, unique in the series
   * @param key its dominant head term
   * @param asks its asks
   * @param parent index of its parent among the new groups, -1 for none; see {@code existingParent}
   * @param existingParent id of an existing group that is its parent, or null
   */
  public record Group(String name, String key, List<Ask> asks, int parent, Long existingParent) {
    public Group {
      asks = List.copyOf(asks);
    }

    /** The distinct answers of the group. */
    public List<Long> answers() {
      return asks.stream().map(Ask::answerId).distinct().toList();
    }
  }

  private final int detected;
  private final List<Group> groups;
  private final Map<Ask, Long> joined;
  private final Map<Long, RequestDetection> detections;
  private final TermWeights weights;

  private RequestBatch(
      int detected, List<Group> groups, Map<Ask, Long> joined, Map<Long, RequestDetection> detections, TermWeights weights) {
    this.detected = detected;
    this.groups = groups;
    this.joined = joined;
    this.detections = detections;
    this.weights = weights;
  }

  /** A batch with no existing groups (a corpus, a first week). */
  public static RequestBatch of(List<Input> answers, Function<List<String>, float[][]> embedder, Options options) {
    return of(answers, List.of(), Set.of(), null, embedder, options);
  }

  /**
   * Detects, joins and groups the asks of {@code answers}.
   *
   * @param existing the series' groups new asks may join
   * @param takenNames names already used in the series (lower case), not given again
   * @param weights term weights, or null to compute them from the answers themselves
   * @param embedder phrases to vectors (any length, normalised here)
   */
  public static RequestBatch of(
      List<Input> answers,
      List<Existing> existing,
      Set<String> takenNames,
      TermWeights weights,
      Function<List<String>, float[][]> embedder,
      Options options) {
    return of(answers, existing, Map.of(), takenNames, weights, embedder, options);
  }

  /**
   * As {@link #of(List, List, Set, TermWeights, Function, Options)}, with the groups an earlier run
   * put these answers' asks in: an ask found again (same answer, same phrase) goes back to its
   * group, so re-running a week gives the same groups.
   *
   * @param earlier {@link #askKey} of an ask to the group an earlier run put it in
   */
  public static RequestBatch of(
      List<Input> answers,
      List<Existing> existing,
      Map<String, Long> earlier,
      Set<String> takenNames,
      TermWeights weights,
      Function<List<String>, float[][]> embedder,
      Options options) {
    Objects.requireNonNull(options, "options");
    FeatureRequestDetector detector = FeatureRequestDetector.standard();
    List<String> english = new ArrayList<>();
    List<Ask> asks = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    Map<Long, RequestDetection> detections = new LinkedHashMap<>();
    int detected = 0;
    for (Input in : answers) {
      RequestDetection d = detector.detect(in.text());
      english.add(d.english());
      if (!d.request()) {
        continue;
      }
      detected++;
      detections.put(in.answerId(), d);
      for (String phrase : RequestAsks.of(d)) {
        List<AskTerms.Term> terms = AskTerms.of(phrase);
        phrases.add(AskTerms.embeddingText(terms, phrase));
        asks.add(new Ask(in.answerId(), phrase, terms, null, d.language(), null));
      }
    }
    TermWeights w = weights != null ? weights : TermWeights.of(english);
    List<String> contexts = new ArrayList<>();
    for (Ask a : asks) {
      contexts.add(detections.get(a.answerId()).english());
    }
    List<String> all = new ArrayList<>(phrases);
    all.addAll(contexts);
    float[][] vectors = all.isEmpty() ? new float[0][] : embedder.apply(all);
    for (int i = 0; i < asks.size(); i++) {
      Ask a = asks.get(i);
      asks.set(i, new Ask(a.answerId(), a.phrase(), a.terms(), unit(vectors[i]), a.language(), unit(vectors[asks.size() + i])));
    }

    // Join existing groups: the mean similarity to the members of one origin of the group.
    Map<Ask, Long> joined = new LinkedHashMap<>();
    List<Ask> fresh = new ArrayList<>();
    for (Ask a : asks) {
      Long before = earlier.get(askKey(a.answerId(), a.phrase()));
      if (before != null) {
        joined.put(a, before);
        continue;
      }
      long best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (Existing e : existing) {
        for (List<AskSimilarity.Ask> origin : e.members()) {
          List<AskSimilarity.Ask> compared =
              origin.size() > MAX_COMPARED ? origin.subList(origin.size() - MAX_COMPARED, origin.size()) : origin;
          if (compared.isEmpty()) {
            continue;
          }
          double sum = 0;
          for (AskSimilarity.Ask m : compared) {
            sum += AskSimilarity.of(a.comparable(), m, w);
          }
          double mean = sum / compared.size();
          if (mean > bestSim || (mean == bestSim && e.id() < best)) {
            bestSim = mean;
            best = e.id();
          }
        }
      }
      if (best >= 0 && bestSim >= options.threshold()) {
        joined.put(a, best);
      } else {
        fresh.add(a);
      }
    }

    // Group the rest.
    int n = fresh.size();
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      s[i][i] = 1;
      for (int j = 0; j < i; j++) {
        double v = AskSimilarity.of(fresh.get(i).comparable(), fresh.get(j).comparable(), w);
        s[i][j] = v;
        s[j][i] = v;
      }
    }
    double[][] context = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0;
        float[] x = fresh.get(i).context();
        float[] y = fresh.get(j).context();
        for (int t = 0; t < x.length; t++) {
          dot += x[t] * y[t];
        }
        context[i][j] = dot;
      }
    }
    List<int[]> clusters = attachSingles(AverageLinkage.groups(s, options.threshold()), context, s, options.attach());
    // A new group that is, on average, like an existing group joins it whole (its asks one by one
    // may each fall short: a few asks worded unlike the rest).
    List<int[]> kept = new ArrayList<>();
    for (int[] c : clusters) {
      long best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (Existing e : existing) {
        for (List<AskSimilarity.Ask> origin : e.members()) {
          List<AskSimilarity.Ask> compared =
              origin.size() > MAX_COMPARED ? origin.subList(origin.size() - MAX_COMPARED, origin.size()) : origin;
          if (compared.isEmpty()) {
            continue;
          }
          double sum = 0;
          for (int i : c) {
            for (AskSimilarity.Ask m : compared) {
              sum += AskSimilarity.of(fresh.get(i).comparable(), m, w);
            }
          }
          double mean = sum / (c.length * (double) compared.size());
          if (mean > bestSim || (mean == bestSim && e.id() < best)) {
            bestSim = mean;
            best = e.id();
          }
        }
      }
      if (best >= 0 && bestSim >= options.threshold()) {
        for (int i : c) {
          joined.put(fresh.get(i), best);
        }
      } else {
        kept.add(c);
      }
    }
    clusters = kept;
    Set<String> taken = new HashSet<>(takenNames);
    List<Group> groups = new ArrayList<>();
    for (int[] c : clusters) {
      List<Ask> members = new ArrayList<>();
      List<String> ps = new ArrayList<>();
      List<List<AskTerms.Term>> ts = new ArrayList<>();
      List<Boolean> inEnglish = new ArrayList<>();
      double[][] sub = new double[c.length][c.length];
      for (int x = 0; x < c.length; x++) {
        members.add(fresh.get(c[x]));
        ps.add(fresh.get(c[x]).phrase());
        ts.add(fresh.get(c[x]).terms());
        inEnglish.add(fresh.get(c[x]).language() == RequestLanguage.ENGLISH);
        for (int y = 0; y < c.length; y++) {
          sub[x][y] = s[c[x]][c[y]];
        }
      }
      String name = RequestNamer.name(ps, sub, ts, inEnglish, taken);
      groups.add(new Group(name, dominant(members), members, -1, null));
    }
    groups = withFamilies(groups, existing, taken);
    return new RequestBatch(detected, List.copyOf(groups), joined, detections, w);
  }

  /**
   * A name for a group made of {@code asks} (an existing group that grew), not one of {@code taken}
   * (lower case), under this batch's term weights.
   */
  public String name(List<Ask> asks, Set<String> taken) {
    int n = asks.size();
    double[][] sim = new double[n][n];
    List<String> phrases = new ArrayList<>();
    List<List<AskTerms.Term>> terms = new ArrayList<>();
    List<Boolean> english = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      phrases.add(asks.get(i).phrase());
      terms.add(asks.get(i).terms());
      english.add(asks.get(i).language() == RequestLanguage.ENGLISH);
      for (int j = 0; j < n; j++) {
        sim[i][j] = i == j ? 1 : AskSimilarity.of(asks.get(i).comparable(), asks.get(j).comparable(), weights);
      }
    }
    return RequestNamer.name(phrases, sim, terms, english, new HashSet<>(taken));
  }

  /**
   * An ask left alone by the linkage (worded unlike the rest of its ask: "schedule a buy every
   * Friday") joins the group of two or more asks it is most similar to on average, when that
   * reaches {@code attach}: the embedding supports the terms where they found nothing in common.
   */
  static List<int[]> attachSingles(List<int[]> clusters, double[][] s, double[][] asks, double attach) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int[] c : clusters) {
      List<Integer> g = new ArrayList<>();
      for (int i : c) {
        g.add(i);
      }
      groups.add(g);
    }
    List<Integer> singles = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).size() == 1) {
        singles.add(g);
      }
    }
    Set<Integer> removed = new HashSet<>();
    int[] groupOf = new int[s.length];
    java.util.Arrays.fill(groupOf, -1);
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).size() >= 2) {
        for (int i : groups.get(g)) {
          groupOf[i] = g;
        }
      }
    }
    for (int g : singles) {
      int item = groups.get(g).get(0);
      // The KNN nearest grouped answers vote; two of three must agree.
      List<Integer> nearest = new ArrayList<>();
      for (int j = 0; j < s.length; j++) {
        if (groupOf[j] >= 0) {
          nearest.add(j);
        }
      }
      nearest.sort((x, y) -> Double.compare(s[item][y], s[item][x]));
      Map<Integer, Integer> votes = new HashMap<>();
      Map<Integer, Double> sims = new HashMap<>();
      for (int k = 0; k < Math.min(KNN, nearest.size()); k++) {
        int j = nearest.get(k);
        votes.merge(groupOf[j], 1, Integer::sum);
        sims.merge(groupOf[j], s[item][j], Double::sum);
      }
      boolean attached = false;
      for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
        if (v.getValue() >= 2 && sims.get(v.getKey()) / v.getValue() >= attach) {
          groups.get(v.getKey()).add(item);
          removed.add(g);
          attached = true;
          break;
        }
      }
      if (attached || nearest.isEmpty()) {
        continue;
      }
      // Else the answer's nearest grouped answer and the ask's most similar group must agree.
      int bestGroup = -1;
      double bestMean = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < groups.size(); h++) {
        if (groups.get(h).size() < 2 || removed.contains(h)) {
          continue;
        }
        double sum = 0;
        for (int j : groups.get(h)) {
          sum += asks[item][j];
        }
        double mean = sum / groups.get(h).size();
        if (mean > bestMean) {
          bestMean = mean;
          bestGroup = h;
        }
      }
      if (bestGroup >= 0 && bestGroup == groupOf[nearest.get(0)] && bestMean >= AGREE) {
        groups.get(bestGroup).add(item);
        removed.add(g);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (!removed.contains(g)) {
        out.add(groups.get(g).stream().mapToInt(Integer::intValue).sorted().toArray());
      }
    }
    return out;
  }

  /**
   * The term the group's asks name most: a head term counts 1, an argument ("with my Trezor") 0.5;
   * ties by term.
   */
  static String dominant(List<Ask> members) {
    Map<String, Double> counts = new HashMap<>();
    for (Ask a : members) {
      for (AskTerms.Term t : a.terms()) {
        counts.merge(t.term(), t.argument() ? 0.5 : 1.0, Double::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted((x, y) -> !x.getValue().equals(y.getValue()) ? Double.compare(y.getValue(), x.getValue()) : x.getKey().compareTo(y.getKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /**
   * The family of the group's dominant term when it is an entity of a family (Ledger: hardware
   * wallets) that at least half of the group's asks name, else null.
   */
  static String family(List<Ask> members) {
    String key = dominant(members);
    String family = key == null ? null : AskVocabulary.standard().term(key).filter(AskVocabulary.Entry::entity)
        .map(AskVocabulary.Entry::parent).orElse(null);
    if (family == null) {
      return null;
    }
    int naming = 0;
    for (Ask a : members) {
      if (a.terms().stream().anyMatch(t -> t.term().equals(key))) {
        naming++;
      }
    }
    return naming * 2 >= members.size() ? family : null;
  }

  private static List<Group> withFamilies(List<Group> groups, List<Existing> existing, Set<String> taken) {
    List<Group> out = new ArrayList<>(groups);
    Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
    for (int g = 0; g < out.size(); g++) {
      String f = family(out.get(g).asks());
      if (f != null) {
        byFamily.computeIfAbsent(f, k -> new ArrayList<>()).add(g);
      }
    }
    for (Map.Entry<String, List<Integer>> e : byFamily.entrySet()) {
      String f = e.getKey();
      Long existingParent = null;
      int parent = -1;
      for (Existing x : existing) {
        if (f.equals(x.key())) {
          existingParent = x.id();
          break;
        }
      }
      if (existingParent == null) {
        for (int g = 0; g < out.size(); g++) {
          if (f.equals(out.get(g).key()) && family(out.get(g).asks()) == null) {
            parent = g;
            break;
          }
        }
      }
      if (existingParent == null && parent < 0) {
        if (e.getValue().size() < 2) {
          continue;
        }
        String display = AskVocabulary.standard().term(f).map(AskVocabulary.Entry::display).orElse(f);
        out.add(new Group(RequestNamer.familyName(display, taken), f, List.of(), -1, null));
        parent = out.size() - 1;
      }
      for (int g : e.getValue()) {
        Group child = out.get(g);
        out.set(g, new Group(child.name(), child.key(), child.asks(), parent, existingParent));
      }
    }
    return out;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float f : v) {
      norm += (double) f * f;
    }
    float[] out = new float[v.length];
    double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * scale);
    }
    return out;
  }

  /** The key of an ask of an answer in {@code earlier}. */
  public static String askKey(long answerId, String phrase) {
    return answerId + "\u0000" + phrase;
  }

  /** How many answers ask for something. */
  public int detected() {
    return detected;
  }

  /** Each detected answer's detection, in input order. */
  public Map<Long, RequestDetection> detections() {
    return detections;
  }

  /** The new groups. */
  public List<Group> groups() {
    return groups;
  }

  /** Asks that joined an existing group, with its id. */
  public Map<Ask, Long> joined() {
    return joined;
  }

  /** The top-level new groups (parents, or themselves) of an answer, ascending. */
  public List<Integer> topGroupsOf(long answerId) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Ask a : groups.get(g).asks()) {
        if (a.answerId() == answerId) {
          int top = g;
          while (groups.get(top).parent() >= 0) {
            top = groups.get(top).parent();
          }
          out.add(top);
        }
      }
    }
    return List.copyOf(out);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
