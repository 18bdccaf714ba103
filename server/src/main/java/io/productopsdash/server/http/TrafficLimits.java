package io.productopsdash.server.http;

import java.time.Duration;

/**
 * How the HTTP server protects itself from clients that are slow or many (issue 16's fault run:
 * 250 clients trickling request bodies one byte at a time took every worker thread).
 *
 * @param inFlightPerAddress requests one client address may have in flight at once on the public
 *     and ingestion routes (the widget's and every sender's); beyond it a 429 with Retry-After
 * @param bodyGrace how long a request body may take before its rate is checked
 * @param minBodyBytesPerSecond the least rate a body must keep after the grace; slower gets a 408
 *     and the connection is closed
 * @param eagerBodyBytes bodies up to this size are read in full without a worker thread (Jetty's
 *     asynchronous reads) before a handler runs, so a slow body holds no thread while it arrives
 * @param idleTimeout a connection with no bytes in either direction for this long is closed (also
 *     a body that stops arriving past its eager part)
 * @param maxHeaderBytes request line and headers at most this long (a longer URI gets a 414)
 * @param stopTimeout how long a stop waits for requests in flight
 */
public record TrafficLimits(
    int inFlightPerAddress,
    Duration bodyGrace,
    int minBodyBytesPerSecond,
    int eagerBodyBytes,
    Duration idleTimeout,
    int maxHeaderBytes,
    Duration stopTimeout) {
  /**
   * The product's limits. 32 requests at once is far above one browser (6 connections) or one
   * SDK client (1 to 4 flushes at a time), and an answer is in flight for milliseconds, so even
   * many users behind one NAT address stay under it. 1 KB/s after 5 s lets a phone on a bad
   * network send a widget answer (about 200 bytes) and an SDK batch of megabytes, while a body
   * sent one byte a second is cut after 5 s.
   */
  public static final TrafficLimits DEFAULTS =
      new TrafficLimits(
          32, Duration.ofSeconds(5), 1024, ServerLimits.MAX_BODY_BYTES + 1, Duration.ofSeconds(30), 8192,
          Duration.ofSeconds(3));

  public TrafficLimits {
    if (inFlightPerAddress < 1) {
      throw new IllegalArgumentException("inFlightPerAddress must be at least 1, got " + inFlightPerAddress);
    }
    if (bodyGrace == null || bodyGrace.isNegative() || bodyGrace.isZero()) {
      throw new IllegalArgumentException("bodyGrace must be positive, got " + bodyGrace);
    }
    if (minBodyBytesPerSecond < 1) {
      throw new IllegalArgumentException("minBodyBytesPerSecond must be at least 1, got " + minBodyBytesPerSecond);
    }
    if (eagerBodyBytes < 1) {
      throw new IllegalArgumentException("eagerBodyBytes must be at least 1, got " + eagerBodyBytes);
    }
    if (idleTimeout == null || idleTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, got " + maxHeaderBytes);
    }
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
    }
  }

  /** These limits with another cap on requests in flight per address. */
  public TrafficLimits withInFlightPerAddress(int perAddress) {
    return new TrafficLimits(
        perAddress, bodyGrace, minBodyBytesPerSecond, eagerBodyBytes, idleTimeout, maxHeaderBytes, stopTimeout);
  }
}
