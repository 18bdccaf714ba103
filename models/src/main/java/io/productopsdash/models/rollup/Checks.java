package io.productopsdash.models.rollup;

import io.productopsdash.models.WeekId;
import java.util.List;

/** Invariants shared by the rollup records; a broken one is a programming error. */
final class Checks {
  private Checks() {}

  static long count(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  static Double share(String field, Double value) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      throw new IllegalArgumentException(field + " must be a fraction within 0..1, got " + value);
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static <T> List<T> list(String field, List<T> value) {
    return List.copyOf(required(field, value));
  }

  static void range(WeekId from, WeekId to) {
    required("from", from);
    required("to", to);
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }
}
