package io.productopsdash.server;

import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.server.http.AdminAuth;
import java.util.List;

/** What the HTTP app needs, built once by {@link Workspace} (or by a test). */
public record ServerDeps(
    SurveyService surveys,
    SurveyLoop loop,
    ScoreService scores,
    AdminAuth adminAuth,
    List<String> allowedOrigins) {
  public ServerDeps {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
