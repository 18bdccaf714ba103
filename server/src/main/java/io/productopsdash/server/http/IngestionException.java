package io.productopsdash.server.http;

import java.util.Map;

/**
 * A whole ingestion request refused (401 wrong key, 400 malformed JSON, 413 too large or too many events). {@link
 * IngestionApi} renders it in the error contract, plus the fields the sender's client reads.
 */
public class IngestionException extends RuntimeException {
  private final int status;
  private final String slug;
  private final Map<String, String> details;

  public IngestionException(int status, String slug, String title, Map<String, String> details) {
    super(title);
    this.status = status;
    this.slug = slug;
    this.details = Map.copyOf(details);
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public Map<String, String> details() {
    return details;
  }

  /** A 401; the details name the key (Segment's {@code writeKey}, also PostHog's and Amplitude's {@code api_key}). */
  static IngestionException unauthorized(String title) {
    return new IngestionException(401, "unauthorized", title, Map.of("writeKey", title));
  }

  static IngestionException malformed(String why) {
    return new IngestionException(400, "invalid-input", "Malformed request body", Map.of("body", why));
  }

  static IngestionException tooLarge(String title, String why) {
    return new IngestionException(413, "body-too-large", title, Map.of("body", why));
  }

  /** More events in one request than the sender's API takes (Amplitude HTTP V2: 2000), named by {@code events}. */
  static IngestionException tooMany(String title, String why) {
    return new IngestionException(413, "too-many-events", title, Map.of("events", why));
  }
}
