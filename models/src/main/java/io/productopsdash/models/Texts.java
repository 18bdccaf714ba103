package io.productopsdash.models;

/**
 * Shared checks for user-supplied text fields, naming the field in the error. A one-line field
 * (ids, names, labels) takes no control character at all; a free text (a comment, a question)
 * takes tabs and line breaks but no other control character (NUL, escape, ...); neither takes a
 * lone UTF-16 surrogate, which is no character at all.
 */
public final class Texts {
  private Texts() {}

  /** A required one-line text: trimmed, non-blank, at most {@code maxLength} characters. */
  public static String required(String field, String value, int maxLength) {
    return present(field, value, maxLength, false);
  }

  /** An optional one-line text: null when absent or blank, else trimmed and at most maxLength characters. */
  public static String optional(String field, String value, int maxLength) {
    return value == null || value.isBlank() ? null : check(field, value.strip(), maxLength, false);
  }

  /** A required free text (line breaks and tabs allowed). */
  public static String requiredText(String field, String value, int maxLength) {
    return present(field, value, maxLength, true);
  }

  /** An optional free text (line breaks and tabs allowed): null when absent or blank. */
  public static String optionalText(String field, String value, int maxLength) {
    return value == null || value.isBlank() ? null : check(field, value.strip(), maxLength, true);
  }

  private static String present(String field, String value, int maxLength, boolean multiLine) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    return check(field, value.strip(), maxLength, multiLine);
  }

  private static String check(String field, String value, int maxLength, boolean multiLine) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
        throw new InvalidInputException(
            field,
            "must not contain control characters (U+" + String.format("%04X", (int) c) + " at position " + i + ")"
                + (multiLine ? "; line breaks and tabs are allowed" : ""));
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(field, "must be valid Unicode text (a lone surrogate at position " + i + ")");
      }
    }
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters, got " + length);
    }
    return value;
  }
}
