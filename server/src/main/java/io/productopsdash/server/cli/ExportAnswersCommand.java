package io.productopsdash.server.cli;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.Answer;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code productopsdash export-answers --survey ID --out FILE [--from W --to W]}: a survey
 * version's answers as JSON lines for the Spark job's {@code --answers} (satisfaction by usage),
 * one {@code {surveyId, kind, points, topBox, week, userId, score}} per line; comments and other
 * personal data are not written. Exit code 2 for bad options, an unknown survey or an existing
 * file.
 */
@Command(
    name = "export-answers",
    mixinStandardHelpOptions = true,
    description = "Write a survey version's scores (no comments) as JSON lines for RollupJob --answers.")
public final class ExportAnswersCommand implements Callable<Integer> {
  /** One answer as the Spark job reads it. */
  record AnswerLine(long surveyId, String kind, int points, int topBox, String week, String userId, int score, String createdAt) {}

  private static final Path DEFAULT_DATA = Path.of("productopsdash-data");

  @Mixin DataDirOptions dataOptions;

  @Option(names = "--survey", required = true, paramLabel = "ID", description = "The survey version.")
  long survey;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON-lines file to write (must not exist).")
  Path out;

  @Option(names = "--from", paramLabel = "WEEK", description = "First ISO week (default 1970-W01).")
  String from;

  @Option(names = "--to", paramLabel = "WEEK", description = "Last ISO week (default 9999-W52).")
  String to;

  @Override
  public Integer call() {
    Path dataDir = dataOptions.withDatabase(System.getenv(), DEFAULT_DATA);
    if (dataDir == null) {
      System.err.println(dataOptions.noDatabase(System.getenv(), DEFAULT_DATA));
      return 2;
    }
    if (Files.exists(out)) {
      System.err.println("Cannot write " + out + ": it exists");
      return 2;
    }
    try (Database db = Database.open(dataDir)) {
      Survey s = new SurveyService(db, Clock.systemUTC()).get(survey);
      WeekId first = from == null ? new WeekId(1970, 1) : WeekId.parse(from, "--from");
      WeekId last = to == null ? new WeekId(9999, 52) : WeekId.parse(to, "--to");
      List<Answer> answers = db.read(c -> new AnswerRepository().listInWeeks(c, s.id(), first, last));
      Scale scale = s.scale();
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
        for (Answer a : answers) {
          w.write(ApiJson.GSON.toJson(
              new AnswerLine(s.id(), scale.kind().name(), scale.points(), scale.topBox(), a.week().toString(), a.userId(), a.score(),
                  a.createdAt().toString())));
          w.write('\n');
        }
      }
      System.out.println("Wrote " + answers.size() + " answers of survey " + s.id() + " to " + out);
      return 0;
    } catch (InvalidInputException e) {
      System.err.println("Invalid " + e.field() + ": " + e.rule());
      return 2;
    } catch (NotFoundException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("Cannot write " + out + ": " + e.getMessage());
      return 1;
    }
  }
}
