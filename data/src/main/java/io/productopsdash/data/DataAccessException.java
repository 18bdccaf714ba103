package io.productopsdash.data;

/** A database failure that is not the caller's fault (disk, corruption, shutdown). */
public class DataAccessException extends RuntimeException {
  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
