package io.productopsdash.server.http;

import io.productopsdash.models.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Path and query parameters read one way for every API. An id is plain decimal digits: {@code
 * Long.parseLong} alone would also take {@code +1} (so {@code /surveys/+1/answers} would reach
 * survey 1) and numbers with a leading sign or zeros that no link ever carries.
 */
final class Params {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

  private Params() {}

  /** A positive id such as a survey's; {@code what} names it in the error ("survey id"). */
  static long positiveId(String raw, String field, String what) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidInputException(field, "is required (a " + what + ")");
    }
    if (DIGITS.matcher(raw).matches()) {
      try {
        long id = Long.parseLong(raw);
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException tooLarge) {
        // reported below with the text that was sent
      }
    }
    throw new InvalidInputException(field, "must be a positive integer " + what + ", got '" + shown(raw) + "'");
  }

  /** An optional integer of at least {@code min}; null when absent. */
  static Integer integer(String raw, String field, int min) {
    if (raw == null) {
      return null;
    }
    if (INTEGER.matcher(raw).matches()) {
      try {
        int value = Integer.parseInt(raw);
        if (value >= min) {
          return value;
        }
      } catch (NumberFormatException tooLarge) {
        // reported below
      }
    }
    throw new InvalidInputException(
        field,
        (min == Integer.MIN_VALUE ? "must be an integer" : "must be an integer >= " + min) + ", got '" + shown(raw) + "'");
  }

  /** At most 40 characters of what was sent, control characters as escapes. */
  static String shown(String raw) {
    String cut = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    StringBuilder out = new StringBuilder(cut.length());
    cut.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
