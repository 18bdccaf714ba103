package io.productopsdash.models;

/**
 * Input that breaks a rule: the field that was wrong and the rule it broke. Rendered once, by the
 * server, as a 400 error naming both.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;
  private final String rule;

  public InvalidInputException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
