package io.productopsdash.server.cli;

import io.productopsdash.data.DataAccessException;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.CsvEventMapping;
import io.productopsdash.data.events.EventFileImporter;
import io.productopsdash.data.events.ImportCounters;
import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash import FILE}: imports an event file into the data folder and prints what
 * became of every line: imported, duplicate, or skipped with a reason. Exit code 0 even when lines
 * were skipped; 1 when the file cannot be read; 2 for bad options.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import events from a Segment JSON-lines, Amplitude export JSON-lines or CSV file (gzip accepted).",
      "CSV columns: messageId,type,event,name,userId,anonymousId,previousId,timestamp,path and"
          + " properties.X, traits.X, context.X (rename with --map)."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOptions dataOptions;

  @Parameters(index = "0", paramLabel = "FILE", description = "The event file (plain or gzip).")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "segment, amplitude or csv (default: told from the content).")
  String format;

  @Option(
      names = "--map",
      paramLabel = "FIELD=COLUMN",
      description = "CSV: read FIELD from COLUMN, e.g. --map userId=user_id --map properties.plan=Plan (repeatable).")
  List<String> maps = new ArrayList<>();

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Events per transaction (default ${DEFAULT-VALUE}).",
      defaultValue = "" + EventFileImporter.DEFAULT_BATCH_SIZE)
  int batchSize;

  @Override
  public Integer call() {
    EventFileImporter.Options options;
    try {
      options =
          EventFileImporter.Options.defaults()
              .withFormat(format == null ? null : ImportFormat.parse(format))
              .withCsvMapping(CsvEventMapping.parse(maps))
              .withBatchSize(batchSize);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), "--map: " + e.rule());
    }
    if (!maps.isEmpty() && options.format() != null && options.format() != ImportFormat.CSV) {
      throw new ParameterException(spec.commandLine(), "--map applies to CSV files only, not --format " + format);
    }
    Path dataDir = dataOptions.resolve(System.getenv(), Path.of("productopsdash-data"));
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println("Cannot read " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
      return 1;
    }
    ProgressBar bar = System.console() != null ? new ProgressBar(err) : null;
    long start = System.nanoTime();
    try (Database db = Database.open(dataDir)) {
      EventFileImporter.Result result =
          new EventFileImporter(db, Clock.systemUTC())
              .importFile(file, options, bar == null ? EventFileImporter.Progress.NONE : bar::update);
      if (bar != null) {
        bar.finish();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "Imported %s (%s) into %s in %.1f s (%,.0f events/s)%n",
          file,
          result.format().label(),
          dataDir,
          seconds,
          result.counters().read() / Math.max(seconds, 1e-3));
      if (!result.ignoredColumns().isEmpty()) {
        out.println("CSV columns that fill no field (ignored): " + String.join(", ", result.ignoredColumns()));
      }
      printCounters(out, result.counters());
      String peak = peakResidentMemory();
      if (peak != null) {
        out.println("peak resident memory: " + peak);
      }
      return 0;
    } catch (EventFileImporter.UnreadableFileException e) {
      if (bar != null) {
        bar.finish();
      }
      err.println("Cannot read " + file + " to its end: " + e.getCause().getMessage());
      err.println("What was read before that is stored:");
      printCounters(err, e.countersSoFar());
      return 1;
    } catch (IOException e) {
      err.println("Cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (InvalidInputException e) {
      err.println("Cannot import " + file + ": " + e.rule());
      return 2;
    } catch (DataAccessException e) {
      err.println("Cannot import into " + dataDir + ": " + e.getMessage());
      return 1;
    }
  }

  /** The process's peak resident memory ("812 MB") from /proc (Linux); null elsewhere. */
  static String peakResidentMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.substring(6).replace("kB", "").strip());
          return (kib / 1024) + " MB";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: say nothing
    }
    return null;
  }

  /** The counters, one line each, and one line per skip reason that occurred. */
  static void printCounters(PrintStream out, ImportCounters c) {
    out.printf(Locale.ROOT, "read       %,12d%n", c.read());
    out.printf(Locale.ROOT, "imported   %,12d%n", c.imported());
    out.printf(Locale.ROOT, "duplicate  %,12d%n", c.duplicate());
    out.printf(Locale.ROOT, "skipped    %,12d%n", c.skipped());
    Map<SkipReason, Long> byReason = c.skippedByReason();
    for (SkipReason r : SkipReason.values()) {
      Long n = byReason.get(r);
      if (n != null && n > 0) {
        out.printf(Locale.ROOT, "  %-20s %,10d  (%s)%n", r.name().toLowerCase(Locale.ROOT), n, r.description());
      }
    }
  }
}
