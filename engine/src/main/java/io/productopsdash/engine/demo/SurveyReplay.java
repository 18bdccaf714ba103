package io.productopsdash.engine.demo;

import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.Eligibility;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo's weekly survey, replayed through the real {@link SurveyLoop}: each active user's
 * first visit of a week asks for eligibility, then shows, dismisses or answers as a user would;
 * visits run in parallel (their order does not matter), answers one by one in time order so
 * answer ids, and hence clustering ties, are the same in every run. Counts what it did per week,
 * with its own code, for {@link DemoSummary}.
 */
final class SurveyReplay {
  private static final int SURVEY_THREADS = 16;
  /** Roughly one comment in this many carries an email or phone number (only complaints do). */
  private static final int CONTACT_EVERY = 150;

  private final DemoSettings settings;
  private final DemoCalendar cal;
  private final DemoProgress progress;
  private final int weeks = DemoSettings.WEEKS;
  final long[] sampled = new long[DemoSettings.WEEKS];
  final long[] impressions = new long[DemoSettings.WEEKS];
  final long[] dismissals = new long[DemoSettings.WEEKS];
  final long[] answers = new long[DemoSettings.WEEKS];
  final long[] scoreSums = new long[DemoSettings.WEEKS];
  final long[] comments = new long[DemoSettings.WEEKS];
  private long personalData;
  private final Map<String, String> storedAnswers = new TreeMap<>();

  SurveyReplay(DemoSettings settings, DemoCalendar cal, DemoProgress progress) {
    this.settings = settings;
    this.cal = cal;
    this.progress = progress;
  }

  long totalAnswers() {
    return sum(answers);
  }

  static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  /** Comments planted with an email or phone number. */
  long personalData() {
    return personalData;
  }

  /** What one visit of one week led to. */
  private record Visit(SimUser user, int week, long at, boolean eligible, boolean shown, boolean dismissed, Pending answer) {}

  /** An answer to submit, with its topic (null: no comment) and score. */
  private record Pending(SimUser user, int week, long at, int score, Topic topic) {}

  void run(List<SimUser> users, Survey survey, SurveyLoop loop) {
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

  /** SHA-256 over every stored answer (response id, score, comment), in response id order. */
  String hash() {
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
}
