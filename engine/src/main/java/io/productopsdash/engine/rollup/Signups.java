package io.productopsdash.engine.rollup;

import io.productopsdash.data.events.EventColumns;
import io.productopsdash.definitions.metrics.SignupAttribution;
import io.productopsdash.models.MetricsConfig;

/**
 * Each user's signup, shared by acquisition and onboarding: the user's first (by timestamp, then
 * rowid) track event named {@link MetricsConfig#signupEvent()}, at or before the evaluation
 * instant; and where that signup came from (source) and which segment the user is in
 * ({@link SignupAttribution}).
 */
final class Signups {
  private Signups() {}

  /** Per user, the event index of the signup, or -1 when the user has none up to {@code asOf}. */
  static int[] first(EventLog log, MetricsConfig config, long asOf) {
    int signup = log.stringId(config.signupEvent());
    int[] out = new int[log.userCount()];
    for (int u = 0; u < out.length; u++) {
      out[u] = -1;
      if (signup < 0) {
        continue;
      }
      int to = log.end(u, asOf);
      for (int i = log.start(u); i < to; i++) {
        if (log.name(i) == signup && log.type(i) == EventColumns.TRACK) {
          out[u] = i;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The acquisition source of a signup event ({@link SignupAttribution#source}): its {@code properties[sourceProperty]}, else {@code
   * context.campaign.source}, else {@code properties.utm_source}, else {@code (none)}. A value that
   * is missing, not a plain value or blank (empty or only spaces) counts as absent, so a blank {@code
   * properties.source} falls through to the campaign source.
   */
  static String source(EventLog log, int signupEvent, MetricsConfig config) {
    int m = log.marked(signupEvent);
    return SignupAttribution.source(m < 0 ? null : log.markedProperties(m), m < 0 ? null : log.markedContext(m), config);
  }

  /** The segment of user {@code u} ({@link SignupAttribution#segment}). */
  static String segment(EventLog log, int u, int signupEvent, MetricsConfig config) {
    int m = log.marked(signupEvent);
    return SignupAttribution.segment(
        SignupAttribution.userTrait(log.userTraits(log.userKey(u)), config),
        m < 0 ? null : SignupAttribution.signupTrait(log.markedTraits(m), log.markedContext(m), config));
  }
}
