package io.productopsdash.data.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.definitions.events.UrlPaths;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A PostHog capture event ({@code /batch/}, {@code /capture/}, {@code /i/v0/e/}) to an {@link
 * Event}. {@code distinct_id} is the user; {@code uuid} the dedupe key; {@code $identify} with
 * {@code $anon_distinct_id} is an identify call that links the anonymous id to the user; {@code
 * $set} (and the {@code $set}/{@code $set_once} of an identify) gives traits; {@code
 * $create_alias} an alias of {@code alias} to the user; {@code $pageview} a page call whose path
 * is {@code $pathname} or the path of {@code $current_url}; {@code $screen} a screen call. The
 * project key ({@code token}) is never stored. Times are corrected for the device's clock skew
 * with the request's {@code sent_at}, as PostHog does.
 */
public final class PosthogNormalizer {
  /** Property names never stored: PostHog's browser SDK puts the project key in {@code token}. */
  static final Set<String> SECRET_PROPERTIES = Set.of("token", "api_key");
  /** utm_* property to Segment campaign field, in a fixed order. */
  private static final String[][] CAMPAIGN_FIELDS = {
    {"utm_source", "source"}, {"utm_medium", "medium"}, {"utm_campaign", "name"}, {"utm_term", "term"}, {"utm_content", "content"}
  };

  private PosthogNormalizer() {}

  /**
   * Normalises one event received at {@code receivedAt}; {@code sentAt} is the request's {@code
   * sent_at} (null when not sent).
   */
  public static Event normalize(JsonObject o, Instant receivedAt, Instant sentAt) {
    return normalize(o, receivedAt, sentAt, JsonFields.MAX_EVENT_BYTES);
  }

  /** As {@link #normalize(JsonObject, Instant, Instant)} with the sender's per-event limit. */
  public static Event normalize(JsonObject o, Instant receivedAt, Instant sentAt, int maxEventBytes) {
    JsonFields.checkSize(o, maxEventBytes);
    String event = JsonFields.string(o, "event");
    if (event == null) {
      throw new EventRejectedException(SkipReason.MISSING_EVENT_NAME, "event is missing");
    }
    JsonObject props = properties(o);
    String distinctId = JsonFields.string(o, "distinct_id");
    if (distinctId == null) {
      distinctId = JsonFields.lenientString(props, "distinct_id");
    }
    if (distinctId == null) {
      distinctId = JsonFields.lenientString(props, "$distinct_id");
    }
    if (distinctId == null) {
      throw new EventRejectedException(SkipReason.MISSING_USER, "distinct_id is missing");
    }
    Instant timestamp = timestamp(o, receivedAt, sentAt);
    EventType type = EventType.TRACK;
    String name = event;
    String anonymousId = null;
    String previousId = null;
    String path = null;
    String traits = null;
    switch (event) {
      case "$identify" -> {
        type = EventType.IDENTIFY;
        name = null;
        anonymousId = JsonFields.lenientString(props, "$anon_distinct_id");
        traits = traits(props);
      }
      case "$set" -> {
        type = EventType.IDENTIFY;
        name = null;
        traits = traits(props);
      }
      case "$create_alias" -> {
        type = EventType.ALIAS;
        name = null;
        previousId = JsonFields.lenientString(props, "alias");
      }
      case "$pageview" -> {
        type = EventType.PAGE;
        name = JsonFields.lenientString(props, "$title");
        path = JsonFields.lenientString(props, "$pathname");
        if (path == null) {
          path = UrlPaths.pathOf(JsonFields.lenientString(props, "$current_url"));
        }
      }
      case "$screen" -> {
        type = EventType.SCREEN;
        name = JsonFields.lenientString(props, "$screen_name");
      }
      case "$groupidentify" -> {
        type = EventType.GROUP;
        name = null;
      }
      default -> {
        // a plain track call
      }
    }
    String messageId = JsonFields.string(o, "uuid");
    if (messageId == null) {
      messageId = JsonFields.derivedId("ph-", o.toString());
    }
    JsonObject context = context(props, path);
    try {
      return new Event(
          messageId, type, name, distinctId, anonymousId, previousId, timestamp, receivedAt, path,
          props.size() == 0 ? null : props.toString(), traits, context.size() == 0 ? null : context.toString());
    } catch (InvalidInputException e) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, e.getMessage());
    }
  }

  /** The event's properties without the project key (a fresh object: the input is not changed). */
  private static JsonObject properties(JsonObject o) {
    JsonElement e = o.get("properties");
    JsonObject copy = new JsonObject();
    if (e == null || e.isJsonNull()) {
      return copy;
    }
    if (!e.isJsonObject()) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, "properties must be an object");
    }
    for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
      if (!SECRET_PROPERTIES.contains(p.getKey())) {
        copy.add(p.getKey(), p.getValue());
      }
    }
    return copy;
  }

  /**
   * The event's time: {@code timestamp} shifted by the skew between the device clock and ours
   * ({@code receivedAt - (sentAt - timestamp)}) when {@code sent_at} came with the request; else
   * {@code offset} milliseconds before receipt; else the time of receipt.
   */
  private static Instant timestamp(JsonObject o, Instant receivedAt, Instant sentAt) {
    Instant timestamp = JsonFields.instant(o, "timestamp");
    Instant eventSentAt = JsonFields.instant(o, "sent_at");
    Instant sent = eventSentAt != null ? eventSentAt : sentAt;
    if (timestamp != null) {
      return sent == null ? timestamp : receivedAt.minus(Duration.between(timestamp, sent));
    }
    JsonElement offset = o.get("offset");
    if (offset != null && offset.isJsonPrimitive() && offset.getAsJsonPrimitive().isNumber()) {
      long ms = offset.getAsLong();
      if (ms < 0) {
        throw new EventRejectedException(SkipReason.BAD_TIMESTAMP, "offset must not be negative, got " + ms);
      }
      return receivedAt.minusMillis(ms);
    }
    return receivedAt;
  }

  /** {@code $set} values, then {@code $set_once} values where nothing was set; null when neither. */
  private static String traits(JsonObject props) {
    JsonObject traits = new JsonObject();
    JsonObject set = JsonFields.child(props, "$set");
    if (set != null) {
      set.entrySet().forEach(e -> traits.add(e.getKey(), e.getValue()));
    }
    JsonObject setOnce = JsonFields.child(props, "$set_once");
    if (setOnce != null) {
      setOnce.entrySet().forEach(e -> {
        if (!traits.has(e.getKey())) {
          traits.add(e.getKey(), e.getValue());
        }
      });
    }
    return traits.size() == 0 ? null : traits.toString();
  }

  /** Segment-style context: library, page, device, campaign (utm_*), ip. */
  private static JsonObject context(JsonObject props, String path) {
    JsonObject ctx = new JsonObject();
    JsonFields.putIn(ctx, "library", "name", JsonFields.lenientString(props, "$lib"));
    JsonFields.putIn(ctx, "library", "version", JsonFields.lenientString(props, "$lib_version"));
    JsonFields.putIn(ctx, "page", "url", JsonFields.lenientString(props, "$current_url"));
    JsonFields.putIn(ctx, "page", "path", path);
    JsonFields.putIn(ctx, "page", "referrer", JsonFields.lenientString(props, "$referrer"));
    JsonFields.putIn(ctx, "os", "name", JsonFields.lenientString(props, "$os"));
    JsonFields.putIn(ctx, "os", "version", JsonFields.lenientString(props, "$os_version"));
    JsonFields.putIn(ctx, "device", "type", JsonFields.lenientString(props, "$device_type"));
    for (String[] f : CAMPAIGN_FIELDS) {
      JsonFields.putIn(ctx, "campaign", f[1], JsonFields.lenientString(props, f[0]));
    }
    String ip = JsonFields.lenientString(props, "$ip");
    if (ip != null) {
      ctx.addProperty("ip", ip);
    }
    return ctx;
  }
}
