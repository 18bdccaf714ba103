package io.productopsdash.engine.text.redact;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The redaction benchmark (a command, not a test): run it with {@code bench/redaction-bench.sh}.
 *
 * <ol>
 *   <li>A seeded corpus of planted secrets of every kind inside realistic sentences: the share
 *       removed exactly (the secret became its placeholder and nothing else changed) and the share
 *       whose secret text is gone, per kind and per variant. Target 100%.
 *   <li>Banking77 train through the full redactor (patterns + CoreNLP names): the share of answers
 *       changed (target below 1%), per kind, and example changes.
 *   <li>Throughput in answers per second: patterns only on 1 and 2 threads, patterns + NER on 2.
 *   <li>With {@code --compare-ner}: speed and name recall of NER pipeline variants.
 * </ol>
 *
 * <p>Arguments: {@code [--banking77 PATH] [--planted N] [--names N] [--seed S] [--threads T]
 * [--examples K] [--compare-ner]}.
 */
public final class RedactionBench {
  private RedactionBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path banking =
        Path.of(opts.getOrDefault("banking77", "../shared/datasets/banking77/train.csv"));
    int planted = Integer.parseInt(opts.getOrDefault("planted", "2600"));
    int names = Integer.parseInt(opts.getOrDefault("names", "400"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "20260301"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
    int examples = Integer.parseInt(opts.getOrDefault("examples", "20"));

    System.out.printf(
        Locale.ROOT,
        "Redaction benchmark (seed %d, %d threads, %d cores, load average %s)%n%n",
        seed,
        threads,
        Runtime.getRuntime().availableProcessors(),
        loadAverage());

    // (a) planted secrets, patterns only: what the answer POST path removes.
    List<PlantedCorpus.Item> secrets =
        PlantedCorpus.generate(seed, planted, PlantedCorpus.VARIANTS);
    System.out.printf(
        Locale.ROOT, "== Planted secrets, patterns only (%d planted) ==%n", secrets.size());
    report(secrets, Redactor.regexOnly());

    long t0 = System.nanoTime();
    StanfordCoreNLP pipeline = NlpPipelines.ner();
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    Redactor full = Redactor.withNames(CoreNlpPersonNameFinder.shared());
    System.out.printf(
        Locale.ROOT,
        "%nCoreNLP NER pipeline loaded in %.1f s (%s)%n%n",
        loadSeconds,
        pipeline.getProperties().getProperty("annotators"));

    List<PlantedCorpus.Item> withNames = new ArrayList<>(secrets);
    withNames.addAll(PlantedCorpus.generate(seed + 1, names, List.of(PlantedCorpus.NAMES)));
    System.out.printf(
        Locale.ROOT,
        "== Planted secrets and names, patterns + NER (%d planted) ==%n",
        withNames.size());
    report(withNames, full);

    // (b) Banking77 train.
    List<String> answers = readTexts(banking);
    System.out.printf(
        Locale.ROOT,
        "%n== Banking77 train (%s): %d answers, patterns + NER ==%n",
        banking,
        answers.size());
    List<Redaction> redactions = runParallel(answers, full::redact, threads);
    int changed = 0;
    Map<RedactionKind, int[]> perKind = new EnumMap<>(RedactionKind.class);
    List<Integer> changedIndexes = new ArrayList<>();
    for (int i = 0; i < redactions.size(); i++) {
      Redaction r = redactions.get(i);
      if (r.changed()) {
        changed++;
        changedIndexes.add(i);
        for (Map.Entry<RedactionKind, Integer> e : r.counts().entrySet()) {
          int[] c = perKind.computeIfAbsent(e.getKey(), k -> new int[2]);
          c[0]++;
          c[1] += e.getValue();
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "answers changed: %d of %d = %.2f%% (target < 1%%)%n",
        changed,
        answers.size(),
        100.0 * changed / answers.size());
    for (Map.Entry<RedactionKind, int[]> e : perKind.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "  %-15s %4d answers (%.2f%%), %4d spans%n",
          e.getKey().placeholder(),
          e.getValue()[0],
          100.0 * e.getValue()[0] / answers.size(),
          e.getValue()[1]);
    }
    int regexChanged = 0;
    for (String a : answers) {
      if (Redactor.regexOnly().redact(a).changed()) {
        regexChanged++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "answers changed by patterns alone: %d (%.2f%%)%n",
        regexChanged,
        100.0 * regexChanged / answers.size());
    System.out.printf(
        Locale.ROOT,
        "%d example changes (evenly spread over the changed answers):%n",
        Math.min(examples, changedIndexes.size()));
    for (int k = 0; k < Math.min(examples, changedIndexes.size()); k++) {
      int i =
          changedIndexes.get(k * changedIndexes.size() / Math.min(examples, changedIndexes.size()));
      System.out.printf(
          Locale.ROOT,
          "  - %s%n    > %s%n",
          oneLine(answers.get(i)),
          oneLine(redactions.get(i).text()));
    }

    // (c) throughput.
    System.out.printf(Locale.ROOT, "%n== Throughput on Banking77 train (after a warm-up) ==%n");
    Redactor regex = Redactor.regexOnly();
    throughput("patterns only, 1 thread", answers, regex::redact, 1, 20);
    throughput("patterns only, " + threads + " threads", answers, regex::redact, threads, 20);
    throughput("patterns + NER, " + threads + " threads", answers, full::redact, threads, 2);

    if (opts.containsKey("compare-ner")) {
      compareNer(
          answers, PlantedCorpus.generate(seed + 1, names, List.of(PlantedCorpus.NAMES)), threads);
    }
  }

  /** Per-kind and per-variant removal rates of planted items. */
  private static void report(List<PlantedCorpus.Item> items, Redactor redactor) throws Exception {
    List<Redaction> out =
        runParallel(items.stream().map(PlantedCorpus.Item::text).toList(), redactor::redact, 2);
    Map<String, int[]> byKind = new LinkedHashMap<>();
    Map<String, int[]> byVariant = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PlantedCorpus.Item item = items.get(i);
      String text = out.get(i).text();
      boolean exact = text.equals(item.expected());
      boolean gone = !text.contains(item.secret()) && text.contains(item.kind().placeholder());
      for (int[] c :
          List.of(
              byKind.computeIfAbsent(item.kind().placeholder(), k -> new int[3]),
              byVariant.computeIfAbsent(item.variant(), k -> new int[3]))) {
        c[0]++;
        c[1] += exact ? 1 : 0;
        c[2] += gone ? 1 : 0;
      }
      if (!exact && misses.size() < 8) {
        misses.add(oneLine(item.text()) + "\n    > " + oneLine(text));
      }
    }
    System.out.printf(
        Locale.ROOT, "%-24s %7s %16s %16s%n", "kind", "planted", "removed exactly", "secret gone");
    print(byKind);
    System.out.printf(Locale.ROOT, "%-24s%n", "by variant:");
    print(byVariant);
    int[] all = new int[3];
    byKind
        .values()
        .forEach(
            c -> {
              all[0] += c[0];
              all[1] += c[1];
              all[2] += c[2];
            });
    System.out.printf(
        Locale.ROOT,
        "%-24s %7d %8d %6.2f%% %8d %6.2f%%%n",
        "ALL",
        all[0],
        all[1],
        100.0 * all[1] / all[0],
        all[2],
        100.0 * all[2] / all[0]);
    for (String m : misses) {
      System.out.printf(Locale.ROOT, "  miss: %s%n", m);
    }
  }

  private static void print(Map<String, int[]> rows) {
    for (Map.Entry<String, int[]> e : rows.entrySet()) {
      int[] c = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "  %-22s %7d %8d %6.2f%% %8d %6.2f%%%n",
          e.getKey(),
          c[0],
          c[1],
          100.0 * c[1] / c[0],
          c[2],
          100.0 * c[2] / c[0]);
    }
  }

  /** Best of {@code passes} timed passes over all texts, after a warm-up pass over 1,000. */
  private static double throughput(
      String label, List<String> texts, Function<String, ?> f, int threads, int passes)
      throws Exception {
    runParallel(texts.subList(0, Math.min(texts.size(), 1000)), f, threads);
    double best = 0;
    for (int p = 0; p < passes; p++) {
      long start = System.nanoTime();
      runParallel(texts, f, threads);
      best = Math.max(best, texts.size() / ((System.nanoTime() - start) / 1e9));
    }
    if (label != null) {
      System.out.printf(
          Locale.ROOT,
          "  %-28s %10.0f answers/s (best of %d passes over %d answers)%n",
          label,
          best,
          passes,
          texts.size());
    }
    return best;
  }

  /** Applies {@code f} to every text on {@code threads} threads, results in input order. */
  static <T> List<T> runParallel(List<String> texts, Function<String, T> f, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int chunk = 64;
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int from = 0; from < texts.size(); from += chunk) {
        List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
        futures.add(pool.submit(() -> part.stream().map(f).toList()));
      }
      List<T> out = new ArrayList<>(texts.size());
      for (Future<List<T>> future : futures) {
        out.addAll(future.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * NER variants: load time, answers/s on Banking77, persons found on Banking77 and planted names.
   */
  private static void compareNer(List<String> answers, List<PlantedCorpus.Item> names, int threads)
      throws Exception {
    System.out.printf(Locale.ROOT, "%n== NER pipeline variants (%d threads) ==%n", threads);
    System.out.printf(
        Locale.ROOT,
        "%-56s %10s %14s %12s%n",
        "variant",
        "answers/s",
        "B77 w/ person",
        "names exact");
    String three = NlpPipelines.NER_MODEL;
    String all =
        "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz,"
            + "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz,"
            + "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz";
    String[][] variants = {
      {"tokenize,ssplit,pos,lemma,ner; 3class (chosen)", "tokenize,ssplit,pos,lemma,ner", three},
      {"tokenize,ssplit,pos,lemma,ner; 3class+4class+7class", "tokenize,ssplit,pos,lemma,ner", all},
      {"tokenize,ssplit,ner; 3class", "tokenize,ssplit,ner", three},
    };
    for (String[] v : variants) {
      Properties p = NlpPipelines.nerProperties();
      p.setProperty("annotators", v[1]);
      p.setProperty("ner.model", v[2]);
      CoreNlpPersonNameFinder finder = new CoreNlpPersonNameFinder(new StanfordCoreNLP(p));
      double speed = throughput(null, answers, finder::find, threads, 2);
      long withPerson =
          runParallel(answers, finder::find, threads).stream().filter(l -> !l.isEmpty()).count();
      Redactor r = Redactor.withNames(finder);
      long recalled =
          names.stream().filter(i -> r.redact(i.text()).text().equals(i.expected())).count();
      System.out.printf(
          Locale.ROOT,
          "%-56s %10.0f %14d %8d/%d%n",
          v[0],
          speed,
          withPerson,
          recalled,
          names.size());
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  static List<String> readTexts(Path csv) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord record : format.parse(in)) {
        texts.add(record.get("text"));
      }
    }
    return texts;
  }

  private static String oneLine(String s) {
    return s.replace("\n", "\\n");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Invalid argument: " + args[i]);
      }
      String key = args[i].substring(2);
      if (key.equals("compare-ner")) {
        opts.put(key, "true");
      } else if (i + 1 < args.length) {
        opts.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("Missing value for " + args[i]);
      }
    }
    return opts;
  }
}
