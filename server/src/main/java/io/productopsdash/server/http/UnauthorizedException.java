package io.productopsdash.server.http;

/** A request to an admin endpoint without the right token; rendered as 401. */
public class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
