package io.productopsdash.data.events;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.PersonProperties;
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
 * A PostHog capture event ({@code /batch/}, {@code /capture/}, {@code /i/v0/e/}, {@code /e/}) to an
 * {@link Event}. {@code distinct_id} (top level or in {@code properties}) is the user; {@code uuid}
 * the dedupe key; the project key ({@code token}) is never stored. Times are corrected for the
 * device's clock skew with the request's {@code sent_at}, as PostHog does.
 *
 * <p>Who is who. posthog-js marks an anonymous visitor's events with {@code $is_identified: false}
 * (and a {@code distinct_id} equal to its {@code $device_id}): such events are stored under the
 * anonymous id, and an identified user's events carry the device id as their anonymous id, so the
 * two are linked as Segment's clients link them. {@code $identify} is an identify call of {@code
 * distinct_id}, linking {@code $anon_distinct_id}. {@code $create_alias} links {@code distinct_id}
 * and {@code properties.alias} as one person: posthog-js sends it from the anonymous session with
 * the new id in {@code alias}, posthog-node with the user in {@code distinct_id}, and
 * posthog-python has had it both ways, so the event's own markers decide first (an anonymous
 * {@code distinct_id} is the previous id; an {@code alias} equal to the device or anonymous id is
 * the previous id) and, failing them, what is stored ({@link
 * EventStore.AliasDirection#BY_IDENTITIES}).
 *
 * <p>Person properties: {@code $set}, {@code $set_once} and {@code $unset}, at the top level (as
 * posthog-js's {@code identify} and posthog-python's {@code set()} send them) or in {@code
 * properties} (the top level wins, as in PostHog), from any event, become the event's traits in
 * {@link PersonProperties}' operations form: {@code $set_once} never overwrites. {@code $set},
 * {@code $set_once} and {@code $unset} events are identify calls. {@code $pageview} is a page call
 * whose path is {@code $pathname} or the path of {@code $current_url}; {@code $screen} a screen
 * call named {@code $screen_name}; {@code $groupidentify} a group call.
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
    String deviceId = JsonFields.lenientString(props, "$device_id");
    boolean anonymous = anonymous(props, distinctId, deviceId);
    EventType type = EventType.TRACK;
    String name = event;
    String userId = anonymous ? null : distinctId;
    String anonymousId = anonymous ? distinctId : deviceId;
    String previousId = null;
    String path = null;
    switch (event) {
      case "$identify" -> {
        type = EventType.IDENTIFY;
        name = null;
        userId = distinctId;
        String previous = JsonFields.lenientString(props, "$anon_distinct_id");
        anonymousId = previous != null ? previous : deviceId;
      }
      case "$set", "$set_once", "$unset" -> {
        type = EventType.IDENTIFY;
        name = null;
        userId = distinctId;
        anonymousId = anonymous ? null : deviceId;
      }
      case "$create_alias" -> {
        type = EventType.ALIAS;
        name = null;
        String alias = JsonFields.lenientString(props, "alias");
        boolean aliasIsPrevious =
            alias != null && (alias.equals(deviceId) || alias.equals(JsonFields.lenientString(props, "$anon_distinct_id")));
        userId = anonymous && alias != null && !aliasIsPrevious ? alias : distinctId;
        previousId = userId.equals(distinctId) ? alias : distinctId;
        anonymousId = null;
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
    if (anonymousId != null && anonymousId.equals(userId)) {
      anonymousId = null;
    }
    String messageId = JsonFields.string(o, "uuid");
    if (messageId == null) {
      messageId = JsonFields.derivedId("ph-", o.toString());
    }
    JsonObject context = context(props, path, deviceId);
    try {
      return new Event(
          messageId, type, name, userId, anonymousId, previousId, timestamp, receivedAt, path,
          props.size() == 0 ? null : props.toString(), personProperties(o, props), context.size() == 0 ? null : context.toString());
    } catch (InvalidInputException e) {
      throw new EventRejectedException(SkipReason.BAD_FIELD, e.getMessage());
    }
  }

  /**
   * Whether {@code distinct_id} is an anonymous visitor's, by the event's own markers:
   * posthog-js's {@code $is_identified: false}, or (without that marker) a {@code distinct_id}
   * equal to the {@code $device_id}, which posthog-js gives a visitor before identify.
   */
  private static boolean anonymous(JsonObject props, String distinctId, String deviceId) {
    JsonElement identified = props.get("$is_identified");
    if (identified != null && identified.isJsonPrimitive() && identified.getAsJsonPrimitive().isBoolean()) {
      return !identified.getAsBoolean();
    }
    return distinctId.equals(deviceId);
  }

  /**
   * {@code $set}, {@code $set_once} and {@code $unset} in PersonProperties' operations form: the
   * ones in {@code properties} with the top-level ones over them; null when there are none.
   */
  private static String personProperties(JsonObject o, JsonObject props) {
    JsonObject set = mergedObject(JsonFields.child(props, PersonProperties.SET), JsonFields.child(o, PersonProperties.SET));
    JsonObject setOnce =
        mergedObject(JsonFields.child(props, PersonProperties.SET_ONCE), JsonFields.child(o, PersonProperties.SET_ONCE));
    JsonArray unset = new JsonArray();
    for (JsonObject from : new JsonObject[] {props, o}) {
      JsonElement names = from.get(PersonProperties.UNSET);
      if (names != null && names.isJsonArray()) {
        names.getAsJsonArray().forEach(unset::add);
      }
    }
    return PersonProperties.operations(set, setOnce, unset);
  }

  private static JsonObject mergedObject(JsonObject base, JsonObject over) {
    if (base == null) {
      return over;
    }
    if (over == null) {
      return base;
    }
    JsonObject merged = base.deepCopy();
    over.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
    return merged;
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

  /** Segment-style context: library, page, device, campaign (utm_*), ip. */
  private static JsonObject context(JsonObject props, String path, String deviceId) {
    JsonObject ctx = new JsonObject();
    JsonFields.putIn(ctx, "library", "name", JsonFields.lenientString(props, "$lib"));
    JsonFields.putIn(ctx, "library", "version", JsonFields.lenientString(props, "$lib_version"));
    JsonFields.putIn(ctx, "page", "url", JsonFields.lenientString(props, "$current_url"));
    JsonFields.putIn(ctx, "page", "path", path);
    JsonFields.putIn(ctx, "page", "referrer", JsonFields.lenientString(props, "$referrer"));
    JsonFields.putIn(ctx, "os", "name", JsonFields.lenientString(props, "$os"));
    JsonFields.putIn(ctx, "os", "version", JsonFields.lenientString(props, "$os_version"));
    JsonFields.putIn(ctx, "device", "id", deviceId);
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
