package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Admin endpoints for survey definitions and their weekly scores. */
public final class SurveyApi {
  static final Set<String> FIELDS =
      Set.of(
          "name", "question", "points", "kind", "minLabel", "maxLabel", "topBox", "openQuestion",
          "sampleRate", "cooldownWeeks", "active");
  /** The fields a new survey must have, with what each is. */
  static final Map<String, String> REQUIRED_TO_CREATE = requiredToCreate();
  /** Longest range of weeks one scores request may ask for. */
  static final int MAX_WEEKS = 260;
  static final int DEFAULT_WEEKS = 12;

  private final SurveyService surveys;
  private final ScoreService scores;
  private final AdminAuth auth;
  private final Supplier<WeekId> currentWeek;

  public SurveyApi(SurveyService surveys, ScoreService scores, AdminAuth auth, Supplier<WeekId> currentWeek) {
    this.surveys = surveys;
    this.scores = scores;
    this.auth = auth;
    this.currentWeek = currentWeek;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/surveys", this::create);
    routes.get("/api/v1/surveys", this::list);
    routes.get("/api/v1/surveys/{id}", this::get);
    routes.put("/api/v1/surveys/{id}", this::edit);
    routes.patch("/api/v1/surveys/{id}", this::edit);
    routes.get("/api/v1/surveys/{id}/scores", this::scores);
  }

  private void create(Context ctx) {
    auth.require(ctx);
    Survey created = surveys.create(draft(JsonBody.of(ctx), null));
    ctx.status(201).header("Location", "/api/v1/surveys/" + created.id()).json(SurveyView.of(created));
  }

  private void list(Context ctx) {
    auth.require(ctx);
    ctx.json(Map.of("surveys", surveys.list().stream().map(SurveyView::of).toList()));
  }

  private void get(Context ctx) {
    auth.require(ctx);
    ctx.json(SurveyView.of(surveys.get(surveyId(ctx))));
  }

  /** Full replacement of the definition; fields left out keep their current values. */
  private void edit(Context ctx) {
    auth.require(ctx);
    Survey current = surveys.get(surveyId(ctx));
    SurveyService.EditResult result = surveys.edit(current.id(), draft(JsonBody.of(ctx), current.definition()));
    ctx.status(result.newVersion() ? 201 : 200).json(SurveyView.of(result.survey()));
  }

  private void scores(Context ctx) {
    auth.require(ctx);
    Survey survey = surveys.get(surveyId(ctx));
    WeekId to = ctx.queryParam("to") == null ? currentWeek.get() : WeekId.parse(ctx.queryParam("to"), "to");
    WeekId from =
        ctx.queryParam("from") == null ? to.plusWeeks(-(DEFAULT_WEEKS - 1)) : WeekId.parse(ctx.queryParam("from"), "from");
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("from", "must not be after to (" + from + " > " + to + ")");
    }
    if (from.weeksUntil(to) >= MAX_WEEKS) {
      throw new InvalidInputException("from", "the range may span at most " + MAX_WEEKS + " weeks");
    }
    ctx.json(
        Map.of(
            "survey", SurveyView.of(survey),
            "from", from,
            "to", to,
            "weeks", scores.weekly(survey, from, to)));
  }

  /** Reads a survey definition, falling back to {@code base} (an edit) or the defaults (a create). */
  static SurveyDraft draft(JsonBody body, SurveyDraft base) {
    body.onlyFields(FIELDS);
    if (base == null) {
      body.requireAll(REQUIRED_TO_CREATE);
    }
    Scale baseScale = base == null ? null : base.scale();
    ScoreKind kind = kind(body.string("kind"), baseScale == null ? ScoreKind.CSAT : baseScale.kind());
    Integer points = body.integer("points");
    if (points == null) {
      points = kind == ScoreKind.NPS ? 11 : baseScale != null && baseScale.kind() == kind ? baseScale.points() : Scale.DEFAULT_POINTS;
    }
    String minLabel = body.has("minLabel") ? body.string("minLabel") : baseScale == null ? null : baseScale.minLabel();
    String maxLabel = body.has("maxLabel") ? body.string("maxLabel") : baseScale == null ? null : baseScale.maxLabel();
    Integer topBox = body.integer("topBox");
    if (topBox == null) {
      topBox = baseScale == null ? Scale.DEFAULT_TOP_BOX : baseScale.topBox();
    }
    Scale scale = new Scale(kind, points, minLabel, maxLabel, topBox);
    Double sampleRate = body.decimal("sampleRate");
    if (sampleRate == null) {
      if (base == null) {
        throw new InvalidInputException("sampleRate", "is required (a fraction within 0..1)");
      }
      sampleRate = base.sampleRate();
    }
    Integer cooldown = body.integer("cooldownWeeks");
    Boolean active = body.bool("active");
    return new SurveyDraft(
        body.has("name") || base == null ? body.string("name") : base.name(),
        body.has("question") || base == null ? body.string("question") : base.question(),
        scale,
        body.has("openQuestion") || base == null ? body.string("openQuestion") : base.openQuestion(),
        sampleRate,
        cooldown != null ? cooldown : base == null ? SurveyDraft.DEFAULT_COOLDOWN_WEEKS : base.cooldownWeeks(),
        active != null ? active : base == null || base.active());
  }

  private static Map<String, String> requiredToCreate() {
    Map<String, String> required = new java.util.LinkedHashMap<>();
    required.put("name", "is required (the survey's name in the dashboard)");
    required.put("question", "is required (the question the widget asks)");
    required.put("sampleRate", "is required (the fraction within 0..1 of users asked each week)");
    return java.util.Collections.unmodifiableMap(required);
  }

  private static ScoreKind kind(String text, ScoreKind fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return ScoreKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "must be CSAT or NPS, got '" + text + "'");
    }
  }

  static long surveyId(Context ctx) {
    return Params.positiveId(ctx.pathParam("id"), "id", "survey id");
  }
}
