package io.productopsdash.models.theme;

import io.productopsdash.models.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a feature request stands; written in lower case on the wire and in the database. */
public enum RequestStatus {
  NEW,
  ACKNOWLEDGED,
  PLANNED,
  SHIPPED,
  DECLINED;

  /** The lower-case name used on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lower-case status; the field name goes into the error for any other value. */
  public static RequestStatus parse(String text, String field) {
    if (text != null) {
      for (RequestStatus s : values()) {
        if (s.wire().equals(text)) {
          return s;
        }
      }
    }
    String allowed = Arrays.stream(values()).map(RequestStatus::wire).collect(Collectors.joining(", "));
    throw new InvalidInputException(field, "must be one of " + allowed + ", got " + (text == null ? "nothing" : "'" + abbreviate(text) + "'"));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
