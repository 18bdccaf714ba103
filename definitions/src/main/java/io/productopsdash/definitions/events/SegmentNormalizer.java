package io.productopsdash.definitions.events;

import com.google.gson.JsonObject;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * Segment spec JSON (one call of {@code track}, {@code identify}, {@code page}, {@code screen},
 * {@code group} or {@code alias}) to an {@link Event}. Used for Segment JSON-lines files and the
 * Segment HTTP API. When the sender's {@code sentAt} is given (live HTTP), the timestamp is
 * corrected for the device's clock skew as Segment does: {@code receivedAt - (sentAt -
 * timestamp)}.
 */
public final class SegmentNormalizer {
  private SegmentNormalizer() {}

  /**
   * Normalises one call; {@code impliedType} is used when the object has no {@code type} (the
   * single-call endpoints such as {@code /v1/track}).
   */
  public static Event normalize(JsonObject o, EventType impliedType, Instant receivedAt, boolean correctSkew) {
    JsonFields.checkSize(o);
    return normalizeSized(o, impliedType, receivedAt, correctSkew);
  }

  /**
   * As {@link #normalize} for a caller that has already checked the event's size (a file
   * importer knows each line's length without serialising the object again).
   */
  public static Event normalizeSized(JsonObject o, EventType impliedType, Instant receivedAt, boolean correctSkew) {
    return normalize(o, impliedType, receivedAt, correctSkew, null);
  }

  /**
   * A call received over HTTP at {@code receivedAt}: its time is corrected for clock skew with its
   * own {@code sentAt}, else the batch's {@code batchSentAt} (may be null); a call without any
   * time happened when it was received.
   */
  public static Event normalizeLive(JsonObject o, EventType impliedType, Instant receivedAt, Instant batchSentAt) {
    return normalizeLive(o, impliedType, receivedAt, batchSentAt, JsonFields.MAX_EVENT_BYTES);
  }

  /** As {@link #normalizeLive(JsonObject, EventType, Instant, Instant)} with the sender's per-event limit. */
  public static Event normalizeLive(
      JsonObject o, EventType impliedType, Instant receivedAt, Instant batchSentAt, int maxEventBytes) {
    JsonFields.checkSize(o, maxEventBytes);
    return normalize(o, impliedType, receivedAt, true, batchSentAt);
  }

  private static Event normalize(
      JsonObject o, EventType impliedType, Instant receivedAt, boolean correctSkew, Instant batchSentAt) {
    EventType type = impliedType;
    String typeText = JsonFields.string(o, "type");
    if (typeText != null) {
      type = EventType.parse(typeText);
      if (type == null) {
        throw new EventRejectedException(SkipReason.UNKNOWN_TYPE, "type '" + JsonFields.abbreviate(typeText) + "' is not a Segment call type");
      }
    }
    if (type == null) {
      throw new EventRejectedException(SkipReason.UNKNOWN_TYPE, "type is missing");
    }
    String userId = JsonFields.string(o, "userId");
    String anonymousId = JsonFields.string(o, "anonymousId");
    if (userId == null && anonymousId == null) {
      throw new EventRejectedException(SkipReason.MISSING_USER, "neither userId nor anonymousId is set");
    }
    String name = type == EventType.TRACK ? JsonFields.string(o, "event") : JsonFields.string(o, "name");
    if (type == EventType.TRACK && name == null) {
      throw new EventRejectedException(SkipReason.MISSING_EVENT_NAME, "a track call needs 'event'");
    }
    Instant timestamp = JsonFields.instant(o, "timestamp");
    if (timestamp == null) {
      timestamp = JsonFields.instant(o, "originalTimestamp");
    }
    Instant sentAt = JsonFields.instant(o, "sentAt");
    if (sentAt == null) {
      sentAt = batchSentAt;
    }
    if (timestamp == null) {
      timestamp = correctSkew ? receivedAt : null;
    } else if (correctSkew && sentAt != null) {
      timestamp = receivedAt.minus(Duration.between(timestamp, sentAt));
    }
    if (timestamp == null) {
      throw new EventRejectedException(SkipReason.BAD_TIMESTAMP, "timestamp is missing");
    }
    String properties = JsonFields.object(o, "properties");
    String traits = JsonFields.object(o, "traits");
    String context = JsonFields.object(o, "context");
    JsonObject props = JsonFields.child(o, "properties");
    String path = JsonFields.lenientString(props, "path");
    if (path == null) {
      path = JsonFields.lenientString(JsonFields.child(JsonFields.child(o, "context"), "page"), "path");
    }
    String messageId = JsonFields.string(o, "messageId");
    if (messageId == null) {
      messageId = JsonFields.derivedId("seg-", withoutTransport(o).toString());
    }
    try {
      return new Event(
          messageId, type, name, userId, anonymousId, JsonFields.string(o, "previousId"), timestamp, receivedAt,
          path, properties, traits, context);
    } catch (InvalidInputException e) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, e.getMessage());
    }
  }

  /**
   * The call without what changes from one delivery to the next (sentAt, the write key), so that
   * a derived messageId is the same when a client retries.
   */
  private static JsonObject withoutTransport(JsonObject o) {
    if (!o.has("sentAt") && !o.has("writeKey") && !o.has("receivedAt")) {
      return o;
    }
    JsonObject copy = new JsonObject();
    o.entrySet().forEach(e -> {
      if (!e.getKey().equals("sentAt") && !e.getKey().equals("writeKey") && !e.getKey().equals("receivedAt")) {
        copy.add(e.getKey(), e.getValue());
      }
    });
    return copy;
  }
}
