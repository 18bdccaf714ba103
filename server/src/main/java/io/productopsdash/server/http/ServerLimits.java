package io.productopsdash.server.http;

/** Request limits of the API. */
public final class ServerLimits {
  /** Largest accepted request body; larger gets 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  // The event-ingestion endpoints read their bodies themselves with each sender's own documented
  // limits (IngestLimits), before and after gunzip, so this global limit stays.

  private ServerLimits() {}
}
