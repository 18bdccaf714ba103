package io.productopsdash.server.http;

import java.util.Locale;

/**
 * The size limits of one sender's ingestion API, the figures that sender documents for its own
 * service, so a client configured for it (batch sizes, retries on 413) behaves the same here.
 * Sizes are UTF-8 bytes after decompression; KB and MB are 1024 and 1024 × 1024 bytes.
 *
 * @param sender the API's name, as error messages show it
 * @param maxBodyBytes largest request body accepted (before and after gunzip); larger is a 413
 * @param maxEventBytes largest event (its compact JSON) accepted; a larger one inside a batch is
 *     reported as {@code too_large} and the others kept, a larger single event is a 413
 * @param maxEvents most events in one request; more is a 413 ({@link Integer#MAX_VALUE}: none)
 */
public record IngestLimits(String sender, int maxBodyBytes, int maxEventBytes, int maxEvents) {
  private static final int KB = 1024;
  private static final int MB = 1024 * KB;

  /**
   * Segment's HTTP Tracking API: routes "can handle API requests that are 32KB or smaller"; {@code
   * /batch} "accepts a maximum of 500KB per batch API request ... each batched event needs to be
   * less than 32KB", and "each batch request can only have up to 2500 events"
   * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/, Errors).
   * Segment answers a batch over 2500 events with a 200 and rejects events; here it is refused
   * whole with a 413 naming {@code batch}, so nothing acknowledged is lost. Segment's clients send
   * far smaller batches (analytics.js at most 500 KB, analytics-node 15 events by default).
   */
  public static final IngestLimits SEGMENT = new IngestLimits("Segment", 500 * KB, 32 * KB, 2500);

  /**
   * PostHog's {@code /batch/} (and {@code /capture/}, {@code /i/v0/e/}): "no limit on the number
   * of events you can send in a batch, but the entire request body must be less than 20MB"
   * (https://posthog.com/docs/api/capture, formerly /docs/api/post-only-endpoints); events over 1 MB are discarded ("Discarded event
   * exceeding 1MB limit", https://posthog.com/docs/data/ingestion-warnings).
   */
  public static final IngestLimits POSTHOG = new IngestLimits("PostHog", 20 * MB, MB, Integer.MAX_VALUE);

  /**
   * Amplitude's HTTP V2 API {@code /2/httpapi}: "Keep request sizes under 1 MB with fewer than
   * 2000 events per request. If you exceed these size limits, you get a 413 error"; it counts
   * events after decompressing a gzip body (https://amplitude.com/docs/apis/analytics/http-v2).
   * Amplitude documents no per-event byte limit, so an event is bounded by the request's.
   */
  public static final IngestLimits AMPLITUDE_HTTP_V2 = new IngestLimits("Amplitude HTTP V2", MB, MB, 2000);

  /**
   * Amplitude's Batch Event Upload API {@code /batch}: "The JSON serialized payload must not exceed
   * 20MB in size" (https://amplitude.com/docs/apis/analytics/batch-event-upload); no per-event or
   * count limit documented. It shares PostHog's path and body limit; {@link IngestionApi} tells
   * them apart by the body's {@code events}.
   */
  public static final IngestLimits AMPLITUDE_BATCH = new IngestLimits("Amplitude Batch", 20 * MB, 20 * MB, Integer.MAX_VALUE);

  /** {@code bytes} for people: "500 KB", "20 MB", or the exact byte count when neither fits. */
  static String human(long bytes) {
    if (bytes % MB == 0) {
      return bytes / MB + " MB";
    }
    if (bytes % KB == 0) {
      return bytes / KB + " KB";
    }
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
