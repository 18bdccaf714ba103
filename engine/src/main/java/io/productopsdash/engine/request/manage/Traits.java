package io.productopsdash.engine.request.manage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Reads one value out of a user's stored traits (a JSON object from identify calls). */
final class Traits {
  private Traits() {}

  /** The trait's value as text, or null when absent, not a scalar or the JSON is unreadable. */
  static String value(String json, String trait) {
    if (json == null || trait == null) {
      return null;
    }
    try {
      JsonElement root = JsonParser.parseString(json);
      if (!root.isJsonObject()) {
        return null;
      }
      JsonObject o = root.getAsJsonObject();
      JsonElement v = o.get(trait);
      return v == null || !v.isJsonPrimitive() ? null : v.getAsString();
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
  }
}
