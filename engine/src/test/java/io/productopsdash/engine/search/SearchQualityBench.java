package io.productopsdash.engine.search;

import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The retrieval-quality benchmark (a command, not a test): run it with {@code
 * bench/search-quality.sh}. Banking77 train (10,003 questions) is indexed as answers, with their
 * all-MiniLM-L6-v2 embeddings, through {@link AnswerIndex}; each test question (3,080) is a query
 * through {@link AnswerSearch}, exactly as the API runs it (first page of 100), and the relevant
 * answers are the train questions of the same intent. Reported per mode: nDCG@10 (binary gains)
 * and Recall@100, means over the queries; the hybrid mode with plain reciprocal rank fusion and
 * with weighted variants. Query text is escaped, so a question mark is a question mark and not a
 * wildcard.
 *
 * <p>Arguments: {@code [--train PATH] [--test PATH] [--cache DIR] [--threads N] [--limit N]}.
 */
public final class SearchQualityBench {
  private SearchQualityBench() {}

  /** One configuration measured. */
  private record Config(String name, SearchRequest.Mode mode, Fusion fusion) {}

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
    if (limit > 0 && limit < test.size()) {
      test = test.subList(0, limit);
    }
    float[][] trainVectors = SearchBenchData.embeddings(train, trainCsv, cache.resolve("banking77-train.minilm"));
    float[][] testVectors = SearchBenchData.embeddings(
        SearchBenchData.read(testCsv), testCsv, cache.resolve("banking77-test.minilm"));

    Map<String, Integer> perCategory = new HashMap<>();
    for (SearchBenchData.Row r : train) {
      perCategory.merge(r.category(), 1, Integer::sum);
    }
    Map<String, float[]> queryVectors = new HashMap<>();
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      String q = QueryParser.escape(test.get(i).text());
      queries.add(q);
      queryVectors.put(q, testVectors[i]);
    }

    Path dir = Files.createTempDirectory("search-quality");
    try (AnswerIndex index = AnswerIndex.open(dir)) {
      long t0 = System.nanoTime();
      WeekId week = new WeekId(2026, 10);
      for (int i = 0; i < train.size(); i++) {
        index.add(new AnswerRecord(i + 1, 1, week, LocalDate.of(2026, 3, 2), 5, ScoreBucket.MID, train.get(i).text(),
            null, null, null, AnswerIndexer.NO_SENTIMENT, null, false, trainVectors[i]));
      }
      index.commit();
      System.out.printf(Locale.ROOT, "Indexed %,d train questions in %.1f s; %,d test queries%n%n", train.size(),
          (System.nanoTime() - t0) / 1e9, test.size());

      // The fixture's embeddings stand in for the model at query time: same vectors, no model cost.
      AnswerSearch.QueryEmbedder embedder = queryVectors::get;
      List<Config> configs = List.of(
          new Config("BM25 (keyword)", SearchRequest.Mode.KEYWORD, Fusion.rrf()),
          new Config("vector (HNSW)", SearchRequest.Mode.VECTOR, Fusion.rrf()),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.rrf()),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.weightedRrf(0.5, 1)),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.weightedRrf(0.25, 1)),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.convex(0.5)),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.convex(0.7)),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.convex(0.8)),
          new Config("hybrid", SearchRequest.Mode.HYBRID, Fusion.convex(0.9)));
      System.out.printf(Locale.ROOT, "%-58s %8s %11s %8s%n", "mode", "nDCG@10", "Recall@100", "time s");
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (Config config : configs) {
          AnswerSearch search = new AnswerSearch(index, embedder, config.fusion());
          long start = System.nanoTime();
          List<Future<double[]>> parts = new ArrayList<>();
          List<SearchBenchData.Row> queriesRows = test;
          for (int t = 0; t < threads; t++) {
            int part = t;
            parts.add(pool.submit(() -> {
              double ndcg = 0;
              double recall = 0;
              for (int i = part; i < queries.size(); i += threads) {
                SearchResult r = search.search(
                    SearchRequest.of(queries.get(i)).withMode(config.mode()).withPage(0, 100));
                String want = queriesRows.get(i).category();
                double[] m = metrics(r.ids(), train, want, perCategory.get(want));
                ndcg += m[0];
                recall += m[1];
              }
              return new double[] {ndcg, recall};
            }));
          }
          double ndcg = 0;
          double recall = 0;
          for (Future<double[]> f : parts) {
            ndcg += f.get()[0];
            recall += f.get()[1];
          }
          String name = config.mode() == SearchRequest.Mode.HYBRID ? "hybrid, " + config.fusion() : config.name();
          System.out.printf(Locale.ROOT, "%-58s %8.4f %11.4f %8.1f%n", name, ndcg / queries.size(),
              recall / queries.size(), (System.nanoTime() - start) / 1e9);
        }
      } finally {
        pool.shutdown();
      }
      double ceiling = 0;
      for (SearchBenchData.Row r : test) {
        int relevant = perCategory.get(r.category());
        ceiling += Math.min(100, relevant) / (double) relevant;
      }
      System.out.printf(Locale.ROOT,
          "%nRecall@100 cannot exceed %.4f here: an intent has %d to %d train questions, most over 100.%n",
          ceiling / test.size(), perCategory.values().stream().mapToInt(Integer::intValue).min().orElse(0),
          perCategory.values().stream().mapToInt(Integer::intValue).max().orElse(0));
      System.out.printf(Locale.ROOT, "load average after: %s%n", SearchBenchData.loadAverage());
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** nDCG@10 with binary gains and Recall@100 of one ranked list of answer ids (train row + 1). */
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
