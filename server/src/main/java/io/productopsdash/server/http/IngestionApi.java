package io.productopsdash.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.events.EventIngestion;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.data.events.PosthogNormalizer;
import io.productopsdash.definitions.events.AmplitudeNormalizer;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.models.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event ingestion endpoints that Segment, PostHog and Amplitude clients call unchanged, server-side
 * or from a browser ({@link IngestionPaths}; CORS by {@link Cors}), each authenticated by a
 * source's write key:
 *
 * <ul>
 *   <li>Segment: {@code POST /v1/batch} and {@code /v1/{track,identify,page,screen,group,alias}},
 *       and analytics.js's {@code /v1/b} (batching) and short paths {@code /v1/t}, {@code /v1/i},
 *       {@code /v1/p}, {@code /v1/s}, {@code /v1/g}, {@code /v1/a}; the key as Basic auth user
 *       ({@code writeKey:}) or {@code writeKey} in the body (analytics.js sends both, as {@code
 *       text/plain}); reply {@code {"success":true}}. A batch holds at most 2,500 events.
 *   <li>PostHog: {@code /batch/}, {@code /capture/}, {@code /i/v0/e/} and posthog-js's {@code
 *       /e/}, with {@code api_key} (or {@code token}) in the body; JSON, gzip ({@code
 *       Content-Encoding}, {@code ?compression=gzip-js} or the bytes' magic) or base64 (a form's
 *       {@code data} field, {@code ?compression=base64}, as {@code sendBeacon} sends on page
 *       unload); the request's time from {@code sent_at} in the body, else the query's {@code _}
 *       or {@code sent_at} (epoch milliseconds); reply {@code {"status":1}}. Alias calls are read
 *       either way ({@link EventStore.AliasDirection#BY_IDENTITIES}).
 *   <li>Amplitude: {@code POST /2/httpapi} (and the Batch API's {@code /batch}, told from
 *       PostHog's by its {@code events}) with {@code api_key}; reply {@code {"code":200,
 *       "events_ingested":N,"payload_size_bytes":B,"server_upload_time":ms}}; with invalid events,
 *       Amplitude's 400 naming them ({@link IngestReplies#amplitudeInvalid}).
 * </ul>
 *
 * Each request's valid events are stored in one transaction before the reply. An invalid event
 * inside a batch is listed in the reply's {@code rejected} (index, reason, message) and the others
 * are kept; the whole request fails only for a wrong key (401), a malformed body (400), or a body
 * or event count over the sender's own documented limits ({@link IngestLimits}: 413). A
 * single-event request whose event is invalid is a 400 (413 when the event is over the sender's
 * per-event limit).
 */
public final class IngestionApi {
  /**
   * {@code /batch} serves PostHog and Amplitude's Batch API, so its body is read before the body
   * tells which: at the larger of their body limits (both 20 MB as documented).
   */
  static final IngestLimits BATCH_PATH =
      new IngestLimits(
          "PostHog and Amplitude Batch",
          Math.max(IngestLimits.POSTHOG.maxBodyBytes(), IngestLimits.AMPLITUDE_BATCH.maxBodyBytes()),
          Math.max(IngestLimits.POSTHOG.maxEventBytes(), IngestLimits.AMPLITUDE_BATCH.maxEventBytes()),
          Integer.MAX_VALUE);

  private final EventIngestion ingestion;
  private final WriteKeyAuth keys;
  private final Clock clock;

  public IngestionApi(EventIngestion ingestion, WriteKeyAuth keys, Clock clock) {
    this.ingestion = ingestion;
    this.keys = keys;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    for (String path : IngestionPaths.SEGMENT_BATCH) {
      routes.post(path, ctx -> segment(ctx, null));
    }
    for (EventType type : EventType.values()) {
      routes.post(IngestionPaths.segment(type), ctx -> segment(ctx, type));
      routes.post(IngestionPaths.segmentShort(type), ctx -> segment(ctx, type));
    }
    for (String path : IngestionPaths.POSTHOG) {
      routes.post(path, ctx -> posthog(ctx, path.equals("/batch") ? BATCH_PATH : IngestLimits.POSTHOG));
    }
    routes.post(IngestionPaths.AMPLITUDE, this::amplitude);
    new PosthogClientConfig().register(routes);
    routes.exception(IngestionException.class, IngestReplies::error);
  }

  // ---- Segment ----

  private void segment(Context ctx, EventType impliedType) {
    IngestReplies.flavour(ctx, IngestReplies.Flavour.SEGMENT);
    Instant receivedAt = clock.instant();
    IngestLimits limits = IngestLimits.SEGMENT;
    JsonObject body = object(IngestBody.read(ctx, limits).json());
    keys.authenticate(segmentKey(ctx, body));
    List<JsonElement> items;
    Instant batchSentAt = null;
    if (impliedType == null) {
      items = array(body, "batch");
      if (items.size() > limits.maxEvents()) {
        throw IngestionException.tooMany(
            "batch", "Too many events (the limit is " + limits.maxEvents() + " per batch for the " + limits.sender() + " API)",
            items.size() + " events; a " + limits.sender() + " batch holds up to " + limits.maxEvents());
      }
      batchSentAt = lenientInstant(body, "sentAt");
    } else {
      items = List.of(body);
    }
    Instant sentAt = batchSentAt;
    EventIngestion.Outcome outcome =
        ingestion.ingest(
            items, item -> SegmentNormalizer.normalizeLive(item, impliedType, receivedAt, sentAt, limits.maxEventBytes()));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("success", true);
    IngestReplies.outcome(ctx, impliedType != null, outcome, reply, limits);
  }

  /** Basic auth's user ({@code writeKey:}), else the body's {@code writeKey}. */
  private static String segmentKey(Context ctx, JsonObject body) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (!user.isBlank()) {
          return user;
        }
      } catch (IllegalArgumentException e) {
        throw IngestionException.unauthorized("The Authorization header is not valid Basic auth");
      }
    }
    return JsonFields.lenientString(body, "writeKey");
  }

  // ---- PostHog ----

  private void posthog(Context ctx, IngestLimits bodyLimits) {
    IngestReplies.flavour(ctx, bodyLimits == BATCH_PATH ? IngestReplies.Flavour.EITHER_BATCH : IngestReplies.Flavour.POSTHOG);
    Instant receivedAt = clock.instant();
    IngestBody raw = IngestBody.read(ctx, bodyLimits);
    JsonElement root = raw.posthogJson(ctx);
    IngestReplies.flavour(ctx, IngestReplies.Flavour.POSTHOG);
    if (root.isJsonObject() && root.getAsJsonObject().has("events") && !root.getAsJsonObject().has("batch")) {
      // Amplitude's Batch API is POST /batch too ({api_key, events}), as its SDKs send with useBatch.
      IngestReplies.flavour(ctx, IngestReplies.Flavour.AMPLITUDE);
      amplitude(ctx, raw, root.getAsJsonObject(), receivedAt, IngestLimits.AMPLITUDE_BATCH);
      return;
    }
    List<JsonElement> items;
    String key;
    Instant sentAt = querySentAt(ctx);
    boolean single = false;
    if (root.isJsonArray()) {
      items = list(root.getAsJsonArray());
      key = items.isEmpty() || !items.get(0).isJsonObject() ? null : posthogKey(items.get(0).getAsJsonObject());
    } else if (root.isJsonObject() && root.getAsJsonObject().has("batch")) {
      JsonObject body = root.getAsJsonObject();
      items = array(body, "batch");
      key = posthogKey(body);
      if (key == null && !items.isEmpty() && items.get(0).isJsonObject()) {
        key = posthogKey(items.get(0).getAsJsonObject());
      }
      Instant bodySentAt = lenientInstant(body, "sent_at");
      sentAt = bodySentAt != null ? bodySentAt : sentAt;
    } else if (root.isJsonObject()) {
      items = List.of(root);
      key = posthogKey(root.getAsJsonObject());
      single = true;
    } else {
      throw IngestionException.malformed("must be a JSON object or array of events");
    }
    keys.authenticate(key);
    Instant batchSentAt = sentAt;
    IngestLimits limits = IngestLimits.POSTHOG;
    EventIngestion.Outcome outcome =
        ingestion.ingest(
            items, item -> PosthogNormalizer.normalize(item, receivedAt, batchSentAt, limits.maxEventBytes()),
            EventStore.AliasDirection.BY_IDENTITIES);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("status", 1);
    IngestReplies.outcome(ctx, single, outcome, reply, limits);
  }

  /**
   * The request's send time from the query, as posthog-js puts it there ({@code _} in older
   * versions, {@code sent_at} in newer ones, epoch milliseconds); null when absent or unreadable.
   */
  private static Instant querySentAt(Context ctx) {
    for (String name : new String[] {"sent_at", "_"}) {
      String value = ctx.queryParam(name);
      if (value != null && value.strip().matches("\\d{10,13}")) {
        return Instant.ofEpochMilli(Long.parseLong(value.strip()));
      }
    }
    return null;
  }

  /** {@code api_key}, else {@code token}, else the event's {@code properties.token}. */
  private static String posthogKey(JsonObject o) {
    String key = JsonFields.lenientString(o, "api_key");
    if (key == null) {
      key = JsonFields.lenientString(o, "token");
    }
    if (key == null) {
      key = JsonFields.lenientString(JsonFields.child(o, "properties"), "token");
    }
    return key;
  }

  // ---- Amplitude ----

  private void amplitude(Context ctx) {
    IngestReplies.flavour(ctx, IngestReplies.Flavour.AMPLITUDE);
    Instant receivedAt = clock.instant();
    IngestBody raw = IngestBody.read(ctx, IngestLimits.AMPLITUDE_HTTP_V2);
    amplitude(ctx, raw, object(raw.json()), receivedAt, IngestLimits.AMPLITUDE_HTTP_V2);
  }

  private void amplitude(Context ctx, IngestBody raw, JsonObject body, Instant receivedAt, IngestLimits limits) {
    keys.authenticate(JsonFields.lenientString(body, "api_key"));
    List<JsonElement> items = array(body, "events");
    if (items.size() > limits.maxEvents()) {
      // Amplitude answers 413 here too, and its SDKs split the batch on a 413.
      throw IngestionException.tooMany(
          "events", "Too many events (the limit is " + limits.maxEvents() + " per request for the " + limits.sender() + " API)",
          items.size() + " events; the " + limits.sender() + " API accepts up to " + limits.maxEvents() + " per request");
    }
    EventIngestion.Outcome outcome =
        ingestion.ingest(items, item -> AmplitudeNormalizer.normalize(item, receivedAt, true, limits.maxEventBytes()));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("code", 200);
    reply.put("events_ingested", outcome.accepted());
    reply.put("payload_size_bytes", raw.size());
    reply.put("server_upload_time", receivedAt.toEpochMilli());
    if (!outcome.rejected().isEmpty()) {
      IngestReplies.amplitudeInvalid(ctx, outcome);
      return;
    }
    IngestReplies.outcome(ctx, false, outcome, reply, limits);
  }

  // ---- shared ----

  private static JsonObject object(JsonElement root) {
    if (!root.isJsonObject()) {
      throw IngestionException.malformed("must be a JSON object");
    }
    return root.getAsJsonObject();
  }

  private static List<JsonElement> array(JsonObject body, String field) {
    JsonElement e = body.get(field);
    if (e == null || !e.isJsonArray()) {
      throw IngestionException.malformed("'" + field + "' must be an array of events");
    }
    return list(e.getAsJsonArray());
  }

  private static List<JsonElement> list(JsonArray array) {
    List<JsonElement> items = new ArrayList<>(array.size());
    array.forEach(items::add);
    return items;
  }

  /** A request-level time such as {@code sentAt}; one that cannot be read is ignored (the events have their own). */
  private static Instant lenientInstant(JsonObject o, String field) {
    try {
      return JsonFields.instant(o, field);
    } catch (EventRejectedException e) {
      return null;
    }
  }
}
