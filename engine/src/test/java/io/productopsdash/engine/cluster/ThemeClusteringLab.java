package io.productopsdash.engine.cluster;

import io.productopsdash.engine.embed.EmbeddingCache;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Development harness for the automatic theme method (a command, not a test): embeds the labelled
 * data sets once (cached under {@code engine/target/bench-cache}) and then runs many clustering
 * variants in one JVM, printing label-free criteria beside the scores. Used to choose settings on
 * development splits (Banking77 train, the CRC32-even half of StackOverflow20) before the full sets
 * are scored once.
 *
 * <p>Arguments: {@code --experiment NAME [--data a,b] [--seeds N]}; run it with {@code
 * bench/themes-lab.sh}. Experiments:
 *
 * <ul>
 *   <li>{@code baseline}: the defaults, once;
 *   <li>{@code gamma}: Leiden's resolution scanned ({@code --gammas}), with seed stability (mean
 *       pairwise ARI over {@code --seeds}) and the modularity of the themes on a TF-IDF kNN graph
 *       and on the embedding graph;
 *   <li>{@code agree}: embedding graph edges weighted by {@code 1 + beta * TF-IDF cosine} ({@code
 *       --betas});
 *   <li>{@code smooth}: the space of the Lloyd iterations: smoothing with 3-20 neighbours, or with
 *       neighbours re-ranked by TF-IDF ({@code --lambdas});
 *   <li>{@code inspect}: per theme, size, purity and the share of its members' kNN inside it (a
 *       label-free cohesion) in the embedding and TF-IDF views;
 *   <li>{@code cohesion}: themes dissolved while their kNN cohesion is below a threshold ({@code
 *       --taus});
 *   <li>{@code qgreedy}: modularity pruning on the 5-NN or 10-NN graph, Lloyd after each round or
 *       once at the end;
 *   <li>{@code defaults}: {@link ThemeClustering#fit} with the defaults, with and without
 *       modularity pruning, seeds 1..N, timed;
 *   <li>{@code ptime}: the pruning step alone, timed.
 * </ul>
 */
final class ThemeClusteringLab {
  private ThemeClusteringLab() {}

  /** A labelled data set with its normalised embeddings. */
  record Data(String name, List<String> texts, int[] truth, float[][] x) {
    Data subset(String suffix, boolean even) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        CRC32 crc = new CRC32();
        crc.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
        if ((crc.getValue() % 2 == 0) == even) {
          rows.add(i);
        }
      }
      List<String> t = new ArrayList<>();
      int[] y = new int[rows.size()];
      float[][] v = new float[rows.size()][];
      for (int r = 0; r < rows.size(); r++) {
        t.add(texts.get(rows.get(r)));
        y[r] = truth[rows.get(r)];
        v[r] = x[rows.get(r)];
      }
      return new Data(name + suffix, t, y, v);
    }
  }

  static Data load(String name, Path csv, String textColumn, String labelColumn, Path cache) throws IOException {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(in)) {
        String text = r.get(textColumn);
        if (text == null || text.isBlank()) {
          continue;
        }
        texts.add(text);
        labels.add(r.get(labelColumn));
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    int[] truth = new int[labels.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = ids.computeIfAbsent(labels.get(i), l -> ids.size());
    }
    float[][] x = Vectors.normalisedCopy(EmbeddingCache.embeddings(texts, csv, cache));
    return new Data(name, texts, truth, x);
  }

  static Map<String, Data> datasets(Path root, List<String> wanted) throws IOException {
    Path shared = root.resolve("../shared/datasets");
    Path cache = root.resolve("engine/target/bench-cache");
    Map<String, Data> out = new java.util.LinkedHashMap<>();
    Data so20 = null;
    for (String w : wanted) {
      switch (w) {
        case "b77test" -> out.put(w, load(w, shared.resolve("banking77/test.csv"), "text", "category",
            cache.resolve("banking77-test.minilm")));
        case "b77train" -> out.put(w, load(w, shared.resolve("banking77/train.csv"), "text", "category",
            cache.resolve("banking77-train.minilm")));
        case "so20", "so20a", "so20b" -> {
          if (so20 == null) {
            so20 = load("so20", shared.resolve("stackoverflow20/stackoverflow20.csv"), "text", "label",
                cache.resolve("stackoverflow20.minilm"));
          }
          out.put(w, w.equals("so20") ? so20 : so20.subset(w.substring(4), w.equals("so20a")));
        }
        default -> throw new IllegalArgumentException("Unknown data set: " + w);
      }
    }
    return out;
  }

  static String scores(Data d, int[] labels) {
    ClusteringMetrics.Scores s = ClusteringMetrics.score(d.truth(), labels);
    return String.format(Locale.ROOT, "k %3d  NMI %5.1f ARI %5.1f ACC %5.1f", s.clusters(), 100 * s.nmi(),
        100 * s.ari(), 100 * s.accuracy());
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].substring(2), args[i + 1]);
    }
    Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
    List<String> wanted = Arrays.asList(opts.getOrDefault("data", "b77test,so20").split(","));
    Map<String, Data> data = datasets(root, wanted);
    String experiment = opts.getOrDefault("experiment", "baseline");
    for (Data d : data.values()) {
      System.out.printf(Locale.ROOT, "== %s (%,d texts)%n", d.name(), d.x().length);
      switch (experiment) {
        case "baseline" -> {
          long t0 = System.nanoTime();
          ThemeClustering t = ThemeClustering.fit(d.x(), ClusteringOptions.defaults());
          System.out.printf(Locale.ROOT, "defaults: %s  (%.1f s)%n", scores(d, t.assignments()),
              (System.nanoTime() - t0) / 1e9);
        }
        case "gamma" -> gamma(d, opts);
        case "agree" -> agree(d, opts);
        case "smooth" -> smooth(d, opts);
        case "inspect" -> inspect(d, opts);
        case "cohesion" -> cohesion(d, opts);
        case "qgreedy" -> qgreedy(d, opts);
        case "defaults" -> defaults(d, opts);
        case "ptime" -> ptime(d);
        case "blobs" -> blobs();
        default -> throw new IllegalArgumentException("Unknown experiment: " + experiment);
      }
    }
  }

  /** The default steps after the graph: dissolve under n/200, 3-NN smoothing, 100 Lloyd iterations. */
  static int[] finish(float[][] xs, int[] communities) {
    int n = xs.length;
    int minSize = Math.max(1, (int) Math.ceil(n / 200.0 - 1e-9));
    return lloydFrom(xs, Refinement.dissolveSmall(xs, communities, minSize));
  }

  /** 100 Lloyd iterations from the centroids of {@code labels} (0..k-1), renumbered by size. */
  static int[] lloydFrom(float[][] xs, int[] labels) {
    int k = Arrays.stream(labels).max().getAsInt() + 1;
    int[] out = k > 1 ? KMeans.lloyd(xs, Refinement.centroids(xs, labels, k), 100, 2).assignments() : labels.clone();
    Refinement.bySize(out);
    return out;
  }

  /** Graph of kNN lists (rows of indices), edge weight = Jaccard of the (list + self) sets. */
  static WeightedGraph snn(int[][] lists) {
    int n = lists.length;
    int[][] sets = new int[n][];
    int edges = 0;
    for (int i = 0; i < n; i++) {
      int[] s = Arrays.copyOf(lists[i], lists[i].length + 1);
      s[lists[i].length] = i;
      Arrays.sort(s);
      sets[i] = s;
      edges += lists[i].length;
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    double[] w = new double[edges];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int j : lists[i]) {
        int common = WeightedGraph.intersectionSize(sets[i], sets[j]);
        from[e] = i;
        to[e] = j;
        w[e++] = common / (double) (sets[i].length + sets[j].length - common);
      }
    }
    return WeightedGraph.fromEdges(n, from, to, w);
  }

  static int[][] lists(Knn knn, int k) {
    int[][] out = new int[knn.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.copyOf(knn.neighbours(i), k);
    }
    return out;
  }

  static double meanPairwiseAri(List<int[]> parts) {
    double s = 0;
    int c = 0;
    for (int a = 0; a < parts.size(); a++) {
      for (int b = a + 1; b < parts.size(); b++) {
        s += ClusteringMetrics.ari(parts.get(a), parts.get(b));
        c++;
      }
    }
    return c == 0 ? 1 : s / c;
  }

  static double[] parseList(String s) {
    return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  /** The resolution scanned, with label-free criteria: seed stability and TF-IDF-graph modularity. */
  static void gamma(Data d, Map<String, String> opts) {
    int seeds = Integer.parseInt(opts.getOrDefault("seeds", "3"));
    int k = Integer.parseInt(opts.getOrDefault("k", "5"));
    long t0 = System.nanoTime();
    Knn knn = Knn.fit(d.x(), Math.max(k, 3), 2);
    float[][] xs = Refinement.smooth(d.x(), knn, 3);
    WeightedGraph g = WeightedGraph.sharedNeighbours(knn, k);
    long t1 = System.nanoTime();
    TfIdf tf = new TfIdf(d.texts());
    WeightedGraph gt = snn(tf.knn(10));
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "knn+smooth+graph %.1f s, tf-idf graph %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    for (double gamma : parseList(opts.getOrDefault("gammas", "0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.25,1.5"))) {
      List<int[]> finals = new ArrayList<>();
      List<int[]> raws = new ArrayList<>();
      long t3 = System.nanoTime();
      for (int s = 1; s <= seeds; s++) {
        Leiden l = Leiden.fit(g, gamma, s);
        raws.add(l.communities());
        finals.add(finish(xs, l.communities()));
      }
      double secs = (System.nanoTime() - t3) / 1e9 / seeds;
      int[] f = finals.get(0);
      System.out.printf(Locale.ROOT,
          "gamma %.2f  leiden %4d  %s | stabF %.3f stabL %.3f Qtf %.4f Qemb %.4f  (%.1f s/seed)%n", gamma,
          Leiden.renumber(raws.get(0).clone()), scores(d, f), meanPairwiseAri(finals), meanPairwiseAri(raws),
          Leiden.modularity(gt, f, 1.0), Leiden.modularity(g, f, 1.0), secs);
    }
  }

  /** Embedding SNN edges reweighted by the TF-IDF cosine of their ends: w * (1 + beta * cos). */
  static void agree(Data d, Map<String, String> opts) {
    int k = Integer.parseInt(opts.getOrDefault("k", "5"));
    Knn knn = Knn.fit(d.x(), Math.max(k, 3), 2);
    float[][] xs = Refinement.smooth(d.x(), knn, 3);
    TfIdf tf = new TfIdf(d.texts());
    int[][] lists = lists(knn, k);
    WeightedGraph base = snn(lists);
    for (double beta : parseList(opts.getOrDefault("betas", "0,0.5,1,2,4"))) {
      int edges = 0;
      for (int[] l : lists) {
        edges += l.length;
      }
      int[] from = new int[edges];
      int[] to = new int[edges];
      double[] w = new double[edges];
      int e = 0;
      for (int i = 0; i < lists.length; i++) {
        for (int j : lists[i]) {
          from[e] = i;
          to[e] = j;
          w[e++] = edgeWeight(base, i, j) * (1 + beta * tf.cosine(i, j));
        }
      }
      WeightedGraph g = WeightedGraph.fromEdges(d.x().length, from, to, w);
      Leiden l = Leiden.fit(g, 1.0, 1);
      int[] f = finish(xs, l.communities());
      System.out.printf(Locale.ROOT, "beta %.2f  leiden %4d  %s%n", beta, l.count(), scores(d, f));
    }
  }

  static double edgeWeight(WeightedGraph g, int a, int b) {
    int p = Arrays.binarySearch(g.targets, g.offsets[a], g.offsets[a + 1], b);
    return g.weights[p];
  }

  /** Smoothing as the vector sum of the point and m neighbours given as lists. */
  static float[][] smoothWith(float[][] x, int[][] lists) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      float[] v = x[i].clone();
      for (int j : lists[i]) {
        for (int t = 0; t < v.length; t++) {
          v[t] += x[j][t];
        }
      }
      Vectors.normalise(v);
      out[i] = v;
    }
    return out;
  }

  /** Embedding candidates (top c) re-ranked by cos_emb + lambda * cos_tfidf; top m kept. */
  static int[][] reranked(Knn knn, TfIdf tf, int c, int m, double lambda) {
    int[][] out = new int[knn.size()][];
    for (int i = 0; i < out.length; i++) {
      Integer[] cand = new Integer[c];
      double[] score = new double[c];
      for (int r = 0; r < c; r++) {
        cand[r] = r;
        score[r] = knn.similarity(i, r) + lambda * tf.cosine(i, knn.neighbour(i, r));
      }
      Arrays.sort(cand, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
      out[i] = new int[m];
      for (int r = 0; r < m; r++) {
        out[i][r] = knn.neighbour(i, cand[r]);
      }
    }
    return out;
  }

  /** Variants of the space the Lloyd iterations run in. */
  static void smooth(Data d, Map<String, String> opts) {
    Knn knn = Knn.fit(d.x(), 30, 2);
    TfIdf tf = new TfIdf(d.texts());
    WeightedGraph g = WeightedGraph.sharedNeighbours(knn, 5);
    int[] comm = Leiden.fit(g, 1.0, 1).communities();
    float[][] xs3 = Refinement.smooth(d.x(), knn, 3);
    int n = d.x().length;
    int minSize = Math.max(1, (int) Math.ceil(n / 200.0 - 1e-9));
    int[] graphOnly = Refinement.dissolveSmall(xs3, comm, minSize);
    System.out.printf(Locale.ROOT, "graph only (dissolved)   %s%n", scores(d, graphOnly));
    System.out.printf(Locale.ROOT, "raw vectors Lloyd        %s%n", scores(d, finish(d.x(), comm)));
    for (int m : new int[] {3, 5, 10, 20}) {
      System.out.printf(Locale.ROOT, "emb m=%-2d                %s%n", m,
          scores(d, finish(Refinement.smooth(d.x(), knn, m), comm)));
    }
    for (double lambda : parseList(opts.getOrDefault("lambdas", "0.25,0.5,1"))) {
      for (int m : new int[] {3, 5, 10}) {
        float[][] xs = smoothWith(d.x(), reranked(knn, tf, 30, m, lambda));
        System.out.printf(Locale.ROOT, "rerank l=%.2f m=%-2d      %s%n", lambda, m, scores(d, finish(xs, comm)));
      }
    }
  }

  /** Fraction of each cluster's members' list entries that fall inside the cluster. */
  static double[] inside(int[][] lists, int[] labels, int k) {
    double[] in = new double[k];
    double[] all = new double[k];
    for (int i = 0; i < lists.length; i++) {
      for (int j : lists[i]) {
        all[labels[i]]++;
        if (labels[j] == labels[i]) {
          in[labels[i]]++;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      in[c] = all[c] > 0 ? in[c] / all[c] : 0;
    }
    return in;
  }

  /** Per final cluster: size, purity, and label-free coherence in the embedding and TF-IDF kNN. */
  static void inspect(Data d, Map<String, String> opts) {
    Knn knn = Knn.fit(d.x(), 10, 2);
    TfIdf tf = new TfIdf(d.texts());
    int[][] tl = tf.knn(10);
    int[] f = ThemeClustering.fit(d.x(), ClusteringOptions.defaults()).assignments();
    int k = Arrays.stream(f).max().getAsInt() + 1;
    double[] embIn = inside(lists(knn, 10), f, k);
    double[] tfIn = inside(tl, f, k);
    System.out.println(scores(d, f));
    for (int c = 0; c < k; c++) {
      Map<Integer, Integer> counts = new HashMap<>();
      int size = 0;
      for (int i = 0; i < f.length; i++) {
        if (f[i] == c) {
          counts.merge(d.truth()[i], 1, Integer::sum);
          size++;
        }
      }
      int top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
      double share = size / (double) f.length;
      System.out.printf(Locale.ROOT, "c %2d size %5d purity %.2f top %3d  embIn %.3f tfIn %.3f tfIn/share %.1f%n", c,
          size, counts.get(top) / (double) size, top, embIn[c], tfIn[c], tfIn[c] / share);
    }
  }

  /**
   * Dissolves incoherent themes: while some theme has a pooled kNN inside-fraction below tau,
   * dissolve it (the worst only, or all below at once) into the nearest remaining centroid and
   * rerun Lloyd from the remaining centroids.
   */
  static int[] dissolveIncoherent(float[][] xs, int[][] lists, int[] start, double tau, boolean worstOnly, int[] rounds) {
    int[] labels = start.clone();
    int r = 0;
    while (true) {
      int k = Arrays.stream(labels).max().getAsInt() + 1;
      if (k <= 1) {
        break;
      }
      double[] in = inside(lists, labels, k);
      int worst = -1;
      boolean[] drop = new boolean[k];
      int dropped = 0;
      for (int c = 0; c < k; c++) {
        if (in[c] < tau) {
          drop[c] = true;
          dropped++;
          if (worst < 0 || in[c] < in[worst]) {
            worst = c;
          }
        }
      }
      if (worst < 0) {
        break;
      }
      if (worstOnly) {
        Arrays.fill(drop, false);
        drop[worst] = true;
        dropped = 1;
      }
      if (dropped == k) {
        break;
      }
      int[] map = new int[k];
      int kept = 0;
      for (int c = 0; c < k; c++) {
        map[c] = drop[c] ? -1 : kept++;
      }
      int[] l = new int[labels.length];
      for (int i = 0; i < l.length; i++) {
        l[i] = map[labels[i]];
      }
      labels = lloydFrom(xs, l);
      r++;
    }
    rounds[0] = r;
    return labels;
  }

  static void cohesion(Data d, Map<String, String> opts) {
    Knn knn = Knn.fit(d.x(), 10, 2);
    float[][] xs = Refinement.smooth(d.x(), knn, 3);
    long seeds = Long.parseLong(opts.getOrDefault("seeds", "1"));
    for (long seed = 1; seed <= seeds; seed++) {
      int[] comm = Leiden.fit(WeightedGraph.sharedNeighbours(knn, 5), 1.0, seed).communities();
      int[] base = finish(xs, comm);
      System.out.printf(Locale.ROOT, "seed %d base            %s%n", seed, scores(d, base));
      for (int m : new int[] {5, 10}) {
        int[][] lists = lists(knn, m);
        for (double tau : parseList(opts.getOrDefault("taus", "0.4,0.5,0.6"))) {
          for (boolean worst : new boolean[] {true, false}) {
            int[] rounds = new int[1];
            long t0 = System.nanoTime();
            int[] f = dissolveIncoherent(xs, lists, base, tau, worst, rounds);
            System.out.printf(Locale.ROOT, "seed %d m %2d tau %.2f %s %s  rounds %d (%.1f s)%n", seed, m, tau,
                worst ? "worst" : "all  ", scores(d, f), rounds[0], (System.nanoTime() - t0) / 1e9);
          }
        }
      }
    }
  }

  /**
   * Modularity pruning ({@link Refinement#pruneByModularity}) on the 5-NN or 10-NN graph, with
   * {@code --round-iterations} Lloyd iterations after each dissolved theme (100, the default: as
   * shipped) or 0 (one Lloyd run at the end); a final 100-iteration Lloyd run follows when fewer
   * were run per round.
   */
  static void qgreedy(Data d, Map<String, String> opts) {
    Knn knn = Knn.fit(d.x(), 10, 2);
    float[][] xs = Refinement.smooth(d.x(), knn, 3);
    long seeds = Long.parseLong(opts.getOrDefault("seeds", "1"));
    int roundIterations = Integer.parseInt(opts.getOrDefault("round-iterations", "100"));
    WeightedGraph g5 = WeightedGraph.sharedNeighbours(knn, 5);
    WeightedGraph g10 = WeightedGraph.sharedNeighbours(knn, 10);
    for (long seed = 1; seed <= seeds; seed++) {
      int[] base = finish(xs, Leiden.fit(g5, 1.0, seed).communities());
      System.out.printf(Locale.ROOT, "seed %d base            %s  Q5 %.4f Q10 %.4f%n", seed, scores(d, base),
          Leiden.modularity(g5, base, 1.0), Leiden.modularity(g10, base, 1.0));
      for (int gi = 0; gi < 2; gi++) {
        WeightedGraph g = gi == 0 ? g5 : g10;
        for (int it : new int[] {roundIterations, 0}) {
          long t0 = System.nanoTime();
          int[] f = Refinement.pruneByModularity(xs, g, base, 1.0, it, 2);
          if (it < 100) {
            f = lloydFrom(xs, f);
          }
          System.out.printf(Locale.ROOT, "seed %d graph %s lloyd per round %3d %s (%.1f s) Q5 %.4f%n", seed,
              gi == 0 ? "5 " : "10", it, scores(d, f), (System.nanoTime() - t0) / 1e9, Leiden.modularity(g5, f, 1.0));
        }
      }
    }
  }

  /** ThemeClustering.fit with the defaults, with and without modularity pruning, seeds 1..N. */
  static void defaults(Data d, Map<String, String> opts) {
    long seeds = Long.parseLong(opts.getOrDefault("seeds", "3"));
    for (long seed = 1; seed <= seeds; seed++) {
      for (boolean pruning : new boolean[] {false, true}) {
        long t0 = System.nanoTime();
        ThemeClustering t =
            ThemeClustering.fit(d.x(), ClusteringOptions.defaults().withSeed(seed).withModularityPruning(pruning));
        System.out.printf(Locale.ROOT, "seed %d pruning %-5s %s  (%.1f s)%n", seed, pruning, scores(d, t.assignments()),
            (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /** Time of the pruning step alone, with and without the Lloyd iterations of each round. */
  static void ptime(Data d) {
    Knn knn = Knn.fit(d.x(), 5, 2);
    float[][] xs = Refinement.smooth(d.x(), knn, 3);
    WeightedGraph g = WeightedGraph.sharedNeighbours(knn, 5);
    int[] base = finish(xs, Leiden.fit(g, 1.0, 1).communities());
    for (int it : new int[] {0, 100, 0, 100}) {
      long t0 = System.nanoTime();
      int[] f = Refinement.pruneByModularity(xs, g, base, 1.0, it, 2);
      System.out.printf(Locale.ROOT, "lloyd %3d  %s  (%.2f s)%n", it, scores(d, f), (System.nanoTime() - t0) / 1e9);
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < 10; r++) {
      Leiden.modularity(g, base, 1.0);
    }
    System.out.printf(Locale.ROOT, "modularity %.4f s each%n", (System.nanoTime() - t0) / 1e10);
  }

  /** Synthetic blobs where pruning changes the themes (to pin in a unit test). */
  static void blobs() {
    for (int clusters : new int[] {4, 6, 8}) {
      for (double noise : new double[] {0.15, 0.2, 0.25, 0.3}) {
        for (long seed = 1; seed <= 3; seed++) {
          Blobs b = Blobs.onSphere(clusters, 100, 16, noise, seed);
          ThemeClustering on = ThemeClustering.fit(b.vectors, ClusteringOptions.defaults());
          ThemeClustering off = ThemeClustering.fit(b.vectors, ClusteringOptions.defaults().withModularityPruning(false));
          System.out.printf(Locale.ROOT, "blobs %d noise %.2f seed %d: off k %d ARI %.3f | on k %d ARI %.3f%n", clusters,
              noise, seed, off.k(), ClusteringMetrics.ari(b.labels, off.assignments()), on.k(),
              ClusteringMetrics.ari(b.labels, on.assignments()));
        }
      }
    }
  }
}
