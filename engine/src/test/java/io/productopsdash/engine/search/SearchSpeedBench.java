package io.productopsdash.engine.search;

import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The search speed benchmark (a command, not a test): run it with {@code bench/search-speed.sh}.
 *
 * <ol>
 *   <li>Indexing throughput, answers per second through {@link AnswerIndex} (document building,
 *       indexing and the final commit), on one thread as a rebuild runs: without vectors and with
 *       (embeddings precomputed).
 *   <li>Query latency over an index of 1,000,000 answers (built once into {@code --index} and
 *       reused): p50 and p99 of {@link AnswerSearch#search}, first page of 20 with highlights and
 *       facet counts as the API runs it, one query at a time after a warm-up, for keyword queries,
 *       filtered (weeks, score or sentiment) and faceted keyword queries, vector queries (query
 *       embedding precomputed; the model adds its own time, printed apart) and hybrid queries.
 * </ol>
 *
 * <p>Synthetic answers: Banking77 train questions, one or two per answer, drawn with a fixed seed;
 * the embedding is the (normalised) mean of their real all-MiniLM-L6-v2 embeddings plus small
 * Gaussian noise; weeks spread over a year, scores 1..7 (CSAT), the intent as theme, sentiment from
 * the score, one answer in ten a feature request.
 *
 * <p>Arguments: {@code [--train PATH] [--cache DIR] [--index DIR] [--plain N] [--vectors N]
 * [--docs N] [--queries N] [--warmup N] [--build-threads N] [--phase throughput|latency|all]}.
 */
public final class SearchSpeedBench {
  private static final Scale SCALE = new Scale(ScoreKind.CSAT, 7, null, null, 2);
  private static final String[] SENTIMENTS = {"negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"};

  private SearchSpeedBench() {}

  /** Makes synthetic answers from Banking77 questions and their embeddings. */
  static final class Answers {
    private final List<SearchBenchData.Row> rows;
    private final float[][] vectors;
    private final Map<String, Integer> categories = new HashMap<>();

    Answers(List<SearchBenchData.Row> rows, float[][] vectors) {
      this.rows = rows;
      this.vectors = vectors;
      for (SearchBenchData.Row r : rows) {
        categories.putIfAbsent(r.category(), categories.size());
      }
    }

    /** Answer {@code id}, the same for the same id whatever the order. */
    AnswerRecord answer(long id, boolean withVector) {
      Random rnd = new Random(id * 0x9E3779B97F4A7C15L);
      int a = rnd.nextInt(rows.size());
      int b = rnd.nextInt(rows.size());
      boolean two = rnd.nextInt(3) == 0;
      String comment = two ? rows.get(a).text() + " " + rows.get(b).text() : rows.get(a).text();
      WeekId week = new WeekId(2025, 1 + (int) (id % 52));
      int score = 1 + rnd.nextInt(7);
      String category = rows.get(a).category();
      float[] embedding = null;
      if (withVector) {
        embedding = new float[AnswerFields.EMBEDDING_DIMENSION];
        double norm = 0;
        for (int j = 0; j < embedding.length; j++) {
          float v = vectors[a][j] + (two ? vectors[b][j] : 0) + (float) (rnd.nextGaussian() * 0.02);
          embedding[j] = v;
          norm += v * v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < embedding.length; j++) {
          embedding[j] *= inv;
        }
      }
      return new AnswerRecord(id, 1 + id % 3, week, week.monday().plusDays(id % 7), score,
          ScoreBucket.of(SCALE, score), comment, Integer.toString(categories.get(category)), category, null,
          SENTIMENTS[score - 1], null, rnd.nextInt(10) == 0, embedding);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = SearchBenchData.options(args);
    Path trainCsv = Path.of(opts.getOrDefault("train", "../shared/datasets/banking77/train.csv"));
    Path cache = Path.of(opts.getOrDefault("cache", "engine/target/bench-cache"));
    Path indexDir = Path.of(opts.getOrDefault("index", cache.resolve("search-1m").toString()));
    int plain = Integer.parseInt(opts.getOrDefault("plain", "200000"));
    int withVectors = Integer.parseInt(opts.getOrDefault("vectors", "50000"));
    int docs = Integer.parseInt(opts.getOrDefault("docs", "1000000"));
    int queries = Integer.parseInt(opts.getOrDefault("queries", "2000"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "500"));
    int buildThreads = Integer.parseInt(opts.getOrDefault("build-threads", "2"));
    String phase = opts.getOrDefault("phase", "all");

    System.out.printf(Locale.ROOT, "Search speed benchmark (%d cores, max heap %,d MB, load average %s)%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        SearchBenchData.loadAverage());
    List<SearchBenchData.Row> rows = SearchBenchData.read(trainCsv);
    float[][] vectors = SearchBenchData.embeddings(rows, trainCsv, cache.resolve("banking77-train.minilm"));
    Answers answers = new Answers(rows, vectors);

    if (phase.equals("all") || phase.equals("throughput")) {
      for (int threads : new int[] {1, AnswerIndexer.INDEX_THREADS}) {
        throughput(answers, plain, false, threads);
        throughput(answers, withVectors, true, threads);
      }
    }
    if (phase.equals("all") || phase.equals("latency")) {
      latency(answers, rows, vectors, indexDir, docs, queries, warmup, buildThreads);
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", SearchBenchData.loadAverage());
  }

  private static void throughput(Answers answers, int n, boolean withVectors, int threads) throws IOException {
    List<AnswerRecord> records = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      records.add(answers.answer(i, withVectors));
    }
    Path dir = Files.createTempDirectory("search-speed");
    try (AnswerIndex index = AnswerIndex.open(dir)) {
      long t0 = System.nanoTime();
      // As a rebuild adds them (AnswerIndexer.stream), minus the SQLite read.
      try (ParallelAdder adder = new ParallelAdder(index, threads)) {
        for (AnswerRecord r : records) {
          adder.add(r);
        }
        adder.finish();
      }
      index.commit();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "Indexing %s vectors: %,d answers in %.1f s = %,.0f answers/s (%d thread%s, target %s)%n",
          withVectors ? "with" : "without", n, s, n / s, threads, threads == 1 ? "" : "s",
          withVectors ? ">= 3,000/s" : ">= 20,000/s");
    } finally {
      delete(dir);
    }
  }

  private static void latency(Answers answers, List<SearchBenchData.Row> rows, float[][] vectors, Path indexDir,
      int docs, int queries, int warmup, int buildThreads) throws Exception {
    try (AnswerIndex index = AnswerIndex.open(indexDir)) {
      AnswerSearch probe = new AnswerSearch(index);
      long have = probe.search(SearchRequest.of("").withPage(0, 1)).totalHits();
      if (have != docs) {
        build(index, answers, docs, buildThreads);
      } else {
        System.out.printf(Locale.ROOT, "Reusing the index of %,d answers in %s%n", docs, indexDir);
      }
    }
    // Reopened as a server would open it after a restart: nothing cached from the build.
    try (AnswerIndex index = AnswerIndex.open(indexDir)) {
      Random rnd = new Random(20261126);
      List<String> words = vocabulary(rows);
      int n = warmup + queries;
      List<String> keyword = new ArrayList<>(n);
      List<SearchFilters> filters = new ArrayList<>(n);
      Map<String, float[]> queryVectors = new HashMap<>();
      List<String> vectorQueries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String q = words.get(rnd.nextInt(words.size()));
        if (rnd.nextBoolean()) {
          q += " " + words.get(rnd.nextInt(words.size()));
        }
        keyword.add(q);
        int from = 1 + rnd.nextInt(45);
        SearchFilters f = SearchFilters.none().withWeeks(new WeekId(2025, from), new WeekId(2025, from + 7));
        f = rnd.nextBoolean() ? f.withScores(null, 3) : f.withSentiment("negative");
        filters.add(f);
        int row = rnd.nextInt(rows.size());
        String text = rows.get(row).text() + " #" + i; // distinct keys; the vector is the row's
        queryVectors.put(text, vectors[row]);
        vectorQueries.add(text);
      }
      AnswerSearch search = new AnswerSearch(index, queryVectors::get);
      System.out.printf(Locale.ROOT, "%nQuery latency over %,d answers, %,d queries each after %,d warm-up, one at a time,"
          + " page of 20 with snippets and facets:%n", docs, queries, warmup);
      System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s %10s   %s%n", "query", "p50 ms", "p99 ms", "max ms",
          "cpu p50", "cpu p99", "mean hits", "target (p99)");
      measure("keyword", "p99 < 20 ms", warmup, queries,
          i -> SearchRequest.of(keyword.get(i)), search);
      measure("keyword + filters + facets", "p99 < 20 ms", warmup, queries,
          i -> SearchRequest.of(keyword.get(i)).withFilters(filters.get(i)), search);
      measure("vector (kNN 100)", "p99 < 50 ms", warmup, queries,
          i -> SearchRequest.of(vectorQueries.get(i)).withMode(SearchRequest.Mode.VECTOR), search);
      measure("vector + filters", "", warmup, queries,
          i -> SearchRequest.of(vectorQueries.get(i)).withMode(SearchRequest.Mode.VECTOR).withFilters(filters.get(i)), search);
      measure("hybrid (convex, the default)", "", warmup, queries,
          i -> SearchRequest.of(vectorQueries.get(i)).withMode(SearchRequest.Mode.HYBRID), search);
      measure("hybrid (plain RRF)", "", warmup, queries,
          i -> SearchRequest.of(vectorQueries.get(i)).withMode(SearchRequest.Mode.HYBRID),
          new AnswerSearch(index, queryVectors::get, Fusion.rrf()));
      hnswRecall(index, search, vectorQueries, queryVectors, 20);
      long t0 = System.nanoTime();
      int embedded = 200;
      for (int i = 0; i < embedded; i++) {
        io.productopsdash.engine.embed.SentenceEmbedder.shared().embed(rows.get(i).text());
      }
      System.out.printf(Locale.ROOT, "(embedding a query with the model, not included above: %.1f ms each, mean of %d"
          + " including the model load)%n", (System.nanoTime() - t0) / 1e6 / embedded, embedded);
    }
  }

  /*
   * What the approximate (HNSW) vector search loses: its 100 nearest against the exact 100 nearest
   * by a scan of every vector, for a few queries.
   */
  private static void hnswRecall(AnswerIndex index, AnswerSearch search, List<String> queries,
      Map<String, float[]> vectors, int n) throws IOException {
    double recall = 0;
    long t0 = System.nanoTime();
    org.apache.lucene.search.IndexSearcher searcher = index.acquire();
    try {
      for (int i = 0; i < n; i++) {
        float[] q = vectors.get(queries.get(i));
        java.util.PriorityQueue<long[]> best = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong((long[] e) -> e[0]));
        for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues(AnswerFields.EMBEDDING);
          org.apache.lucene.index.NumericDocValues ids = leaf.reader().getNumericDocValues(AnswerFields.ID);
          for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
              doc = values.nextDoc()) {
            float score = org.apache.lucene.index.VectorSimilarityFunction.COSINE.compare(q, values.vectorValue());
            ids.advanceExact(doc);
            // score in the high bits (sortable), id in the low: one long per candidate
            best.add(new long[] {(long) (score * 1e9), ids.longValue()});
            if (best.size() > 100) {
              best.poll();
            }
          }
        }
        Set<Long> exact = new java.util.HashSet<>();
        best.forEach(e -> exact.add(e[1]));
        List<Long> approx = search.search(SearchRequest.of(queries.get(i)).withMode(SearchRequest.Mode.VECTOR)
            .withPage(0, 100)).ids();
        recall += approx.stream().filter(exact::contains).count() / 100.0;
      }
    } finally {
      index.release(searcher);
    }
    System.out.printf(Locale.ROOT, "HNSW recall@100 against an exact scan: %.3f (mean of %d queries, %.0f s)%n",
        recall / n, n, (System.nanoTime() - t0) / 1e9);
  }

  private interface Requests {
    SearchRequest get(int i);
  }

  private static void measure(String name, String target, int warmup, int queries, Requests requests, AnswerSearch search)
      throws IOException {
    for (int i = 0; i < warmup; i++) {
      search.search(requests.get(i));
    }
    long[] nanos = new long[queries];
    long[] cpu = new long[queries];
    long hits = 0;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < queries; i++) {
      SearchRequest r = requests.get(warmup + i);
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      SearchResult result = search.search(r);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      hits += result.totalHits();
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    int p99 = (int) Math.ceil(queries * 0.99) - 1;
    // CPU time of the querying thread: what the query costs, without the waits for a core that a
    // loaded machine adds to the wall time.
    System.out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f %8.2f %,10d   %s%n", name, nanos[queries / 2] / 1e6,
        nanos[p99] / 1e6, nanos[queries - 1] / 1e6, cpu[queries / 2] / 1e6, cpu[p99] / 1e6, hits / queries, target);
  }

  private static void build(AnswerIndex index, Answers answers, int docs, int threads) throws Exception {
    System.out.printf(Locale.ROOT, "Building the index of %,d answers with vectors on %d threads (once; reused later)...%n",
        docs, threads);
    long t0 = System.nanoTime();
    index.deleteAll();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int part = t;
        Supplier<Void> work = () -> {
          try {
            for (long id = 1 + part; id <= docs; id += threads) {
              index.add(answers.answer(id, true));
              if (part == 0 && id % 100_000 < threads) {
                System.out.printf(Locale.ROOT, "  %,d answers, %.0f s%n", id, (System.nanoTime() - t0) / 1e9);
              }
            }
            return null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
        parts.add(pool.submit(work::get));
      }
      for (Future<Void> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    index.commit();
    System.out.printf(Locale.ROOT, "Built in %.0f s (%,.0f answers/s on %d threads, merges included)%n",
        (System.nanoTime() - t0) / 1e9, docs / ((System.nanoTime() - t0) / 1e9), threads);
  }

  /** Words of four letters or more from the questions, each once, in first-seen order. */
  private static List<String> vocabulary(List<SearchBenchData.Row> rows) {
    Set<String> words = new LinkedHashSet<>();
    for (SearchBenchData.Row r : rows) {
      for (String w : r.text().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (w.length() >= 4) {
          words.add(w);
        }
      }
    }
    return new ArrayList<>(words);
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
