package io.productopsdash.models;

/**
 * A request that is well formed but cannot apply to the current state, such as answering an
 * inactive survey; rendered as 409.
 */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
