package io.productopsdash.server.http;

import java.time.Duration;

/** A client that must slow down: rendered as 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {
  private final String field;
  private final Duration retryAfter;

  /** @param field what the limit is on (the client's address, say) */
  public TooManyRequestsException(String field, String message, Duration retryAfter) {
    super(message);
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public String field() {
    return field;
  }

  /** How long the client should wait before trying again (at least one second). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
