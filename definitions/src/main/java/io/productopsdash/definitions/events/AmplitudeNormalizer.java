package io.productopsdash.definitions.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An Amplitude event (an export file's line, or one event of the HTTP V2 API's {@code events})
 * to an {@link Event}. {@code event_type} is the name; {@code user_id} the user; {@code device_id}
 * the anonymous id (an event carrying both links the device to the user, as Amplitude merges
 * them); the time is {@code time} (epoch milliseconds) or the export's {@code event_time}
 * ({@code "2026-03-02 10:00:00.123456"}, UTC); the dedupe key is {@code insert_id}, {@code
 * $insert_id} or {@code uuid}, else an id derived from the event's content. {@code $identify}
 * becomes an identify call with the {@code $set}/{@code $setOnce} user properties as traits,
 * {@code $groupidentify} a group call, and page views ({@code [Amplitude] Page Viewed}, {@code
 * Page Viewed}) page calls with the page path from their properties.
 */
public final class AmplitudeNormalizer {
  /** Event types Amplitude's own SDKs and users use for a page view. */
  static final Set<String> PAGE_VIEW_TYPES = Set.of("[amplitude] page viewed", "page viewed", "pageview", "page view");
  /** Event properties that carry the page path (first found wins), then full URLs to take the path of. */
  static final String[] PATH_PROPERTIES = {"[Amplitude] Page Path", "page_path", "path", "Page Path", "pathname"};
  static final String[] URL_PROPERTIES = {"[Amplitude] Page URL", "page_url", "url", "Page URL"};
  static final String[] TITLE_PROPERTIES = {"[Amplitude] Page Title", "page_title", "title", "Page Title"};
  /** UTM user property and the Segment campaign field it becomes, in a fixed order. */
  private static final String[][] CAMPAIGN_FIELDS = {
    {"utm_source", "source"}, {"utm_medium", "medium"}, {"utm_campaign", "name"}, {"utm_term", "term"}, {"utm_content", "content"}
  };

  private AmplitudeNormalizer() {}

  /**
   * Normalises one event after checking its size. {@code live} is true for the HTTP API, where an
   * event without a time happened when it was received; a file's event needs its own time.
   */
  public static Event normalize(JsonObject o, Instant receivedAt, boolean live) {
    return normalize(o, receivedAt, live, JsonFields.MAX_EVENT_BYTES);
  }

  /** As {@link #normalize(JsonObject, Instant, boolean)} with the sender's per-event limit. */
  public static Event normalize(JsonObject o, Instant receivedAt, boolean live, int maxEventBytes) {
    JsonFields.checkSize(o, maxEventBytes);
    return normalizeSized(o, receivedAt, live);
  }

  /** As {@link #normalize} for a caller that has already checked the event's size. */
  public static Event normalizeSized(JsonObject o, Instant receivedAt, boolean live) {
    String eventType = JsonFields.string(o, "event_type");
    if (eventType == null) {
      throw new EventRejectedException(SkipReason.MISSING_EVENT_NAME, "event_type is missing");
    }
    String userId = JsonFields.string(o, "user_id");
    String deviceId = JsonFields.string(o, "device_id");
    if (userId == null && deviceId == null) {
      throw new EventRejectedException(SkipReason.MISSING_USER, "neither user_id nor device_id is set");
    }
    Instant timestamp = JsonFields.instant(o, "time");
    if (timestamp == null) {
      timestamp = JsonFields.instant(o, "event_time");
    }
    if (timestamp == null) {
      timestamp = JsonFields.instant(o, "client_event_time");
    }
    if (timestamp == null) {
      if (!live) {
        throw new EventRejectedException(SkipReason.BAD_TIMESTAMP, "neither time nor event_time is set");
      }
      timestamp = receivedAt;
    }
    JsonObject eventProps = objectOrNull(o, "event_properties");
    JsonObject userProps = objectOrNull(o, "user_properties");
    String lower = eventType.toLowerCase(Locale.ROOT);
    EventType type = EventType.TRACK;
    String name = eventType;
    String path = null;
    String traits = null;
    if (lower.equals("$identify")) {
      type = EventType.IDENTIFY;
      name = null;
      traits = traits(userProps);
    } else if (lower.equals("$groupidentify")) {
      type = EventType.GROUP;
      name = null;
    } else if (PAGE_VIEW_TYPES.contains(lower)) {
      type = EventType.PAGE;
      name = first(eventProps, TITLE_PROPERTIES);
      path = first(eventProps, PATH_PROPERTIES);
      if (path == null) {
        path = UrlPaths.pathOf(first(eventProps, URL_PROPERTIES));
      }
    }
    String messageId = JsonFields.string(o, "insert_id");
    if (messageId == null) {
      messageId = JsonFields.string(o, "$insert_id");
    }
    if (messageId == null) {
      messageId = JsonFields.string(o, "uuid");
    }
    if (messageId == null) {
      messageId = JsonFields.derivedId("amp-", o.toString());
    }
    JsonObject context = context(o, userProps, path);
    try {
      return new Event(
          messageId, type, name, userId, deviceId, null, timestamp, receivedAt, path,
          eventProps == null || eventProps.size() == 0 ? null : eventProps.toString(),
          traits != null ? traits : userProps == null || userProps.size() == 0 ? null : userProps.toString(),
          context.size() == 0 ? null : context.toString());
    } catch (InvalidInputException e) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, e.getMessage());
    }
  }

  private static JsonObject objectOrNull(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonObject()) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, field + " must be an object");
    }
    return e.getAsJsonObject();
  }

  /**
   * The traits an identify sets: plain user properties (an export's snapshot), then {@code $set},
   * then {@code $setOnce} where nothing was set; other operations ({@code $add}, {@code $unset})
   * do not give a value and are left out.
   */
  static String traits(JsonObject userProps) {
    if (userProps == null) {
      return null;
    }
    JsonObject traits = new JsonObject();
    for (Map.Entry<String, JsonElement> e : userProps.entrySet()) {
      if (!e.getKey().startsWith("$")) {
        traits.add(e.getKey(), e.getValue());
      }
    }
    JsonObject set = JsonFields.child(userProps, "$set");
    if (set != null) {
      set.entrySet().forEach(e -> traits.add(e.getKey(), e.getValue()));
    }
    JsonObject setOnce = JsonFields.child(userProps, "$setOnce");
    if (setOnce != null) {
      setOnce.entrySet().forEach(e -> {
        if (!traits.has(e.getKey())) {
          traits.add(e.getKey(), e.getValue());
        }
      });
    }
    return traits.size() == 0 ? null : traits.toString();
  }

  /** Segment-style context from Amplitude's device, location and library fields and UTM user properties. */
  private static JsonObject context(JsonObject o, JsonObject userProps, String path) {
    JsonObject ctx = new JsonObject();
    JsonFields.putIn(ctx, "library", "name", JsonFields.lenientString(o, "library"));
    JsonFields.putIn(ctx, "os", "name", JsonFields.lenientString(o, "os_name"));
    JsonFields.putIn(ctx, "os", "version", JsonFields.lenientString(o, "os_version"));
    JsonFields.putIn(ctx, "device", "id", JsonFields.lenientString(o, "device_id"));
    JsonFields.putIn(ctx, "device", "model", JsonFields.lenientString(o, "device_model"));
    JsonFields.putIn(ctx, "device", "manufacturer", JsonFields.lenientString(o, "device_manufacturer"));
    JsonFields.putIn(ctx, "device", "brand", JsonFields.lenientString(o, "device_brand"));
    JsonFields.putIn(ctx, "device", "type", JsonFields.lenientString(o, "platform"));
    JsonFields.putIn(ctx, "location", "country", JsonFields.lenientString(o, "country"));
    JsonFields.putIn(ctx, "location", "region", JsonFields.lenientString(o, "region"));
    JsonFields.putIn(ctx, "location", "city", JsonFields.lenientString(o, "city"));
    JsonFields.putIn(ctx, "app", "version", JsonFields.lenientString(o, "app_version"));
    JsonFields.putIn(ctx, "page", "path", path);
    String language = JsonFields.lenientString(o, "language");
    if (language != null) {
      ctx.addProperty("locale", language);
    }
    String ip = JsonFields.lenientString(o, "ip");
    if (ip != null && !ip.equals("$remote")) {
      ctx.addProperty("ip", ip);
    }
    JsonObject set = JsonFields.child(userProps, "$set");
    for (String[] f : CAMPAIGN_FIELDS) {
      String value = JsonFields.lenientString(userProps, f[0]);
      if (value == null) {
        value = JsonFields.lenientString(set, f[0]);
      }
      JsonFields.putIn(ctx, "campaign", f[1], value);
    }
    return ctx;
  }

  private static String first(JsonObject props, String[] names) {
    for (String name : names) {
      String value = JsonFields.lenientString(props, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
