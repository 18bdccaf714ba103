package io.productopsdash.server.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import io.javalin.http.Context;
import io.productopsdash.models.InvalidInputException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A JSON object request body read field by field, so that every type error names its field
 * ("score must be an integer, got 3.5") instead of surfacing as a mapper exception.
 */
public final class JsonBody {
  private final JsonObject object;

  private JsonBody(JsonObject object) {
    this.object = object;
  }

  /** Parses the request body as one JSON object; malformed JSON is a 400 naming the problem. */
  public static JsonBody of(Context ctx) {
    return parse(ctx.body());
  }

  /** Parses {@code text} as one JSON object, as {@link #of(Context)} does a request body. */
  public static JsonBody parse(String text) {
    if (text.isBlank()) {
      throw new InvalidInputException("body", "is empty: a JSON object is required");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(com.google.gson.Strictness.STRICT);
      JsonElement root = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new InvalidInputException("body", "is not valid JSON: unexpected data after the object");
      }
      if (!root.isJsonObject()) {
        throw new InvalidInputException("body", "must be a JSON object");
      }
      return new JsonBody(root.getAsJsonObject());
    } catch (java.io.IOException | JsonParseException | IllegalStateException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new InvalidInputException("body", "is not valid JSON: " + why);
    }
  }

  /** Rejects fields outside {@code known}, so a typo like "pionts" is not silently ignored. */
  public JsonBody onlyFields(Set<String> known) {
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidInputException(key, "is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
    return this;
  }

  /** Whether the object names {@code field} at all, even with a null value. */
  public boolean present(String field) {
    return object.has(field);
  }

  /**
   * Throws one {@link InvalidInputException} naming every field of {@code required} (field to the
   * rule shown) that is absent, null or a blank string, so a client learns all of them at once.
   */
  public JsonBody requireAll(java.util.Map<String, String> required) {
    java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
    required.forEach(
        (field, rule) -> {
          JsonElement e = object.get(field);
          boolean blank = e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && e.getAsString().isBlank();
          if (!has(field) || blank) {
            missing.put(field, rule);
          }
        });
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    return this;
  }

  public boolean has(String field) {
    return object.has(field) && !object.get(field).isJsonNull();
  }

  public String string(String field) {
    if (!has(field)) {
      return null;
    }
    JsonElement e = object.get(field);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new InvalidInputException(field, "must be a string");
    }
    return e.getAsString();
  }

  public Integer integer(String field) {
    if (!has(field)) {
      return null;
    }
    BigDecimal value = number(field);
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(field, "must be an integer, got " + value.toPlainString());
    }
  }

  public int requiredInteger(String field) {
    Integer value = integer(field);
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }

  public Double decimal(String field) {
    return has(field) ? number(field).doubleValue() : null;
  }

  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonElement e = object.get(field);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw new InvalidInputException(field, "must be true or false");
    }
    return e.getAsBoolean();
  }

  /** A list of strings, or null when absent; any other element is a 400 naming the field and index. */
  public java.util.List<String> strings(String field) {
    if (!has(field)) {
      return null;
    }
    JsonElement e = object.get(field);
    if (!e.isJsonArray()) {
      throw new InvalidInputException(field, "must be an array of strings");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < e.getAsJsonArray().size(); i++) {
      JsonElement item = e.getAsJsonArray().get(i);
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw new InvalidInputException(field, "item " + i + " must be a string, got " + Params.shown(item.toString()));
      }
      out.add(item.getAsString());
    }
    return out;
  }

  /** A list of positive integer ids, or null when absent; any other element is a 400 naming the field and index. */
  public java.util.List<Long> ids(String field) {
    if (!has(field)) {
      return null;
    }
    JsonElement e = object.get(field);
    if (!e.isJsonArray()) {
      throw new InvalidInputException(field, "must be an array of ids");
    }
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (int i = 0; i < e.getAsJsonArray().size(); i++) {
      JsonElement item = e.getAsJsonArray().get(i);
      long id;
      try {
        if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isNumber()) {
          throw new NumberFormatException();
        }
        id = item.getAsBigDecimal().longValueExact();
      } catch (NumberFormatException | ArithmeticException bad) {
        throw new InvalidInputException(field, "item " + i + " must be a positive integer id, got " + Params.shown(item.toString()));
      }
      if (id <= 0) {
        throw new InvalidInputException(field, "item " + i + " must be a positive integer id, got " + id);
      }
      out.add(id);
    }
    return out;
  }

  private BigDecimal number(String field) {
    JsonElement e = object.get(field);
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
      throw new InvalidInputException(field, "must be a number, got " + Params.shown(e.toString()));
    }
    try {
      return e.getAsBigDecimal();
    } catch (NumberFormatException tooLarge) {
      throw new InvalidInputException(field, "must be a number of reasonable size, got " + Params.shown(e.toString()));
    }
  }

}
