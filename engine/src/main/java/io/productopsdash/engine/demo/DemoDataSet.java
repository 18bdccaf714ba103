package io.productopsdash.engine.demo;

import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.engine.embed.SentenceEmbedder;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.SentimentWorker;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Event;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fills an empty database with the demo data set of the example wallet app (PRODUCT.md, "the
 * example customer"), deterministically for a seed:
 *
 * <ol>
 *   <li>the metrics configuration {@link MetricsConfig#walletExample} and the weekly survey
 *       ({@link #survey()});
 *   <li>{@link DemoSettings#users()} users signing up over twelve ISO weeks from several sources,
 *       with their onboarding and weekly sessions ({@link UserSimulator}), stored through {@link
 *       EventStore} in large batches;
 *   <li>week by week, every active user's first visit goes through the real {@link SurveyLoop}
 *       (eligibility with the installation's sampler and cooldown, impression, dismissal or
 *       answer, comments redacted on the way in); visits are replayed in parallel, answers one
 *       by one in time order so that answer ids do not depend on thread timing;
 *   <li>the theme engine for each week in order ({@link ThemePipeline}, so themes are tracked from
 *       week to week), sentiment, and a rebuild of the search index.
 * </ol>
 *
 * The sampling key decides who is asked; {@link #installSamplingKey} stores one derived from the
 * seed when the database has none yet, which is what makes the survey part repeatable (a workspace
 * opened before that has already stored a random one).
 */
public final class DemoDataSet {
  /** The settings key under which the server keeps the installation's sampling key. */
  public static final String SAMPLING_KEY_SETTING = "sampling.key";
  /** Share of each week's visitors the demo survey samples. */
  public static final double SAMPLE_RATE = 0.5;

  private static final int EVENT_BATCH = 25_000;
  private static final double[] SIGNUP_WEEK_WEIGHTS = {0.70, 0.74, 0.80, 0.83, 1.15, 0.95, 0.92, 0.98, 1.05, 1.10, 1.14, 1.20};
  private static final double[] DAY_WEIGHTS = {1.0, 1.0, 1.0, 1.0, 0.95, 1.15, 1.2};

  private DemoDataSet() {}

  /** The demo's weekly survey: the example wallet survey, sampling {@value #SAMPLE_RATE} of visitors. */
  public static SurveyDraft survey() {
    return new SurveyDraft(
        "Weekly satisfaction",
        "How satisfied are you with the wallet app?",
        new Scale(ScoreKind.CSAT, 7, "Very dissatisfied", "Very satisfied", 2),
        "How can we make it better?",
        SAMPLE_RATE,
        SurveyDraft.DEFAULT_COOLDOWN_WEEKS,
        true);
  }

  /** The 128-bit sampling key (hex) the demo derives from {@code seed}. */
  public static String samplingKeyHex(long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 99));
    byte[] key = new byte[16];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) r.nextInt(256);
    }
    return HexFormat.of().formatHex(key);
  }

  /**
   * Stores the seed's sampling key unless the database already has one; returns the key in force.
   * Call it before the server's workspace is opened on a fresh folder to make the survey part of
   * the data set the same for every run with this seed.
   */
  public static String installSamplingKey(Database db, long seed) {
    SettingsRepository settings = new SettingsRepository();
    return db.write(c -> settings.putIfAbsent(c, SAMPLING_KEY_SETTING, samplingKeyHex(seed)));
  }

  /**
   * The data set, indexed and ready to serve, while the sentiment of its comments is still being
   * computed in the background (as after any theme run).
   *
   * @param summary the generator's tallies
   * @param sentimentIndexed completes, with the number of answers indexed again, once every
   *     comment's sentiment is stored and the index carries it
   */
  public record Ready(DemoSummary summary, CompletableFuture<Integer> sentimentIndexed) {}

  /**
   * Generates the data set into {@code db} (which must hold no survey and no event), rebuilds
   * {@code index} from it, waits for the comments' sentiment and indexes it too: on return the
   * data set is complete.
   *
   * @throws ConflictException when the database already holds surveys or events
   */
  public static DemoSummary generate(Database db, AnswerIndex index, DemoSettings settings, DemoProgress progress) {
    return new Generation(db, index, settings, progress).run(true).summary();
  }

  /**
   * As {@link #generate}, but returns as soon as the index is built, leaving sentiment (the
   * slowest stage) to finish in the background; progress is reported up to {@link
   * DemoPhase#INDEX}.
   *
   * @throws ConflictException when the database already holds surveys or events
   */
  public static Ready generateReady(Database db, AnswerIndex index, DemoSettings settings, DemoProgress progress) {
    return new Generation(db, index, settings, progress).run(false);
  }

  /** The state of one generation. */
  private static final class Generation {
    private final Database db;
    private final AnswerIndex index;
    private final DemoSettings settings;
    private final DemoProgress progress;
    private final DemoCalendar cal;
    private final int weeks = DemoSettings.WEEKS;
    private final SurveyReplay replay;
    private long events;

    Generation(Database db, AnswerIndex index, DemoSettings settings, DemoProgress progress) {
      this.db = db;
      this.index = index;
      this.settings = settings;
      this.progress = progress;
      this.cal = new DemoCalendar(settings);
      this.replay = new SurveyReplay(settings, cal, progress);
    }

    Ready run(boolean waitForSentiment) {
      checkEmpty();
      String keyHex = installSamplingKey(db, settings.seed());
      MetricsConfig config = MetricsConfig.walletExample(settings.zone());
      db.write(
          c -> {
            new MetricsConfigRepository().save(c, config);
            return null;
          });
      Clock created = Clock.fixed(Instant.ofEpochMilli(cal.weekStart(0)).minus(Duration.ofDays(3)), settings.zone());
      Survey survey = new SurveyService(db, created).create(survey());
      List<SimUser> users = simulateUsers();
      SurveyLoop loop =
          new SurveyLoop(db, new SurveySampler(HexFormat.of().parseHex(keyHex)), Clock.fixed(Instant.ofEpochMilli(cal.asOf), settings.zone()), settings.zone());
      replay.run(users, survey, loop);
      loadModels();
      int themeWeeks = runThemes(survey.seriesId());
      Clock sentimentAt = Clock.fixed(Instant.ofEpochMilli(cal.asOf).plus(Duration.ofHours(6)), settings.zone());
      CompletableFuture<SentimentWorker.Report> sentiment = ThemePipeline.startSentiment(db, sentimentAt);
      AnswerIndexer indexer = new AnswerIndexer(settings.zone());
      progress.update(DemoPhase.INDEX, 0, replay.totalAnswers());
      int indexed = indexer.rebuild(db, index, (done, total) -> progress.update(DemoPhase.INDEX, done, total));
      progress.update(DemoPhase.INDEX, indexed, indexed);
      int requests = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId())).size();
      DemoSummary summary =
          new DemoSummary(
              settings.seed(), settings.users(), settings.firstWeek(), settings.lastWeek(), settings.zone(), settings.asOf(),
              survey.id(), events, tallies(users), replay.totalAnswers(), SurveyReplay.sum(replay.comments), replay.personalData(), replay.hash(), themeWeeks,
              requests, indexed);
      // Week by week, replacing documents in place: the index is never empty for a searcher meanwhile.
      CompletableFuture<Integer> refreshed =
          sentiment.thenApply(
              report -> {
                int n = 0;
                for (int w = 0; w < weeks; w++) {
                  n += indexer.indexSeriesWeek(db, index, survey.seriesId(), cal.week(w));
                }
                return n;
              });
      if (waitForSentiment) {
        waitFor(refreshed);
      }
      return new Ready(summary, refreshed);
    }

    private void checkEmpty() {
      boolean used =
          db.read(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM surveys) OR EXISTS(SELECT 1 FROM events)")) {
                  rs.next();
                  return rs.getBoolean(1);
                }
              });
      if (used) {
        throw new ConflictException(
            "data", "The demo data set needs an empty database; this one already holds surveys or events");
      }
    }

    // ---- users and events ----

    private List<SimUser> simulateUsers() {
      long[] desired = signupTimes();
      UserSimulator simulator = new UserSimulator(settings.seed(), cal);
      EventStore store = new EventStore();
      List<SimUser> users = new ArrayList<>(desired.length);
      List<Event> batch = new ArrayList<>(EVENT_BATCH + 256);
      progress.update(DemoPhase.EVENTS, 0, desired.length);
      for (int i = 0; i < desired.length; i++) {
        users.add(simulator.simulate(i, desired[i], cal.weekIndex(desired[i]), batch));
        if (batch.size() >= EVENT_BATCH) {
          flush(store, batch);
          progress.update(DemoPhase.EVENTS, i + 1, desired.length);
        }
      }
      flush(store, batch);
      progress.update(DemoPhase.EVENTS, desired.length, desired.length);
      return users;
    }

    private void flush(EventStore store, List<Event> batch) {
      if (batch.isEmpty()) {
        return;
      }
      List<Event> copy = List.copyOf(batch);
      batch.clear();
      EventStore.StoreResult stored = db.write(c -> store.insertAll(c, copy));
      if (stored.duplicates() != 0) {
        throw new IllegalStateException("The demo generated " + stored.duplicates() + " duplicate message ids");
      }
      events += stored.inserted();
    }

    /** Every user's wished signup instant, ascending: weekly counts by weight, days and hours by habit. */
    private long[] signupTimes() {
      int n = settings.users();
      double total = 0;
      for (double w : SIGNUP_WEEK_WEIGHTS) {
        total += w;
      }
      int[] counts = new int[weeks];
      double[] remainders = new double[weeks];
      int given = 0;
      for (int w = 0; w < weeks; w++) {
        double exact = n * SIGNUP_WEEK_WEIGHTS[w] / total;
        counts[w] = (int) Math.floor(exact);
        remainders[w] = exact - counts[w];
        given += counts[w];
      }
      // Largest remainders first, ties by week: the counts sum to n exactly.
      List<Integer> order = new ArrayList<>();
      for (int w = 0; w < weeks; w++) {
        order.add(w);
      }
      order.sort(Comparator.<Integer>comparingDouble(w -> -remainders[w]).thenComparing(w -> w));
      for (int k = 0; given < n; k++, given++) {
        counts[order.get(k % weeks)]++;
      }
      long[] out = new long[n];
      int slot = 0;
      long latest = cal.asOf - 2 * DemoCalendar.HOUR;
      for (int w = 0; w < weeks; w++) {
        for (int k = 0; k < counts[w]; k++, slot++) {
          SplittableRandom r = new SplittableRandom(Seeds.mix(settings.seed(), 2, slot));
          long t = cal.at(w, UserSimulator.pick(r, DAY_WEIGHTS), UserSimulator.hour(r), r.nextInt(60), r.nextInt(60));
          out[slot] = Math.min(t, latest);
        }
      }
      java.util.Arrays.sort(out);
      return out;
    }

    // ---- themes, sentiment, index ----

    /* The models the theme runs need, loaded as a step of their own (else the themes bar stood still). */
    private void loadModels() {
      progress.update(DemoPhase.MODELS, 0, 2);
      Enricher.shared();
      progress.update(DemoPhase.MODELS, 1, 2);
      SentenceEmbedder.shared();
      progress.update(DemoPhase.MODELS, 2, 2);
    }

    private int runThemes(long seriesId) {
      int withThemes = 0;
      progress.update(DemoPhase.THEMES, 0, weeks);
      for (int w = 0; w < weeks; w++) {
        int week = w;
        WeekId id = cal.week(w);
        Clock runAt = Clock.fixed(Instant.ofEpochMilli(cal.weekStart(w + 1)).plus(Duration.ofHours(6)), settings.zone());
        ThemePipeline.Stored stored =
            ThemePipeline.runWithoutSentiment(
                db,
                seriesId,
                id,
                runAt,
                (stage, done, total) -> {
                  if (stage.equals("enrich")) {
                    progress.update(DemoPhase.THEMES, week, weeks);
                  }
                });
        withThemes += stored.themes().themes().isEmpty() ? 0 : 1;
        progress.update(DemoPhase.THEMES, w + 1, weeks);
      }
      return withThemes;
    }

    /* Sentiment feeds the search's sentiment facet: waits for it and the index refresh, with progress. */
    private void waitFor(CompletableFuture<Integer> done) {
      long total = SurveyReplay.sum(replay.comments);
      progress.update(DemoPhase.SENTIMENT, 0, total);
      EnrichmentRepository enrichments = new EnrichmentRepository();
      while (true) {
        try {
          done.get(1, TimeUnit.SECONDS);
          break;
        } catch (TimeoutException e) {
          int pending = db.read(c -> enrichments.pendingSentiment(c, 0, Integer.MAX_VALUE)).size();
          progress.update(DemoPhase.SENTIMENT, Math.max(0, total - pending), total);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for sentiment", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("Sentiment of the demo comments failed", e.getCause());
        }
      }
      progress.update(DemoPhase.SENTIMENT, total, total);
    }

    // ---- tallies ----

    private List<DemoSummary.WeekTally> tallies(List<SimUser> users) {
      long[] signups = new long[weeks];
      long[] converted = new long[weeks];
      long[] silent = new long[weeks];
      long[] progressing = new long[weeks];
      long[] tickets = new long[weeks];
      long[] active = new long[weeks];
      long[][] areaUsers = new long[weeks][EventKind.AREAS];
      List<Map<String, Long>> bySource = new ArrayList<>();
      List<Map<String, Long>> byPlan = new ArrayList<>();
      for (int w = 0; w < weeks; w++) {
        bySource.add(new TreeMap<>());
        byPlan.add(new TreeMap<>());
      }
      for (SimUser u : users) {
        int w = u.signupWeek();
        if (w >= 0 && w < weeks) {
          signups[w]++;
          bySource.get(w).merge(u.source(), 1L, Long::sum);
          byPlan.get(w).merge(u.plan(), 1L, Long::sum);
          if (u.converted()) {
            converted[w]++;
          } else if (u.silent()) {
            silent[w]++;
          } else {
            progressing[w]++;
          }
          tickets[w] += u.onboardingTicket() ? 1 : 0;
        }
        for (int k = 0; k < weeks; k++) {
          if (u.active()[k]) {
            active[k]++;
            for (int a = 0; a < EventKind.AREAS; a++) {
              areaUsers[k][a] += (u.areaMask()[k] & (1 << a)) != 0 ? 1 : 0;
            }
          }
        }
      }
      List<DemoSummary.WeekTally> out = new ArrayList<>();
      for (int w = 0; w < weeks; w++) {
        List<Long> areas = new ArrayList<>();
        for (long a : areaUsers[w]) {
          areas.add(a);
        }
        out.add(
            new DemoSummary.WeekTally(
                cal.week(w), signups[w], bySource.get(w), byPlan.get(w), converted[w], silent[w], progressing[w], tickets[w],
                active[w], areas, replay.sampled[w], replay.impressions[w], replay.dismissals[w], replay.answers[w],
                replay.scoreSums[w], replay.comments[w]));
      }
      return out;
    }
  }
}
