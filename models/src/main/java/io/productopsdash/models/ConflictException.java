package io.productopsdash.models;

/**
 * A request that is well formed but cannot apply to the current state, such as answering an
 * inactive survey; rendered as 409.
 */
public class ConflictException extends RuntimeException {
  private final String field;

  /** @param field the request field whose value conflicts with the current state */
  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field whose value conflicts with the current state. */
  public String field() {
    return field;
  }
}
