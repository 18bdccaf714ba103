package io.productopsdash.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule: the field that was wrong and the rule it broke, or several such
 * fields at once (every missing required field of a request, say). Rendered once, by the server,
 * as a 400 error naming each.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;
  private final String rule;
  private final Map<String, String> problems;

  public InvalidInputException(String field, String rule) {
    this(Map.of(field, rule));
  }

  /** Several problems at once, field to rule, in the order given (at least one). */
  public InvalidInputException(Map<String, String> problems) {
    super(describe(problems));
    Map.Entry<String, String> first = problems.entrySet().iterator().next();
    this.field = first.getKey();
    this.rule = first.getValue();
    this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
  }

  private static String describe(Map<String, String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid input names at least one field");
    }
    StringBuilder text = new StringBuilder();
    problems.forEach((f, r) -> text.append(text.length() == 0 ? "" : "; ").append(f).append(": ").append(r));
    return text.toString();
  }

  /** The (first) field that was wrong. */
  public String field() {
    return field;
  }

  /** The rule the (first) field broke. */
  public String rule() {
    return rule;
  }

  /** Every field that was wrong with the rule it broke. */
  public Map<String, String> problems() {
    return problems;
  }
}
