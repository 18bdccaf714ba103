package io.productopsdash.engine.request;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A labelled review set read from an RFC 4180 CSV with {@code text} and {@code label} columns
 * (quoted newlines and doubled quotes are handled by Commons CSV).
 *
 * @param name a short name for reports
 * @param rows the rows in file order
 */
record LabelledReviews(String name, List<Row> rows) {
  /** The label strings of the feature-request class in the evaluation sets. */
  static final Set<String> FEATURE_REQUEST_LABELS = Set.of("feature request", "feature_request");

  /**
   * One labelled review.
   *
   * @param line the 1-based record number in the file (header excluded)
   * @param text the review text
   * @param label the label string as in the file
   */
  record Row(int line, String text, String label) {
    Row {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(label, "label");
    }

    boolean request() {
      return FEATURE_REQUEST_LABELS.contains(label);
    }

    /**
     * The development half (true) or the held-out half (false), fixed by the CRC-32 of the UTF-8
     * text so that duplicate texts fall in the same half. Rules were only ever inspected against
     * errors of the development half.
     */
    boolean development() {
      CRC32 crc = new CRC32();
      crc.update(text.getBytes(StandardCharsets.UTF_8));
      return crc.getValue() % 2 == 0;
    }
  }

  LabelledReviews {
    Objects.requireNonNull(name, "name");
    rows = List.copyOf(rows);
  }

  static LabelledReviews read(String name, Path csv) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CSVFormat format =
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      int line = 0;
      for (CSVRecord r : format.parse(in)) {
        line++;
        rows.add(new Row(line, r.get("text"), r.get("label")));
      }
    }
    return new LabelledReviews(name, rows);
  }

  List<String> texts() {
    return rows.stream().map(Row::text).toList();
  }

  List<Boolean> labels() {
    return rows.stream().map(Row::request).toList();
  }

  /**
   * One row per distinct text, positive when any of its rows is a request. Multi-label reviews
   * appear once per label in the source files; per row, a perfect detector scores a false
   * positive on every non-request copy.
   */
  LabelledReviews distinctTexts() {
    Map<String, Row> byText = new LinkedHashMap<>();
    for (Row r : rows) {
      byText.merge(r.text(), r, (a, b) -> a.request() ? a : b);
    }
    return new LabelledReviews(name + " (distinct texts)", new ArrayList<>(byText.values()));
  }
}
