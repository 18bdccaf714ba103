package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.engine.text.enrich.SentimentWorker;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The theme pipeline benchmark (a command, not a test): run it with {@code
 * bench/theme-pipeline-bench.sh}. Inserts the first N texts of a CSV (by default the Banking77 train
 * questions; any file with a text column, such as the mixed 100,000 of {@code
 * bench/make-scale-texts.py}) as answers of one survey in one week into a fresh SQLite file, times {@link ThemePipeline} stage by stage (model
 * loading included, as in a fresh server process), waits for the background sentiment run and
 * reports its throughput, then runs the same week again, which must enrich and embed nothing.
 *
 * <p>Arguments: {@code [--csv PATH] [--text-column text] [--n 10000] [--dir PATH]} ({@code --banking77
 * PATH} is the same as {@code --csv PATH}).
 */
public final class ThemePipelineBench {
  private static final WeekId WEEK = WeekId.parse("2026-W10");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ThemePipelineBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path csv = Path.of(opts.getOrDefault("csv", opts.getOrDefault("banking77", "../shared/datasets/banking77/train.csv")));
    int n = Integer.parseInt(opts.getOrDefault("n", "10000"));
    Path dir = opts.containsKey("dir") ? Path.of(opts.get("dir")) : Files.createTempDirectory("pod-theme-bench");
    List<String> texts = read(csv, opts.getOrDefault("text-column", "text"), n);
    System.out.printf(
        Locale.ROOT,
        "Theme pipeline benchmark: %d texts of %s, %d cores, heap max %d MB, database %s%n",
        texts.size(),
        csv.getFileName(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        dir.resolve(Database.FILE_NAME));

    HeapSampler heap = new HeapSampler();
    heap.start();
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dir)) {
      long started = System.nanoTime();
      Survey survey = insert(db, texts);
      System.out.printf(Locale.ROOT, "insert: %d answers in %.1f s%n", texts.size(), secs(started));

      heap.reset();
      Stages first = new Stages();
      ThemePipeline.Outcome one = ThemePipeline.run(db, survey.seriesId(), WEEK, clock, first);
      first.finish();
      long returned = System.nanoTime();
      long themesHeap = heap.max();
      print("run 1", one, first);
      System.out.printf(
          Locale.ROOT,
          "run 1 peak heap used (sampled every 50 ms): %d MB; heap pools' peak sum: %d MB%n",
          themesHeap >> 20,
          poolPeaks() >> 20);

      SentimentWorker.Report sentiment = one.sentiment().get(30, TimeUnit.MINUTES);
      System.out.printf(
          Locale.ROOT,
          "sentiment (background, after the run returned): %d answers in %.1f s, %.0f answers/s without the model load;"
              + " %.1f s from the run's return to the last stored sentiment; peak heap so far %d MB%n",
          sentiment.answers(),
          sentiment.elapsed().toNanos() / 1e9,
          sentiment.answersPerSecond(),
          secs(returned),
          heap.max() >> 20);

      Stages second = new Stages();
      ThemePipeline.Outcome two = ThemePipeline.run(db, survey.seriesId(), WEEK, clock, second);
      second.finish();
      print("run 2 (same week again)", two, second);
      two.sentiment().get(30, TimeUnit.MINUTES);
    } finally {
      heap.interrupt();
    }
  }

  private static void print(String name, ThemePipeline.Outcome o, Stages s) {
    WeeklyThemeRun.Result r = o.themes();
    System.out.printf(
        Locale.ROOT,
        "%s: wall %.1f s; %d answers, enriched %d, embedded %d, %d themes, %d request answers%n",
        name,
        s.total(),
        r.answers(),
        o.enrichment().enriched(),
        r.embedded(),
        r.themes().size(),
        r.requestAnswers());
    System.out.printf(
        Locale.ROOT,
        "  unclustered (noise): %d of %d answers (%.1f%%)%n",
        r.unclustered().size(),
        r.answers(),
        r.answers() == 0 ? 0.0 : 100.0 * r.unclustered().size() / r.answers());
    System.out.printf(Locale.ROOT, "  enrichment (CoreNLP load included): %.1f s%n", o.enrichment().elapsed().toNanos() / 1e9);
    s.stages(o.enrichment().elapsed().toNanos() / 1e9)
        .forEach((stage, seconds) -> System.out.printf(Locale.ROOT, "  %s: %.1f s%n", stage, seconds));
  }

  private static Survey insert(Database db, List<String> texts) {
    AnswerRepository answers = new AnswerRepository();
    return db.write(
        c -> {
          Survey s =
              new SurveyRepository()
                  .insertNew(
                      c,
                      new SurveyDraft(
                          "Bench", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, null, null, 2), "Why?", 1.0, 4, true),
                      T0);
          for (int i = 0; i < texts.size(); i++) {
            answers.insert(c, "b-" + i, s.id(), "u-" + i, WEEK, 1 + i % 7, texts.get(i), "en", null, T0);
          }
          return s;
        });
  }

  /** Times of the pipeline's progress events, turned into the duration of each stage. */
  private static final class Stages implements WeeklyThemeRun.Progress {
    private final long started = System.nanoTime();
    private final Map<String, Long> events = new LinkedHashMap<>();
    private long finished;

    @Override
    public synchronized void update(String stage, int done, int total) {
      long now = System.nanoTime();
      events.putIfAbsent(stage + " start", now);
      if (done == total) {
        events.put(stage + " end", now);
      }
    }

    void finish() {
      finished = System.nanoTime();
    }

    double total() {
      return (finished - started) / 1e9;
    }

    private double between(String from, String to) {
      Long a = events.get(from);
      Long b = events.get(to);
      return a == null || b == null ? Double.NaN : (b - a) / 1e9;
    }

    Map<String, Double> stages(double enrichment) {
      Map<String, Double> out = new LinkedHashMap<>();
      Long embedStart = events.get("embed start");
      out.put(
          "reading stored enrichment and answers for the labeller",
          embedStart == null ? Double.NaN : (embedStart - started) / 1e9 - enrichment);
      out.put("embedding (MiniLM load included on a first run)", between("embed start", "embed end"));
      out.put("clustering (themes and sub-themes)", between("cluster start", "label start"));
      out.put("labelling (from stored lemmas and noun phrases)", between("label start", "label end"));
      out.put("keywords, quotes, summaries", between("label end", "cluster end"));
      out.put("tracking and feature requests", between("cluster end", "requests end"));
      out.put("storing (one transaction)", between("store start", "store end"));
      out.put("starting sentiment in the background", (finished - events.getOrDefault("store end", finished)) / 1e9);
      return out;
    }
  }

  /** Samples the heap in use every 50 ms; the max is a lower bound of the true peak. */
  private static final class HeapSampler extends Thread {
    private final AtomicLong max = new AtomicLong();

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      Runtime rt = Runtime.getRuntime();
      while (!isInterrupted()) {
        max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void reset() {
      max.set(0);
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }

    long max() {
      return max.get();
    }
  }

  /* Sum of each heap pool's own peak: an upper bound of the peak heap in use (pools peak at different times). */
  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static List<String> read(Path csv, String column, int n) throws Exception {
    List<String> out = new ArrayList<>(n);
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (out.size() == n) {
          break;
        }
        out.add(r.get(column));
      }
    }
    return out;
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
