package io.productopsdash.engine.demo;

import static io.productopsdash.engine.demo.DemoCalendar.DAY;
import static io.productopsdash.engine.demo.DemoCalendar.HOUR;
import static io.productopsdash.engine.demo.DemoCalendar.MINUTE;

import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.rollup.KeyCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One user's life in the example wallet app, from a seeded stream of its own: an anonymous visit
 * to the website, the signup session (identify, "Signed Up", wallet creation, the seed-phrase
 * backup that confused many people until the fix of week 7), sessions until the first deposit or
 * a give-up, then weekly sessions in the three feature areas until the user churns. Sessions are
 * laid out at least {@link #SESSION_GAP} apart and their events at most {@link #MAX_STEP} apart,
 * so the 30-minute rule of PRODUCT.md §2 finds exactly these sessions.
 */
final class UserSimulator {
  /** Least pause between two sessions: well above the 30-minute session rule. */
  static final long SESSION_GAP = 45 * MINUTE;
  /** Longest pause between two events of a session. */
  static final long MAX_STEP = 200_000L;
  /** The onboarding conversion window of the metrics configuration. */
  static final long WINDOW = 30 * DAY;
  /** Silence that makes a not-converted user a give-up. */
  static final long SILENCE = 30 * DAY;

  static final String[] SOURCES = {"organic", "app_store", "google", "twitter", "referral", "newsletter", KeyCount.NONE};
  private static final String[] PLANS = {"free", "plus", "pro"};
  private static final double[] PLAN_WEIGHTS = {0.72, 0.20, 0.08};
  private static final String[] COUNTRIES = {"US", "DE", "GB", "IN", "BR", "NG", "FR", "ES", "CA", "NL", "PL", "PH"};
  private static final double[] COUNTRY_WEIGHTS = {28, 12, 10, 10, 8, 7, 6, 5, 5, 3, 3, 3};
  private static final String[] PLATFORMS = {"ios", "android", "web"};
  private static final double[] PLATFORM_WEIGHTS = {0.42, 0.43, 0.15};
  private static final double[] HOUR_WEIGHTS = {
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 1.6, 1.4, 1.3, 1.5, 1.4, 1.2, 1.2, 1.3, 1.5, 1.8, 2.0, 2.1, 1.9, 1.4, 0.8
  };
  private static final EventKind[] LANDING = {
    EventKind.PAGE_FEATURES, EventKind.PAGE_PRICING, EventKind.PAGE_SECURITY, EventKind.PAGE_DOWNLOAD
  };
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final String[] METHODS = {"card", "bank_transfer", "crypto"};
  private static final String[] PAIRS = {"ETH/BTC", "BTC/ETH", "USDT/ETH", "ETH/USDC", "MATIC/ETH", "BTC/USDT"};

  private final long seed;
  private final DemoCalendar cal;

  UserSimulator(long seed, DemoCalendar cal) {
    this.seed = seed;
    this.cal = cal;
  }

  /**
   * Relative weight of each of {@link #SOURCES} in week {@code w}: ads and referrals send signups
   * from week 1 and grow from weeks 3 and 8; a Twitter launch peaks in week 5.
   */
  static double[] sourceWeights(int w) {
    return new double[] {
      0.30, 0.20, w < 2 ? 0.05 : 0.18, w == 4 ? 0.40 : w == 5 ? 0.14 : 0.05, w < 7 ? 0.07 : 0.17, 0.05, 0.03
    };
  }

  /** One planned event. {@code plan} is the plan an identify call announces. */
  private record Step(EventKind kind, boolean anonymous, String properties, String context, String plan) {
    static Step of(EventKind kind) {
      return new Step(kind, false, null, null, null);
    }
  }

  /** A planned session: where it should start and its events in order; times are given by the layout. */
  private static final class Session {
    final long desired;
    final List<Step> steps = new ArrayList<>();
    long[] ts;

    Session(long desired) {
      this.desired = desired;
    }

    Session add(EventKind kind) {
      steps.add(Step.of(kind));
      return this;
    }
  }

  /**
   * Simulates user {@code index} who wants to sign up at {@code desiredSignup} (epoch ms, inside
   * week {@code signupWeek}); appends the user's events to {@code out}.
   */
  SimUser simulate(int index, long desiredSignup, int signupWeek, List<Event> out) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 3, index));
    String userId = String.format("usr_%06d", index + 1);
    String anonymousId = "anon-" + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(1, 13);
    String plan = PLANS[pick(r, PLAN_WEIGHTS)];
    String country = COUNTRIES[pick(r, COUNTRY_WEIGHTS)];
    String platform = PLATFORMS[pick(r, PLATFORM_WEIGHTS)];
    double e = Math.min(0.98, Math.max(0.05, (r.nextDouble() + r.nextDouble()) / 2 + (plan.equals("pro") ? 0.1 : 0)));
    boolean swapUser = r.nextDouble() < 0.2 + 0.5 * e;
    boolean chainUser = r.nextDouble() < 0.15 + 0.55 * e;
    String source = SOURCES[pick(r, sourceWeights(signupWeek))];
    List<Session> sessions = new ArrayList<>();

    // Before signing up: a look at the website, as an anonymous visitor.
    if (r.nextDouble() < 0.65) {
      Session visit = new Session(desiredSignup - 2 * HOUR - (long) (r.nextDouble() * 70 * HOUR));
      visit.steps.add(new Step(EventKind.PAGE_WELCOME, true, null, null, null));
      int pages = 1 + r.nextInt(3);
      for (int i = 0; i < pages; i++) {
        visit.steps.add(new Step(LANDING[r.nextInt(LANDING.length)], true, null, null, null));
      }
      sessions.add(visit);
    }

    // The signup session.
    Session signup = new Session(desiredSignup - 2 * MINUTE);
    signup.steps.add(new Step(EventKind.PAGE_SIGNUP, true, null, null, null));
    signup.steps.add(new Step(EventKind.IDENTIFY, false, null, null, plan));
    signup.steps.add(new Step(EventKind.SIGNED_UP, false, signupProperties(source, platform, r), signupContext(source, platform), null));
    signup.add(EventKind.WALLET_CREATED).add(EventKind.BACKUP_STARTED);
    // The clearer backup screen shipped in week 7 (index 6).
    boolean struggle = r.nextDouble() < (signupWeek < 6 ? 0.38 : 0.12);
    boolean skipped = false;
    if (struggle) {
      int failures = 1 + r.nextInt(3);
      for (int i = 0; i < failures; i++) {
        signup.add(EventKind.BACKUP_FAILED);
      }
      skipped = r.nextDouble() >= 0.55;
      signup.add(skipped ? EventKind.BACKUP_SKIPPED : EventKind.BACKUP_DONE);
    } else {
      signup.add(EventKind.BACKUP_DONE);
    }
    signup.add(EventKind.PAGE_WALLET).add(EventKind.BALANCE_VIEWED);
    sessions.add(signup);

    List<Session> onboarding = new ArrayList<>();
    onboarding.add(signup);
    boolean depositFailed = false;
    double pConvert = 0.66 - (struggle ? 0.2 : 0) + (e - 0.5) * 0.5 + (plan.equals("pro") ? 0.08 : 0);
    long depositDesired = -1;
    if (r.nextDouble() < pConvert) {
      double u = r.nextDouble();
      double inSession = struggle ? 0.12 : 0.28;
      if (u < inSession) {
        signup.add(EventKind.PAGE_DEPOSIT).add(EventKind.DEPOSIT_STARTED);
        if (r.nextDouble() < 0.12) {
          signup.add(EventKind.DEPOSIT_FAILED);
          depositFailed = true;
        }
        signup.steps.add(new Step(EventKind.DEPOSIT_COMPLETED, false, depositProperties(r), null, null));
        depositDesired = desiredSignup;
      } else {
        double v = r.nextDouble();
        long delay;
        if (v < 0.47) {
          delay = DAY + (long) (r.nextDouble() * 2 * DAY);
        } else if (v < 0.78) {
          delay = 3 * DAY + (long) (r.nextDouble() * 11 * DAY);
        } else if (v < 0.92) {
          delay = 14 * DAY + (long) (r.nextDouble() * 14 * DAY);
        } else {
          delay = 31 * DAY + (long) (r.nextDouble() * 14 * DAY);
        }
        depositDesired = desiredSignup + delay;
        int between = (int) Math.min(6, delay / DAY / 2) + (r.nextDouble() < 0.5 ? 1 : 0);
        for (int i = 0; i < between; i++) {
          Session s = new Session(desiredSignup + 2 * HOUR + (long) (r.nextDouble() * (delay - 4 * HOUR)));
          s.add(EventKind.PAGE_WALLET).add(EventKind.BALANCE_VIEWED);
          if (skipped && i == 0) {
            s.add(EventKind.BACKUP_STARTED).add(EventKind.BACKUP_DONE);
          }
          if (r.nextDouble() < 0.3) {
            s.add(EventKind.PAGE_DEPOSIT).add(EventKind.DEPOSIT_STARTED);
            if (r.nextDouble() < 0.4) {
              s.add(EventKind.DEPOSIT_FAILED);
              depositFailed = true;
            }
          }
          sessions.add(s);
          onboarding.add(s);
        }
        Session deposit = new Session(depositDesired);
        deposit.add(EventKind.PAGE_WALLET).add(EventKind.PAGE_DEPOSIT).add(EventKind.DEPOSIT_STARTED);
        deposit.steps.add(new Step(EventKind.DEPOSIT_COMPLETED, false, depositProperties(r), null, null));
        deposit.add(EventKind.BALANCE_VIEWED);
        sessions.add(deposit);
      }
    } else {
      // Never deposits: a few more tries over up to three weeks, then silence.
      long horizon = (long) (r.nextDouble() * 21 * DAY);
      int tries = horizon < 2 * HOUR ? 0 : (int) Math.min(5, horizon / DAY / 3) + (r.nextDouble() < 0.5 ? 1 : 0);
      for (int i = 0; i < tries; i++) {
        Session s = new Session(desiredSignup + HOUR + (long) (r.nextDouble() * (horizon - HOUR)));
        s.add(EventKind.PAGE_WALLET).add(EventKind.BALANCE_VIEWED);
        if (r.nextDouble() < 0.45) {
          s.add(EventKind.PAGE_DEPOSIT).add(EventKind.DEPOSIT_STARTED);
          if (r.nextDouble() < 0.5) {
            s.add(EventKind.DEPOSIT_FAILED);
            depositFailed = true;
          }
        }
        if (skipped && r.nextDouble() < 0.3) {
          s.add(EventKind.BACKUP_STARTED);
        }
        sessions.add(s);
        onboarding.add(s);
      }
    }
    double pTicket = (struggle ? 0.28 : 0.06) + (depositFailed ? 0.25 : 0);
    if (r.nextDouble() < pTicket) {
      onboarding.get(r.nextInt(onboarding.size())).add(EventKind.TICKET);
    }

    // Weekly use after the first deposit, until the user churns.
    if (depositDesired >= 0) {
      int first = cal.weekIndex(depositDesired);
      boolean upgraded = false;
      for (int w = Math.max(first, 0); w < DemoSettings.WEEKS; w++) {
        if (w > first && r.nextDouble() < 0.08 + 0.14 * (1 - e)) {
          break;
        }
        if (w > first && r.nextDouble() >= 0.5 + 0.45 * e) {
          continue;
        }
        int n = 1 + poisson(r, 0.4 + 3.0 * e);
        n = Math.min(n, 9);
        for (int i = 0; i < n; i++) {
          long desired = cal.at(w, r.nextInt(7), hour(r), r.nextInt(60), r.nextInt(60));
          if (desired < depositDesired + HOUR) {
            continue;
          }
          Session s = new Session(desired);
          s.add(EventKind.PAGE_WALLET).add(EventKind.BALANCE_VIEWED);
          if (r.nextDouble() < 0.25) {
            s.add(EventKind.SEND);
          }
          if (r.nextDouble() < 0.2) {
            s.add(EventKind.RECEIVE);
          }
          if (swapUser && r.nextDouble() < 0.55) {
            s.add(EventKind.PAGE_SWAP);
            int swaps = 1 + r.nextInt(3);
            boolean failed = false;
            for (int k = 0; k < swaps; k++) {
              s.add(EventKind.SWAP_QUOTE);
              boolean fail = r.nextDouble() < swapFailure(w);
              failed |= fail;
              s.steps.add(new Step(fail ? EventKind.SWAP_FAILED : EventKind.SWAP_DONE, false,
                  "{\"pair\":\"" + PAIRS[r.nextInt(PAIRS.length)] + "\"}", null, null));
            }
            if (failed && r.nextDouble() < 0.1) {
              s.add(EventKind.TICKET);
            }
          }
          if (chainUser && r.nextDouble() < 0.5) {
            s.add(EventKind.PAGE_CHAINS);
            int switches = 1 + r.nextInt(3);
            for (int k = 0; k < switches; k++) {
              s.add(EventKind.NETWORK_SWITCHED);
            }
            if (r.nextDouble() < 0.12) {
              s.add(EventKind.CHAIN_ADDED);
            }
          }
          if (plan.equals("free") && !upgraded && r.nextDouble() < 0.03) {
            upgraded = true;
            s.steps.add(new Step(EventKind.IDENTIFY, false, null, null, r.nextDouble() < 0.8 ? "plus" : "pro"));
          }
          sessions.add(s);
        }
      }
    }

    layOut(sessions, r);
    return facts(index, userId, anonymousId, e, source, country, platform, sessions, out);
  }

  /* Swaps failed far more often during the incident of weeks 6 to 8 (indexes 5 to 7). */
  private static double swapFailure(int w) {
    return switch (w) {
      case 5 -> 0.32;
      case 6 -> 0.42;
      case 7 -> 0.28;
      default -> 0.05;
    };
  }

  /** Sessions in desired order, each starting no earlier than {@link #SESSION_GAP} after the previous one ended. */
  private static void layOut(List<Session> sessions, SplittableRandom r) {
    sessions.sort(Comparator.comparingLong(s -> s.desired));
    long previousEnd = Long.MIN_VALUE / 2;
    for (Session s : sessions) {
      long t = Math.max(s.desired, previousEnd + SESSION_GAP);
      s.ts = new long[s.steps.size()];
      for (int i = 0; i < s.ts.length; i++) {
        if (i > 0) {
          t += 5_000 + (long) (r.nextDouble() * (MAX_STEP - 5_000));
        }
        s.ts[i] = t;
      }
      previousEnd = t;
    }
  }

  private SimUser facts(
      int index, String userId, String anonymousId, double e, String source, String country, String platform,
      List<Session> sessions, List<Event> out) {
    long signupTs = -1;
    long depositTs = -1;
    long lastActivity = -1;
    long firstTicket = -1;
    long firstSwap = -1;
    long firstChain = -1;
    int failedSwapWeeks = 0;
    String plan = null;
    boolean[] active = new boolean[DemoSettings.WEEKS];
    int[] areaMask = new int[DemoSettings.WEEKS];
    long[] visit = new long[DemoSettings.WEEKS];
    Arrays.fill(visit, -1);
    List<Long> tickets = new ArrayList<>();
    int seq = 0;
    for (Session s : sessions) {
      long start = -1;
      int week = -1;
      for (int i = 0; i < s.steps.size(); i++) {
        long ts = s.ts[i];
        if (ts >= cal.asOf) {
          break;
        }
        Step step = s.steps.get(i);
        EventKind kind = step.kind();
        out.add(event(index, seq++, step, ts, userId, anonymousId, country, platform));
        if (kind == EventKind.IDENTIFY) {
          plan = step.plan();
          continue;
        }
        if (start < 0) {
          start = ts;
          week = cal.weekIndex(ts);
          if (week >= 0 && week < DemoSettings.WEEKS) {
            active[week] = true;
            // The widget asks at the first visit of the week, from the day after signup on.
            if (visit[week] < 0 && signupTs >= 0 && ts >= signupTs + DAY && ts + 20_000 < cal.asOf) {
              visit[week] = ts + 20_000;
            }
          }
        }
        lastActivity = ts;
        if (week >= 0 && week < DemoSettings.WEEKS && kind.area >= 0) {
          areaMask[week] |= 1 << kind.area;
        }
        switch (kind) {
          case SIGNED_UP -> signupTs = ts;
          case DEPOSIT_COMPLETED -> depositTs = depositTs < 0 ? ts : depositTs;
          case TICKET -> {
            tickets.add(ts);
            firstTicket = firstTicket < 0 ? ts : firstTicket;
          }
          case SWAP_FAILED -> {
            if (week >= 0 && week < DemoSettings.WEEKS) {
              failedSwapWeeks |= 1 << week;
            }
            firstSwap = firstSwap < 0 ? ts : firstSwap;
          }
          case PAGE_SWAP, SWAP_QUOTE, SWAP_DONE -> firstSwap = firstSwap < 0 ? ts : firstSwap;
          case PAGE_CHAINS, NETWORK_SWITCHED, CHAIN_ADDED -> firstChain = firstChain < 0 ? ts : firstChain;
          default -> {}
        }
      }
    }
    if (signupTs < 0) {
      throw new IllegalStateException("user " + userId + " has no signup before the end of the data");
    }
    boolean converted = depositTs >= 0 && depositTs - signupTs <= WINDOW;
    long ticketsUntil = converted ? depositTs : Math.min(signupTs + WINDOW, cal.asOf);
    boolean onboardingTicket = false;
    for (long t : tickets) {
      onboardingTicket |= t >= signupTs && t <= ticketsUntil;
    }
    boolean silent = !converted && cal.asOf - lastActivity >= SILENCE;
    return new SimUser(
        index, userId, e, source, plan, signupTs, cal.weekIndex(signupTs), depositTs, converted, silent, onboardingTicket,
        firstTicket, firstSwap, firstChain, failedSwapWeeks, active, areaMask, visit, seq);
  }

  private static Event event(
      int index, int seq, Step step, long ts, String userId, String anonymousId, String country, String platform) {
    EventKind kind = step.kind();
    boolean anonymous = step.anonymous();
    String traits = null;
    if (kind == EventKind.IDENTIFY) {
      traits = "{\"plan\":\"" + step.plan() + "\",\"country\":\"" + country + "\",\"platform\":\"" + platform + "\"}";
    }
    boolean linking = anonymous || kind == EventKind.IDENTIFY || kind == EventKind.SIGNED_UP;
    Instant at = Instant.ofEpochMilli(ts);
    return new Event(
        "demo-" + (index + 1) + "-" + seq,
        kind.type,
        kind.type == EventType.IDENTIFY ? null : kind.eventName,
        anonymous ? null : userId,
        linking ? anonymousId : null,
        null,
        at,
        at.plusMillis(1_500),
        kind.path,
        step.properties(),
        traits,
        step.context());
  }

  /** Where the signup came from, written the way each channel reports it (see MetricsConfig's source rule). */
  private static String signupProperties(String source, String platform, SplittableRandom r) {
    return switch (source) {
      case "organic", "app_store" -> "{\"source\":\"" + source + "\",\"platform\":\"" + platform + "\"}";
      case "referral" -> "{\"source\":\"referral\",\"referral_code\":\"R" + Integer.toString(1296 + r.nextInt(45000), 36).toUpperCase(java.util.Locale.ROOT)
          + "\",\"platform\":\"" + platform + "\"}";
      case "newsletter" -> "{\"utm_source\":\"newsletter\",\"utm_medium\":\"email\",\"platform\":\"" + platform + "\"}";
      default -> "{\"platform\":\"" + platform + "\"}";
    };
  }

  private static String signupContext(String source, String platform) {
    String campaign =
        switch (source) {
          case "google" -> ",\"campaign\":{\"source\":\"google\",\"medium\":\"cpc\",\"name\":\"wallet-search\"}";
          case "twitter" -> ",\"campaign\":{\"source\":\"twitter\",\"medium\":\"social\",\"name\":\"multichain-launch\"}";
          default -> "";
        };
    return "{\"device\":{\"type\":\"" + platform + "\"},\"locale\":\"en-US\"" + campaign + "}";
  }

  private static String depositProperties(SplittableRandom r) {
    int amount = 20 + r.nextInt(40) * 25;
    return "{\"amount\":" + amount + ",\"currency\":\"" + CURRENCIES[r.nextInt(CURRENCIES.length)] + "\",\"method\":\""
        + METHODS[r.nextInt(METHODS.length)] + "\"}";
  }

  static int hour(SplittableRandom r) {
    return pick(r, HOUR_WEIGHTS);
  }

  /** An index drawn with the given relative weights. */
  static int pick(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Knuth's Poisson draw; fine for the small means used here. */
  static int poisson(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }
}
