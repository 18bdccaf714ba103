package io.productopsdash.server.cli;

import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code productopsdash demo}: a fresh workspace with the example wallet app's weekly survey,
 * served with the widget on a demo page. Later steps fill it with a realistic data set.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create a fresh demo workspace and serve it.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ServeOptions options;

  @Option(names = "--seed", description = "Seed of the demo data (default 42).", defaultValue = "42")
  long seed;

  @Override
  public Integer call() throws Exception {
    Path fresh = Path.of("demo-workspaces", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    ServerConfig config = options.resolve(System.getenv(), fresh);
    if (Files.exists(config.dataDir().resolve(io.productopsdash.data.Database.FILE_NAME))) {
      System.err.println("The data folder " + config.dataDir() + " already holds a database; the demo needs a fresh folder.");
      return 2;
    }
    Workspace workspace = Workspace.open(config, Clock.systemUTC());
    Survey survey = workspace.deps().surveys().create(exampleSurvey());
    ServeCommand.run(
        config,
        workspace,
        System.out,
        () ->
            System.out.println(
                "Demo survey " + survey.id() + " (seed " + seed + "): open http://localhost:"
                    + portOf(config) + "/widget-demo?surveyId=" + survey.id() + " to answer it"));
    return 0;
  }

  private static String portOf(ServerConfig config) {
    return config.port() == 0 ? "<port>" : Integer.toString(config.port());
  }

  /** The example wallet app's weekly satisfaction survey, asked of everyone in the demo. */
  static SurveyDraft exampleSurvey() {
    return new SurveyDraft(
        "Weekly satisfaction",
        "How satisfied are you with the wallet app?",
        new Scale(ScoreKind.CSAT, 7, "Very dissatisfied", "Very satisfied", 2),
        "How can we make it better?",
        1.0,
        SurveyDraft.DEFAULT_COOLDOWN_WEEKS,
        true);
  }
}
