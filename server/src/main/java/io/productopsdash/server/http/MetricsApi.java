package io.productopsdash.server.http;

import com.google.gson.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.engine.rollup.RollupService.WeekRange;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Admin endpoints of the weekly product rollups and of the configuration that gives events their
 * meaning:
 *
 * <ul>
 *   <li>{@code GET /api/v1/metrics/{acquisition,onboarding,usage}?from=YYYY-Www&to=YYYY-Www&asOf=ISO-instant}:
 *       the report records of {@code io.productopsdash.models.rollup} as JSON; {@code to} defaults
 *       to the week of {@code asOf}, {@code from} to twelve weeks ending at {@code to}, {@code asOf}
 *       to now; where the stored events do not cover the weeks and an imported snapshot does,
 *       the snapshot's report for the weeks both share, with a {@code snapshot} field saying so;
 *   <li>{@code GET /api/v1/metrics/satisfaction?surveyId=ID&from=..&to=..&asOf=..}: the answers of
 *       survey version {@code surveyId} in the weeks {@code from} to {@code to} (same defaults)
 *       by signup cohort, onboarding outcome and feature-area adoption ({@code
 *       SatisfactionReport}); an unknown survey is 404;
 *   <li>{@code GET /api/v1/config/metrics}: the configuration in force (the example wallet app's
 *       until one is saved); {@code PUT} replaces it, validated field by field.
 * </ul>
 */
public final class MetricsApi {
  private final RollupService rollups;
  private final SurveyService surveys;
  private final AdminAuth auth;
  private final Clock clock;

  public MetricsApi(RollupService rollups, SurveyService surveys, AdminAuth auth, Clock clock) {
    this.rollups = rollups;
    this.surveys = surveys;
    this.auth = auth;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/metrics/acquisition", this::acquisition);
    routes.get("/api/v1/metrics/onboarding", this::onboarding);
    routes.get("/api/v1/metrics/usage", this::usage);
    routes.get("/api/v1/metrics/satisfaction", this::satisfaction);
    routes.get("/api/v1/config/metrics", this::getConfig);
    routes.put("/api/v1/config/metrics", this::putConfig);
  }

  private void acquisition(Context ctx) {
    Query q = query(ctx);
    reply(ctx, rollups.acquisitionServed(q.config(), q.range(), q.asOf()));
  }

  private void onboarding(Context ctx) {
    Query q = query(ctx);
    reply(ctx, rollups.onboardingServed(q.config(), q.range(), q.asOf()));
  }

  private void usage(Context ctx) {
    Query q = query(ctx);
    reply(ctx, rollups.usageServed(q.config(), q.range(), q.asOf()));
  }

  private void satisfaction(Context ctx) {
    auth.require(ctx);
    long surveyId = surveyId(ctx.queryParam("surveyId"));
    Query q = query(ctx);
    reply(ctx, rollups.satisfactionServed(q.config(), surveys.get(surveyId), q.range(), q.asOf()));
  }

  /**
   * The report's JSON; one served from an imported snapshot also carries {@code snapshot} (its
   * id, source, asOf, weeks, events and import time), so every reader can say so.
   */
  static void reply(Context ctx, RollupService.Served<?> served) {
    JsonObject body = GsonJsonMapper.GSON.toJsonTree(served.report()).getAsJsonObject();
    if (served.snapshot() != null) {
      body.add("snapshot", GsonJsonMapper.GSON.toJsonTree(served.snapshot()));
    }
    ctx.contentType("application/json").result(GsonJsonMapper.GSON.toJson(body));
  }

  /** The required {@code surveyId} query parameter: a positive integer. */
  private static long surveyId(String raw) {
    return Params.positiveId(raw, "surveyId", "survey version id");
  }

  private void getConfig(Context ctx) {
    auth.require(ctx);
    ctx.contentType("application/json").result(MetricsConfigJson.write(rollups.config()));
  }

  private void putConfig(Context ctx) {
    auth.require(ctx);
    MetricsConfig saved = rollups.saveConfig(MetricsConfigJson.read(ctx.body()));
    ctx.contentType("application/json").result(MetricsConfigJson.write(saved));
  }

  private record Query(MetricsConfig config, WeekRange range, Instant asOf) {}

  private Query query(Context ctx) {
    auth.require(ctx);
    Instant asOf = ctx.queryParam("asOf") == null ? clock.instant() : instant(ctx.queryParam("asOf"), "asOf");
    MetricsConfig config = rollups.config();
    return new Query(config, rollups.range(ctx.queryParam("from"), ctx.queryParam("to"), asOf, config), asOf);
  }

  /** An ISO-8601 instant with {@code Z} or an offset, e.g. {@code 2026-03-02T10:00:00Z}. */
  public static Instant instant(String text, String field) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      throw new InvalidInputException(field, "must be an ISO-8601 instant like 2026-03-02T10:00:00Z, got '" + shown + "'");
    }
  }
}
