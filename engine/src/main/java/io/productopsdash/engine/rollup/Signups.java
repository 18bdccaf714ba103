package io.productopsdash.engine.rollup;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.data.events.EventColumns;
import io.productopsdash.data.events.JsonFields;
import io.productopsdash.data.events.PersonProperties;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.rollup.KeyCount;

/**
 * Each user's signup, shared by acquisition and onboarding: the user's first (by timestamp, then
 * rowid) track event named {@link MetricsConfig#signupEvent()}, at or before the evaluation
 * instant; and where that signup came from (source) and which segment the user is in.
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
   * The acquisition source of a signup event: its {@code properties[sourceProperty]}, else {@code
   * context.campaign.source}, else {@code properties.utm_source}, else {@code (none)}. A value that
   * is missing, not a plain value or blank (empty or only spaces) counts as absent, so a blank {@code
   * properties.source} falls through to the campaign source.
   */
  static String source(EventLog log, int signupEvent, MetricsConfig config) {
    int m = log.marked(signupEvent);
    JsonObject properties = m < 0 ? null : object(log.markedProperties(m));
    JsonObject context = m < 0 ? null : object(log.markedContext(m));
    String v = config.sourceProperty() == null ? null : text(properties, config.sourceProperty());
    if (v == null) {
      v = text(child(context, "campaign"), "source");
    }
    if (v == null) {
      v = text(properties, "utm_source");
    }
    return v == null ? KeyCount.NONE : v;
  }

  /**
   * The segment of user {@code u}: the user's stored trait {@code segmentTrait} (latest identify),
   * else the signup event's {@code traits} (the values of PostHog's person-property operations
   * too), else its {@code context.traits}, else {@code (none)}.
   */
  static String segment(EventLog log, int u, int signupEvent, MetricsConfig config) {
    String trait = config.segmentTrait();
    if (trait == null) {
      return KeyCount.NONE;
    }
    String v = text(object(log.userTraits(log.userKey(u))), trait);
    int m = log.marked(signupEvent);
    if (v == null && m >= 0) {
      v = text(PersonProperties.values(log.markedTraits(m)), trait);
    }
    if (v == null && m >= 0) {
      v = text(child(object(log.markedContext(m)), "traits"), trait);
    }
    return v == null ? KeyCount.NONE : v;
  }

  private static JsonObject object(String json) {
    return JsonFields.parseObject(json);
  }

  private static JsonObject child(JsonObject o, String field) {
    JsonElement e = o == null ? null : o.get(field);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** A string, number or boolean field as text; null when absent, blank or not a primitive. */
  private static String text(JsonObject o, String field) {
    JsonElement e = o == null ? null : o.get(field);
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    String s = e.getAsString().strip();
    return s.isEmpty() ? null : s;
  }
}
