package io.productopsdash.server.http;

import java.util.Map;

/**
 * A whole ingestion request refused (403 origin not allowed, 401 wrong key, 400 malformed body,
 * 413 too large or too many events). {@link IngestReplies} renders it in the error contract, plus
 * the fields the sender's client reads.
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

  /**
   * More events in one request than the sender's API takes (Amplitude HTTP V2: 2000, Segment's
   * batch: 2500), named by the body's field that holds them ({@code events}, {@code batch}).
   */
  static IngestionException tooMany(String field, String title, String why) {
    return new IngestionException(413, "too-many-events", title, Map.of(field, why));
  }

  /** A browser request from a web app that {@code --allowed-origins} does not list, named by its {@code Origin}. */
  static IngestionException originNotAllowed(String origin) {
    String shown = origin.length() > 200 ? origin.substring(0, 200) + "..." : origin;
    return new IngestionException(
        403, "origin-not-allowed", "Origin not allowed",
        Map.of("Origin", shown + " is not among the allowed origins (--allowed-origins)"));
  }
}
