package io.productopsdash.server.cli;

import io.productopsdash.data.DataAccessException;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.ParquetEventExport;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code productopsdash export-events --parquet DIR [--from W --to W]}: writes the stored events,
 * identity links and traits as Parquet partitioned by event date ({@link ParquetEventExport}),
 * for the Spark job ({@code RollupJob --format parquet}). Exit code 2 for bad options, a folder
 * that holds files or a data folder without a database; 1 when writing fails.
 */
@Command(
    name = "export-events",
    mixinStandardHelpOptions = true,
    description = {
      "Write the stored events as Parquet partitioned by event date (events/event_date=YYYY-MM-DD/),",
      "with the identity links and traits, for RollupJob --format parquet."
    })
public final class ExportEventsCommand implements Callable<Integer> {
  private static final Path DEFAULT_DATA = Path.of("productopsdash-data");

  @Mixin DataDirOptions dataOptions;

  @Option(names = "--parquet", required = true, paramLabel = "DIR", description = "Folder to write (must not exist or be empty).")
  Path folder;

  @Option(names = "--from", paramLabel = "WEEK", description = "First ISO week of events to write, in the metrics zone (default: the first).")
  String from;

  @Option(names = "--to", paramLabel = "WEEK", description = "Last ISO week of events to write (default: the last).")
  String to;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Path dataDir = dataOptions.withDatabase(System.getenv(), DEFAULT_DATA);
    if (dataDir == null) {
      System.err.println(dataOptions.noDatabase(System.getenv(), DEFAULT_DATA));
      return 2;
    }
    try (Database db = Database.open(dataDir)) {
      MetricsConfig config = new RollupService(db, ZoneOffset.UTC).config();
      long fromMillis = from == null ? Long.MIN_VALUE : WeekId.parse(from, "--from").start(config.zone()).toEpochMilli();
      long toMillis = to == null ? Long.MAX_VALUE : WeekId.parse(to, "--to").end(config.zone()).toEpochMilli();
      if (fromMillis >= toMillis) {
        err.println("Invalid --from: " + from + " is after --to " + to);
        return 2;
      }
      CountProgressBar bar = CountProgressBar.onConsole("Exporting", "events");
      long start = System.nanoTime();
      ParquetEventExport.Result r =
          ParquetEventExport.export(db, folder, fromMillis, toMillis, bar == null ? ParquetEventExport.Progress.NONE : bar::update);
      if (bar != null) {
        bar.finish();
      }
      out.printf(
          Locale.ROOT, "Wrote %,d events, %,d identity links and %,d users' traits to %s in %d files (%.1f s)%n", r.events(),
          r.identities(), r.userTraits(), folder, r.files(), (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (InvalidInputException e) {
      err.println("Invalid " + e.field() + ": " + e.rule());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("Cannot export to " + folder + ": " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException | DataAccessException e) {
      err.println("Cannot export to " + folder + ": " + e.getMessage());
      return 1;
    }
  }
}
