package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.data.ThemeRunRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemeImpact;
import io.productopsdash.engine.theme.ThemeQueries;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.themes.ThemeRuns;
import io.productopsdash.server.themes.ThemeScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Admin endpoints for weekly themes: a week's themes (with the themes gone since the previous
 * themed week and the unclustered bucket), one theme with its answers, sub-themes, weekly sizes and
 * history and impact over 12 weeks, a PM's rename (which pins the name), the week's drivers ({@link
 * ThemeImpact}), and theme runs: run a week now (waiting, or in the background with progress), the
 * run log, and when the week was last themed and what waits (feature requests have their own
 * endpoints, {@link FeatureRequestsApi}). The work is in {@link ThemeRuns}, {@link ThemeQueries}
 * and {@link ThemeImpact}; this class only reads parameters and shapes replies.
 */
public final class ThemesApi {
  private final Database db;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Clock clock;
  private final Supplier<WeekId> currentWeek;
  private final ThemeRuns runs;
  private final ThemeScheduler scheduler;
  private final ThemeQueries queries;
  private final ThemeImpact impact;

  /** Runs go through {@code runs} (one per series at a time); {@code scheduler} tells when the next check is. */
  public ThemesApi(
      Database db,
      SurveyService surveys,
      AdminAuth auth,
      Clock clock,
      Supplier<WeekId> currentWeek,
      ThemeRuns runs,
      ThemeScheduler scheduler) {
    this.runs = runs;
    this.scheduler = scheduler;
    this.impact = new ThemeImpact(db);
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
    routes.get("/api/v1/themes/runs", this::listRuns);
    routes.post("/api/v1/themes/runs", this::startRun);
    routes.get("/api/v1/themes/runs/{runId}", this::getRun);
    routes.get("/api/v1/themes/unclustered", this::unclustered);
    routes.get("/api/v1/themes/{id}", this::get);
    routes.patch("/api/v1/themes/{id}", this::rename);
  }


  private void list(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    Optional<WeekId> asked = week(ctx);
    ThemeQueries.WeekView view = queries.week(survey.seriesId(), asked.orElse(null));
    Map<String, Object> reply = weekReply(survey, view);
    WeekId week = asked.orElse(view.week());
    reply.put("drivers", week == null ? null : impact.week(survey, week));
    reply.put("runs", runStatus(survey, week == null ? currentWeek.get() : week));
    ctx.json(reply);
  }

  /* When the week was last themed, what waits, the run going, and when the scheduler looks next. */
  private Map<String, Object> runStatus(Survey survey, WeekId week) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("week", week);
    Optional<ThemeRunRepository.Run> last = runs.lastSucceeded(survey.seriesId(), week);
    status.put("lastRunAt", last.map(ThemeRunRepository.Run::finishedAt).orElse(null));
    status.put("waiting", runs.waiting(week).getOrDefault(survey.seriesId(), 0));
    status.put("running", runs.running(survey.seriesId()).map(this::runReply).orElse(null));
    status.put("intervalMinutes", scheduler.interval().toMinutes());
    status.put("nextCheck", scheduler.enabled() ? scheduler.nextCheck(clock.instant()) : null);
    return status;
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

  /* Runs the week now and replies when it is done (409 while a run of the series is going). */
  private void run(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    WeekId week = week(ctx).orElseGet(currentWeek);
    ThemeRuns.Started started = runs.start(survey.seriesId(), week, ThemeRunRepository.Trigger.MANUAL);
    WeeklyThemeRun.Result result;
    try {
      result = started.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for theme run " + started.run().id(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    Map<String, Object> reply = weekReply(survey, queries.week(survey.seriesId(), week));
    reply.put("runId", started.run().id());
    reply.put("answers", result.answers());
    reply.put("embedded", result.embedded());
    reply.put("requestAnswers", result.requestAnswers());
    reply.put("newRequests", result.newRequests());
    reply.put("merges", result.merges());
    ctx.json(reply);
  }

  /* "Run now": starts a run and replies at once with 202 and the run; its progress is polled. */
  private void startRun(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    WeekId week = week(ctx).orElseGet(currentWeek);
    ThemeRuns.Started started = runs.start(survey.seriesId(), week, ThemeRunRepository.Trigger.MANUAL);
    ctx.status(202);
    ctx.json(runReply(runs.find(started.run().id()).orElse(new ThemeRuns.RunView(started.run(), null))));
  }

  private void listRuns(Context ctx) {
    auth.require(ctx);
    Long seriesId = ctx.queryParam("surveyId") == null ? null : survey(ctx).seriesId();
    String rawLimit = ctx.queryParam("limit");
    int limit = rawLimit == null ? 20 : (int) Params.positiveId(rawLimit, "limit", "limit");
    if (limit > 200) {
      throw new InvalidInputException("limit", "must be within 1..200, got " + limit);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("runs", runs.recent(seriesId, limit).stream().map(this::runReply).toList());
    ctx.json(reply);
  }

  private void getRun(Context ctx) {
    auth.require(ctx);
    long id = Params.positiveId(ctx.pathParam("runId"), "runId", "run id");
    ctx.json(runReply(runs.find(id).orElseThrow(() -> new NotFoundException("runId", "No theme run " + id))));
  }

  private Map<String, Object> runReply(ThemeRuns.RunView view) {
    ThemeRunRepository.Run r = view.run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("seriesId", r.seriesId());
    out.put("week", r.week());
    out.put("trigger", r.trigger().wire());
    out.put("status", r.status().wire());
    out.put("startedAt", r.startedAt());
    out.put("finishedAt", r.finishedAt());
    out.put("durationSeconds", view.duration(clock.instant()).toMillis() / 1000.0);
    out.put("answers", r.answers());
    out.put("error", r.error());
    out.put("progress", view.progress());
    return out;
  }

  private void get(Context ctx) {
    auth.require(ctx);
    ThemeQueries.DetailView detail = queries.theme(id(ctx), week(ctx).orElse(null));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("theme", detail.theme());
    reply.put("subThemes", detail.subThemes());
    reply.put("weekly", detail.weekly());
    reply.put("history", detail.history());
    reply.put(
        "impact",
        ctx.queryParam("surveyId") == null
            ? impact.history(detail.theme().id(), detail.theme().week())
            : impact.history(survey(ctx), detail.theme().id(), detail.theme().week()));
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
