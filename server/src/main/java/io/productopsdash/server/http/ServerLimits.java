package io.productopsdash.server.http;

/** Request limits of the API. */
public final class ServerLimits {
  /** Largest accepted request body; larger gets 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * Largest event-ingestion request body, after decompression, as Segment, PostHog and Amplitude
   * document for their batch APIs; larger gets 413. The ingestion endpoints read the body stream
   * themselves with this limit (it also bounds gzip bombs), so the global limit above stays.
   */
  public static final int MAX_INGEST_BODY_BYTES = 500 * 1024;

  private ServerLimits() {}
}
