package io.productopsdash.server;

import io.javalin.Javalin;
import io.productopsdash.data.events.EventIngestion;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.redaction.RedactionReports;
import io.productopsdash.engine.search.AnswerSearch;
import io.productopsdash.engine.text.vocabulary.WorkspaceVocabulary;
import io.productopsdash.engine.theme.TextEmbedder;
import io.productopsdash.engine.theme.ThemeQueries;
import io.productopsdash.server.http.ApiDocs;
import io.productopsdash.server.http.SearchApi;
import io.productopsdash.server.http.Cors;
import io.productopsdash.server.http.Dashboard;
import io.productopsdash.server.http.DigestApi;
import io.productopsdash.server.http.ErrorMapping;
import io.productopsdash.server.http.FeatureRequestsApi;
import io.productopsdash.server.http.GsonJsonMapper;
import io.productopsdash.server.http.HealthApi;
import io.productopsdash.server.http.HttpHardening;
import io.productopsdash.server.http.TrafficLimits;
import io.productopsdash.server.http.IngestionApi;
import io.productopsdash.server.http.MetricsApi;
import io.productopsdash.server.http.RedactionApi;
import io.productopsdash.server.http.ServerLimits;
import io.productopsdash.server.http.SourcesApi;
import io.productopsdash.server.http.SurveyApi;
import io.productopsdash.server.http.ThemesApi;
import io.productopsdash.server.http.WidgetApi;
import io.productopsdash.server.http.WidgetScript;
import io.productopsdash.server.http.WriteKeyAuth;
import java.security.SecureRandom;

/** Builds the Javalin app; all configuration in one place. Tests start it on port 0. */
public final class ServerApp {
  private ServerApp() {}

  /** An unstarted app over {@code deps}, with the product's traffic limits. */
  public static Javalin create(ServerDeps deps) {
    return create(deps, TrafficLimits.DEFAULTS);
  }

  /** An unstarted app over {@code deps} with {@code limits} (tests lower them to reach them). */
  public static Javalin create(ServerDeps deps, TrafficLimits limits) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jsonMapper(new GsonJsonMapper());
          config.http.maxRequestSize = ServerLimits.MAX_BODY_BYTES;
          config.router.ignoreTrailingSlashes = true;
          HttpHardening.apply(config, limits);
          new Cors(deps.allowedOrigins()).register(config.routes);
          new SurveyApi(deps.surveys(), deps.scores(), deps.adminAuth(), deps.loop()::currentWeek)
              .register(config.routes);
          new WidgetApi(deps.loop(), deps.liveIndexer()::submit).register(config.routes);
          WriteKeyAuth writeKeys = new WriteKeyAuth(deps.database(), new SecureRandom());
          new SourcesApi(deps.database(), deps.adminAuth(), writeKeys, deps.clock()).register(config.routes);
          new IngestionApi(new EventIngestion(deps.database()), writeKeys, deps.clock()).register(config.routes);
          // The digest's rollups: one cached event log per process.
          new MetricsApi(deps.digests().rollups(), deps.surveys(), deps.adminAuth(), deps.clock())
              .register(config.routes);
          AnswerIndexer indexer = new AnswerIndexer(deps.zone());
          new ThemesApi(
                  deps.database(), deps.surveys(), deps.adminAuth(), deps.clock(), deps.loop()::currentWeek,
                  deps.answerIndex(), indexer)
              .register(config.routes);
          new FeatureRequestsApi(
                  deps.database(), deps.surveys(), deps.adminAuth(),
                  new FeatureRequests(
                      deps.database(), deps.clock(), deps.zone(), () -> deps.digests().rollups().config().segmentTrait()))
              .register(config.routes);
          ThemeQueries themeQueries = new ThemeQueries(deps.database(), TextEmbedder.miniLm(1).model());
          new SearchApi(AnswerSearch.withSentenceEmbedder(deps.answerIndex()), deps.adminAuth(), themeQueries::names)
              .register(config.routes);
          new DigestApi(deps.digests(), deps.surveys(), deps.adminAuth(), deps.loop()::currentWeek).register(config.routes);
          new RedactionApi(
                  deps.surveys(), deps.adminAuth(), deps.loop()::currentWeek,
                  new RedactionReports(deps.database()), WorkspaceVocabulary.of(deps.database()))
              .register(config.routes);
          new WidgetScript().register(config.routes);
          new ApiDocs().register(config.routes);
          new Dashboard(deps.adminAuth(), deps.digests().settings().publicUrl()).register(config.routes);
          new HealthApi(deps.database(), deps.clock()).register(config.routes);
          ErrorMapping.register(config.routes);
        });
  }
}
