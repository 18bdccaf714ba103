package io.productopsdash.server;

import io.productopsdash.data.Database;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.LiveIndexer;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.server.digest.Digests;
import io.productopsdash.server.http.AdminAuth;
import io.productopsdash.server.themes.ThemeRuns;
import io.productopsdash.server.themes.ThemeScheduler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * What the HTTP app needs, built once by {@link Workspace} (or by a test). Stateless engine
 * services over the database may also be built by the API classes from {@code database}.
 */
public record ServerDeps(
    Database database,
    Clock clock,
    ZoneId zone,
    SurveyService surveys,
    SurveyLoop loop,
    ScoreService scores,
    AdminAuth adminAuth,
    List<String> allowedOrigins,
    AnswerIndex answerIndex,
    Digests digests,
    LiveIndexer liveIndexer,
    ThemeRuns themeRuns,
    ThemeScheduler themeScheduler) {
  public ServerDeps {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
