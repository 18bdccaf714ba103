package io.productopsdash.definitions.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.productopsdash.definitions.events.PersonProperties;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.rollup.KeyCount;

/**
 * Where a signup came from and which segment the user is in, read from the stored JSON texts of
 * the signup event and of the user's latest identify:
 *
 * <ul>
 *   <li><b>source</b>: the signup event's {@code properties[sourceProperty]}, else its {@code
 *       context.campaign.source}, else {@code properties.utm_source}, else {@code (none)};
 *   <li><b>segment</b>: the user's stored trait {@code segmentTrait} (the traits identify calls
 *       and person-property operations merged), else the signup event's {@code traits} (or the
 *       values its operations set), else its {@code context.traits}, else {@code (none)}.
 * </ul>
 *
 * A value is a string, number or boolean field's text, stripped; absent, blank or non-primitive
 * values count as not found.
 */
public final class SignupAttribution {
  private SignupAttribution() {}

  /** The acquisition source of a signup event with these properties and context (JSON texts or null). */
  public static String source(String propertiesJson, String contextJson, MetricsConfig config) {
    JsonObject properties = object(propertiesJson);
    String v = config.sourceProperty() == null ? null : text(properties, config.sourceProperty());
    if (v == null) {
      v = text(child(object(contextJson), "campaign"), "source");
    }
    if (v == null) {
      v = text(properties, "utm_source");
    }
    return v == null ? KeyCount.NONE : v;
  }

  /** The segment trait's value in a user's stored traits (JSON text or null), or null. */
  public static String userTrait(String traitsJson, MetricsConfig config) {
    return config.segmentTrait() == null ? null : text(object(traitsJson), config.segmentTrait());
  }

  /**
   * The segment trait's value in the signup event's traits (the values PostHog's person-property
   * operations set too, {@link PersonProperties#values}), else its context.traits; or null.
   */
  public static String signupTrait(String traitsJson, String contextJson, MetricsConfig config) {
    String trait = config.segmentTrait();
    if (trait == null) {
      return null;
    }
    String v = text(PersonProperties.values(traitsJson), trait);
    return v != null ? v : text(child(object(contextJson), "traits"), trait);
  }

  /** The segment: the user's trait, else the signup event's, else {@code (none)}. */
  public static String segment(String userTrait, String signupTrait) {
    return userTrait != null ? userTrait : signupTrait != null ? signupTrait : KeyCount.NONE;
  }

  private static JsonObject object(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonElement e = JsonParser.parseString(json);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
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
