package io.productopsdash.definitions.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.productopsdash.models.Event;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;

/**
 * One line of a JSON-lines event file to an {@link Event}, or the {@link SkipReason} it is
 * refused for: a line over {@link JsonFields#MAX_EVENT_BYTES} is too large, a blank line is
 * empty, anything but exactly one JSON object is malformed or not an object, and the object is
 * normalised by {@link SegmentNormalizer} or {@link AmplitudeNormalizer} (Segment lines through
 * {@link SegmentLineScanner}'s fast path when it can, which gives the same event). The file
 * importer and the Spark job call this per line, so both count the same lines the same way.
 */
public final class JsonLines {
  /** The JSON-lines sources. */
  public enum Source {
    SEGMENT,
    AMPLITUDE
  }

  private JsonLines() {}

  /**
   * The event of {@code line} (without its line break; {@code lineBytes} is its UTF-8 length).
   *
   * @throws EventRejectedException naming the reason the line is skipped
   */
  public static Event normalize(String line, long lineBytes, Source source, Instant receivedAt) {
    JsonFields.checkSize(lineBytes);
    Event fast = source == Source.SEGMENT ? SegmentLineScanner.tryNormalize(line, receivedAt) : null;
    if (fast != null) {
      return fast;
    }
    JsonObject o = parseObject(line);
    return source == Source.AMPLITUDE
        ? AmplitudeNormalizer.normalizeSized(o, receivedAt, false)
        : SegmentNormalizer.normalizeSized(o, null, receivedAt, false);
  }

  /** One line as a JSON object, strictly (no trailing data, no comments or unquoted names). */
  public static JsonObject parseObject(String line) {
    if (line.isBlank()) {
      throw new EventRejectedException(SkipReason.EMPTY_LINE, "blank line");
    }
    JsonElement root;
    try {
      JsonReader reader = new JsonReader(new StringReader(line));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new EventRejectedException(SkipReason.MALFORMED_JSON, "unexpected data after the JSON value");
      }
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new EventRejectedException(SkipReason.MALFORMED_JSON, "not valid JSON: " + e.getMessage());
    }
    if (!root.isJsonObject()) {
      throw new EventRejectedException(SkipReason.NOT_AN_OBJECT, "not a JSON object");
    }
    return root.getAsJsonObject();
  }
}
