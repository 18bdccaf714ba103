package io.productopsdash.server.http;

import io.productopsdash.models.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every path an analytics client sends to, server-side or from a browser, in one place: {@link
 * IngestionApi} and {@link PosthogClientConfig} register them, {@link Cors} answers their
 * preflights and gates their origins. Paths are without the trailing slash the clients add
 * ({@code /e/}, {@code /batch/}): the router ignores it.
 */
final class IngestionPaths {
  /** Segment's batch, as its server libraries ({@code /v1/batch}) and analytics.js's batching ({@code /v1/b}) send it. */
  static final List<String> SEGMENT_BATCH = List.of("/v1/batch", "/v1/b");
  /** PostHog's capture paths: batch, single capture, the newer {@code /i/v0/e/}, and posthog-js's {@code /e/}. */
  static final List<String> POSTHOG = List.of("/batch", "/capture", "/i/v0/e", "/e");
  /** posthog-js's feature flags, new ({@code /flags/?v=2}) and old ({@code /decide/}). */
  static final List<String> POSTHOG_FLAGS = List.of("/flags", "/decide");
  /** posthog-js's remote configuration, as JSON and as a script. */
  static final String POSTHOG_CONFIG = "/array/{key}/config";
  static final String POSTHOG_CONFIG_SCRIPT = "/array/{key}/config.js";
  static final String AMPLITUDE = "/2/httpapi";

  /** Request paths of all of them, with a path parameter as one segment and an optional trailing slash. */
  private static final Pattern ANY;

  static {
    List<String> alternatives = new ArrayList<>();
    for (String path : all()) {
      alternatives.add(Pattern.quote(path).replace("{key}", "\\E[^/]+\\Q"));
    }
    ANY = Pattern.compile("(?:" + String.join("|", alternatives) + ")/?");
  }

  private IngestionPaths() {}

  /**
   * Segment's single-call path of {@code type}: {@code /v1/track} and the others as the server
   * libraries send them.
   */
  static String segment(EventType type) {
    return "/v1/" + type.name().toLowerCase(Locale.ROOT);
  }

  /** analytics.js's short path of {@code type}: its first letter ({@code /v1/t}, {@code /v1/i}, ...). */
  static String segmentShort(EventType type) {
    return "/v1/" + type.name().toLowerCase(Locale.ROOT).charAt(0);
  }

  /** Every ingestion route, as registered. */
  static List<String> all() {
    List<String> all = new ArrayList<>(SEGMENT_BATCH);
    for (EventType type : EventType.values()) {
      all.add(segment(type));
      all.add(segmentShort(type));
    }
    all.addAll(POSTHOG);
    all.addAll(POSTHOG_FLAGS);
    all.add(POSTHOG_CONFIG);
    all.add(POSTHOG_CONFIG_SCRIPT);
    all.add(AMPLITUDE);
    return all;
  }

  /** Whether a request's path is one of them. */
  static boolean matches(String requestPath) {
    return ANY.matcher(requestPath).matches();
  }
}
