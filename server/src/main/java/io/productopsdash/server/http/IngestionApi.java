package io.productopsdash.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.events.EventIngestion;
import io.productopsdash.data.events.PosthogNormalizer;
import io.productopsdash.definitions.events.AmplitudeNormalizer;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Event ingestion endpoints that Segment, PostHog and Amplitude clients call unchanged, each
 * authenticated by a source's write key:
 *
 * <ul>
 *   <li>Segment: {@code POST /v1/batch} and {@code /v1/{track,identify,page,screen,group,alias}},
 *       key as Basic auth user ({@code writeKey:}) or {@code writeKey} in the body; reply {@code
 *       {"success":true}}.
 *   <li>PostHog: {@code /batch/}, {@code /capture/}, {@code /i/v0/e/} with {@code api_key} (or
 *       {@code token}) in the body, gzip bodies accepted; reply {@code {"status":1}}.
 *   <li>Amplitude: {@code POST /2/httpapi} (and the Batch API's {@code /batch}, told from
 *       PostHog's by its {@code events}) with {@code api_key}; reply {@code {"code":200,
 *       "events_ingested":N,"payload_size_bytes":B,"server_upload_time":ms}}.
 * </ul>
 *
 * Each request's valid events are stored in one transaction before the reply. An invalid event
 * inside a batch is listed in the reply's {@code rejected} (index, reason, message) and the others
 * are kept; the whole request fails only for a wrong key (401), malformed JSON (400), or a body or
 * event count over the sender's own documented limits ({@link IngestLimits}: 413). A single-event
 * request whose event is invalid is a 400 (413 when the event is over the sender's per-event
 * limit).
 */
public final class IngestionApi {
  private static final String FLAVOUR = "productopsdash.ingest.flavour";

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

  /** Whose reply conventions a request follows. */
  enum Flavour {
    SEGMENT,
    POSTHOG,
    AMPLITUDE,
    /** {@code /batch} before its body has told PostHog from Amplitude: errors carry both conventions. */
    EITHER_BATCH
  }

  private final EventIngestion ingestion;
  private final WriteKeyAuth keys;
  private final Clock clock;

  public IngestionApi(EventIngestion ingestion, WriteKeyAuth keys, Clock clock) {
    this.ingestion = ingestion;
    this.keys = keys;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post("/v1/batch", ctx -> segment(ctx, null));
    for (EventType type : EventType.values()) {
      routes.post("/v1/" + type.name().toLowerCase(Locale.ROOT), ctx -> segment(ctx, type));
    }
    routes.post("/batch", ctx -> posthog(ctx, BATCH_PATH));
    routes.post("/capture", ctx -> posthog(ctx, IngestLimits.POSTHOG));
    routes.post("/i/v0/e", ctx -> posthog(ctx, IngestLimits.POSTHOG));
    routes.post("/2/httpapi", this::amplitude);
    routes.exception(IngestionException.class, IngestionApi::renderError);
  }

  // ---- Segment ----

  private void segment(Context ctx, EventType impliedType) {
    ctx.attribute(FLAVOUR, Flavour.SEGMENT);
    Instant receivedAt = clock.instant();
    IngestLimits limits = IngestLimits.SEGMENT;
    JsonObject body = object(IngestBody.read(ctx, limits).json());
    keys.authenticate(segmentKey(ctx, body));
    List<JsonElement> items;
    Instant batchSentAt = null;
    if (impliedType == null) {
      items = array(body, "batch");
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
    reply(ctx, impliedType != null, outcome, reply, limits);
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
    ctx.attribute(FLAVOUR, bodyLimits == BATCH_PATH ? Flavour.EITHER_BATCH : Flavour.POSTHOG);
    Instant receivedAt = clock.instant();
    IngestBody raw = IngestBody.read(ctx, bodyLimits);
    JsonElement root = raw.json();
    ctx.attribute(FLAVOUR, Flavour.POSTHOG);
    if (root.isJsonObject() && root.getAsJsonObject().has("events") && !root.getAsJsonObject().has("batch")) {
      // Amplitude's Batch API is POST /batch too ({api_key, events}), as its SDKs send with useBatch.
      ctx.attribute(FLAVOUR, Flavour.AMPLITUDE);
      amplitude(ctx, raw, root.getAsJsonObject(), receivedAt, IngestLimits.AMPLITUDE_BATCH);
      return;
    }
    List<JsonElement> items;
    String key;
    Instant sentAt = null;
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
      sentAt = lenientInstant(body, "sent_at");
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
        ingestion.ingest(items, item -> PosthogNormalizer.normalize(item, receivedAt, batchSentAt, limits.maxEventBytes()));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("status", 1);
    reply(ctx, single, outcome, reply, limits);
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
    ctx.attribute(FLAVOUR, Flavour.AMPLITUDE);
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
          "Too many events (the limit is " + limits.maxEvents() + " per request for the " + limits.sender() + " API)",
          items.size() + " events; the " + limits.sender() + " API accepts up to " + limits.maxEvents() + " per request");
    }
    EventIngestion.Outcome outcome =
        ingestion.ingest(items, item -> AmplitudeNormalizer.normalize(item, receivedAt, true, limits.maxEventBytes()));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("code", 200);
    reply.put("events_ingested", outcome.accepted());
    reply.put("payload_size_bytes", raw.size());
    reply.put("server_upload_time", receivedAt.toEpochMilli());
    reply(ctx, false, outcome, reply, limits);
  }

  // ---- shared ----

  /**
   * Adds the outcome to {@code reply}: accepted, duplicates, rejected by index. A single-event
   * request whose event was rejected is a 400 naming the reason.
   */
  private static void reply(
      Context ctx, boolean single, EventIngestion.Outcome outcome, Map<String, Object> reply, IngestLimits limits) {
    if (single && !outcome.rejected().isEmpty()) {
      EventIngestion.Rejection r = outcome.rejected().get(0);
      if (r.reason() == SkipReason.TOO_LARGE) {
        throw IngestionException.tooLarge(
            "Event too large (the limit is " + IngestLimits.human(limits.maxEventBytes()) + " per event for the "
                + limits.sender() + " API)",
            r.message());
      }
      throw new IngestionException(
          400, "invalid-input", "Event rejected: " + r.message(),
          Map.of("event", r.message(), "reason", r.reason().name().toLowerCase(Locale.ROOT)));
    }
    reply.put("accepted", outcome.accepted());
    reply.put("duplicates", outcome.duplicates());
    List<Map<String, Object>> rejected = new ArrayList<>(outcome.rejected().size());
    for (EventIngestion.Rejection r : outcome.rejected()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", r.index());
      entry.put("reason", r.reason().name().toLowerCase(Locale.ROOT));
      entry.put("message", r.message());
      rejected.add(entry);
    }
    reply.put("rejected", rejected);
    ctx.status(200).json(reply);
  }

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

  /**
   * The error contract {title, status, type, details}, plus what the sender's client reads:
   * Amplitude's {@code code} and {@code error}, Segment's {@code success}.
   */
  private static void renderError(IngestionException e, Context ctx) {
    Flavour flavour = ctx.attribute(FLAVOUR);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", e.getMessage());
    body.put("status", e.status());
    body.put("type", ApiError.TYPE_BASE + e.slug());
    body.put("details", e.details());
    if (flavour == Flavour.AMPLITUDE || flavour == Flavour.EITHER_BATCH) {
      body.put("code", e.status());
      body.put("error", e.getMessage());
    } else if (flavour == Flavour.SEGMENT) {
      body.put("success", false);
    }
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", flavour == Flavour.SEGMENT ? "Basic realm=\"write key\"" : "Bearer");
    }
    ctx.status(e.status()).json(body);
  }
}
