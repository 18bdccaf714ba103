package io.productopsdash.engine.rollup;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.definitions.json.ApiJson;
import io.productopsdash.definitions.metrics.FeatureAreaMatcher;
import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.models.Answer;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.UsageReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the rollup numbers come from, for the API and the command line: reads the
 * metrics configuration in force (the example wallet app's in {@code defaultZone} until one is
 * saved), loads the event store into an {@link EventLog} and runs a rollup over it. The log is
 * kept and reused until the store changes (a new event, identity link or trait row), so the
 * three rollups of one dashboard read the store once; at most one load runs at a time.
 */
public final class RollupService {
  /** Longest range of weeks one request may ask for. */
  public static final int MAX_WEEKS = 260;
  /** Weeks shown when no start is given. */
  public static final int DEFAULT_WEEKS = 12;

  private final Database db;
  private final ZoneId defaultZone;
  private final MetricsConfigRepository configs = new MetricsConfigRepository();
  private final AnswerRepository answers = new AnswerRepository();
  private final RollupSnapshots snapshots;
  private final Object loadLock = new Object();
  private Cached cached;

  private record Cached(String stamp, EventLog log) {}

  /** A validated range of ISO weeks, both ends included. */
  public record WeekRange(WeekId from, WeekId to) {}

  /**
   * A report, and the imported snapshot it was taken from (null when computed from the stored
   * events). A snapshot's report covers the weeks the snapshot and the request share, as of the
   * snapshot's own evaluation instant.
   */
  public record Served<T>(T report, RollupSnapshot snapshot) {}

  public RollupService(Database db, ZoneId defaultZone) {
    this(db, defaultZone, Clock.systemUTC());
  }

  public RollupService(Database db, ZoneId defaultZone, Clock clock) {
    this.db = db;
    this.defaultZone = defaultZone;
    this.snapshots = new RollupSnapshots(db, clock);
  }

  /** Imported snapshots: where {@code import-rollups} stores them. */
  public RollupSnapshots snapshots() {
    return snapshots;
  }

  /** The configuration in force: the saved one, else {@link MetricsConfig#segmentSpec}. */
  public MetricsConfig config() {
    return db.read(configs::find).orElseGet(() -> MetricsConfig.segmentSpec(defaultZone));
  }

  /** Saves {@code config} (already validated by its constructor) and returns it. */
  public MetricsConfig saveConfig(MetricsConfig config) {
    db.write(
        c -> {
          configs.save(c, config);
          return null;
        });
    return config;
  }

  /**
   * Parses a week range: {@code to} defaults to the week of {@code asOf} in the configured zone,
   * {@code from} to {@value #DEFAULT_WEEKS} weeks ending at {@code to}. Errors name the field.
   */
  public WeekRange range(String fromText, String toText, Instant asOf, MetricsConfig config) {
    WeekId to = toText == null ? WeekId.of(asOf, config.zone()) : WeekId.parse(toText, "to");
    WeekId from = fromText == null ? to.plusWeeks(-(DEFAULT_WEEKS - 1)) : WeekId.parse(fromText, "from");
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("from", "must not be after to (" + from + " > " + to + ")");
    }
    if (from.weeksUntil(to) >= MAX_WEEKS) {
      throw new InvalidInputException("from", "the range may span at most " + MAX_WEEKS + " weeks");
    }
    return new WeekRange(from, to);
  }

  public AcquisitionReport acquisition(MetricsConfig config, WeekRange range, Instant asOf) {
    return AcquisitionRollup.of(log(config), config, range.from(), range.to(), asOf);
  }

  public OnboardingReport onboarding(MetricsConfig config, WeekRange range, Instant asOf) {
    return OnboardingRollup.of(log(config), config, range.from(), range.to(), asOf);
  }

  public UsageReport usage(MetricsConfig config, WeekRange range, Instant asOf) {
    checkAreas(config);
    return UsageRollup.of(log(config), config, range.from(), range.to(), asOf);
  }

  /** Scores of {@code survey}'s answers in the range by signup cohort, onboarding and adoption. */
  public SatisfactionReport satisfaction(MetricsConfig config, Survey survey, WeekRange range, Instant asOf) {
    checkAreas(config);
    EventLog log = log(config);
    List<Answer> answers = db.read(c -> this.answers.listInWeeks(c, survey.id(), range.from(), range.to()));
    Map<String, String> identities = db.read(EventScan::identities);
    return SatisfactionByUsage.of(
        log, config, survey.id(), survey.scale(), answers, identities, range.from(), range.to(), asOf);
  }

  // ---- served: from the stored events, or from a snapshot where they do not cover the weeks ----

  /** Acquisition from the stored events, or from a snapshot when they do not cover the weeks. */
  public Served<AcquisitionReport> acquisitionServed(MetricsConfig config, WeekRange range, Instant asOf) {
    return snapshot(config, range, "acquisition", 0)
        .map(f -> {
          AcquisitionReport r = ApiJson.GSON.fromJson(f.body(), AcquisitionReport.class);
          WeekRange shared = shared(range, f.snapshot());
          return new Served<>(
              new AcquisitionReport(shared.from(), shared.to(), r.asOf(), r.weeks().stream().filter(w -> within(w.week(), shared)).toList()),
              f.snapshot());
        })
        .orElseGet(() -> new Served<>(acquisition(config, range, asOf), null));
  }

  /** Onboarding from the stored events, or from a snapshot when they do not cover the weeks. */
  public Served<OnboardingReport> onboardingServed(MetricsConfig config, WeekRange range, Instant asOf) {
    return snapshot(config, range, "onboarding", 0)
        .map(f -> {
          OnboardingReport r = ApiJson.GSON.fromJson(f.body(), OnboardingReport.class);
          WeekRange shared = shared(range, f.snapshot());
          return new Served<>(
              new OnboardingReport(shared.from(), shared.to(), r.asOf(), r.conversionWindowDays(),
                  r.cohorts().stream().filter(c -> within(c.week(), shared)).toList()),
              f.snapshot());
        })
        .orElseGet(() -> new Served<>(onboarding(config, range, asOf), null));
  }

  /** Usage from the stored events, or from a snapshot when they do not cover the weeks. */
  public Served<UsageReport> usageServed(MetricsConfig config, WeekRange range, Instant asOf) {
    checkAreas(config);
    return snapshot(config, range, "usage", 0)
        .map(f -> {
          UsageReport r = ApiJson.GSON.fromJson(f.body(), UsageReport.class);
          WeekRange shared = shared(range, f.snapshot());
          return new Served<>(
              new UsageReport(shared.from(), shared.to(), r.asOf(), r.weeks().stream().filter(w -> within(w.week(), shared)).toList()),
              f.snapshot());
        })
        .orElseGet(() -> new Served<>(usage(config, range, asOf), null));
  }

  /**
   * Satisfaction by usage from the stored events, or the snapshot's report of the survey version
   * when they do not cover the weeks (over the snapshot's weeks: its answers are counted over them).
   */
  public Served<SatisfactionReport> satisfactionServed(MetricsConfig config, Survey survey, WeekRange range, Instant asOf) {
    checkAreas(config);
    return snapshot(config, range, "satisfaction", survey.id())
        .map(f -> new Served<>(ApiJson.GSON.fromJson(f.body(), SatisfactionReport.class), f.snapshot()))
        .orElseGet(() -> new Served<>(satisfaction(config, survey, range, asOf), null));
  }

  /**
   * A snapshot's report for the range when the stored events do not cover it: no activity event
   * falls in or before its first week (so the embedded numbers would start part way, or be
   * empty), and a snapshot computed with the same configuration shares weeks with it.
   */
  private Optional<RollupSnapshots.Found> snapshot(MetricsConfig config, WeekRange range, String report, long surveyId) {
    EventLog log = log(config);
    if (log.size() > 0) {
      long firstWeek = LocalDays.of(config.zone(), log.minTs(), log.minTs()).weekIndex(log.minTs());
      if (firstWeek <= LocalDays.weekIndex(range.from())) {
        return Optional.empty();
      }
    }
    return snapshots.find(config, range.from(), range.to(), report, surveyId);
  }

  private static WeekRange shared(WeekRange range, RollupSnapshot s) {
    return new WeekRange(
        range.from().compareTo(s.from()) > 0 ? range.from() : s.from(), range.to().compareTo(s.to()) < 0 ? range.to() : s.to());
  }

  private static boolean within(WeekId week, WeekRange range) {
    return week.compareTo(range.from()) >= 0 && week.compareTo(range.to()) <= 0;
  }

  private static void checkAreas(MetricsConfig config) {
    if (config.featureAreas().size() > FeatureAreaMatcher.MAX_AREAS) {
      throw new InvalidInputException("featureAreas", "at most " + FeatureAreaMatcher.MAX_AREAS + " areas are supported");
    }
  }

  /** The event log for {@code config}, loaded now or reused when the store has not changed. */
  public EventLog log(MetricsConfig config) {
    String stamp = db.read(RollupService::stamp) + "|" + config.signupEvent();
    synchronized (loadLock) {
      if (cached != null && cached.stamp().equals(stamp)) {
        return cached.log();
      }
      cached = null;
      EventLog log = EventLog.of(EventScan.load(db, List.of(config.signupEvent())));
      cached = new Cached(stamp, log);
      return log;
    }
  }

  /** What the log depends on; it changes with every stored event, identity link or traits update. */
  private static String stamp(java.sql.Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT COALESCE(MAX(id), 0) FROM events), (SELECT COUNT(*) FROM identities),"
                    + " (SELECT COUNT(*) FROM user_traits), (SELECT COALESCE(MAX(updated_at), 0) FROM user_traits)")) {
      rs.next();
      return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4);
    }
  }
}
