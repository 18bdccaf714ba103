package io.productopsdash.server.http;

/** A request to an admin endpoint without the right token; rendered as 401. */
public class UnauthorizedException extends RuntimeException {
  private final String field;

  /** @param field what carried (or should have carried) the credential: a header, cookie or field */
  public UnauthorizedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** What carried (or should have carried) the credential. */
  public String field() {
    return field;
  }
}
