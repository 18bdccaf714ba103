package io.productopsdash.engine.text.enrich;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The enrichment benchmark (a command, not a test): run it with {@code bench/enrichment-bench.sh}.
 * On N Banking77 train texts spread evenly over the file: model load times, enrichment throughput
 * in memory and through {@link EnrichmentService} into SQLite (no sentiment), sentiment throughput
 * through {@link SentimentWorker} with the shift-reduce parser, and a few theme labels computed
 * with the true intents as themes.
 *
 * <p>Arguments: {@code [--banking77 PATH] [--n 2000] [--threads 2] [--labels 12]}.
 */
public final class EnrichmentBench {
  private EnrichmentBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path banking =
        Path.of(opts.getOrDefault("banking77", "../shared/datasets/banking77/train.csv"));
    int n = Integer.parseInt(opts.getOrDefault("n", "2000"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
    int labels = Integer.parseInt(opts.getOrDefault("labels", "12"));

    List<String[]> rows = read(banking, n);
    List<String> texts = rows.stream().map(r -> r[0]).toList();
    System.out.printf(
        Locale.ROOT,
        "Enrichment benchmark: %d Banking77 texts, %d threads, %d cores, heap max %d MB%n",
        texts.size(),
        threads,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    long t0 = System.nanoTime();
    Enricher.shared().enrich("Warm up the pipeline.");
    System.out.printf(Locale.ROOT, "load NER pipeline (tokenize..ner): %.1f s%n", secs(t0));
    t0 = System.nanoTime();
    SentimentAnalyzer.shared().analyze("Warm up the parser.");
    System.out.printf(Locale.ROOT, "load sentiment pipeline (SR parser): %.1f s%n", secs(t0));

    // Warm the JIT on a slice, then measure the enricher alone.
    inMemory(texts.subList(0, Math.min(200, texts.size())), threads);
    t0 = System.nanoTime();
    List<Enrichment> enriched = inMemory(texts, threads);
    double s = secs(t0);
    System.out.printf(
        Locale.ROOT,
        "enrich in memory: %d answers in %.1f s = %.0f answers/s%n",
        texts.size(), s, texts.size() / s);

    Path dir = Files.createTempDirectory("enrichment-bench");
    try (Database db = Database.open(dir)) {
      Clock clock = Clock.systemUTC();
      Survey survey =
          new SurveyService(db, clock)
              .create(
                  new SurveyDraft(
                      "Bench", "How satisfied are you?",
                      new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", 1.0, 4, true));
      db.write(
          c -> {
            AnswerRepository answers = new AnswerRepository();
            for (int i = 0; i < texts.size(); i++) {
              answers.insert(
                  c, "r" + i, survey.id(), "u" + i, WeekId.parse("2026-W10"), 5, texts.get(i),
                  "en", null, clock.instant());
            }
            return null;
          });
      EnrichmentService service =
          new EnrichmentService(
              db, Enricher.shared(), clock, new EnrichmentService.Options(threads, 64));
      EnrichmentService.Result r = service.enrichPending((done, total) -> {});
      System.out.printf(
          Locale.ROOT,
          "EnrichmentService (SQLite, no sentiment): %d answers in %.1f s = %.0f answers/s,"
              + " %d comments rewritten (names)%n",
          r.enriched(), r.elapsed().toMillis() / 1e3, r.answersPerSecond(), r.commentsRewritten());
      EnrichmentService.Result again = service.enrichPending((done, total) -> {});
      System.out.printf(
          Locale.ROOT,
          "second run: %d of %d answers enriched in %.2f s%n",
          again.enriched(), again.candidates(), again.elapsed().toMillis() / 1e3);
      try (SentimentWorker worker =
          new SentimentWorker(db, SentimentAnalyzer.shared(), clock, threads)) {
        SentimentWorker.Report report = worker.start().get();
        System.out.printf(
            Locale.ROOT,
            "SentimentWorker (SR parser): %d answers in %.1f s = %.1f answers/s%n",
            report.answers(), report.elapsed().toMillis() / 1e3, report.answersPerSecond());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    Map<String, Integer> ids = new HashMap<>();
    int[] themes = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      themes[i] = ids.computeIfAbsent(rows.get(i)[1], c -> ids.size());
    }
    List<String> names = new ArrayList<>(ids.keySet());
    names.sort(Comparator.comparing(ids::get));
    List<String> redacted = enriched.stream().map(Enrichment::text).toList();
    List<CoreNlpThemeLabeler.ThemeTerms> described =
        CoreNlpThemeLabeler.of(enriched).describe(redacted, themes, ids.size());
    System.out.println("labels with the true intents as themes (first " + labels + "):");
    for (int t = 0; t < Math.min(labels, described.size()); t++) {
      System.out.printf(
          Locale.ROOT,
          "  %-32s %-36s %s%n",
          names.get(t), described.get(t).label(), described.get(t).keywords());
    }
  }

  private static List<Enrichment> inMemory(List<String> texts, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Enrichment>> futures = new ArrayList<>(texts.size());
      for (String t : texts) {
        futures.add(pool.submit(() -> Enricher.shared().enrich(t)));
      }
      List<Enrichment> out = new ArrayList<>(texts.size());
      for (Future<Enrichment> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every (size / n)-th row, so that all intents appear; text and category. */
  private static List<String[]> read(Path csv, int n) throws Exception {
    List<String[]> all = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        all.add(new String[] {r.get("text"), r.get("category")});
      }
    }
    List<String[]> out = new ArrayList<>(n);
    double step = Math.max(1.0, (double) all.size() / n);
    for (double i = 0; i < all.size() && out.size() < n; i += step) {
      out.add(all.get((int) i));
    }
    return out;
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
