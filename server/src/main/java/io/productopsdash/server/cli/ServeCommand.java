package io.productopsdash.server.cli;

import io.javalin.Javalin;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.server.ServerApp;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code productopsdash serve}: opens the data folder and serves the API, widget and pages. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the survey API and widget on the data folder.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ServeOptions options;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config = options.resolve(System.getenv(), Path.of("productopsdash-data"));
    // The index catches up with SQLite before serving; long only after an import or a crash.
    CountProgressBar bar = CountProgressBar.onConsole("Indexing", "answers");
    Workspace workspace = Workspace.open(config, Clock.systemUTC(), bar == null ? AnswerIndexer.Progress.NONE : bar::update);
    if (bar != null) {
      bar.finish();
    }
    run(config, workspace, System.out, null);
    return 0;
  }

  /** Starts the app, prints where it is, and blocks until the process is stopped. */
  static void run(ServerConfig config, Workspace workspace, PrintStream out, Runnable afterStart)
      throws InterruptedException {
    Javalin app = ServerApp.create(workspace.deps());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  workspace.close();
                  stopped.countDown();
                },
                "shutdown"));
    app.start(config.port());
    workspace.startDigests(app.port());
    workspace.startThemes();
    String base = "http://localhost:" + app.port();
    out.println("ProductOpsDash is serving " + config.dataDir().toAbsolutePath() + " on " + base);
    if (workspace.generatedAdminToken() != null) {
      out.println("Admin token (shown once, keep it): " + workspace.generatedAdminToken());
    } else if (config.adminToken() == null) {
      out.println("Admin token: the one printed at this data folder's first start (or restart with --admin-token).");
    }
    if (afterStart != null) {
      afterStart.run();
    }
    out.flush();
    stopped.await();
  }
}
