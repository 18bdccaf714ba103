package io.productopsdash.engine.theme;

import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.TrackingMetrics;
import io.productopsdash.engine.embed.EmbeddingCache;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeTrend;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Development harness of the persistent themes (a command, not a test): runs {@link ThemeWeekStep}
 * week by week over labelled streams ({@code text,label,week}, e.g. from {@code
 * bench/make-theme-stream.py}) with the history kept in memory the way the weekly run stores it,
 * and prints the {@link TrackingMetrics}. Embeddings are cached under {@code
 * engine/target/bench-cache}. No CoreNLP and no database: seconds per stream, for choosing
 * settings. The numbers to report come from {@code productopsdash themes --week-column}, which runs
 * the product's pipeline.
 *
 * <p>Arguments: {@code --stream FILE[,FILE...]} and settings {@code key=value} (see {@link #options}).
 */
final class PersistentThemesLab {
  private PersistentThemesLab() {}

  record Stream(String name, List<String> labels, List<WeekId> weeks, float[][] x) {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(".");
    List<String> streams = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--stream" -> streams.addAll(List.of(args[++i].split(",")));
        case "--verbose" -> verbose = true;
        default -> {
          String[] kv = args[i].split("=", 2);
          settings.put(kv[0], kv[1]);
        }
      }
    }
    ThemeWeekStep.Options options = options(settings);
    ShareTrend.Options trendOptions = new ShareTrend.Options(
        Integer.parseInt(settings.getOrDefault("trend.weeks", "4")), 0.05, Integer.parseInt(settings.getOrDefault("trend.min", "5")));
    System.out.println("settings " + settings);
    if (settings.containsKey("path")) {
      for (String s : streams) {
        Stream st = read(root, Path.of(s));
        Map<String, Integer> ids = new HashMap<>();
        int[] truth = st.labels().stream().mapToInt(l -> ids.computeIfAbsent(l, k -> ids.size())).toArray();
        io.productopsdash.engine.cluster.TopLevelThemes.listen((cut, k, sil, labels) -> System.out.printf(Locale.ROOT,
            "%-14s cut %.3f k %4d silhouette %.4f NMI %.1f ARI %.1f%n", st.name(), cut, k, sil,
            100 * io.productopsdash.engine.cluster.ClusteringMetrics.nmi(truth, labels), 100 * io.productopsdash.engine.cluster.ClusteringMetrics.ari(truth, labels)));
        io.productopsdash.engine.cluster.ThemeClustering.fit(st.x(), clustering(settings.get("path")));
        io.productopsdash.engine.cluster.TopLevelThemes.listen(null);
      }
      return;
    }
    if (settings.containsKey("granularity")) {
      for (String s : streams) {
        granularity(read(root, Path.of(s)), settings.get("granularity"));
      }
      return;
    }
    for (String s : streams) {
      Stream stream = read(root, Path.of(s));
      long t0 = System.nanoTime();
      TrackingMetrics m = run(stream, options, trendOptions, verbose);
      int unclustered = m.weeks().stream().mapToInt(TrackingMetrics.Week::unclustered).sum();
      int total = m.weeks().stream().mapToInt(TrackingMetrics.Week::answers).sum();
      System.out.printf(Locale.ROOT, "%-14s %s weekly_ari=%.2f themes=%d one_week=%d new=%d unclustered=%.3f (%.1f s)%n", stream.name(), m.summaryLine(),
          m.weeklyAri(), m.themeIds(), m.oneWeekThemes(), m.newThemes(), (double) unclustered / total, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Clusters each week alone with variants of the graph method and prints NMI / ARI / k against the labels. */
  static void granularity(Stream s, String variants) {
    TreeMap<WeekId, List<Integer>> byWeek = new TreeMap<>();
    for (int i = 0; i < s.weeks().size(); i++) {
      byWeek.computeIfAbsent(s.weeks().get(i), w -> new ArrayList<>()).add(i);
    }
    for (String v : variants.split(";")) {
      double nmi = 0;
      double ari = 0;
      double k = 0;
      double classes = 0;
      for (List<Integer> rows : byWeek.values()) {
        float[][] x = rows.stream().map(i -> s.x()[i]).toArray(float[][]::new);
        Map<String, Integer> ids = new HashMap<>();
        int[] truth = rows.stream().mapToInt(i -> ids.computeIfAbsent(s.labels().get(i), l -> ids.size())).toArray();
        int[] pred;
        String[] p = v.split(",");
        if (p[0].equals("ward")) {
          pred = io.productopsdash.engine.cluster.ThemeClustering.fit(x, ClusteringOptions.defaults().withFixedK(ids.size())).assignments();
        } else {
          pred = io.productopsdash.engine.cluster.ThemeClustering.fit(x, clustering(v, x.length)).assignments();
        }
        nmi += io.productopsdash.engine.cluster.ClusteringMetrics.nmi(truth, pred);
        ari += io.productopsdash.engine.cluster.ClusteringMetrics.ari(truth, pred);
        k += java.util.Arrays.stream(pred).max().getAsInt() + 1;
        classes += ids.size();
      }
      int w = byWeek.size();
      System.out.printf(Locale.ROOT, "%-14s %-16s NMI %.1f ARI %.1f k %.1f (classes %.1f)%n", s.name(), v, 100 * nmi / w, 100 * ari / w, k / w, classes / w);
    }
  }

  /**
   * Clustering options from {@code neighbours,resolution,floor,mode}: floor {@code N} (absolute) or
   * {@code fF} (fraction of n); mode a combination of {@code top} and {@code prune}, or {@code no}.
   */
  static ClusteringOptions clustering(String spec) {
    return clustering(spec, 0);
  }

  /** As {@link #clustering(String)}; resolution {@code nN} means max(1, n / N) for {@code n} rows. */
  static ClusteringOptions clustering(String spec, int n) {
    String[] p = spec.split(",");
    if (p[1].startsWith("n")) {
      p[1] = String.valueOf(Math.max(1.0, n / Double.parseDouble(p[1].substring(1))));
    } else if (p[1].startsWith("i")) {
      String[] q = p[1].substring(1).split(":");
      p[1] = String.valueOf(Math.min(Double.parseDouble(q[1]), Math.max(1.0, Double.parseDouble(q[0]) / n)));
    }
    boolean fraction = p[2].startsWith("f");
    return ClusteringOptions.defaults().toBuilder()
        .neighbours(Integer.parseInt(p[0]))
        .resolution(Double.parseDouble(p[1]))
        .minClusterFraction(fraction ? Double.parseDouble(p[2].substring(1)) : 0)
        .minClusterSize(fraction ? 1 : Integer.parseInt(p[2]))
        .topLevel(p[3].contains("top"))
        .modularityPruning(p[3].contains("prune"))
        .build();
  }

  static ThemeWeekStep.Options options(Map<String, String> s) {
    ThemeMemory.Options memory = new ThemeMemory.Options(
        Integer.parseInt(s.getOrDefault("memory.weeks", "8")), Integer.parseInt(s.getOrDefault("memory.cap", "200")),
        Integer.parseInt(s.getOrDefault("memory.pool", "4")));
    ExemplarVote.Options vote = new ExemplarVote.Options(
        Integer.parseInt(s.getOrDefault("vote.k", "5")), Double.parseDouble(s.getOrDefault("vote.majority", "0.5")),
        Integer.parseInt(s.getOrDefault("vote.closeness", "5")), Double.parseDouble(s.getOrDefault("vote.q", "0.0")),
        Double.parseDouble(s.getOrDefault("vote.margin", "1.0")), Double.parseDouble(s.getOrDefault("vote.ratio", "0.7")),
        Double.parseDouble(s.getOrDefault("vote.global", "0.7")), 0.5, 2);
    ClusteringOptions clustering = ClusteringOptions.defaults()
        .withModularityPruning(Boolean.parseBoolean(s.getOrDefault("cand.pruning", "true")))
        .withMinClusterFraction(Double.parseDouble(s.getOrDefault("cand.fraction", String.valueOf(1.0 / 200))));
    CandidateThemes.Options candidates = new CandidateThemes.Options(
        clustering, Double.parseDouble(s.getOrDefault("cand.noise", "0.30")), Double.parseDouble(s.getOrDefault("cand.relnoise", "0.5")),
        Integer.parseInt(s.getOrDefault("cand.min", "5")),
        Integer.parseInt(s.getOrDefault("cand.fresh", "2")));
    ThemeReview.Options review = new ThemeReview.Options(
        Boolean.parseBoolean(s.getOrDefault("review.merge", "true")), Boolean.parseBoolean(s.getOrDefault("review.split", "true")),
        Integer.parseInt(s.getOrDefault("review.k", "5")), Double.parseDouble(s.getOrDefault("review.merge.at", "0.4")),
        Double.parseDouble(s.getOrDefault("review.split.below", "0.2")), Double.parseDouble(s.getOrDefault("review.distinct", "0.5")),
        Double.parseDouble(s.getOrDefault("review.merge.sim", "0.85")),
        Integer.parseInt(s.getOrDefault("review.part", "8")), 3);
    return new ThemeWeekStep.Options(memory, vote, candidates, Double.parseDouble(s.getOrDefault("join", "0.75")), review);
  }

  static Stream read(Path root, Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<WeekId> weeks = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : format.parse(r)) {
        texts.add(rec.get("text"));
        labels.add(rec.get("label"));
        weeks.add(rec.isMapped("week") ? WeekId.parse(rec.get("week")) : new WeekId(2026, 1));
      }
    }
    String name = file.getFileName().toString().replace(".csv", "");
    float[][] x = EmbeddingCache.embeddings(texts, file, root.resolve("engine/target/bench-cache/stream-" + name + ".f32"));
    for (int i = 0; i < x.length; i++) {
      x[i] = ThemeGeometry.unit(x[i]);
    }
    return new Stream(name, labels, weeks, x);
  }

  static TrackingMetrics run(Stream s, ThemeWeekStep.Options options, ShareTrend.Options trendOptions, boolean verbose) {
    TreeMap<WeekId, List<Integer>> byWeek = new TreeMap<>();
    for (int i = 0; i < s.weeks().size(); i++) {
      byWeek.computeIfAbsent(s.weeks().get(i), w -> new ArrayList<>()).add(i);
    }
    List<ThemeMemory.Member> members = new ArrayList<>();
    List<ThemeMemory.Link> links = new ArrayList<>();
    List<ThemeMemory.Merge> merges = new ArrayList<>();
    List<ThemeMemory.Unclustered> unclustered = new ArrayList<>();
    Map<Long, float[]> vectors = new HashMap<>();
    for (int i = 0; i < s.x().length; i++) {
      vectors.put((long) i + 1, s.x()[i]);
    }
    long nextTheme = 1;
    // Per theme, per week: members; per week: answers.
    Map<Long, TreeMap<WeekId, Integer>> sizes = new HashMap<>();
    List<WeekId> weeksRun = new ArrayList<>();
    Map<WeekId, Integer> totals = new HashMap<>();
    List<TrackingMetrics.Answer> answers = new ArrayList<>();
    List<TrackingMetrics.ThemeWeek> themeWeeks = new ArrayList<>();
    for (Map.Entry<WeekId, List<Integer>> e : byWeek.entrySet()) {
      WeekId week = e.getKey();
      List<Integer> rows = e.getValue();
      long[] ids = rows.stream().mapToLong(i -> i + 1L).toArray();
      float[][] x = rows.stream().map(i -> s.x()[i]).toArray(float[][]::new);
      ThemeMemory memory = ThemeMemory.of(week, members, links, merges, unclustered, options.memory());
      ThemeWeekStep.Decision d = ThemeWeekStep.decide(week, ids, x, memory, vectors, options);
      Map<Long, Long> real = new HashMap<>();
      Map<Long, ThemeWeekStep.Origin> origin = new HashMap<>();
      for (ThemeWeekStep.Created c : d.created()) {
        real.put(c.placeholder(), nextTheme);
        origin.put(nextTheme, c.origin());
        nextTheme++;
      }
      long[] themeOf = d.themeOf();
      Map<Long, Integer> count = new HashMap<>();
      for (int r = 0; r < ids.length; r++) {
        long t = themeOf[r] < 0 ? real.get(themeOf[r]) : themeOf[r];
        if (t == ThemeWeekStep.UNCLUSTERED) {
          unclustered.add(new ThemeMemory.Unclustered(ids[r], week));
          answers.add(new TrackingMetrics.Answer(s.labels().get(rows.get(r)), week.toString(), null));
        } else {
          members.add(new ThemeMemory.Member(ids[r], week, t));
          count.merge(t, 1, Integer::sum);
          answers.add(new TrackingMetrics.Answer(s.labels().get(rows.get(r)), week.toString(), t));
        }
      }
      for (ThemeMemory.Link l : d.links()) {
        links.add(new ThemeMemory.Link(l.answer(), l.week(), l.theme() < 0 ? real.get(l.theme()) : l.theme(), l.decided()));
      }
      for (ThemeMemory.Merge m : d.merges()) {
        merges.add(m);
      }
      totals.put(week, ids.length);
      for (Map.Entry<Long, Integer> c : count.entrySet()) {
        long t = c.getKey();
        String flag;
        if (origin.containsKey(t)) {
          flag = origin.get(t).name();
        } else {
          List<ShareTrend.Count> recent = new ArrayList<>();
          for (WeekId w : weeksRun.subList(Math.max(0, weeksRun.size() - trendOptions.weeks()), weeksRun.size())) {
            recent.add(new ShareTrend.Count(sizes.getOrDefault(t, new TreeMap<>()).getOrDefault(w, 0), totals.get(w)));
          }
          ThemeTrend trend = ShareTrend.of(new ShareTrend.Count(c.getValue(), ids.length), recent, trendOptions).trend();
          flag = trend.name();
        }
        sizes.computeIfAbsent(t, k -> new TreeMap<>()).put(week, c.getValue());
        themeWeeks.add(new TrackingMetrics.ThemeWeek(t, week.toString(), flag, "theme " + t));
      }
      weeksRun.add(week);
      if (verbose) {
        // Majority label of each theme so far (from all members), to judge this week's decisions.
        Map<Long, Map<String, Integer>> labelsOf = new HashMap<>();
        for (ThemeMemory.Member m : members) {
          labelsOf.computeIfAbsent(m.theme(), k -> new HashMap<>()).merge(s.labels().get((int) m.answer() - 1), 1, Integer::sum);
        }
        Map<Long, String> major = new HashMap<>();
        labelsOf.forEach((t, c) -> major.put(t, c.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey()));
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Map.Entry<Long, String> me : major.entrySet()) {
          if (!origin.containsKey(me.getKey())) {
            known.add(me.getValue());
          }
        }
        int assigned = 0;
        int assignedRight = 0;
        int leftKnown = 0;
        int left = 0;
        int createdKnown = 0;
        for (int r = 0; r < ids.length; r++) {
          String label = s.labels().get(rows.get(r));
          if (themeOf[r] > 0) {
            assigned++;
            assignedRight += label.equals(major.get(themeOf[r])) ? 1 : 0;
          } else {
            left++;
            leftKnown += known.contains(label) ? 1 : 0;
          }
        }
        for (Long t : origin.keySet()) {
          createdKnown += known.contains(major.get(t)) ? 1 : 0;
          // The created theme against the existing ones: best normalised similarity and vote share.
          List<float[]> mem = new ArrayList<>();
          for (int r = 0; r < ids.length; r++) {
            long tt = themeOf[r] < 0 ? real.get(themeOf[r]) : themeOf[r];
            if (tt == t) {
              mem.add(x[r]);
            }
          }
          double[] sum = new double[x[0].length];
          mem.forEach(v -> { for (int dd = 0; dd < sum.length; dd++) sum[dd] += v[dd]; });
          Map<Long, double[]> sums = new HashMap<>();
          Map<Long, Integer> sz = new HashMap<>();
          for (ThemeMemory.Exemplar ex : memory.exemplars()) {
            double[] ts = sums.computeIfAbsent(ex.theme(), k -> new double[sum.length]);
            float[] v = vectors.get(ex.answer());
            for (int dd = 0; dd < sum.length; dd++) ts[dd] += v[dd];
            sz.merge(ex.theme(), 1, Integer::sum);
          }
          long bestT = -1;
          double bestR = -1;
          for (Map.Entry<Long, double[]> te : sums.entrySet()) {
            double rr = io.productopsdash.engine.cluster.TopLevelThemes.normalisedSimilarity(sum, mem.size(), te.getValue(), sz.get(te.getKey()));
            if (rr > bestR) { bestR = rr; bestT = te.getKey(); }
          }
          if (!sums.isEmpty()) {
            System.out.printf(Locale.ROOT, "      created %d (%s, %d this week): label %s %s; nearest theme %d (%s) r=%.2f%n", t, origin.get(t),
                mem.size(), major.get(t), known.contains(major.get(t)) ? "KNOWN" : "new", bestT, major.get(bestT), bestR);
          }
        }
        System.out.printf(Locale.ROOT,
            "  %s: %d answers, %d assigned (%d to their label's theme), %d left (%d of labels with a theme); %d created (%d for"
                + " labels with a theme), %d unclustered, pool %d%n",
            week, ids.length, assigned, assignedRight, left, leftKnown, d.created().size(), createdKnown,
            ids.length - count.values().stream().mapToInt(Integer::intValue).sum(), memory.pool().size());
      }
    }
    TrackingMetrics m = TrackingMetrics.of(answers, themeWeeks);
    if (verbose) {
      for (TrackingMetrics.Week w : m.weeks()) {
        System.out.printf(Locale.ROOT, "  %s NMI %.1f ARI %.1f themes %d new %d unclustered %d%n", w.week(), 100 * w.nmi(),
            100 * w.ari(), w.themes(), w.newThemes(), w.unclustered());
      }
    }
    return m;
  }
}
