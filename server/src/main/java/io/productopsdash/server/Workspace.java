package io.productopsdash.server;

import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.search.LiveIndexer;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.EnrichmentService;
import io.productopsdash.server.digest.Digests;
import io.productopsdash.server.http.AdminAuth;
import io.productopsdash.server.themes.PipelineRunner;
import io.productopsdash.server.themes.ThemeRuns;
import io.productopsdash.server.themes.ThemeScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * An opened data folder with the services over it: the SQLite database, the installation's
 * sampling key (made once, kept in the database), the admin token's hash, and the answer index,
 * brought up to date with SQLite at each open ({@link AnswerIndexer#catchUp}) and kept so by a
 * {@link LiveIndexer}.
 */
public final class Workspace implements AutoCloseable {
  static final String SAMPLING_KEY = "sampling.key";
  /** The answer index's folder inside the data folder. */
  public static final String INDEX_FOLDER = "index";

  private final Database db;
  private final ServerDeps deps;
  private final String generatedAdminToken;

  private Workspace(Database db, ServerDeps deps, String generatedAdminToken) {
    this.db = db;
    this.deps = deps;
    this.generatedAdminToken = generatedAdminToken;
  }

  /** Opens the data folder of {@code config}; {@link #generatedAdminToken()} tells whether a token was made. */
  public static Workspace open(ServerConfig config, Clock clock) {
    return open(config, clock, AnswerIndexer.Progress.NONE);
  }

  /**
   * As {@link #open(ServerConfig, Clock)}, telling {@code indexing} how far the index's catch-up
   * with SQLite got (nothing when the index was already up to date).
   */
  public static Workspace open(ServerConfig config, Clock clock, AnswerIndexer.Progress indexing) {
    return open(config, clock, indexing, UnaryOperator.identity());
  }

  /**
   * As {@link #open(ServerConfig, Clock, AnswerIndexer.Progress)}, every theme run going through
   * {@code themeRunner} applied to the pipeline's runner (tests hold a run to see it going).
   */
  public static Workspace open(
      ServerConfig config, Clock clock, AnswerIndexer.Progress indexing, UnaryOperator<ThemeRuns.Runner> themeRunner) {
    Database db = Database.open(config.dataDir());
    AnswerIndex index;
    AnswerIndexer indexer = new AnswerIndexer(config.zone());
    try {
      index = AnswerIndex.open(config.dataDir().resolve(INDEX_FOLDER));
    } catch (IOException e) {
      db.close();
      throw new UncheckedIOException("Opening the answer index failed", e);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    try {
      indexer.catchUp(db, index, indexing);
    } catch (RuntimeException e) {
      closeQuietly(index);
      db.close();
      throw e;
    }
    SettingsRepository settings = new SettingsRepository();
    SecureRandom random = new SecureRandom();
    byte[] fresh = new byte[16];
    random.nextBytes(fresh);
    String keyHex = db.write(c -> settings.putIfAbsent(c, SAMPLING_KEY, HexFormat.of().formatHex(fresh)));
    SurveySampler sampler = new SurveySampler(HexFormat.of().parseHex(keyHex));
    AdminAuth.Setup auth = AdminAuth.setUp(db, config.adminToken(), random, clock);
    ThemeRuns themeRuns = new ThemeRuns(db, clock, themeRunner.apply(PipelineRunner.over(db, clock, index, indexer)));
    ThemeScheduler themeScheduler = new ThemeScheduler(themeRuns, clock, config.zone(), config.themeInterval());
    Digests digests =
        new Digests(db, clock, config.zone(), config.digest(), config.dataDir(), config.port(), Digests::sleep);
    // A closed week's digest is composed only after its last theme run (or says it is not).
    digests.scheduler().finaliseThemesWith(themeScheduler::finalise);
    ServerDeps deps =
        new ServerDeps(
            db,
            clock,
            config.zone(),
            new SurveyService(db, clock),
            new SurveyLoop(db, sampler, clock, config.zone()),
            new ScoreService(db),
            auth.auth(),
            config.allowedOrigins(),
            index,
            digests,
            new LiveIndexer(db, index, indexer, clearNames(db, clock)),
            themeRuns,
            themeScheduler);
    // Comments stored but never cleared of names (posted just before a stop, or written by
    // another process) are enriched and indexed in the background.
    db.read(c -> new EnrichmentRepository().unenrichedIds(c)).forEach(deps.liveIndexer()::submit);
    return new Workspace(db, deps, auth.generatedToken());
  }

  /**
   * The live indexer's preparation: enrich the batch (CoreNLP, loaded on first use off the request
   * path), which rewrites person names to placeholders, before anything is indexed.
   */
  private static LiveIndexer.Preparation clearNames(Database db, Clock clock) {
    return ids ->
        new EnrichmentService(db, Enricher.shared(), clock, EnrichmentService.Options.DEFAULT).enrichAnswers(ids);
  }

  /**
   * Starts the weekly digest schedule of a process serving on {@code port}; {@link #close()} stops
   * it.
   */
  public void startDigests(int port) {
    deps.digests().start(port);
    // Remembered so that the digest command, run beside this server, links to the port it serves.
    db.write(
        c -> {
          new io.productopsdash.data.SettingsRepository().put(c, SERVED_PORT_SETTING, Integer.toString(port));
          return null;
        });
  }

  /** The setting holding the port the workspace was last served on. */
  public static final String SERVED_PORT_SETTING = "served-port";

  /** The port this data folder was last served on, if it ever was. */
  public static java.util.OptionalInt servedPort(Database db) {
    return db.read(c -> new io.productopsdash.data.SettingsRepository().get(c, SERVED_PORT_SETTING))
        .map(p -> java.util.OptionalInt.of(Integer.parseInt(p)))
        .orElse(java.util.OptionalInt.empty());
  }

  /** Starts the theme schedule ({@code --theme-interval}); {@link #close()} stops it. */
  public void startThemes() {
    deps.themeScheduler().start();
  }

  public ServerDeps deps() {
    return deps;
  }

  public Database database() {
    return db;
  }

  /** The admin token made at this start, to print once; null when one was configured or existed. */
  public String generatedAdminToken() {
    return generatedAdminToken;
  }

  private static void closeQuietly(AnswerIndex index) {
    try {
      index.close();
    } catch (IOException suppressed) {
      // already failing with the catch-up's error
    }
  }

  @Override
  public void close() {
    deps.themeScheduler().close();
    deps.digests().close();
    deps.themeRuns().close();
    try {
      deps.liveIndexer().close();
      deps.answerIndex().close();
    } catch (IOException e) {
      throw new UncheckedIOException("Closing the answer index failed", e);
    } finally {
      db.close();
    }
  }
}
