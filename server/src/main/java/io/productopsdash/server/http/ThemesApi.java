package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.engine.theme.ThemeQueries;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admin endpoints for weekly themes: a week's themes (with the themes gone since the previous
 * themed week and the unclustered bucket), one theme with its answers, sub-themes, weekly sizes and
 * history, a PM's rename (which pins the name) and a run of a week now (feature requests have their
 * own endpoints, {@link FeatureRequestsApi}). The work is in {@link WeeklyThemeRun} and {@link
 * ThemeQueries}; this class only reads parameters and shapes replies.
 */
public final class ThemesApi {
  private final Database db;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Clock clock;
  private final Supplier<WeekId> currentWeek;
  private final AnswerIndex index;
  private final AnswerIndexer indexer;
  private final ThemeQueries queries;

  /** {@code index} is brought up to date after each run and again when its sentiment is in (null: no indexing). */
  public ThemesApi(
      Database db,
      SurveyService surveys,
      AdminAuth auth,
      Clock clock,
      Supplier<WeekId> currentWeek,
      AnswerIndex index,
      AnswerIndexer indexer) {
    this.index = index;
    this.indexer = indexer;
    this.db = db;
    this.surveys = surveys;
    this.auth = auth;
    this.clock = clock;
    this.currentWeek = currentWeek;
    this.queries = new ThemeQueries(db, TextEmbedder.miniLm(1).model());
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/themes", this::list);
    routes.post("/api/v1/themes/run", this::run);
    routes.get("/api/v1/themes/unclustered", this::unclustered);
    routes.get("/api/v1/themes/{id}", this::get);
    routes.patch("/api/v1/themes/{id}", this::rename);
  }


  private void list(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    ThemeQueries.WeekView view = queries.week(survey.seriesId(), week(ctx).orElse(null));
    ctx.json(weekReply(survey, view));
  }

  private static Map<String, Object> weekReply(Survey survey, ThemeQueries.WeekView view) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("week", view.week());
    reply.put("themes", view.themes());
    reply.put("gone", view.gone());
    reply.put("unclustered", view.unclustered());
    return reply;
  }

  private void unclustered(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    Optional<WeekId> week = week(ctx);
    List<ThemeQueries.AnswerView> members = queries.unclustered(survey.seriesId(), week.orElse(null));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("week", week.isPresent() ? week.get() : members.isEmpty() ? null : members.get(0).week());
    reply.put("size", members.size());
    reply.put("answers", members);
    ctx.json(reply);
  }

  private void run(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    WeekId week = week(ctx).orElseGet(currentWeek);
    ThemePipeline.Outcome outcome = ThemePipeline.run(db, survey.seriesId(), week, clock, WeeklyThemeRun.Progress.NONE);
    WeeklyThemeRun.Result result = outcome.themes();
    if (index != null) {
      // Enrichment may have rewritten comments (names removed) of any week, not only this one.
      indexer.catchUp(db, index, AnswerIndexer.Progress.NONE);
    }
    outcome.sentiment().whenComplete((report, error) -> {
      if (error != null) {
        // The answers keep no sentiment ("pending") until the next theme run tries again.
        System.getLogger(ThemesApi.class.getName())
            .log(System.Logger.Level.WARNING, "Background sentiment after a theme run failed", error);
      } else if (index != null) {
        indexSentiment();
      }
    });
    Map<String, Object> reply = weekReply(survey, queries.week(survey.seriesId(), week));
    reply.put("answers", result.answers());
    reply.put("embedded", result.embedded());
    reply.put("requestAnswers", result.requestAnswers());
    reply.put("newRequests", result.newRequests());
    reply.put("merges", result.merges());
    ctx.json(reply);
  }

  /* Sentiment lands in the background after the run; its answers are indexed when it is done. */
  private void indexSentiment() {
    try {
      indexer.catchUp(db, index, AnswerIndexer.Progress.NONE);
    } catch (RuntimeException e) {
      // Closed meanwhile, or failed: the catch-up at the next start covers these answers.
      System.getLogger(ThemesApi.class.getName())
          .log(System.Logger.Level.WARNING, "Indexing sentiment after a theme run failed", e);
    }
  }

  private void get(Context ctx) {
    auth.require(ctx);
    ThemeQueries.DetailView detail = queries.theme(id(ctx), week(ctx).orElse(null));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("theme", detail.theme());
    reply.put("subThemes", detail.subThemes());
    reply.put("weekly", detail.weekly());
    reply.put("history", detail.history());
    reply.put("answers", detail.answers());
    ctx.json(reply);
  }

  /* PATCH {name, pinned?}: a PM's name, pinned unless pinned is false. */
  private void rename(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("name", "pinned"));
    String name = body.string("name");
    Boolean pinned = body.bool("pinned");
    ThemeRepository.ThemeRow row =
        queries.rename(id, name, pinned == null || pinned, currentWeek.get(), clock.instant());
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("id", row.id());
    reply.put("name", row.displayName());
    reply.put("pinned", row.pinned());
    ctx.json(reply);
  }


  private Survey survey(Context ctx) {
    String raw = ctx.queryParam("surveyId");
    if (raw == null) {
      throw new InvalidInputException("surveyId", "is required");
    }
    return surveys.get(Params.positiveId(raw, "surveyId", "survey id"));
  }

  /* No theme can exist for a week that has not begun, and running one is refused. */
  private Optional<WeekId> week(Context ctx) {
    String raw = ctx.queryParam("week");
    return raw == null ? Optional.empty() : Optional.of(WeekId.parseNotAfter(raw, "week", currentWeek.get()));
  }

  private static long id(Context ctx) {
    return Params.positiveId(ctx.pathParam("id"), "id", "id");
  }
}
