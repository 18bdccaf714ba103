package io.productopsdash.data;

/**
 * A write refused because the data folder's file system is full ({@code SQLITE_FULL}): nothing of
 * it was stored, and the same write may succeed once space is freed. The server answers it with a
 * 503 and {@code Retry-After}.
 */
public final class StorageFullException extends DataAccessException {
  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
