package io.productopsdash.models.theme;

import io.productopsdash.models.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a feature request stands; written in lower case with underscores on the wire and in the
 * database ({@code under_review}, {@code in_progress}). The former {@code acknowledged} became
 * {@code under_review} (schema V010): someone had looked at the ask and not decided yet.
 */
public enum RequestStatus {
  NEW,
  UNDER_REVIEW,
  PLANNED,
  IN_PROGRESS,
  SHIPPED,
  DECLINED;

  /** The lower-case name used on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The wire names of every status, in order, comma-separated. */
  public static String allowed() {
    return Arrays.stream(values()).map(RequestStatus::wire).collect(Collectors.joining(", "));
  }

  /** Parses a wire status; the field name goes into the error for any other value. */
  public static RequestStatus parse(String text, String field) {
    if (text != null) {
      for (RequestStatus s : values()) {
        if (s.wire().equals(text)) {
          return s;
        }
      }
    }
    throw new InvalidInputException(
        field, "must be one of " + allowed() + ", got " + (text == null ? "nothing" : "'" + abbreviate(text) + "'"));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
