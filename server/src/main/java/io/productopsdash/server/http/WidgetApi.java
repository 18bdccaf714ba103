package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.models.Answer;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.Eligibility;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The endpoints the embedded widget calls, without the admin token: eligibility, impressions,
 * dismissals and answers. Their cross-origin access is governed by {@link Cors}.
 */
public final class WidgetApi {
  static final String BASE = "/api/v1/surveys/{id}/";
  static final Set<String> ANSWER_FIELDS = Set.of("responseId", "userId", "score", "comment", "locale", "url");

  private final SurveyLoop loop;
  private final LongConsumer afterAnswer;

  /** {@code afterAnswer} is told the id of each answer stored or changed, after its commit. */
  public WidgetApi(SurveyLoop loop, LongConsumer afterAnswer) {
    this.loop = loop;
    this.afterAnswer = afterAnswer;
  }

  public void register(RoutesConfig routes) {
    routes.get(BASE + "eligibility", this::eligibility);
    routes.post(BASE + "impressions", this::impression);
    routes.post(BASE + "dismissals", this::dismissal);
    routes.post(BASE + "answers", this::answer);
  }

  private void eligibility(Context ctx) {
    Eligibility e = loop.eligibility(SurveyApi.surveyId(ctx), ctx.queryParam("userId"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eligible", e.eligible());
    body.put("week", e.week());
    if (e.survey() != null) {
      body.put("survey", SurveyView.of(e.survey()));
    }
    if (e.reason() != null) {
      body.put("reason", e.reason());
    }
    ctx.header("Cache-Control", "no-store").json(body);
  }

  private void impression(Context ctx) {
    WeekId week = loop.recordImpression(SurveyApi.surveyId(ctx), userId(ctx));
    ctx.status(201).json(Map.of("recorded", "impression", "week", week));
  }

  private void dismissal(Context ctx) {
    WeekId week = loop.recordDismissal(SurveyApi.surveyId(ctx), userId(ctx));
    ctx.status(201).json(Map.of("recorded", "dismissal", "week", week));
  }

  private static String userId(Context ctx) {
    return JsonBody.of(ctx).onlyFields(Set.of("userId")).string("userId");
  }

  private void answer(Context ctx) {
    JsonBody body = JsonBody.of(ctx).onlyFields(ANSWER_FIELDS);
    AnswerSubmission submission =
        new AnswerSubmission(
            body.string("responseId"),
            body.string("userId"),
            body.requiredInteger("score"),
            body.string("comment"),
            body.string("locale"),
            body.string("url"));
    SurveyLoop.AnswerResult result = loop.submitAnswer(SurveyApi.surveyId(ctx), submission);
    afterAnswer.accept(result.answer().id());
    ctx.status(result.created() ? 201 : 200).json(AnswerView.of(result));
  }

  /**
   * An answer as the API returns it. The comment is the stored, redacted form, and only once
   * person names have been cleared from it: names are cleared by the live indexer moments after
   * the answer is stored, so a new answer's reply carries no {@code comment} but {@code
   * commentStatus: "clearing-names"} (a repeat of the same responseId later returns the comment,
   * {@code "stored"}); {@code "none"} when there is no comment.
   */
  public record AnswerView(
      long id,
      String responseId,
      long surveyId,
      String userId,
      WeekId week,
      int score,
      String comment,
      String commentStatus,
      String locale,
      String url,
      Instant createdAt,
      Instant updatedAt) {
    static AnswerView of(SurveyLoop.AnswerResult result) {
      Answer a = result.answer();
      String status = a.comment() == null ? "none" : result.namesCleared() ? "stored" : "clearing-names";
      return new AnswerView(
          a.id(), a.responseId(), a.surveyId(), a.userId(), a.week(), a.score(),
          result.namesCleared() ? a.comment() : null, status, a.locale(), a.url(), a.createdAt(), a.updatedAt());
    }
  }
}
