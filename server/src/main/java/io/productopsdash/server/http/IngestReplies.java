package io.productopsdash.server.http;

import io.javalin.http.Context;
import io.productopsdash.data.events.EventIngestion;
import io.productopsdash.definitions.events.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replies of the ingestion endpoints: the outcome of a request in each sender's convention,
 * and refused requests in the error contract {@code {title, status, type, details}} plus what the
 * sender's client reads (Amplitude's {@code code} and {@code error}, Segment's {@code success}).
 */
final class IngestReplies {
  private static final String FLAVOUR = "productopsdash.ingest.flavour";
  /** A rejection message that starts with the field it is about ("time must be ..."). */
  private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Za-z_$][A-Za-z0-9_$.]*):? ");

  /** Whose reply conventions a request follows. */
  enum Flavour {
    SEGMENT,
    POSTHOG,
    AMPLITUDE,
    /** {@code /batch} before its body has told PostHog from Amplitude: errors carry both conventions. */
    EITHER_BATCH
  }

  private IngestReplies() {}

  static void flavour(Context ctx, Flavour flavour) {
    ctx.attribute(FLAVOUR, flavour);
  }

  /**
   * Adds the outcome to {@code reply} (accepted, duplicates, rejected by index) and sends it with
   * 200. A single-event request whose event was rejected is a 400 naming the reason (413 when the
   * event is over the sender's per-event limit).
   */
  static void outcome(Context ctx, boolean single, EventIngestion.Outcome outcome, Map<String, Object> reply, IngestLimits limits) {
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
    addOutcome(reply, outcome);
    ctx.status(200).json(reply);
  }

  /**
   * Amplitude's documented reply to a request with invalid events: 400 with the indexes of the
   * invalid ones by field ({@code events_with_invalid_fields}, {@code events_with_missing_fields}),
   * which its SDKs drop before sending the rest again. The valid events are already stored, and
   * the resend is deduplicated on their {@code insert_id}. The body also carries the error contract
   * and the outcome.
   */
  static void amplitudeInvalid(Context ctx, EventIngestion.Outcome outcome) {
    Map<String, List<Integer>> invalid = new TreeMap<>();
    Map<String, List<Integer>> missing = new TreeMap<>();
    for (EventIngestion.Rejection r : outcome.rejected()) {
      switch (r.reason()) {
        case MISSING_EVENT_NAME -> missing.computeIfAbsent("event_type", k -> new ArrayList<>()).add(r.index());
        case MISSING_USER -> missing.computeIfAbsent("user_id", k -> new ArrayList<>()).add(r.index());
        case BAD_TIMESTAMP -> invalid.computeIfAbsent("time", k -> new ArrayList<>()).add(r.index());
        default -> invalid.computeIfAbsent(field(r), k -> new ArrayList<>()).add(r.index());
      }
    }
    int n = outcome.rejected().size();
    String title = n + " of " + outcome.received() + " events invalid; the other " + outcome.accepted() + " are stored";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 400);
    body.put("error", title);
    body.put("events_with_invalid_fields", invalid);
    body.put("events_with_missing_fields", missing);
    body.put("title", title);
    body.put("status", 400);
    body.put("type", ApiError.TYPE_BASE + "invalid-events");
    body.put("details", Map.of("events", n + " invalid: see rejected"));
    addOutcome(body, outcome);
    ctx.status(400).json(body);
  }

  /** The field a rejection names, or {@code event} when its message names none. */
  private static String field(EventIngestion.Rejection r) {
    Matcher m = LEADING_FIELD.matcher(r.message());
    return r.reason() != SkipReason.TOO_LARGE && r.reason() != SkipReason.NOT_AN_OBJECT && m.find() ? m.group(1) : "event";
  }

  private static void addOutcome(Map<String, Object> reply, EventIngestion.Outcome outcome) {
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
  }

  /** A refused request: the error contract plus the sender's own fields. */
  static void error(IngestionException e, Context ctx) {
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
