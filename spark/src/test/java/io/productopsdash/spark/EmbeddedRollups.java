package io.productopsdash.spark;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventFileImporter;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.data.events.ImportFormat;
import io.productopsdash.engine.rollup.RollupService;
import io.productopsdash.engine.rollup.SatisfactionByUsage;
import io.productopsdash.models.Answer;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.UsageReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine over the same files: each file imported in path order by the real file
 * importer into a real SQLite file, then the engine's rollups ({@link RollupService}) and
 * satisfaction by usage ({@link SatisfactionByUsage}) over the store.
 */
final class EmbeddedRollups implements AutoCloseable {
  private final Database db;
  private final RollupService rollups;
  private final MetricsConfig config;
  private final RollupService.WeekRange range;
  private final Instant asOf;
  long imported;
  long duplicates;
  long skipped;

  EmbeddedRollups(Path dataDir, List<Path> files, ImportFormat format, MetricsConfig config, WeekId from, WeekId to, Instant asOf) {
    this.db = Database.open(dataDir);
    this.config = config;
    this.asOf = asOf;
    this.rollups = new RollupService(db, config.zone());
    rollups.saveConfig(config);
    this.range = new RollupService.WeekRange(from, to);
    EventFileImporter importer = new EventFileImporter(db, Clock.fixed(asOf, ZoneOffset.UTC));
    try {
      for (Path f : files.stream().sorted().toList()) {
        EventFileImporter.Result r = importer.importFile(f, EventFileImporter.Options.defaults().withFormat(format), EventFileImporter.Progress.NONE);
        imported += r.counters().imported();
        duplicates += r.counters().duplicate();
        skipped += r.counters().skipped();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Database db() {
    return db;
  }

  AcquisitionReport acquisition() {
    return rollups.acquisition(config, range, asOf);
  }

  OnboardingReport onboarding() {
    return rollups.onboarding(config, range, asOf);
  }

  UsageReport usage() {
    return rollups.usage(config, range, asOf);
  }

  SatisfactionReport satisfaction(long surveyId, Scale scale, List<Answer> answers) {
    Map<String, String> identities = db.read(EventScan::identities);
    return SatisfactionByUsage.of(
        rollups.log(config), config, surveyId, scale, answers, identities, range.from(), range.to(), asOf);
  }

  @Override
  public void close() {
    db.close();
  }
}
