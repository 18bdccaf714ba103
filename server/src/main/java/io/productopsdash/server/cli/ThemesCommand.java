package io.productopsdash.server.cli;

import io.productopsdash.engine.cluster.ClassTfIdfLabeler;
import io.productopsdash.engine.cluster.ClusteringMetrics;
import io.productopsdash.engine.cluster.ClusteringOptions;
import io.productopsdash.engine.cluster.ThemeClustering;
import io.productopsdash.engine.cluster.ThemeLabeler;
import io.productopsdash.engine.embed.SentenceEmbedder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash themes --csv FILE --out FILE}: finds the themes of a column of short texts
 * in any RFC 4180 CSV file (header row, quoted fields, newlines inside quotes) and writes {@code
 * row,theme,label} per data row. Rows are numbered from 1 (the first row after the header); themes
 * from 0, the largest first; rows without text get theme -1. With {@code --label-column}, the themes
 * are scored against the true classes (NMI, ARI, Hungarian accuracy, in percent).
 *
 * <p>Pipeline: all-MiniLM-L6-v2 embeddings ({@link SentenceEmbedder}), {@link ThemeClustering}
 * (number of themes automatic unless {@code --k}), labels from a {@link ThemeLabeler} (for now
 * class-based TF-IDF keywords). Exit code 0 on success, 1 when a file cannot be read or written, 2
 * for bad options or a missing column.
 */
@Command(
    name = "themes",
    mixinStandardHelpOptions = true,
    description = {
      "Cluster a column of short texts (any CSV file) into themes and write row,theme,label.",
      "The number of themes is chosen automatically unless --k is given."
    })
public final class ThemesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV file with a header row (RFC 4180).")
  Path csv;

  @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text", description = "Column of the texts (default: ${DEFAULT-VALUE}).")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "NAME", description = "Column of true classes: print NMI, ARI and accuracy against it.")
  String labelColumn;

  @Option(
      names = "--week-column",
      paramLabel = "NAME",
      description = "Column of ISO weeks (YYYY-Www): run the weekly theme pipeline week by week in a throw-away"
          + " workspace (persistent themes, flags, names) and, with --label-column, print how well the themes"
          + " follow the labels over time.")
  String weekColumn;

  @Option(names = "--score-column", paramLabel = "NAME", description = "With --week-column: column of 1-7 scores (default: 4 for every row).")
  String scoreColumn;

  @Option(names = "--workspace", paramLabel = "DIR", description = "With --week-column: keep the workspace in DIR (new or empty) instead of a temporary folder.")
  Path workspace;

  @Option(names = "--k", paramLabel = "N", description = "Exactly N themes (Ward linkage, at most 20,000 texts) instead of the automatic number.")
  Integer k;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV: row,theme,label.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--sub-themes", description = "Also split every theme into sub-themes: adds columns sub_theme,sub_label.")
  boolean subThemes;

  @Option(
      names = "--fragment-fraction",
      paramLabel = "F",
      defaultValue = "0",
      description = "Also merge graph communities smaller than F times the median theme (default: off; 0.33 helps"
          + " when most themes are large, and can swallow small ones).")
  double fragmentFraction;

  @Option(
      names = "--no-pruning",
      description = "Keep every theme the Lloyd iterations leave, also those whose dissolving raises the graph's"
          + " modularity (the method before modularity pruning; automatic k only).")
  boolean noPruning;

  @Option(names = "--limit", paramLabel = "N", description = "Read only the first N data rows.")
  Integer limit;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Largest themes to print (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--timings", description = "Print the time of each stage and the peak heap.")
  boolean timings;

  private static final String DJL_CUDA_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda";

  /** Names the themes; a lemma and noun-phrase labeler will replace the keyword one. */
  ThemeLabeler labeler = ClassTfIdfLabeler.of(ClassTfIdfLabeler.DEFAULT_TERMS);

  /**
   * Rows of the input: the text (null when missing or blank), the true class, week and score
   * columns' values when asked for (else null lists).
   */
  private record Rows(List<String> texts, List<String> classes, List<String> weeks, List<String> scores) {}

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (k != null && k < 1) {
      stderr.println("--k must be 1 or more, got " + k);
      return 2;
    }
    if (threads < 1 || (limit != null && limit < 1) || top < 0) {
      stderr.println("--threads and --limit must be 1 or more, --top 0 or more");
      return 2;
    }
    if (!(fragmentFraction >= 0 && fragmentFraction < 1)) {
      stderr.println("--fragment-fraction must be at least 0 and below 1, got " + fragmentFraction);
      return 2;
    }
    long t0 = System.nanoTime();
    Rows rows;
    try {
      rows = read();
    } catch (MissingColumnException e) {
      stderr.println(e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      stderr.println("Cannot read " + csv + ": " + e.getMessage());
      return 1;
    }
    List<String> texts = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    for (int r = 0; r < rows.texts().size(); r++) {
      if (rows.texts().get(r) != null) {
        texts.add(rows.texts().get(r));
        rowOf.add(r);
      }
    }
    int blank = rows.texts().size() - texts.size();
    stdout.printf(Locale.ROOT, "Read %,d rows from %s (%,d without text).%n", rows.texts().size(), csv, blank);
    if (texts.isEmpty()) {
      stderr.println("No texts in column '" + textColumn + "'");
      return 2;
    }
    if (weekColumn != null) {
      return weekly(rows, stdout, stderr);
    }
    if (scoreColumn != null || workspace != null) {
      stderr.println("--score-column and --workspace need --week-column");
      return 2;
    }
    if (k != null && k > texts.size()) {
      stderr.println("--k " + k + " is more than the " + texts.size() + " texts");
      return 2;
    }
    if (k != null && texts.size() > ThemeClustering.FIXED_K_MAX_ROWS) {
      stderr.printf(
          Locale.ROOT, "--k takes at most %,d texts (Ward linkage keeps every pairwise distance), this file has %,d;"
              + " leave --k out for the automatic number of themes%n", ThemeClustering.FIXED_K_MAX_ROWS, texts.size());
      return 2;
    }
    stdout.flush();
    long t1 = System.nanoTime();
    // DJL, under the tokenizer, warns that it found no GPU; nothing here uses one.
    if (System.getProperty(DJL_CUDA_LOG_LEVEL) == null) {
      System.setProperty(DJL_CUDA_LOG_LEVEL, "error");
    }
    SentenceEmbedder embedder = SentenceEmbedder.shared();
    long t2 = System.nanoTime();
    PrintStream console = System.console() != null ? System.err : null;
    TextProgress bar = console != null ? new TextProgress(console) : null;
    float[][] vectors = embedder.embedAll(texts, threads, bar == null ? SentenceEmbedder.Progress.NONE : bar::update);
    if (bar != null) {
      bar.finish();
    }
    long t3 = System.nanoTime();
    ClusteringOptions options =
        ClusteringOptions.defaults()
            .withSeed(seed)
            .withFixedK(k)
            .withThreads(threads)
            .withSubThemes(subThemes)
            .withFragmentFraction(fragmentFraction)
            .withModularityPruning(!noPruning);
    ThemeClustering themes = ThemeClustering.fit(vectors, options);
    long t4 = System.nanoTime();
    int[] assignments = themes.assignments();
    List<String> labels = labeler.labels(texts, assignments, themes.k());
    List<List<String>> subLabels = subThemes ? subLabels(texts, themes) : List.of();
    long t5 = System.nanoTime();
    int[] sub = themes.subAssignments();
    try {
      write(rows.texts().size(), rowOf, assignments, labels, sub, subLabels);
    } catch (IOException | UncheckedIOException e) {
      stderr.println("Cannot write " + out + ": " + e.getMessage());
      return 1;
    }
    long t6 = System.nanoTime();
    report(stdout, texts.size(), themes, labels, k != null);
    if (timings) {
      stdout.printf(
          Locale.ROOT,
          "Timings: read %.1f s, model load %.1f s, embedding %.1f s (%,.0f texts/s on %d threads),"
              + " clustering %.1f s, labelling %.1f s, writing %.1f s; total %.1f s; peak heap %,d MB%n",
          seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2), texts.size() / Math.max(seconds(t3 - t2), 1e-3),
          threads, seconds(t4 - t3), seconds(t5 - t4), seconds(t6 - t5), seconds(t6 - t0), peakHeapMegabytes());
    }
    if (rows.classes() != null) {
      int[] truth = classIds(rows.classes(), rowOf);
      ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, assignments);
      stdout.printf(
          Locale.ROOT,
          "Against column '%s' (%d classes): NMI %.1f, ARI %.1f, accuracy %.1f (percent); %d themes%n",
          labelColumn, s.classes(), 100 * s.nmi(), 100 * s.ari(), 100 * s.accuracy(), themes.k());
    }
    stdout.flush();
    return 0;
  }

  /** {@code --week-column}: the weekly pipeline over the rows, week by week. */
  private int weekly(Rows rows, PrintWriter stdout, PrintWriter stderr) {
    if (k != null || subThemes || noPruning || fragmentFraction != 0) {
      stderr.println("--week-column runs the product's weekly pipeline: --k, --sub-themes, --no-pruning and"
          + " --fragment-fraction do not apply");
      return 2;
    }
    if (workspace != null && Files.isDirectory(workspace)) {
      try (java.util.stream.Stream<Path> entries = Files.list(workspace)) {
        if (entries.findAny().isPresent()) {
          stderr.println("--workspace " + workspace + " is not empty");
          return 2;
        }
      } catch (IOException e) {
        stderr.println("Cannot read " + workspace + ": " + e.getMessage());
        return 1;
      }
    }
    List<WeeklyThemeStream.Row> stream = new ArrayList<>();
    for (int r = 0; r < rows.texts().size(); r++) {
      String text = rows.texts().get(r);
      if (text == null) {
        continue;
      }
      String week = rows.weeks().get(r);
      io.productopsdash.models.WeekId weekId;
      try {
        weekId = io.productopsdash.models.WeekId.parse(week, weekColumn);
      } catch (RuntimeException e) {
        stderr.printf(Locale.ROOT, "Row %d: column '%s' must be an ISO week like 2026-W05, got '%s'%n", r + 1, weekColumn, week);
        return 2;
      }
      int score = 4;
      if (rows.scores() != null) {
        try {
          score = Integer.parseInt(rows.scores().get(r));
        } catch (NumberFormatException e) {
          score = -1;
        }
        if (score < 1 || score > 7) {
          stderr.printf(Locale.ROOT, "Row %d: column '%s' must be a score from 1 to 7, got '%s'%n", r + 1, scoreColumn, rows.scores().get(r));
          return 2;
        }
      }
      stream.add(new WeeklyThemeStream.Row(r + 1, text, weekId, rows.classes() == null ? "" : rows.classes().get(r), score));
    }
    if (System.getProperty(DJL_CUDA_LOG_LEVEL) == null) {
      System.setProperty(DJL_CUDA_LOG_LEVEL, "error");
    }
    WeeklyThemeStream runner = new WeeklyThemeStream(stdout, System.console() != null ? System.err : null);
    long t0 = System.nanoTime();
    List<WeeklyThemeStream.Outcome> outcomes;
    try {
      outcomes = runner.run(stream, workspace);
      WeeklyThemeStream.write(out, outcomes);
    } catch (IOException | UncheckedIOException e) {
      stderr.println("Cannot write " + (workspace == null ? out : workspace) + ": " + e.getMessage());
      return 1;
    }
    stdout.printf(Locale.ROOT, "Themed %,d answers in %.1f s; wrote %s%n", stream.size(), seconds(System.nanoTime() - t0), out);
    if (rows.classes() != null) {
      runner.report(WeeklyThemeStream.measure(outcomes));
    }
    stdout.flush();
    return 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  static long peakHeapMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  private void report(PrintWriter stdout, int n, ThemeClustering themes, List<String> labels, boolean fixed) {
    if (fixed) {
      stdout.printf(Locale.ROOT, "%d themes (Ward linkage, k given) for %,d texts; wrote %s%n", themes.k(), n, out);
    } else {
      String merged =
          themes.dissolvedBelow() > 1
              ? "; those under " + themes.dissolvedBelow() + " texts were merged into the nearest theme"
              : "";
      stdout.printf(
          Locale.ROOT,
          "%d themes found for %,d texts (the graph had %d communities%s); wrote %s%n",
          themes.k(), n, themes.graphCommunities(), merged, out);
    }
    int[] sizes = themes.sizes();
    for (int t = 0; t < Math.min(top, themes.k()); t++) {
      stdout.printf(Locale.ROOT, "  theme %3d  %,6d texts  %s%n", t, sizes[t], labels.get(t));
    }
    if (top < themes.k() && top > 0) {
      stdout.printf(Locale.ROOT, "  ... %d more themes%n", themes.k() - top);
    }
  }

  private List<List<String>> subLabels(List<String> texts, ThemeClustering themes) {
    List<List<String>> out = new ArrayList<>();
    for (int t = 0; t < themes.k(); t++) {
      List<String> memberTexts = new ArrayList<>();
      for (int i : themes.members(t)) {
        memberTexts.add(texts.get(i));
      }
      ThemeClustering sub = themes.subThemes().get(t);
      out.add(labeler.labels(memberTexts, sub.assignments(), sub.k()));
    }
    return out;
  }

  private static int[] classIds(List<String> classes, List<Integer> rowOf) {
    Map<String, Integer> ids = new HashMap<>();
    int[] truth = new int[rowOf.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = ids.computeIfAbsent(classes.get(rowOf.get(i)), c -> ids.size());
    }
    return truth;
  }

  /** A column named on the command line is not in the header. */
  private static final class MissingColumnException extends Exception {
    private static final long serialVersionUID = 1L;

    MissingColumnException(String message) {
      super(message);
    }
  }

  private Rows read() throws IOException, MissingColumnException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      List<String> columns = new ArrayList<>(List.of(textColumn));
      for (String optional : new String[] {labelColumn, weekColumn, scoreColumn}) {
        if (optional != null) {
          columns.add(optional);
        }
      }
      for (String column : columns) {
        if (!header.contains(column)) {
          throw new MissingColumnException(
              "No column '" + column + "' in " + csv + "; its columns are: " + String.join(", ", header));
        }
      }
      List<String> texts = new ArrayList<>();
      List<String> classes = labelColumn == null ? null : new ArrayList<>();
      List<String> weeks = weekColumn == null ? null : new ArrayList<>();
      List<String> scores = scoreColumn == null ? null : new ArrayList<>();
      for (CSVRecord record : parser) {
        if (limit != null && texts.size() >= limit) {
          break;
        }
        String text = record.isSet(textColumn) ? record.get(textColumn) : null;
        texts.add(text == null || text.isBlank() ? null : text);
        if (classes != null) {
          classes.add(record.isSet(labelColumn) ? record.get(labelColumn) : "");
        }
        if (weeks != null) {
          weeks.add(record.isSet(weekColumn) ? record.get(weekColumn).trim() : "");
        }
        if (scores != null) {
          scores.add(record.isSet(scoreColumn) ? record.get(scoreColumn).trim() : "");
        }
      }
      return new Rows(texts, classes, weeks, scores);
    }
  }

  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader r = new PushbackReader(reader, 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      r.unread(first);
    }
    return r;
  }

  private void write(
      int rows, List<Integer> rowOf, int[] assignments, List<String> labels, int[] sub, List<List<String>> subLabels)
      throws IOException {
    int[] themeOfRow = new int[rows];
    int[] subOfRow = new int[rows];
    java.util.Arrays.fill(themeOfRow, -1);
    for (int i = 0; i < assignments.length; i++) {
      themeOfRow[rowOf.get(i)] = assignments[i];
      subOfRow[rowOf.get(i)] = sub[i];
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    List<String> header = new ArrayList<>(List.of("row", "theme", "label"));
    if (subThemes) {
      header.addAll(List.of("sub_theme", "sub_label"));
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get().print(w)) {
      for (int r = 0; r < rows; r++) {
        int t = themeOfRow[r];
        List<Object> record = new ArrayList<>(List.of(r + 1, t, t < 0 ? "(no text)" : labels.get(t)));
        if (subThemes) {
          record.add(t < 0 ? -1 : subOfRow[r]);
          record.add(t < 0 ? "(no text)" : subLabels.get(t).get(subOfRow[r]));
        }
        printer.printRecord(record);
      }
    }
  }

  /** A one-line bar for the embedding step, in the style of the import command's progress bar. */
  static final class TextProgress {
    private static final long INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastDone;
    private int lastTotal;

    TextProgress(PrintStream out) {
      this.out = out;
    }

    void update(int done, int total) {
      lastDone = done;
      lastTotal = total;
      long now = System.nanoTime();
      if (lastDraw != 0 && now - lastDraw < INTERVAL_NANOS && done < total) {
        return;
      }
      lastDraw = now;
      out.print("\r" + line(done, total, now - start));
      out.flush();
    }

    void finish() {
      if (lastDraw != 0) {
        out.print("\r" + line(lastDone, lastTotal, System.nanoTime() - start) + "\n");
        out.flush();
      }
    }

    static String line(int done, int total, long elapsedNanos) {
      double share = total == 0 ? 1 : done / (double) total;
      int filled = (int) Math.round(share * WIDTH);
      double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
      return String.format(
          Locale.ROOT,
          "Embedding [%s%s] %3d%%  %,d / %,d texts  %,.0f texts/s ",
          "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(share * 100), done, total, done / seconds);
    }
  }
}
