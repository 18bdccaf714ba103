package io.productopsdash.engine.cluster;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * <p>Arguments: {@code --experiment NAME [--data a,b] [--seeds N]}.
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
    float[][] x = Vectors.normalisedCopy(embeddings(texts, csv, cache));
    return new Data(name, texts, truth, x);
  }

  /** Same cache format as the search benchmarks: file size stamp, n, dimension, floats. */
  static float[][] embeddings(List<String> texts, Path csv, Path cache) throws IOException {
    long stamp = Files.size(csv);
    if (Files.isRegularFile(cache)) {
      try (InputStream raw = Files.newInputStream(cache);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
        long cachedStamp = in.readLong();
        int n = in.readInt();
        int dim = in.readInt();
        if (cachedStamp == stamp && n == texts.size()) {
          float[][] out = new float[n][dim];
          for (float[] v : out) {
            for (int j = 0; j < dim; j++) {
              v[j] = in.readFloat();
            }
          }
          return out;
        }
      }
    }
    long t0 = System.nanoTime();
    float[][] out = SentenceEmbedder.shared().embedAll(texts, 2, SentenceEmbedder.Progress.NONE);
    System.out.printf(Locale.ROOT, "(embedded %,d texts in %.1f s; cached in %s)%n", texts.size(),
        (System.nanoTime() - t0) / 1e9, cache);
    Files.createDirectories(cache.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(cache);
        DataOutputStream o = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
      o.writeLong(stamp);
      o.writeInt(out.length);
      o.writeInt(out[0].length);
      for (float[] v : out) {
        for (float f : v) {
          o.writeFloat(f);
        }
      }
    }
    return out;
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
        default -> throw new IllegalArgumentException("Unknown experiment: " + experiment);
      }
    }
  }
}
