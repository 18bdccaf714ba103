package io.productopsdash.engine.search;

import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The retrieval-quality benchmark (a command, not a test): run it with {@code
 * bench/search-quality.sh}. Two phases, run in this order:
 *
 * <ol>
 *   <li><b>Validation</b>: the fusion of the hybrid mode is chosen on Banking77 train alone. A
 *       fixed seeded sample of {@value #VALIDATION_QUERIES} train questions (seed {@value
 *       #SEED}) is held out as queries; the other train questions are the index, so no query
 *       finds itself; relevant = the indexed questions of the query's intent. Every fusion of
 *       {@link #candidates()} is measured there, and the one with the highest nDCG@10 +
 *       Recall@100 is chosen (ties: the earlier in the list). The test questions are not read.
 *   <li><b>Test</b>: all 10,003 train questions are indexed; each test question (3,080) is a query,
 *       relevant = the train questions of its intent. BM25, vector and the hybrid mode with the
 *       fusion chosen on validation are measured once; plain RRF k=60 is printed beside them as a
 *       reference (it was not chosen on test either). Then the chosen fusion is compared with BM25
 *       and vector query by query: mean difference, its 95% paired bootstrap interval ({@value
 *       #RESAMPLES} resamples, seed {@value #SEED}), and the queries won, tied and lost.
 * </ol>
 *
 * <p>Every query runs through {@link AnswerSearch} exactly as the API runs it (first page of 100).
 * Reported: nDCG@10 (binary gains) and Recall@100, means over the queries. Query text is escaped,
 * so a question mark is a question mark and not a wildcard.
 *
 * <p>Arguments: {@code [--train PATH] [--test PATH] [--cache DIR] [--threads N] [--limit N]}
 * ({@code --limit} cuts the test queries, for a quick look).
 */
public final class SearchQualityBench {
  private SearchQualityBench() {}

  /** Train questions held out as validation queries. */
  static final int VALIDATION_QUERIES = 1000;
  /** Seed of the validation sample: the same sample on every run. */
  static final long SEED = 77;

  /** One configuration measured. */
  private record Config(SearchRequest.Mode mode, Fusion fusion) {
    String name() {
      return switch (mode) {
        case KEYWORD -> "BM25 (keyword)";
        case VECTOR -> "vector (HNSW)";
        case HYBRID -> "hybrid, " + fusion;
      };
    }
  }

  /** The fusions tried on validation: convex with 0.05..0.5 on BM25, RRF with k 10 or 60 and weights. */
  static List<Fusion> candidates() {
    List<Fusion> out = new ArrayList<>();
    for (int k : new int[] {AnswerSearch.RRF_K, 10}) {
      for (double w : new double[] {1, 0.5, 0.25, 0.1}) {
        out.add(new Fusion(Fusion.Kind.RRF, w, 1, k));
      }
    }
    for (double w : new double[] {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}) {
      out.add(Fusion.convex(1 - w));
    }
    return out;
  }

  /** A corpus indexed and its queries with their vectors and wanted intents. */
  private record Split(List<SearchBenchData.Row> corpus, float[][] corpusVectors,
      List<SearchBenchData.Row> queries, float[][] queryVectors) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = SearchBenchData.options(args);
    Path trainCsv = Path.of(opts.getOrDefault("train", "../shared/datasets/banking77/train.csv"));
    Path testCsv = Path.of(opts.getOrDefault("test", "../shared/datasets/banking77/test.csv"));
    Path cache = Path.of(opts.getOrDefault("cache", "engine/target/bench-cache"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
    int limit = Integer.parseInt(opts.getOrDefault("limit", "0"));

    System.out.printf(Locale.ROOT, "Search quality benchmark (%d threads, %d cores, load average %s)%n",
        threads, Runtime.getRuntime().availableProcessors(), SearchBenchData.loadAverage());
    List<SearchBenchData.Row> train = SearchBenchData.read(trainCsv);
    List<SearchBenchData.Row> test = SearchBenchData.read(testCsv);
    float[][] trainVectors = SearchBenchData.embeddings(train, trainCsv, cache.resolve("banking77-train.minilm"));
    float[][] testVectors = SearchBenchData.embeddings(test, testCsv, cache.resolve("banking77-test.minilm"));
    if (limit > 0 && limit < test.size()) {
      test = test.subList(0, limit);
      testVectors = Arrays.copyOf(testVectors, limit);
    }

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Validation: train only, a seeded sample held out as queries.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(SEED));
      Set<Integer> held = new HashSet<>(order.subList(0, VALIDATION_QUERIES));
      List<SearchBenchData.Row> corpus = new ArrayList<>();
      List<float[]> corpusVectors = new ArrayList<>();
      List<SearchBenchData.Row> validation = new ArrayList<>();
      List<float[]> validationVectors = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        (held.contains(i) ? validation : corpus).add(train.get(i));
        (held.contains(i) ? validationVectors : corpusVectors).add(trainVectors[i]);
      }
      List<Config> validationConfigs = new ArrayList<>(List.of(
          new Config(SearchRequest.Mode.KEYWORD, Fusion.rrf()), new Config(SearchRequest.Mode.VECTOR, Fusion.rrf())));
      candidates().forEach(f -> validationConfigs.add(new Config(SearchRequest.Mode.HYBRID, f)));
      System.out.printf(Locale.ROOT, "== Validation: %,d held-out train questions (seed %d) against the other %,d%n",
          validation.size(), SEED, corpus.size());
      Map<Config, double[][]> validated = run(
          new Split(corpus, corpusVectors.toArray(float[][]::new), validation, validationVectors.toArray(float[][]::new)),
          validationConfigs, pool, threads);
      Config chosen = null;
      for (Map.Entry<Config, double[][]> e : validated.entrySet()) {
        if (e.getKey().mode() == SearchRequest.Mode.HYBRID
            && (chosen == null || sum(e.getValue()) > sum(validated.get(chosen)))) {
          chosen = e.getKey();
        }
      }
      System.out.printf(Locale.ROOT, "Chosen on validation (highest nDCG@10 + Recall@100): %s (%s)%n%n",
          chosen.fusion(), chosen.fusion().equals(Fusion.hybridDefault())
              ? "the API's mode=hybrid default" : "NOT the API's default, " + Fusion.hybridDefault());

      // Test, once: the chosen fusion against BM25 and vector; plain RRF as a reference.
      System.out.printf(Locale.ROOT, "== Test: %,d test questions against all %,d train questions%n",
          test.size(), train.size());
      List<Config> testConfigs = new ArrayList<>(List.of(
          new Config(SearchRequest.Mode.KEYWORD, Fusion.rrf()), new Config(SearchRequest.Mode.VECTOR, Fusion.rrf()),
          chosen));
      if (!chosen.fusion().equals(Fusion.rrf())) {
        testConfigs.add(new Config(SearchRequest.Mode.HYBRID, Fusion.rrf()));
      }
      Map<Config, double[][]> tested = run(new Split(train, trainVectors, test, testVectors), testConfigs, pool, threads);
      System.out.printf(Locale.ROOT, "%nPaired over the test queries, chosen hybrid minus the other (95%% bootstrap"
          + " interval of the mean difference, %,d resamples, seed %d; wins/ties/losses per query):%n", RESAMPLES, SEED);
      for (Config other : testConfigs.subList(0, 2)) {
        for (int metric = 0; metric < 2; metric++) {
          paired(other.name() + (metric == 0 ? ", nDCG@10" : ", Recall@100"),
              tested.get(chosen)[metric], tested.get(other)[metric]);
        }
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Integer> perCategory = counts(train);
    double ceiling = 0;
    for (SearchBenchData.Row r : test) {
      int relevant = perCategory.get(r.category());
      ceiling += Math.min(100, relevant) / (double) relevant;
    }
    System.out.printf(Locale.ROOT,
        "%nTest Recall@100 cannot exceed %.4f: an intent has %d to %d train questions, most over 100.%n",
        ceiling / test.size(), perCategory.values().stream().mapToInt(Integer::intValue).min().orElse(0),
        perCategory.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    System.out.printf(Locale.ROOT, "load average after: %s%n", SearchBenchData.loadAverage());
  }

  /** Bootstrap resamples of the paired test comparison. */
  static final int RESAMPLES = 10_000;

  private static double sum(double[][] perQuery) {
    return mean(perQuery[0]) + mean(perQuery[1]);
  }

  private static double mean(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total / values.length;
  }

  /* Mean of a - b per query, its 95% paired bootstrap interval, and the per-query wins, ties, losses. */
  private static void paired(String name, double[] a, double[] b) {
    int n = a.length;
    double[] diff = new double[n];
    int wins = 0;
    int losses = 0;
    for (int i = 0; i < n; i++) {
      diff[i] = a[i] - b[i];
      wins += diff[i] > 1e-12 ? 1 : 0;
      losses += diff[i] < -1e-12 ? 1 : 0;
    }
    Random rnd = new Random(SEED);
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        total += diff[rnd.nextInt(n)];
      }
      means[r] = total / n;
    }
    Arrays.sort(means);
    System.out.printf(Locale.ROOT, "  vs %-32s %+.4f  [%+.4f, %+.4f]  %d/%d/%d%n", name, mean(diff),
        means[(int) (RESAMPLES * 0.025)], means[(int) (RESAMPLES * 0.975) - 1], wins, n - wins - losses, losses);
  }

  private static Map<String, Integer> counts(List<SearchBenchData.Row> rows) {
    Map<String, Integer> out = new HashMap<>();
    for (SearchBenchData.Row r : rows) {
      out.merge(r.category(), 1, Integer::sum);
    }
    return out;
  }

  /* Indexes the split's corpus, runs every config's queries, prints the means; per query nDCG@10, Recall@100. */
  private static Map<Config, double[][]> run(Split split, List<Config> configs, ExecutorService pool, int threads)
      throws Exception {
    Map<String, Integer> perCategory = counts(split.corpus());
    Map<String, float[]> queryVectors = new HashMap<>();
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < split.queries().size(); i++) {
      String q = QueryParser.escape(split.queries().get(i).text());
      queries.add(q);
      queryVectors.put(q, split.queryVectors()[i]);
    }
    Map<Config, double[][]> out = new LinkedHashMap<>();
    Path dir = Files.createTempDirectory("search-quality");
    try (AnswerIndex index = AnswerIndex.open(dir)) {
      long t0 = System.nanoTime();
      WeekId week = new WeekId(2026, 10);
      for (int i = 0; i < split.corpus().size(); i++) {
        index.add(new AnswerRecord(i + 1, 1, week, LocalDate.of(2026, 3, 2), 5, ScoreBucket.MID,
            split.corpus().get(i).text(), null, null, null, AnswerIndexer.NO_SENTIMENT, null, false,
            split.corpusVectors()[i]));
      }
      index.commit();
      System.out.printf(Locale.ROOT, "Indexed %,d questions in %.1f s; %,d queries%n", split.corpus().size(),
          (System.nanoTime() - t0) / 1e9, queries.size());
      // The fixture's embeddings stand in for the model at query time: same vectors, no model cost.
      AnswerSearch.QueryEmbedder embedder = queryVectors::get;
      System.out.printf(Locale.ROOT, "%-58s %8s %11s %8s%n", "mode", "nDCG@10", "Recall@100", "time s");
      for (Config config : configs) {
        AnswerSearch search = new AnswerSearch(index, embedder, config.fusion());
        long start = System.nanoTime();
        double[][] perQuery = new double[2][queries.size()];
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int part = t;
          // Each thread fills its own query slots; Future.get() below publishes them.
          parts.add(pool.submit(() -> {
            for (int i = part; i < queries.size(); i += threads) {
              SearchResult r = search.search(
                  SearchRequest.of(queries.get(i)).withMode(config.mode()).withPage(0, 100));
              String want = split.queries().get(i).category();
              double[] m = metrics(r.ids(), split.corpus(), want, perCategory.get(want));
              perQuery[0][i] = m[0];
              perQuery[1][i] = m[1];
            }
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
        out.put(config, perQuery);
        System.out.printf(Locale.ROOT, "%-58s %8.4f %11.4f %8.1f%n", config.name(), mean(perQuery[0]),
            mean(perQuery[1]), (System.nanoTime() - start) / 1e9);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return out;
  }

  /** nDCG@10 with binary gains and Recall@100 of one ranked list of answer ids (corpus row + 1). */
  static double[] metrics(List<Long> ranked, List<SearchBenchData.Row> train, String want, int relevant) {
    double dcg = 0;
    int found = 0;
    for (int i = 0; i < ranked.size() && i < 100; i++) {
      boolean hit = train.get((int) (ranked.get(i) - 1)).category().equals(want);
      if (hit) {
        found++;
        if (i < 10) {
          dcg += 1 / log2(i + 2);
        }
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(10, relevant); i++) {
      ideal += 1 / log2(i + 2);
    }
    return new double[] {dcg / ideal, found / (double) relevant};
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

}
