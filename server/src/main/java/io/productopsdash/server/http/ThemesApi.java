package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.theme.SubThemes;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Interval;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.RequestStatus;
import io.productopsdash.models.theme.ThemeWeek;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admin endpoints for weekly themes and feature requests: list a week's themes, one theme with its
 * answers, run a week's themes now, list feature requests and set their status. The work is in
 * {@link WeeklyThemeRun}; this class only reads parameters and shapes replies.
 *
 * <p>A week's list carries its "unclustered" bucket (answers the run judged noise, see {@link
 * WeeklyThemeRun}): {@code {size, share, quotes}}, share of the week's commented answers, quotes the
 * first {@value #UNCLUSTERED_QUOTES} by answer id; {@code GET /api/v1/themes/unclustered} lists all
 * of them.
 */
public final class ThemesApi {
  /** Unclustered answers quoted in a week's list. */
  static final int UNCLUSTERED_QUOTES = 3;

  private final Database db;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Clock clock;
  private final Supplier<WeekId> currentWeek;
  private final AnswerIndex index;
  private final AnswerIndexer indexer;
  private final ThemeRepository themes = new ThemeRepository();
  private final AnswerRepository answers = new AnswerRepository();
  private final FeatureRequestRepository requests = new FeatureRequestRepository();

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
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/themes", this::list);
    routes.post("/api/v1/themes/run", this::run);
    routes.get("/api/v1/themes/unclustered", this::unclustered);
    routes.get("/api/v1/themes/{id}", this::get);
    routes.get("/api/v1/feature-requests", this::listRequests);
    routes.patch("/api/v1/feature-requests/{id}", this::setStatus);
  }

  /** An answer quoted for a theme. */
  record QuoteView(long answerId, String text) {}

  /** A theme in one week. */
  record ThemeView(
      long id,
      WeekId week,
      String label,
      List<String> keywords,
      int size,
      int answersTotal,
      double share,
      double meanScore,
      Interval meanInterval,
      String trend,
      Double pValue,
      Map<String, Integer> sentimentMix,
      List<QuoteView> quotes) {}

  /** The unclustered bucket of a week: its size, its share of the week's commented answers, quotes. */
  record UnclusteredView(int size, double share, List<QuoteView> quotes) {}

  /** A sub-theme of a theme in one week. */
  record SubThemeView(int index, int size, String label, List<QuoteView> quotes) {}

  /** An answer of a theme. */
  record AnswerView(long id, int score, String comment, WeekId week) {}

  /** A feature request with its counts. */
  record RequestView(
      long id,
      long seriesId,
      String label,
      String status,
      int requesters,
      int answers,
      Map<String, Integer> weekly,
      Instant createdAt,
      Instant updatedAt) {
    static RequestView of(FeatureRequest r) {
      Map<String, Integer> weekly = new LinkedHashMap<>();
      r.weekly().forEach((w, n) -> weekly.put(w.toString(), n));
      return new RequestView(
          r.id(), r.seriesId(), r.label(), r.status().wire(), r.requesters(), r.answers(), weekly, r.createdAt(), r.updatedAt());
    }
  }

  private void list(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    Optional<WeekId> week = week(ctx);
    WeekId w = week.isPresent() ? week.get() : db.read(c -> themes.latestWeek(c, survey.seriesId())).orElse(null);
    List<ThemeWeek> found = w == null ? List.of() : db.read(c -> themes.weekThemes(c, survey.seriesId(), w));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("week", w);
    reply.put("themes", views(found));
    reply.put("unclustered", unclusteredView(survey.seriesId(), w, found));
    ctx.json(reply);
  }

  private void unclustered(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    Optional<WeekId> week = week(ctx);
    WeekId w = week.isPresent() ? week.get() : db.read(c -> themes.latestWeek(c, survey.seriesId())).orElse(null);
    List<AnswerView> members =
        w == null
            ? List.of()
            : db.read(c -> answers.listByIds(c, themes.unclustered(c, survey.seriesId(), w))).stream()
                .map(a -> new AnswerView(a.id(), a.score(), a.comment(), a.week()))
                .sorted(java.util.Comparator.comparingLong(AnswerView::id))
                .toList();
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("week", w);
    reply.put("size", members.size());
    reply.put("answers", members);
    ctx.json(reply);
  }

  /* The week's commented answers are each theme's answersTotal; with no theme, all are unclustered. */
  private UnclusteredView unclusteredView(long seriesId, WeekId week, List<ThemeWeek> weekThemes) {
    if (week == null) {
      return new UnclusteredView(0, 0, List.of());
    }
    List<Long> ids = db.read(c -> themes.unclustered(c, seriesId, week));
    int total = weekThemes.isEmpty() ? ids.size() : weekThemes.get(0).answersTotal();
    List<Long> quoted = ids.subList(0, Math.min(UNCLUSTERED_QUOTES, ids.size()));
    Map<Long, String> texts = new LinkedHashMap<>();
    for (Answer a : db.read(c -> answers.listByIds(c, quoted))) {
      texts.put(a.id(), a.comment());
    }
    return new UnclusteredView(
        ids.size(),
        total == 0 ? 0 : (double) ids.size() / total,
        quoted.stream().map(q -> new QuoteView(q, texts.get(q))).toList());
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
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("surveyId", survey.id());
    reply.put("seriesId", survey.seriesId());
    reply.put("week", week);
    reply.put("answers", result.answers());
    reply.put("embedded", result.embedded());
    reply.put("vanished", result.vanished());
    reply.put("requestAnswers", result.requestAnswers());
    reply.put("newRequests", result.newRequests());
    reply.put("themes", views(result.themes()));
    reply.put("unclustered", unclusteredView(survey.seriesId(), week, result.themes()));
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
    long id = id(ctx);
    Optional<WeekId> asked = week(ctx);
    WeekId week =
        asked.isPresent()
            ? asked.get()
            : db.read(c -> themes.latestWeekOf(c, id)).orElseThrow(() -> new NotFoundException("id", "No theme " + id));
    ThemeWeek theme =
        db.read(c -> themes.find(c, id, week))
            .orElseThrow(() -> new NotFoundException("week", "No theme " + id + " in week " + week));
    List<AnswerView> members =
        db.read(c -> answers.listInTheme(c, id, week)).stream()
            .map(a -> new AnswerView(a.id(), a.score(), a.comment(), a.week()))
            .toList();
    Map<String, Object> reply = new LinkedHashMap<>();
    List<SubThemes.SubTheme> subs = SubThemes.of(db, id, week, TextEmbedder.miniLm(1).model());
    Map<Long, String> texts = new LinkedHashMap<>();
    members.forEach(a -> texts.put(a.id(), a.comment()));
    reply.put("theme", views(List.of(theme)).get(0));
    reply.put(
        "subThemes",
        subs.stream()
            .map(
                s ->
                    new SubThemeView(
                        s.index(), s.size(), s.label(), s.quotes().stream().map(q -> new QuoteView(q, texts.get(q))).toList()))
            .toList());
    reply.put("answers", members);
    ctx.json(reply);
  }

  private void listRequests(Context ctx) {
    auth.require(ctx);
    Long seriesId = ctx.queryParam("surveyId") == null ? null : survey(ctx).seriesId();
    ctx.json(Map.of("featureRequests", db.read(c -> requests.list(c, seriesId)).stream().map(RequestView::of).toList()));
  }

  private void setStatus(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("status"));
    RequestStatus status = RequestStatus.parse(body.string("status"), "status");
    FeatureRequest updated =
        db.write(
            c -> {
              if (!requests.updateStatus(c, id, status, clock.instant())) {
                throw new NotFoundException("id", "No feature request " + id);
              }
              return requests.find(c, id).orElseThrow();
            });
    ctx.json(RequestView.of(updated));
  }

  private List<ThemeView> views(List<ThemeWeek> list) {
    List<Long> quoted = new ArrayList<>();
    list.forEach(t -> quoted.addAll(t.quotes()));
    Map<Long, String> texts = new LinkedHashMap<>();
    for (Answer a : db.read(c -> answers.listByIds(c, quoted))) {
      texts.put(a.id(), a.comment());
    }
    Map<Long, Map<String, Integer>> mixes = new LinkedHashMap<>();
    db.read(
        c -> {
          for (ThemeWeek t : list) {
            mixes.put(t.themeId(), themes.sentimentCounts(c, t.themeId(), t.week()));
          }
          return null;
        });
    return list.stream()
        .map(
            t ->
                new ThemeView(
                    t.themeId(),
                    t.week(),
                    t.label(),
                    t.keywords(),
                    t.size(),
                    t.answersTotal(),
                    t.share(),
                    t.meanScore(),
                    t.meanInterval(),
                    t.trend().name(),
                    t.pValue(),
                    mixes.get(t.themeId()),
                    t.quotes().stream().map(q -> new QuoteView(q, texts.get(q))).toList()))
        .toList();
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
