package io.productopsdash.server.http;

/** Request limits of the API. */
public final class ServerLimits {
  /** Largest accepted request body; larger gets 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private ServerLimits() {}
}
