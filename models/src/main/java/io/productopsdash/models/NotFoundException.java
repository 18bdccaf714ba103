package io.productopsdash.models;

/** A named thing that does not exist, such as an unknown survey id; rendered as 404. */
public class NotFoundException extends RuntimeException {
  private final String field;

  /**
   * @param field the request field that named the missing thing ({@code surveyId}, {@code id}),
   *     so the error reply can point at it
   */
  public NotFoundException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field that named the missing thing. */
  public String field() {
    return field;
  }
}
