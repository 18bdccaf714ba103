package io.productopsdash.models;

/** Shared checks for user-supplied text fields, naming the field in the error. */
public final class Texts {
  private Texts() {}

  /** A required text: trimmed, non-blank, at most {@code maxLength} characters. */
  public static String required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    return checkLength(field, value.strip(), maxLength);
  }

  /** An optional text: null when absent or blank, else trimmed and at most maxLength characters. */
  public static String optional(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return checkLength(field, value.strip(), maxLength);
  }

  private static String checkLength(String field, String value, int maxLength) {
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters, got " + length);
    }
    return value;
  }
}
