package io.productopsdash.engine.search;

import io.productopsdash.engine.embed.EmbeddingCache;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the search and request-grouping benchmarks share: Banking77 rows ({@code text,category}),
 * their all-MiniLM-L6-v2 embeddings (computed once on 2 threads and cached in a file beside the build, since the model is
 * the slow part and not what is measured), options and the machine's load.
 */
public final class SearchBenchData {
  private SearchBenchData() {}

  /** One Banking77 question. */
  public record Row(String text, String category) {}

  public static List<Row> read(Path csv) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(in)) {
        rows.add(new Row(r.get("text"), r.get("category")));
      }
    }
    return rows;
  }

  /**
   * The embeddings of {@code rows}' texts, from {@code cache} when it holds exactly as many vectors
   * for the same file size, else computed and written there.
   */
  public static float[][] embeddings(List<Row> rows, Path csv, Path cache) throws IOException {
    return EmbeddingCache.embeddings(rows.stream().map(Row::text).toList(), csv, cache);
  }

  /** {@code --key value} pairs. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + args[i]);
      }
      String key = args[i].substring(2);
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      out.put(key, flag ? "true" : args[++i]);
    }
    return out;
  }

  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
