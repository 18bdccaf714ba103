package io.productopsdash.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.request.manage.RequestSort;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.RequestStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Admin endpoints for feature requests: list a series' request groups (sorted by requesters, reach,
 * trend or recency; also as CSV), open one with its answers, requesters and history, export its
 * requesters as CSV, and manage it: rename, status with a note, external link ({@code PATCH}),
 * merge into another group, split answers out into a new one. Every route needs the admin token
 * or a dashboard session (and its write header for changes). The work is in {@link
 * FeatureRequests}; this class only reads parameters and shapes replies.
 */
public final class FeatureRequestsApi {
  private static final Set<String> PATCH_FIELDS = Set.of("name", "status", "note", "link", "by");

  private final Database db;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final FeatureRequests requests;

  public FeatureRequestsApi(Database db, SurveyService surveys, AdminAuth auth, FeatureRequests requests) {
    this.db = db;
    this.surveys = surveys;
    this.auth = auth;
    this.requests = requests;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/feature-requests", this::list);
    routes.get("/api/v1/feature-requests.csv", this::listCsv);
    routes.get("/api/v1/feature-requests/{id}", this::get);
    routes.get("/api/v1/feature-requests/{id}/requesters.csv", this::requestersCsv);
    routes.patch("/api/v1/feature-requests/{id}", this::update);
    routes.post("/api/v1/feature-requests/{id}/merge", this::merge);
    routes.post("/api/v1/feature-requests/{id}/split", this::split);
  }

  private void list(Context ctx) {
    auth.require(ctx);
    RequestSort sort = RequestSort.parse(ctx.queryParam("sort"), "sort");
    Optional<WeekId> week = week(ctx);
    Map<String, Object> reply = new LinkedHashMap<>();
    List<FeatureRequests.Summary> all = new ArrayList<>();
    if (ctx.queryParam("surveyId") != null) {
      Survey survey = survey(ctx);
      FeatureRequests.Listing listing = requests.list(survey.seriesId(), week.orElse(null), sort);
      reply.put("surveyId", survey.id());
      reply.put("seriesId", survey.seriesId());
      reply.put("week", listing.week());
      reply.put("reachWindow", listing.window());
      all.addAll(listing.requests());
    } else {
      // Every series, one after the other (series by id).
      Set<Long> series = new TreeSet<>();
      db.read(c -> new FeatureRequestRepository().allGroups(c)).forEach(g -> series.add(g.seriesId()));
      for (long s : series) {
        all.addAll(requests.list(s, week.orElse(null), sort).requests());
      }
    }
    reply.put("sort", sort.wire());
    reply.put("featureRequests", all);
    ctx.json(reply);
  }

  private void listCsv(Context ctx) {
    auth.require(ctx);
    Survey survey = survey(ctx);
    FeatureRequests.Listing listing =
        requests.list(survey.seriesId(), week(ctx).orElse(null), RequestSort.parse(ctx.queryParam("sort"), "sort"));
    csv(ctx, "feature-requests-survey-" + survey.id() + ".csv", FeatureRequests.groupsCsv(listing));
  }

  private void get(Context ctx) {
    auth.require(ctx);
    ctx.json(requests.get(id(ctx), week(ctx).orElse(null)));
  }

  private void requestersCsv(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    csv(ctx, "feature-request-" + id + "-requesters.csv", FeatureRequests.requestersCsv(requests.get(id, null)));
  }

  private void update(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(PATCH_FIELDS);
    String status = body.string("status");
    if (!body.has("name") && !body.has("status") && !body.present("link")) {
      throw new InvalidInputException("body", "must change at least one of name, status (with an optional note) or link");
    }
    FeatureRequests.Update changes =
        new FeatureRequests.Update(
            body.string("name"),
            status == null ? null : RequestStatus.parse(status, "status"),
            body.string("note"),
            body.present("link"),
            body.string("link"));
    ctx.json(requests.update(id, changes, body.string("by")));
  }

  private void merge(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("into", "by"));
    Integer into = body.integer("into");
    if (into == null) {
      throw new InvalidInputException("into", "is required: the id of the feature request to merge into");
    }
    if (into <= 0) {
      throw new InvalidInputException("into", "must be a positive integer id, got " + into);
    }
    ctx.json(requests.merge(id, into, body.string("by")));
  }

  private void split(Context ctx) {
    auth.require(ctx);
    long id = id(ctx);
    JsonBody body = JsonBody.of(ctx).onlyFields(Set.of("answers", "name", "by"));
    List<Long> answers = body.ids("answers");
    if (answers == null) {
      throw new InvalidInputException("answers", "is required: the ids of the answers to move out");
    }
    FeatureRequests.Summary created = requests.split(id, answers, body.string("name"), body.string("by"));
    ctx.status(201).header("Location", "/api/v1/feature-requests/" + created.id()).json(created);
  }

  private static void csv(Context ctx, String file, String text) {
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "no-store")
        .result(text);
  }

  private Survey survey(Context ctx) {
    return surveys.get(Params.positiveId(ctx.queryParam("surveyId"), "surveyId", "survey id"));
  }

  private static Optional<WeekId> week(Context ctx) {
    String raw = ctx.queryParam("week");
    return raw == null ? Optional.empty() : Optional.of(WeekId.parse(raw, "week"));
  }

  private static long id(Context ctx) {
    return Params.positiveId(ctx.pathParam("id"), "id", "feature request id");
  }
}
