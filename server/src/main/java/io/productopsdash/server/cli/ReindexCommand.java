package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.server.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code productopsdash reindex}: rebuilds the data folder's answer index from SQLite, the source of
 * truth, with a progress bar on a terminal. The old index stays searchable until the new one is
 * committed whole. A running server holds the index's write lock: then nothing is changed and the
 * command says so (a server brings its index up to date by itself at each start). Exit code 0 on
 * success, 1 when the index is in use or cannot be written, 2 for bad options or a missing
 * database.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuild the search index of the data folder from its SQLite database.")
public final class ReindexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOptions dataDir;

  @Option(
      names = "--zone",
      description = "Time zone of answer dates, as the server's --zone (default: $PRODUCTOPSDASH_ZONE, the config file's zone, or UTC).")
  String zone;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = System.getenv();
    Path dir = dataDir.existing(env, Path.of("productopsdash-data"), err);
    if (!Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
      err.println("No ProductOpsDash database in " + dir.toAbsolutePath() + " (use --data DIR; demo prints the folder it made)");
      return 2;
    }
    String zoneText = zone != null ? zone : env.getOrDefault("PRODUCTOPSDASH_ZONE", "");
    if (zoneText.isBlank()) {
      zoneText = dataDir.config(env, dir).getProperty("zone", "UTC");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zoneText.strip());
    } catch (DateTimeException e) {
      err.println("--zone must be a time zone id such as Europe/Berlin or UTC, got '" + zoneText + "'");
      return 2;
    }
    Path folder = dir.resolve(Workspace.INDEX_FOLDER);
    long start = System.nanoTime();
    int indexed;
    try (Database db = Database.open(dir);
        AnswerIndex index = AnswerIndex.open(folder)) {
      CountProgressBar bar = CountProgressBar.onConsole("Indexing", "answers");
      indexed = new AnswerIndexer(zoneId).rebuild(db, index, bar == null ? AnswerIndexer.Progress.NONE : bar::update);
      if (bar != null) {
        bar.finish();
      }
    } catch (LockObtainFailedException e) {
      err.println("The index in " + folder.toAbsolutePath() + " is in use by a running server (it holds"
          + " write.lock). Stop the server first; at its next start it also catches up with SQLite by itself.");
      return 1;
    } catch (IOException | UncheckedIOException e) {
      err.println("Cannot rebuild the index in " + folder.toAbsolutePath() + ": " + e.getMessage());
      return 1;
    }
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
    out.printf(Locale.ROOT, "Indexed %,d answers into %s in %.1f s (%,.0f answers/s)%n", indexed,
        folder.toAbsolutePath(), seconds, indexed / seconds);
    out.flush();
    return 0;
  }
}
