package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import io.productopsdash.engine.demo.DemoDataSet;
import io.productopsdash.engine.demo.DemoPhase;
import io.productopsdash.engine.demo.DemoProgress;
import io.productopsdash.engine.demo.DemoSettings;
import io.productopsdash.engine.demo.DemoSummary;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code productopsdash demo}: a fresh workspace filled with the example wallet app's demo data
 * set ({@link DemoDataSet}: twelve weeks of users, events, survey answers, themes and the search
 * index), then served like {@code serve}, printing the dashboard's URL, the admin token (once) and
 * a widget demo page. With {@code --exit-after-load} it stops after generating (for timing).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create a fresh demo workspace with a realistic data set and serve it.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ServeOptions options;

  @Option(names = "--seed", description = "Seed of the demo data (default 42); the same seed gives the same data.", defaultValue = "42")
  long seed;

  @Option(names = "--users", description = "Users who sign up over the 12 weeks (default 10000).", defaultValue = "10000")
  int users;

  @Option(names = "--exit-after-load", description = "Generate the data set, print what it took, and exit without serving.")
  boolean exitAfterLoad;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Path fresh = Path.of("demo-workspaces", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    ServerConfig config = options.resolve(System.getenv(), fresh);
    if (!isEmptyOrAbsent(config.dataDir())) {
      err.println("The data folder " + config.dataDir() + " is not empty; the demo needs a new or empty folder (or leave out --data).");
      return 2;
    }
    Clock clock = Clock.systemUTC();
    DemoSettings settings;
    try {
      settings = DemoSettings.of(seed, users, clock, config.zone());
    } catch (InvalidInputException e) {
      err.println("Invalid --" + e.field() + ": " + e.rule());
      return 2;
    }
    // The seed's sampling key goes in before the workspace would store a random one.
    try (Database db = Database.open(config.dataDir())) {
      DemoDataSet.installSamplingKey(db, seed);
    }
    Workspace workspace = Workspace.open(config, clock);
    out.println("Demo workspace: " + config.dataDir().toAbsolutePath());
    out.println(
        "Generating the demo data set: seed " + seed + ", " + String.format(Locale.ROOT, "%,d", users) + " users, weeks "
            + settings.firstWeek() + " to " + settings.lastWeek() + " (" + config.zone() + ")");
    PhaseProgress progress = new PhaseProgress(System.console() != null ? err : null);
    DemoSummary summary;
    DemoDataSet.Ready ready;
    try {
      // Timing runs wait for sentiment; a served demo is ready once indexed and gets sentiment in the background.
      if (exitAfterLoad) {
        summary = DemoDataSet.generate(workspace.database(), workspace.deps().answerIndex(), settings, progress);
        ready = null;
      } else {
        ready = DemoDataSet.generateReady(workspace.database(), workspace.deps().answerIndex(), settings, progress);
        summary = ready.summary();
      }
    } catch (RuntimeException e) {
      workspace.close();
      throw e;
    }
    progress.finish();
    out.println(progress.times());
    out.println(String.format(
        Locale.ROOT,
        "Data set: %,d users, %,d events, %,d answers (%,d with a comment), themes in %d of %d weeks, %d feature requests, %,d answers indexed",
        summary.users(), summary.events(), summary.answers(), summary.comments(), summary.themeWeeks(), summary.weeks().size(),
        summary.featureRequests(), summary.indexedAnswers()));
    out.println("Try it from another terminal: " + searchCommand(config.dataDir()));
    out.flush();
    if (exitAfterLoad) {
      if (workspace.generatedAdminToken() != null) {
        out.println("Admin token (shown once, keep it): " + workspace.generatedAdminToken());
      }
      workspace.close();
      return 0;
    }
    long readyAt = System.nanoTime();
    ready.sentimentIndexed()
        .whenComplete(
            (n, error) ->
                out.println(
                    error == null
                        ? String.format(
                            Locale.ROOT, "Sentiment of the comments stored and indexed (%.1f s after the data set was ready).",
                            (System.nanoTime() - readyAt) / 1e9)
                        : "Sentiment of the demo comments failed: " + error.getMessage()));
    String visitor = sampledVisitor(workspace.database(), summary.surveyId(), WeekId.of(clock.instant(), config.zone()));
    ServeCommand.run(
        config,
        workspace,
        out,
        () -> {
          out.println("Dashboard: http://localhost:" + portOf(config) + "/app");
          out.println(
              "Widget demo (a visitor sampled this week): http://localhost:" + portOf(config) + "/widget-demo?surveyId="
                  + summary.surveyId() + "&userId=" + visitor);
        });
    return 0;
  }

  /** The {@code search} command line that reads this demo's workspace, with its folder spelled out. */
  static String searchCommand(Path dataDir) {
    String dir = dataDir.toAbsolutePath().toString();
    String quoted = dir.matches("[A-Za-z0-9_./:@%+=,-]+") ? dir : "'" + dir.replace("'", "'\\''") + "'";
    return "./bin/productopsdash search \"swap AND slow\" --data " + quoted;
  }

  private static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The first visitor id the survey samples this week: a new visitor has no cooldown, so the widget shows. */
  private static String sampledVisitor(Database db, long seriesId, WeekId week) {
    String keyHex = db.read(c -> new io.productopsdash.data.SettingsRepository().get(c, DemoDataSet.SAMPLING_KEY_SETTING)).orElseThrow();
    SurveySampler sampler = new SurveySampler(HexFormat.of().parseHex(keyHex));
    for (int i = 1; ; i++) {
      String id = "visitor-" + i;
      if (sampler.isSampled(seriesId, week, id, DemoDataSet.SAMPLE_RATE)) {
        return id;
      }
    }
  }

  private static String portOf(ServerConfig config) {
    return config.port() == 0 ? "<port>" : Integer.toString(config.port());
  }

  /** The example wallet app's weekly satisfaction survey, asked of everyone (the widget tests use it). */
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

  /**
   * One progress line per phase on a terminal (none without one), and each phase's wall time,
   * measured from its first report to the next phase's first report.
   */
  static final class PhaseProgress implements DemoProgress {
    private final PrintStream console;
    private final Map<DemoPhase, Long> started = new EnumMap<>(DemoPhase.class);
    private final Map<DemoPhase, Long> ended = new EnumMap<>(DemoPhase.class);
    private DemoPhase current;
    private long lastDraw;
    private String lastLine;
    private long lastTotal;

    PhaseProgress(PrintStream console) {
      this.console = console;
    }

    @Override
    public void update(DemoPhase phase, long done, long total) {
      long now = System.nanoTime();
      if (phase != current) {
        endCurrent(now);
        current = phase;
        started.put(phase, now);
        lastDraw = 0;
      }
      lastTotal = total;
      lastLine = line(phase, done, total, now - started.get(phase));
      if (console != null && (lastDraw == 0 || now - lastDraw >= ProgressBar.INTERVAL_NANOS || done >= total)) {
        lastDraw = now;
        console.print("\r" + lastLine);
        console.flush();
      }
    }

    private void endCurrent(long now) {
      if (current == null) {
        return;
      }
      ended.put(current, now);
      if (console != null && lastLine != null) {
        console.print("\r" + line(current, lastTotal, lastTotal, now - started.get(current)) + "\n");
        console.flush();
      }
    }

    void finish() {
      endCurrent(System.nanoTime());
      current = null;
    }

    static String line(DemoPhase phase, long done, long total, long elapsedNanos) {
      return String.format(
          Locale.ROOT, "%-9s %s  %,d / %,d  %.1f s ", phase.label(), ProgressBar.bar(done, total), done, total, elapsedNanos / 1e9);
    }

    /**
     * e.g. {@code Phases: events 4.1 s, survey 6.0 s, themes 20.3 s, index 2.1 s (ready after 32.5 s),
     * sentiment 30.2 s (total 62.7 s)}.
     */
    String times() {
      StringBuilder b = new StringBuilder("Phases:");
      long total = 0;
      for (DemoPhase p : DemoPhase.values()) {
        if (started.containsKey(p) && ended.containsKey(p)) {
          long nanos = ended.get(p) - started.get(p);
          total += nanos;
          b.append(String.format(Locale.ROOT, " %s %.1f s,", p.label(), nanos / 1e9));
          if (p == DemoPhase.INDEX) {
            b.setLength(b.length() - 1);
            b.append(String.format(Locale.ROOT, " (ready after %.1f s),", total / 1e9));
          }
        }
      }
      b.setLength(b.length() - 1);
      return b.append(String.format(Locale.ROOT, " (total %.1f s)", total / 1e9)).toString();
    }
  }
}
