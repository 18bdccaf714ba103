package io.productopsdash.models.rollup;

/** How many distinct users had one value of a breakdown: one source, one segment. */
public record KeyCount(String key, long users) {
  /** The key of users for whom the breakdown's value was not found anywhere. */
  public static final String NONE = "(none)";

  public KeyCount {
    Checks.required("key", key);
    Checks.count("users", users);
  }
}
