package io.productopsdash.engine.demo;

import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.SettingsRepository;
import io.productopsdash.data.events.EventStore;
import io.productopsdash.data.events.MetricsConfigRepository;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.text.enrich.SentimentWorker;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Eligibility;
import io.productopsdash.models.Event;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  private static final int SURVEY_THREADS = 16;
  private static final double[] SIGNUP_WEEK_WEIGHTS = {0.70, 0.74, 0.80, 0.83, 1.15, 0.95, 0.92, 0.98, 1.05, 1.10, 1.14, 1.20};
  private static final double[] DAY_WEIGHTS = {1.0, 1.0, 1.0, 1.0, 0.95, 1.15, 1.2};
  /** Roughly one comment in this many carries an email or phone number (only complaints do). */
  private static final int CONTACT_EVERY = 150;

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
    private final long[] sampled = new long[DemoSettings.WEEKS];
    private final long[] impressions = new long[DemoSettings.WEEKS];
    private final long[] dismissals = new long[DemoSettings.WEEKS];
    private final long[] answers = new long[DemoSettings.WEEKS];
    private final long[] scoreSums = new long[DemoSettings.WEEKS];
    private final long[] comments = new long[DemoSettings.WEEKS];
    private long personalData;
    private long events;
    private final Map<String, String> storedAnswers = new TreeMap<>();

    Generation(Database db, AnswerIndex index, DemoSettings settings, DemoProgress progress) {
      this.db = db;
      this.index = index;
      this.settings = settings;
      this.progress = progress;
      this.cal = new DemoCalendar(settings);
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
      runSurvey(users, survey, loop);
      int themeWeeks = runThemes(survey.seriesId());
      Clock sentimentAt = Clock.fixed(Instant.ofEpochMilli(cal.asOf).plus(Duration.ofHours(6)), settings.zone());
      CompletableFuture<SentimentWorker.Report> sentiment = ThemePipeline.startSentiment(db, sentimentAt);
      AnswerIndexer indexer = new AnswerIndexer(settings.zone());
      progress.update(DemoPhase.INDEX, 0, totalAnswers());
      int indexed = indexer.rebuild(db, index, (done, total) -> progress.update(DemoPhase.INDEX, done, total));
      progress.update(DemoPhase.INDEX, indexed, indexed);
      int requests = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId())).size();
      DemoSummary summary =
          new DemoSummary(
              settings.seed(), settings.users(), settings.firstWeek(), settings.lastWeek(), settings.zone(), settings.asOf(),
              survey.id(), events, tallies(users), totalAnswers(), sum(comments), personalData, hash(), themeWeeks, requests, indexed);
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
        throw new ConflictException("The demo data set needs an empty database; this one already holds surveys or events");
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

    // ---- the weekly survey ----

    /** What one visit of one week led to. */
    private record Visit(SimUser user, int week, long at, boolean eligible, boolean shown, boolean dismissed, Pending answer) {}

    /** An answer to submit, with its topic (null: no comment) and score. */
    private record Pending(SimUser user, int week, long at, int score, Topic topic) {}

    private void runSurvey(List<SimUser> users, Survey survey, SurveyLoop loop) {
      long totalVisits = 0;
      for (SimUser u : users) {
        for (long v : u.visit()) {
          totalVisits += v >= 0 ? 1 : 0;
        }
      }
      CommentBank bank = CommentBank.load(settings.seed());
      ExecutorService pool = Executors.newFixedThreadPool(SURVEY_THREADS, r -> {
        Thread t = new Thread(r, "demo-survey");
        t.setDaemon(true);
        return t;
      });
      long done = 0;
      int commentCounter = 0;
      progress.update(DemoPhase.SURVEY, 0, totalVisits);
      try {
        for (int w = 0; w < weeks; w++) {
          int week = w;
          List<SimUser> visitors = new ArrayList<>();
          for (SimUser u : users) {
            if (u.visit()[w] >= 0) {
              visitors.add(u);
            }
          }
          visitors.sort(Comparator.<SimUser>comparingLong(u -> u.visit()[week]).thenComparingInt(SimUser::index));
          List<Future<Visit>> futures = new ArrayList<>(visitors.size());
          for (SimUser u : visitors) {
            futures.add(pool.submit(() -> visit(loop, survey, u, week)));
          }
          List<Pending> pending = new ArrayList<>();
          for (Future<Visit> f : futures) {
            Visit v = join(f);
            sampled[w] += v.eligible() ? 1 : 0;
            impressions[w] += v.shown() ? 1 : 0;
            dismissals[w] += v.dismissed() ? 1 : 0;
            if (v.answer() != null) {
              pending.add(v.answer());
            }
            done++;
            if (done % 500 == 0) {
              progress.update(DemoPhase.SURVEY, done, totalVisits);
            }
          }
          pending.sort(Comparator.<Pending>comparingLong(Pending::at).thenComparingInt(p -> p.user().index()));
          for (Pending p : pending) {
            String comment = null;
            if (p.topic() != null) {
              commentCounter++;
              Topic topic = p.topic();
              if (commentCounter % CONTACT_EVERY == CONTACT_EVERY / 2 && p.score() <= 4) {
                topic = Topic.CONTACT;
              } else if (commentCounter % CONTACT_EVERY == CONTACT_EVERY / 2) {
                commentCounter--; // try again with the next complaint
              }
              comment = bank.next(topic);
              personalData += topic == Topic.CONTACT ? 1 : 0;
            }
            submit(loop, survey, p, comment);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      progress.update(DemoPhase.SURVEY, totalVisits, totalVisits);
    }

    private static Visit join(Future<Visit> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while replaying survey visits", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("Replaying a survey visit failed", e.getCause());
      }
    }

    /** One visit: ask the loop, then show, dismiss or plan an answer, as a user would. */
    private Visit visit(SurveyLoop loop, Survey survey, SimUser u, int w) {
      long at = u.visit()[w];
      Eligibility eligibility = loop.eligibility(survey.id(), u.userId(), Instant.ofEpochMilli(at));
      if (!eligibility.eligible()) {
        return new Visit(u, w, at, false, false, false, null);
      }
      SplittableRandom r = new SplittableRandom(Seeds.mix(settings.seed(), 5, u.index(), w));
      if (r.nextDouble() >= 0.93) {
        return new Visit(u, w, at, true, false, false, null); // left before the widget showed
      }
      long shownAt = at + 2_000;
      loop.recordImpression(survey.id(), u.userId(), Instant.ofEpochMilli(shownAt));
      double action = r.nextDouble();
      if (action < 0.6) {
        long answerAt = shownAt + 4_000 + r.nextInt(40_000);
        return new Visit(u, w, at, true, true, false, answer(r, u, w, answerAt));
      }
      if (action < 0.8) {
        loop.recordDismissal(survey.id(), u.userId(), Instant.ofEpochMilli(shownAt + 3_000 + r.nextInt(15_000)));
        return new Visit(u, w, at, true, true, true, null);
      }
      return new Visit(u, w, at, true, true, false, null);
    }

    /**
     * The user's answer: a topic from the week's mix adjusted to the user's situation, a score
     * around the topic's mean moved by the user's onboarding and usage, and whether a comment is
     * written (more often by unhappy users).
     */
    private Pending answer(SplittableRandom r, SimUser u, int w, long at) {
      boolean converted = u.depositTs() >= 0 && u.depositTs() <= at;
      boolean ticket = u.firstTicketTs() >= 0 && u.firstTicketTs() <= at;
      boolean swaps = u.firstSwapTs() >= 0 && u.firstSwapTs() <= at;
      boolean chains = u.firstChainTs() >= 0 && u.firstChainTs() <= at;
      boolean failedSwap = (u.failedSwapWeeks() & (1 << w)) != 0 || (w > 0 && (u.failedSwapWeeks() & (1 << (w - 1))) != 0);
      boolean newcomer = at - u.signupTs() < 21 * DemoCalendar.DAY;
      Topic[] topics = Topic.values();
      double[] weights = new double[topics.length];
      for (int t = 0; t < topics.length; t++) {
        weights[t] = topics[t].weight(w) * affinity(topics[t], converted, ticket, swaps, chains, failedSwap, newcomer, u.engagement());
      }
      Topic topic = topics[UserSimulator.pick(r, weights)];
      boolean incident = swaps && w >= 5 && w <= 7;
      double offset = (converted ? 0.6 : -0.5) + (ticket ? -0.4 : 0) + (chains ? 0.35 : 0) + (failedSwap ? -0.6 : 0)
          + (incident ? -0.3 : 0) + ("pro".equals(u.plan()) ? 0.2 : 0);
      double x = topic.meanScore() + offset + r.nextGaussian() * 0.9;
      int score = (int) Math.max(1, Math.min(7, Math.round(x)));
      double pComment = score <= 3 ? 0.85 : score <= 5 ? 0.72 : 0.55;
      return new Pending(u, w, at, score, r.nextDouble() < pComment ? topic : null);
    }

    private static double affinity(
        Topic t, boolean converted, boolean ticket, boolean swaps, boolean chains, boolean failedSwap, boolean newcomer, double e) {
      return switch (t) {
        case SWAP_FAILED -> swaps ? (failedSwap ? 5.0 : 1.8) : 0.2;
        case SEED_BACKUP -> newcomer ? 2.2 : 0.5;
        case LIGHTNING, NETWORKS -> chains ? 1.8 : 0.6;
        case HARDWARE -> e > 0.6 ? 1.6 : 0.7;
        case DEPOSIT, VERIFY -> converted ? 0.4 : 2.2;
        case PRAISE -> converted ? 1.2 : 0.4;
        case SUPPORT -> ticket ? 4.0 : 0.5;
        case FEES -> swaps ? 1.3 : 0.9;
        default -> 1.0;
      };
    }

    private void submit(SurveyLoop loop, Survey survey, Pending p, String comment) {
      WeekId week = cal.week(p.week());
      String responseId = "demo-" + week + "-" + p.user().userId();
      SurveyLoop.AnswerResult result =
          loop.submitAnswer(
              survey.id(),
              new AnswerSubmission(responseId, p.user().userId(), p.score(), comment, "en-US", "https://wallet.example.com/wallet"),
              Instant.ofEpochMilli(p.at()));
      if (!result.created() || !result.answer().week().equals(week)) {
        throw new IllegalStateException("The demo answer " + responseId + " was not stored as new in " + week);
      }
      answers[p.week()]++;
      scoreSums[p.week()] += result.answer().score();
      if (result.answer().comment() != null) {
        comments[p.week()]++;
      }
      storedAnswers.put(responseId, week + "\u0000" + result.answer().score() + "\u0000" + result.answer().comment());
    }

    // ---- themes, sentiment, index ----

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
      long total = sum(comments);
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

    private long totalAnswers() {
      return sum(answers);
    }

    private static long sum(long[] values) {
      long s = 0;
      for (long v : values) {
        s += v;
      }
      return s;
    }

    private String hash() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        storedAnswers.forEach(
            (id, text) -> {
              sha.update(id.getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0);
              sha.update(text.getBytes(StandardCharsets.UTF_8));
              sha.update((byte) '\n');
            });
        return HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }

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
                active[w], areas, sampled[w], impressions[w], dismissals[w], answers[w], scoreSums[w], comments[w]));
      }
      return out;
    }
  }
}
