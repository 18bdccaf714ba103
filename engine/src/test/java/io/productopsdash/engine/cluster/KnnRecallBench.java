package io.productopsdash.engine.cluster;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Reader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The neighbour-search benchmark (a command, not a test): run it with {@code bench/knn-recall.sh}.
 * Embeds the first N texts of a CSV with all-MiniLM-L6-v2 (cached beside the CSV as {@code
 * <file>.<N>.vectors}), builds the k-nearest-neighbour graph the clustering uses both ways (exact
 * brute force and the inverted file of {@link InvertedFileKnn}), and reports the recall of the
 * approximate graph: the share of each row's exact k neighbours it found, over a seeded sample of
 * rows (all rows up to 30,000, where the exact graph is built whole). Last line:
 * {@code knn: n=N k=K lists=L probes=P recall=R exact_s=E approx_s=A}, exact_s extrapolated from the
 * sample when the sample is not every row.
 *
 * <p>Arguments: {@code --csv PATH [--text-column text] [--n 30000] [--k 10] [--probes 12]
 * [--sample 2000]}.
 */
public final class KnnRecallBench {
  private KnnRecallBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!opts.containsKey("csv")) {
      throw new IllegalArgumentException("usage: --csv PATH [--text-column text] [--n 30000] [--k 10] [--probes 12] [--sample 2000]");
    }
    Path csv = Path.of(opts.get("csv"));
    int n = Integer.parseInt(opts.getOrDefault("n", "30000"));
    int k = Integer.parseInt(opts.getOrDefault("k", "10"));
    int probes = Integer.parseInt(opts.getOrDefault("probes", String.valueOf(InvertedFileKnn.PROBES)));
    int sampleSize = Integer.parseInt(opts.getOrDefault("sample", "2000"));
    int threads = Runtime.getRuntime().availableProcessors();
    float[][] x = vectors(csv, opts.getOrDefault("text-column", "text"), n);
    n = x.length;
    int lists = InvertedFileKnn.lists(n);
    System.out.printf(Locale.ROOT, "%d vectors of %d dimensions, k %d, %d lists, %d probes, %d threads%n", n, x[0].length, k, lists, probes, threads);

    long t0 = System.nanoTime();
    Knn approx = InvertedFileKnn.search(x, x, k, threads, true, lists, probes);
    double approxSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "inverted file: %.1f s%n", approxSeconds);

    boolean whole = n <= 30_000;
    int[] rows;
    double exactSeconds;
    int[][] exact;
    if (whole) {
      long t1 = System.nanoTime();
      Knn all = Knn.exact(x, x, k, threads, true);
      exactSeconds = (System.nanoTime() - t1) / 1e9;
      rows = new int[n];
      exact = new int[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
        exact[i] = all.neighbours(i);
      }
      System.out.printf(Locale.ROOT, "exact: %.1f s (every row)%n", exactSeconds);
    } else {
      rows = new Random(7).ints(0, n).distinct().limit(Math.min(sampleSize, n)).sorted().toArray();
      float[][] queries = new float[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        queries[i] = x[rows[i]];
      }
      long t1 = System.nanoTime();
      Knn some = Knn.exact(queries, x, k + 1, threads, false);
      double sampleSeconds = (System.nanoTime() - t1) / 1e9;
      exact = new int[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        int[] nb = new int[k];
        int r = 0;
        for (int rank = 0; rank < some.k() && r < k; rank++) {
          if (some.neighbour(i, rank) != rows[i]) {
            nb[r++] = some.neighbour(i, rank);
          }
        }
        exact[i] = nb;
      }
      exactSeconds = sampleSeconds * n / rows.length;
      System.out.printf(Locale.ROOT, "exact: %.1f s for %d sampled rows, %.1f s extrapolated to all%n", sampleSeconds, rows.length, exactSeconds);
    }
    long found = 0;
    long total = 0;
    for (int i = 0; i < rows.length; i++) {
      java.util.Set<Integer> truth = new java.util.HashSet<>();
      for (int j : exact[i]) {
        truth.add(j);
      }
      for (int j : approx.neighbours(rows[i])) {
        if (truth.contains(j)) {
          found++;
        }
      }
      total += k;
    }
    System.out.printf(
        Locale.ROOT,
        "knn: n=%d k=%d lists=%d probes=%d recall=%.4f exact_s=%.1f approx_s=%.1f%n",
        n, k, lists, probes, (double) found / total, exactSeconds, approxSeconds);
  }

  private static float[][] vectors(Path csv, String column, int n) throws Exception {
    List<String> texts = new ArrayList<>(n);
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (texts.size() == n) {
          break;
        }
        texts.add(r.get(column));
      }
    }
    Path cache = csv.resolveSibling(csv.getFileName() + "." + texts.size() + ".vectors");
    // A cache of more rows serves its first rows (the texts are read in file order).
    try (var siblings = Files.list(csv.toAbsolutePath().getParent())) {
      String prefix = csv.getFileName() + ".";
      Path larger = siblings
          .filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".vectors"))
          .filter(p -> {
            String middle = p.getFileName().toString().substring(prefix.length()).replace(".vectors", "");
            return middle.matches("[0-9]+") && Integer.parseInt(middle) >= texts.size();
          })
          .sorted()
          .findFirst()
          .orElse(null);
      if (larger != null) {
        cache = larger;
      }
    }
    if (Files.exists(cache)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
        int stored = in.readInt();
        int rows = Math.min(stored, texts.size());
        int d = in.readInt();
        float[][] x = new float[rows][d];
        for (float[] row : x) {
          for (int t = 0; t < d; t++) {
            row[t] = in.readFloat();
          }
        }
        System.out.printf(Locale.ROOT, "vectors from %s%n", cache);
        return x;
      }
    }
    long t0 = System.nanoTime();
    float[][] x = SentenceEmbedder.shared().embedAll(texts, Runtime.getRuntime().availableProcessors(), SentenceEmbedder.Progress.NONE);
    System.out.printf(Locale.ROOT, "embedded %d texts in %.1f s%n", x.length, (System.nanoTime() - t0) / 1e9);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
      out.writeInt(x.length);
      out.writeInt(x[0].length);
      for (float[] row : x) {
        for (float v : row) {
          out.writeFloat(v);
        }
      }
    }
    return x;
  }
}
