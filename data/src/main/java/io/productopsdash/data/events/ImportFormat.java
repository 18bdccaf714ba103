package io.productopsdash.data.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The event file formats {@link EventFileImporter} reads. */
public enum ImportFormat {
  /** Segment spec calls, one JSON object a line. */
  SEGMENT,
  /** Amplitude export, one JSON event a line. */
  AMPLITUDE,
  /** CSV with a header row, columns mapped by {@link CsvEventMapping}. */
  CSV;

  /** Parses {@code segment}, {@code amplitude} or {@code csv} in any case; the error names the value. */
  public static ImportFormat parse(String text) {
    for (ImportFormat f : values()) {
      if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "format must be one of " + Arrays.stream(values()).map(ImportFormat::label).collect(Collectors.joining(", "))
            + ", got '" + text + "'");
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
