package io.productopsdash.definitions.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/** Reading typed fields out of source JSON, rejecting with a counted reason that names the field. */
public final class JsonFields {
  /**
   * Events over this many bytes (UTF-8 JSON) are refused in files and by default, as Segment
   * documents for its HTTP API; the HTTP ingestion passes each sender's own limit to the
   * normalisers instead (see the server's {@code IngestLimits}).
   */
  public static final int MAX_EVENT_BYTES = 32 * 1024;

  private static final java.util.regex.Pattern EPOCH_MILLIS = java.util.regex.Pattern.compile("\\d{10,13}");

  private JsonFields() {}

  /** A string field, or null; numbers are accepted as their text (ids are often numeric). */
  public static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || ((JsonPrimitive) e).isBoolean()) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, field + " must be a string");
    }
    String s = e.getAsString();
    if (s.length() > io.productopsdash.models.Event.MAX_ID_LENGTH * 4) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, field + " is too long");
    }
    return s.isBlank() ? null : s;
  }

  /** An object field as JSON text, or null. */
  public static String object(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonObject()) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, field + " must be an object");
    }
    return e.getAsJsonObject().size() == 0 ? null : e.toString();
  }

  /** JSON text as an object; null for null, blank, malformed or non-object text. */
  public static JsonObject parseObject(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonElement e = com.google.gson.JsonParser.parseString(json);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (com.google.gson.JsonParseException e) {
      return null;
    }
  }

  /** A nested object or null (no error when absent or of another type). */
  public static JsonObject child(JsonObject o, String field) {
    JsonElement e = o == null ? null : o.get(field);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** A nested string or null, leniently: wrong types count as absent. */
  public static String lenientString(JsonObject o, String field) {
    JsonElement e = o == null ? null : o.get(field);
    return e != null && e.isJsonPrimitive() && !e.getAsString().isBlank() ? e.getAsString() : null;
  }

  /**
   * A timestamp: ISO-8601 with offset ("2026-03-02T10:00:00.000Z"), or epoch milliseconds as a
   * number or numeric string. Null when absent.
   */
  public static Instant instant(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new EventRejectedException(SkipReason.BAD_TIMESTAMP, field + " must be an ISO-8601 text or epoch milliseconds");
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    String text = p.getAsString().strip();
    try {
      if (p.isNumber() || EPOCH_MILLIS.matcher(text).matches()) {
        return Instant.ofEpochMilli(Long.parseLong(text.contains(".") ? text.substring(0, text.indexOf('.')) : text));
      }
      return parseIsoInstant(text);
    } catch (NumberFormatException | DateTimeParseException ex) {
      throw new EventRejectedException(SkipReason.BAD_TIMESTAMP, field + " is not a timestamp: '" + abbreviate(text) + "'");
    }
  }

  /** ISO-8601 with an offset or Z; also the space-separated form some exports use. */
  public static Instant parseIsoInstant(String text) {
    String t = text.strip().replace(' ', 'T');
    Instant fast = IsoInstants.parse(t);
    if (fast != null) {
      return fast;
    }
    if (hasOffset(t)) {
      return OffsetDateTime.parse(t).toInstant();
    }
    // Amplitude exports write "2026-03-02 10:00:00.123000" in UTC without an offset.
    return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
  }

  /** Whether an ISO date-time text ends with Z or a +hh:mm/-hh:mm offset (after the date part). */
  private static boolean hasOffset(String t) {
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    if (last == 'Z' || last == 'z') {
      return true;
    }
    int time = t.indexOf('T');
    return time > 0 && (t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0);
  }

  /** A stable id for sources without one: the SHA-256 of the given parts. */
  public static String derivedId(String prefix, String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return prefix + HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Refuses an event whose source text (a line of a file) is {@code bytes} long, over {@link #MAX_EVENT_BYTES}. */
  public static void checkSize(long bytes) {
    if (bytes > MAX_EVENT_BYTES) {
      throw new EventRejectedException(SkipReason.TOO_LARGE, "event is " + bytes + " bytes; the limit is " + MAX_EVENT_BYTES);
    }
  }

  /** Refuses events whose JSON is over {@link #MAX_EVENT_BYTES}. */
  public static void checkSize(JsonObject o) {
    checkSize(o, MAX_EVENT_BYTES);
  }

  /** Refuses events whose compact JSON is over {@code maxBytes} (UTF-8). */
  public static void checkSize(JsonObject o, int maxBytes) {
    int bytes = o.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new EventRejectedException(SkipReason.TOO_LARGE, "event is " + bytes + " bytes; the limit is " + maxBytes);
    }
  }

  /** Sets {@code o.object.field = value} (creating the nested object), unless value is null. */
  public static void putIn(JsonObject o, String object, String field, String value) {
    if (value == null) {
      return;
    }
    JsonObject child = child(o, object);
    if (child == null) {
      child = new JsonObject();
      o.add(object, child);
    }
    child.addProperty(field, value);
  }

  public static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
