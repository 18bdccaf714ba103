package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.rollup.RollupSnapshots;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.rollup.RollupSnapshot;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code productopsdash import-rollups DIR}: stores the Spark job's output folder as a rollup
 * snapshot ({@link RollupSnapshots#importFolder}), served by the API, the dashboard and the digest
 * for weeks the stored events do not cover. Refuses, with exit code 2 and one line naming what is
 * wrong, a folder without {@code summary.json}, with another metrics configuration than the
 * workspace's (each differing field named), or with a missing or broken report; nothing is stored
 * then.
 */
@Command(
    name = "import-rollups",
    mixinStandardHelpOptions = true,
    description = "Store a RollupJob output folder (summary.json and the reports) as a rollup snapshot.")
public final class ImportRollupsCommand implements Callable<Integer> {
  private static final Path DEFAULT_DATA = Path.of("productopsdash-data");

  @Mixin DataDirOptions dataOptions;

  @Parameters(index = "0", paramLabel = "DIR", description = "The job's --out folder.")
  Path folder;

  @Option(
      names = "--zone",
      description = "Zone of the default metrics configuration, used only while none is saved (default: $PRODUCTOPSDASH_ZONE or UTC).")
  String zone;

  @Override
  public Integer call() {
    Path dataDir = dataOptions.withDatabase(System.getenv(), DEFAULT_DATA);
    if (dataDir == null) {
      System.err.println(dataOptions.noDatabase(System.getenv(), DEFAULT_DATA));
      return 2;
    }
    ZoneId defaultZone = RollupCommand.defaultZone(zone);
    if (defaultZone == null) {
      System.err.println("--zone must be a time zone id such as Europe/Berlin or UTC, got '" + zone + "'");
      return 2;
    }
    try (Database db = Database.open(dataDir)) {
      RollupService rollups = new RollupService(db, defaultZone);
      RollupSnapshots.Imported imported = rollups.snapshots().importFolder(folder, rollups.config());
      RollupSnapshot s = imported.snapshot();
      System.out.printf(
          Locale.ROOT, "Imported snapshot %d: %s, weeks %s to %s as of %s, %,d events; reports: %s%n", s.id(), s.source(),
          s.from(), s.to(), s.asOf(), s.events(), String.join(", ", imported.reports()));
      return 0;
    } catch (InvalidInputException e) {
      System.err.println("Cannot import " + folder + ": " + e.field() + ": " + e.rule());
      return 2;
    }
  }
}
