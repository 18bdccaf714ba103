package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.DigestRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.digest.Digests;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admin endpoints of the weekly digest:
 *
 * <ul>
 *   <li>{@code GET/PUT /api/v1/surveys/{id}/digest-subscribers} with {@code {"subscribers": [..]}}:
 *       the subscribers of the survey's series (every version shares them); PUT replaces the list,
 *       400 naming the first invalid address;
 *   <li>{@code GET /api/v1/digests/preview?surveyId=&week=}: the digest's HTML part as it would be
 *       sent now ({@code week} defaults to the last complete week), for a sandboxed iframe;
 *   <li>{@code GET /api/v1/digests/sends?surveyId=&week=&status=}: the send log, failures included.
 * </ul>
 */
public final class DigestApi {
  /** The preview is inert: no scripts, no requests, only inline styles; and sandboxed. */
  static final String PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  private final Digests digests;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Supplier<WeekId> currentWeek;

  public DigestApi(Digests digests, SurveyService surveys, AdminAuth auth, Supplier<WeekId> currentWeek) {
    this.digests = digests;
    this.surveys = surveys;
    this.auth = auth;
    this.currentWeek = currentWeek;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/surveys/{id}/digest-subscribers", this::subscribers);
    routes.put("/api/v1/surveys/{id}/digest-subscribers", this::replaceSubscribers);
    routes.get("/api/v1/digests/preview", this::preview);
    routes.get("/api/v1/digests/sends", this::sends);
  }

  /** A row of the send log. */
  record SendView(
      long surveyId,
      long seriesId,
      WeekId week,
      String recipient,
      String status,
      int attempts,
      String messageId,
      String lastError,
      Instant claimedAt,
      Instant nextAttemptAt,
      Instant sentAt) {
    static SendView of(DigestRepository.Send s) {
      return new SendView(
          s.surveyId(), s.seriesId(), s.week(), s.recipient(), s.status().wire(), s.attempts(), s.messageId(), s.lastError(),
          s.claimedAt(), s.nextAttemptAt(), s.sentAt());
    }
  }

  private void subscribers(Context ctx) {
    auth.require(ctx);
    Survey survey = surveys.get(SurveyApi.surveyId(ctx));
    ctx.json(subscribersView(survey, digests.subscribers(survey)));
  }

  private void replaceSubscribers(Context ctx) {
    auth.require(ctx);
    Survey survey = surveys.get(SurveyApi.surveyId(ctx));
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("subscribers"));
    List<String> emails = body.strings("subscribers");
    if (emails == null) {
      throw new InvalidInputException("subscribers", "is required (an array of email addresses, may be empty)");
    }
    ctx.json(subscribersView(survey, digests.replaceSubscribers(survey, emails)));
  }

  private static Map<String, Object> subscribersView(Survey survey, List<String> emails) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("subscribers", emails);
    return reply;
  }

  private void preview(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx, true);
    String raw = ctx.queryParam("week");
    WeekId week = raw == null ? currentWeek.get().plusWeeks(-1) : WeekId.parse(raw, "week");
    String html = digests.sender().render(survey, week).html();
    ctx.header("Content-Security-Policy", PREVIEW_CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  private void sends(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx, false);
    String raw = ctx.queryParam("week");
    WeekId week = raw == null ? null : WeekId.parse(raw, "week");
    String status = ctx.queryParam("status");
    DigestRepository.Status wanted = status == null ? null : status(status);
    List<SendView> rows =
        digests.sends(survey == null ? null : survey.seriesId(), week).stream()
            .filter(s -> wanted == null || s.status() == wanted)
            .map(SendView::of)
            .toList();
    ctx.json(Map.of("sends", rows));
  }

  private static DigestRepository.Status status(String text) {
    for (DigestRepository.Status s : DigestRepository.Status.values()) {
      if (s.wire().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new InvalidInputException(
        "status", "must be one of sending, sent, failed, rejected, uncertain, got '" + Params.shown(text) + "'");
  }

  private Survey survey(Context ctx, boolean required) {
    String raw = ctx.queryParam("surveyId");
    if (raw == null) {
      if (required) {
        throw new InvalidInputException("surveyId", "is required");
      }
      return null;
    }
    return surveys.get(Params.positiveId(raw, "surveyId", "survey id"));
  }

}
