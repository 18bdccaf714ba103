package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.server.http.GsonJsonMapper;
import io.productopsdash.server.http.MetricsApi;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash rollup acquisition|onboarding|usage|satisfaction}: one weekly rollup of
 * the data folder's events (satisfaction: the answers of {@code --survey} joined to them), as an
 * aligned table or ({@code --json}) exactly the JSON the API returns.
 */
@Command(
    name = "rollup",
    mixinStandardHelpOptions = true,
    description = "Print a weekly rollup of the stored events: acquisition, onboarding, usage or satisfaction.")
public final class RollupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ROLLUP", description = "acquisition, onboarding, usage or satisfaction")
  String rollup;

  @Option(names = "--survey", paramLabel = "ID", description = "Survey version whose answers satisfaction joins (required for it).")
  Long survey;

  @Mixin DataDirOptions dataDir;

  @Option(names = "--from", paramLabel = "WEEK", description = "First ISO week, e.g. 2026-W01 (default: 12 weeks ending at --to).")
  String from;

  @Option(names = "--to", paramLabel = "WEEK", description = "Last ISO week (default: the week of --as-of).")
  String to;

  @Option(names = "--as-of", paramLabel = "INSTANT", description = "Evaluation instant, e.g. 2026-03-02T00:00:00Z (default: now).")
  String asOf;

  @Option(
      names = "--zone",
      description = "Zone of the default metrics configuration, used only while none is saved (default: $PRODUCTOPSDASH_ZONE or UTC).")
  String zone;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  Clock clock = Clock.systemUTC();

  /**
   * The zone of the default metrics configuration (used while none is saved): {@code option},
   * else {@code PRODUCTOPSDASH_ZONE}, else UTC; null when it is not a zone id.
   */
  static ZoneId defaultZone(String option) {
    try {
      String z = option != null ? option : System.getenv().getOrDefault("PRODUCTOPSDASH_ZONE", "UTC");
      return ZoneId.of(z.isBlank() ? "UTC" : z.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String kind = rollup.strip().toLowerCase(Locale.ROOT);
    if (!List.of("acquisition", "onboarding", "usage", "satisfaction").contains(kind)) {
      err.println("ROLLUP must be acquisition, onboarding or usage (or satisfaction with --survey ID), got '" + rollup + "'");
      return 2;
    }
    if (kind.equals("satisfaction") && (survey == null || survey <= 0)) {
      err.println("satisfaction needs --survey ID, a positive survey version id");
      return 2;
    }
    Path dir = dataDir.existing(System.getenv(), Path.of("productopsdash-data"), err);
    if (!Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
      err.println("No ProductOpsDash database in " + dir.toAbsolutePath() + " (use --data DIR; demo prints the folder it made)");
      return 2;
    }
    ZoneId defaultZone = defaultZone(zone);
    if (defaultZone == null) {
      err.println("--zone must be a time zone id such as Europe/Berlin or UTC, got '" + zone + "'");
      return 2;
    }
    try (Database db = Database.open(dir)) {
      RollupService service = new RollupService(db, defaultZone);
      Instant at = asOf == null ? clock.instant() : MetricsApi.instant(asOf, "as-of");
      MetricsConfig config = service.config();
      RollupService.WeekRange range = service.range(from, to, at, config);
      Object report =
          switch (kind) {
            case "acquisition" -> service.acquisition(config, range, at);
            case "onboarding" -> service.onboarding(config, range, at);
            case "satisfaction" -> service.satisfaction(config, new SurveyService(db, clock).get(survey), range, at);
            default -> service.usage(config, range, at);
          };
      if (json) {
        out.println(GsonJsonMapper.GSON.toJson(report));
      } else {
        out.print(
            report instanceof AcquisitionReport a
                ? RollupTables.acquisition(a)
                : report instanceof OnboardingReport o
                    ? RollupTables.onboarding(o)
                    : report instanceof SatisfactionReport s
                        ? RollupTables.satisfaction(s)
                        : RollupTables.usage((UsageReport) report));
      }
      out.flush();
      return 0;
    } catch (InvalidInputException e) {
      err.println("Invalid " + e.field() + ": " + e.rule());
      return 2;
    } catch (NotFoundException e) {
      err.println(e.getMessage());
      return 2;
    }
  }
}
