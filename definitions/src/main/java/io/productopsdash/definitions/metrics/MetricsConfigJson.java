package io.productopsdash.definitions.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The metrics configuration as JSON, in the shape {@code MetricsConfigRepository} stores it (the
 * record's fields; the zone as its id; absent optional fields left out): read field by field so that every mistake names its field
 * ({@code featureAreas[1].eventPatterns[0]: must be a string}); the rules themselves are
 * {@link MetricsConfig}'s and {@link FeatureArea}'s constructors'. {@code conversionWindowDays}
 * defaults to {@value MetricsConfig#DEFAULT_CONVERSION_WINDOW_DAYS}; the other optional fields to
 * none.
 */
public final class MetricsConfigJson {
  static final Set<String> FIELDS =
      Set.of(
          "signupEvent", "firstTransactionEvents", "supportTicketEvent", "featureAreas", "zone",
          "conversionWindowDays", "sourceProperty", "segmentTrait");
  static final Set<String> AREA_FIELDS = Set.of("name", "eventPatterns", "pathPatterns");

  private MetricsConfigJson() {}

  /** Writes {@code config} without reflection (Gson cannot reflect into {@code java.time} on JDK 17). */
  public static String write(MetricsConfig config) {
    JsonObject o = new JsonObject();
    o.addProperty("signupEvent", config.signupEvent());
    o.add("firstTransactionEvents", array(config.firstTransactionEvents()));
    if (config.supportTicketEvent() != null) {
      o.addProperty("supportTicketEvent", config.supportTicketEvent());
    }
    JsonArray areas = new JsonArray();
    for (FeatureArea area : config.featureAreas()) {
      JsonObject a = new JsonObject();
      a.addProperty("name", area.name());
      a.add("eventPatterns", array(area.eventPatterns()));
      a.add("pathPatterns", array(area.pathPatterns()));
      areas.add(a);
    }
    o.add("featureAreas", areas);
    o.addProperty("zone", config.zone().getId());
    o.addProperty("conversionWindowDays", config.conversionWindowDays());
    if (config.sourceProperty() != null) {
      o.addProperty("sourceProperty", config.sourceProperty());
    }
    if (config.segmentTrait() != null) {
      o.addProperty("segmentTrait", config.segmentTrait());
    }
    return o.toString();
  }

  private static JsonArray array(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** Parses and validates a configuration; errors are {@link InvalidInputException}s naming the field. */
  public static MetricsConfig read(String text) {
    JsonObject o = object(text);
    known(o, FIELDS, "");
    ZoneId zone = null;
    String zoneText = string(o, "zone", "zone");
    if (zoneText != null) {
      try {
        zone = ZoneId.of(zoneText.strip());
      } catch (DateTimeException e) {
        throw new InvalidInputException("zone", "must be a time zone id such as Europe/Berlin or UTC, got '" + zoneText + "'");
      }
    }
    List<FeatureArea> areas = new ArrayList<>();
    JsonArray areaArray = array(o, "featureAreas", "featureAreas");
    if (areaArray != null) {
      if (areaArray.size() > FeatureAreaMatcher.MAX_AREAS) {
        throw new InvalidInputException("featureAreas", "at most " + FeatureAreaMatcher.MAX_AREAS + " areas, got " + areaArray.size());
      }
      for (int i = 0; i < areaArray.size(); i++) {
        String at = "featureAreas[" + i + "]";
        if (!areaArray.get(i).isJsonObject()) {
          throw new InvalidInputException(at, "must be an object with name, eventPatterns, pathPatterns");
        }
        JsonObject a = areaArray.get(i).getAsJsonObject();
        known(a, AREA_FIELDS, at + ".");
        areas.add(new FeatureArea(
            string(a, "name", at + ".name"), strings(a, "eventPatterns", at + ".eventPatterns"),
            strings(a, "pathPatterns", at + ".pathPatterns")));
      }
    }
    Integer window = integer(o, "conversionWindowDays");
    return new MetricsConfig(
        string(o, "signupEvent", "signupEvent"),
        strings(o, "firstTransactionEvents", "firstTransactionEvents"),
        string(o, "supportTicketEvent", "supportTicketEvent"),
        areas,
        zone,
        window == null ? MetricsConfig.DEFAULT_CONVERSION_WINDOW_DAYS : window,
        string(o, "sourceProperty", "sourceProperty"),
        string(o, "segmentTrait", "segmentTrait"));
  }

  private static JsonObject object(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("body", "is empty: a JSON object is required");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new InvalidInputException("body", "is not valid JSON: unexpected data after the object");
      }
      if (!root.isJsonObject()) {
        throw new InvalidInputException("body", "must be a JSON object");
      }
      return root.getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new InvalidInputException("body", "is not valid JSON: " + why);
    }
  }

  private static void known(JsonObject o, Set<String> fields, String prefix) {
    for (String key : o.keySet()) {
      if (!fields.contains(key)) {
        throw new InvalidInputException(
            prefix + key, "is not a known field (known: " + String.join(", ", fields.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String string(JsonObject o, String key, String field) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new InvalidInputException(field, "must be a string");
    }
    return e.getAsString();
  }

  private static JsonArray array(JsonObject o, String key, String field) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonArray()) {
      throw new InvalidInputException(field, "must be an array");
    }
    return e.getAsJsonArray();
  }

  private static List<String> strings(JsonObject o, String key, String field) {
    JsonArray a = array(o, key, field);
    List<String> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      JsonElement e = a.get(i);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
        throw new InvalidInputException(field + "[" + i + "]", "must be a non-blank string");
      }
      out.add(e.getAsString().strip());
    }
    return out;
  }

  private static Integer integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new InvalidInputException(key, "must be an integer");
    }
    BigDecimal v = e.getAsBigDecimal();
    try {
      return v.intValueExact();
    } catch (ArithmeticException ex) {
      throw new InvalidInputException(key, "must be an integer, got " + v.toPlainString());
    }
  }
}
