package io.productopsdash.engine.request;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Development aid, not a test: detection on a {@code text,group} corpus in memory, with every
 * miss and false hit and the cues that decided. {@code bench/request-corpus.sh} is the measure.
 */
public final class RequestCorpusLab {
  private RequestCorpusLab() {}

  /** The rows of a {@code text,group} corpus as {text, group}. */
  static List<String[]> read(Path csv) throws java.io.IOException {
    List<String[]> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.add(new String[] {rec.get("text"), rec.get("group")});
      }
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    List<String[]> rows = read(Path.of(args[0]));
    FeatureRequestDetector detector = FeatureRequestDetector.standard();
    int tp = 0, fp = 0, fn = 0, tn = 0;
    List<String> misses = new ArrayList<>();
    List<String> falseHits = new ArrayList<>();
    for (String[] row : rows) {
      RequestDetection d = detector.detect(row[0]);
      boolean actual = !row[1].equals("none");
      if (d.request() && actual) {
        tp++;
      } else if (d.request()) {
        fp++;
        falseHits.add(String.format("%.2f %s [%s] %s", d.confidence(), row[0], d.language().code(), d.counted()));
      } else if (actual) {
        fn++;
        misses.add(String.format("%.2f %s [%s: %s] %s", d.confidence(), row[0], d.language().code(), d.english(), d.cues()));
      } else {
        tn++;
      }
      if (args.length > 1 && args[1].equals("--asks") && d.request()) {
        System.out.println("ASK " + row[1] + " | " + row[0] + " -> " + RequestAsks.of(d));
      }
    }
    System.out.println("MISSES");
    misses.forEach(m -> System.out.println("  " + m));
    System.out.println("FALSE HITS");
    falseHits.forEach(m -> System.out.println("  " + m));
    System.out.printf("tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f%n", tp, fp, fn, tn,
        tp / (double) (tp + fp), tp / (double) (tp + fn));
  }
}
