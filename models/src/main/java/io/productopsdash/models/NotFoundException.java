package io.productopsdash.models;

/** A named thing that does not exist, such as an unknown survey id; rendered as 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
