package io.productopsdash.server;

import io.productopsdash.data.Database;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.engine.score.ScoreService;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.server.digest.Digests;
import io.productopsdash.server.http.AdminAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * An opened data folder with the services over it: the SQLite database, the installation's
 * sampling key (made once, kept in the database) and the admin token's hash.
 */
public final class Workspace implements AutoCloseable {
  static final String SAMPLING_KEY = "sampling.key";
  /** The answer index's folder inside the data folder. */
  static final String INDEX_FOLDER = "index";

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
    Database db = Database.open(config.dataDir());
    AnswerIndex index;
    try {
      index = AnswerIndex.open(config.dataDir().resolve(INDEX_FOLDER));
    } catch (IOException e) {
      db.close();
      throw new UncheckedIOException("Opening the answer index failed", e);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    SettingsRepository settings = new SettingsRepository();
    SecureRandom random = new SecureRandom();
    byte[] fresh = new byte[16];
    random.nextBytes(fresh);
    String keyHex = db.write(c -> settings.putIfAbsent(c, SAMPLING_KEY, HexFormat.of().formatHex(fresh)));
    SurveySampler sampler = new SurveySampler(HexFormat.of().parseHex(keyHex));
    AdminAuth.Setup auth = AdminAuth.setUp(db, config.adminToken(), random);
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
            new Digests(db, clock, config.zone(), config.digest(), config.dataDir(), config.port(), Digests::sleep));
    return new Workspace(db, deps, auth.generatedToken());
  }

  /**
   * Starts the weekly digest schedule of a process serving on {@code port}; {@link #close()} stops
   * it.
   */
  public void startDigests(int port) {
    deps.digests().start(port);
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

  @Override
  public void close() {
    deps.digests().close();
    try {
      deps.answerIndex().close();
    } catch (IOException e) {
      throw new UncheckedIOException("Closing the answer index failed", e);
    } finally {
      db.close();
    }
  }
}
