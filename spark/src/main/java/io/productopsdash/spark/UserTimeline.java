package io.productopsdash.spark;

import io.productopsdash.definitions.metrics.FeatureAreaMatcher;
import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.OnboardingRule;
import io.productopsdash.definitions.metrics.SessionRule;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import io.productopsdash.models.rollup.OnboardingOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one user's activity events say, by the embedded engine's definitions: the events (track,
 * page, screen; at or before the evaluation instant) sorted by timestamp, then by the order they
 * would have been stored in, are split into sessions ({@link SessionRule}); the signup is the
 * first signup track event; the onboarding facts, the usage of each ISO week (by the week of each
 * session's first event) and the week each feature area was first used follow the definitions
 * of the engine's {@code OnboardingRollup}, {@code UsageRollup} and {@code SatisfactionByUsage}.
 * The Spark job computes one of these per user and sums them up across users.
 */
final class UserTimeline {
  /** One activity event of the user. */
  record Event(long ts, Kind kind, String name, String path, String source, String signupTrait) {}

  /** The Segment call type of an activity event. */
  enum Kind {
    TRACK,
    PAGE,
    SCREEN
  }

  /** What the per-user computation needs to know, fixed for a run; built once per task. */
  static final class Context {
    final String signupEvent;
    final Set<String> transactionEvents;
    final String ticketEvent;
    final int areas;
    final long firstWeek;
    final long lastWeek;
    final long asOf;
    final long window;
    final FeatureAreaMatcher matcher;
    final LocalDays days;

    /** For the ISO week indices ({@link LocalDays}) {@code firstWeek} to {@code lastWeek}. */
    Context(MetricsConfig config, long firstWeek, long lastWeek, long asOf) {
      this.signupEvent = config.signupEvent();
      this.transactionEvents = Set.copyOf(config.firstTransactionEvents());
      this.ticketEvent = config.supportTicketEvent();
      this.areas = config.featureAreas().size();
      this.firstWeek = firstWeek;
      this.lastWeek = lastWeek;
      this.asOf = asOf;
      this.window = OnboardingRule.windowMillis(config.conversionWindowDays());
      this.matcher = new FeatureAreaMatcher(config.featureAreas());
      // Exact for any instant from 1900 to the evaluation instant (later events are left out).
      this.days = LocalDays.of(config.zone(), -2_208_988_800_000L, Math.max(asOf, 0));
    }
  }

  /** One ISO week of the user's usage: only weeks with a session that started in them. */
  record Week(long week, int sessions, double seconds, long events, int[] areaEvents, int[] areaDays) {}

  /** One feature or page the user used in a week: events, sessions touching it, their length. */
  record Feature(long week, String kind, String key, long events, long sessions, long millis) {}

  /**
   * The facts of one user. {@code signupWeek} is null without a signup; the onboarding fields
   * are set for users with one ({@code hours}, {@code steps}, {@code sessionsToTransaction} and
   * {@code days} only when converted); {@code firstAreaWeek[a]} is {@link Long#MAX_VALUE} for an
   * area never used.
   */
  record Facts(
      String user,
      Long signupWeek,
      String source,
      String signupTrait,
      OnboardingOutcome outcome,
      Double hours,
      Double steps,
      Double sessionsToTransaction,
      Double days,
      int tickets,
      boolean convertedAfterWindow,
      List<Week> weeks,
      List<Feature> features,
      long[] firstAreaWeek) {}

  private UserTimeline() {}

  /** The facts of {@code user} from its events, sorted and at or before the instant; not empty. */
  static Facts of(String user, List<Event> events, Context ctx) {
    int n = events.size();
    long[] ts = new long[n];
    long[] areas = new long[n];
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      ts[i] = e.ts();
      areas[i] = ctx.matcher.mask(e.name(), e.path());
    }
    int[] sessionOf = new int[n];
    int sessions = sessions(ts, sessionOf);
    int signup = -1;
    for (int i = 0; i < n && signup < 0; i++) {
      if (isTrack(events.get(i), ctx.signupEvent)) {
        signup = i;
      }
    }
    Onboarding onboarding = signup < 0 ? null : onboarding(events, ts, sessionOf, signup, ctx);
    List<Week> weeks = new ArrayList<>();
    List<Feature> features = new ArrayList<>();
    usage(events, ts, areas, sessionOf, sessions, ctx, weeks, features);
    long[] firstAreaWeek = new long[ctx.areas];
    Arrays.fill(firstAreaWeek, Long.MAX_VALUE);
    long seen = 0;
    for (int i = 0; i < n; i++) {
      long fresh = areas[i] & ~seen;
      while (fresh != 0) {
        int bit = Long.numberOfTrailingZeros(fresh);
        firstAreaWeek[bit] = ctx.days.weekIndex(ts[i]);
        seen |= 1L << bit;
        fresh &= fresh - 1;
      }
    }
    if (onboarding == null) {
      return new Facts(user, null, null, null, OnboardingOutcome.NO_SIGNUP, null, null, null, null, 0, false, weeks,
          features, firstAreaWeek);
    }
    return new Facts(
        user, onboarding.signupWeek(), onboarding.source(), onboarding.signupTrait(), onboarding.outcome(),
        onboarding.hours(), onboarding.steps(), onboarding.sessionsToTransaction(), onboarding.days(),
        onboarding.tickets(), onboarding.convertedAfterWindow(), weeks, features, firstAreaWeek);
  }

  private static boolean isTrack(Event e, String name) {
    return e.kind() == Kind.TRACK && name != null && name.equals(e.name());
  }

  /** Numbers the sessions of the events; returns how many there are. */
  private static int sessions(long[] ts, int[] sessionOf) {
    int k = -1;
    long previous = 0;
    long first = 0;
    for (int i = 0; i < ts.length; i++) {
      if (i == 0 || SessionRule.startsNew(previous, first, ts[i])) {
        k++;
        first = ts[i];
      }
      sessionOf[i] = k;
      previous = ts[i];
    }
    return k + 1;
  }

  /** The onboarding part of a signed-up user's facts. */
  private record Onboarding(
      long signupWeek,
      String source,
      String signupTrait,
      OnboardingOutcome outcome,
      Double hours,
      Double steps,
      Double sessionsToTransaction,
      Double days,
      int tickets,
      boolean convertedAfterWindow) {}

  private static Onboarding onboarding(List<Event> events, long[] ts, int[] sessionOf, int signup, Context ctx) {
    int n = ts.length;
    long signupTs = ts[signup];
    // A transaction stored just before a same-millisecond signup counts.
    int from = signup;
    while (from > 0 && ts[from - 1] == signupTs) {
      from--;
    }
    int tx = -1;
    for (int i = from; i < n && tx < 0; i++) {
      Event e = events.get(i);
      if (e.kind() == Kind.TRACK && ctx.transactionEvents.contains(e.name())) {
        tx = i;
      }
    }
    OnboardingOutcome outcome = OnboardingRule.outcome(signupTs, tx < 0 ? null : ts[tx], ts[n - 1], ctx.asOf, ctx.window);
    boolean converted = outcome == OnboardingOutcome.CONVERTED;
    long ticketsUntil = converted ? ts[tx] : Math.min(signupTs + ctx.window, ctx.asOf);
    int tickets = 0;
    int steps = 0;
    for (int i = from; i < n && ts[i] <= ticketsUntil; i++) {
      if (isTrack(events.get(i), ctx.ticketEvent)) {
        tickets++;
      }
      if (converted && ts[i] > signupTs && ts[i] < ts[tx]) {
        steps++;
      }
    }
    Event s = events.get(signup);
    long signupWeek = ctx.days.weekIndex(signupTs);
    if (!converted) {
      return new Onboarding(signupWeek, s.source(), s.signupTrait(), outcome, null, null, null, null, tickets, tx >= 0);
    }
    return new Onboarding(
        signupWeek, s.source(), s.signupTrait(), outcome, (ts[tx] - signupTs) / OnboardingRule.HOUR_MILLIS, (double) steps,
        (double) (sessionOf[tx] - sessionOf[signup] + 1), (double) (ctx.days.epochDay(ts[tx]) - ctx.days.epochDay(signupTs)),
        tickets, false);
  }

  /** Usage per week of the sessions that started in the reported weeks. */
  private static void usage(
      List<Event> events, long[] ts, long[] areas, int[] sessionOf, int sessionCount, Context ctx, List<Week> weeks,
      List<Feature> features) {
    int n = ts.length;
    int i = 0;
    long currentWeek = Long.MIN_VALUE;
    Accumulator acc = null;
    for (int k = 0; k < sessionCount; k++) {
      int first = i;
      while (i < n && sessionOf[i] == k) {
        i++;
      }
      int last = i - 1;
      long week = ctx.days.weekIndex(ts[first]);
      if (week < ctx.firstWeek || week > ctx.lastWeek) {
        continue;
      }
      if (week != currentWeek) {
        if (acc != null) {
          acc.flush(weeks, features);
        }
        currentWeek = week;
        acc = new Accumulator(week, ctx.areas);
      }
      long length = ts[last] - ts[first];
      acc.sessions++;
      acc.millis += length;
      acc.events += last - first + 1;
      long monday = LocalDays.mondayOf(week);
      Map<String, Feature> touched = new LinkedHashMap<>();
      for (int j = first; j <= last; j++) {
        Event e = events.get(j);
        String kind = e.kind() == Kind.TRACK ? FeatureUsage.EVENT : FeatureUsage.PAGE;
        String key = e.kind() == Kind.TRACK ? e.name() : e.path() != null ? e.path() : e.name();
        acc.feature(kind, key == null ? KeyCount.NONE : key, touched);
        long mask = areas[j];
        if (mask != 0) {
          long day = Math.min(63, Math.max(0, ctx.days.epochDay(ts[j]) - monday));
          while (mask != 0) {
            int bit = Long.numberOfTrailingZeros(mask);
            acc.areaEvents[bit]++;
            acc.areaDays[bit] |= 1L << day;
            mask &= mask - 1;
          }
        }
      }
      acc.sessionDone(touched, length);
    }
    if (acc != null) {
      acc.flush(weeks, features);
    }
  }

  /** One week of one user, being added up. */
  private static final class Accumulator {
    final long week;
    int sessions;
    long millis;
    long events;
    final int[] areaEvents;
    final long[] areaDays;
    /** Per feature (kind, NUL, key): events, sessions, millis. */
    final Map<String, long[]> features = new LinkedHashMap<>();

    Accumulator(long week, int areas) {
      this.week = week;
      this.areaEvents = new int[areas];
      this.areaDays = new long[areas];
    }

    void feature(String kind, String key, Map<String, Feature> touched) {
      String id = kind + '\u0000' + key;
      features.computeIfAbsent(id, k -> new long[3])[0]++;
      touched.putIfAbsent(id, null);
    }

    /** Each feature the session touched counts the session once, with its length. */
    void sessionDone(Map<String, Feature> touched, long length) {
      for (String id : touched.keySet()) {
        long[] f = features.get(id);
        f[1]++;
        f[2] += length;
      }
    }

    void flush(List<Week> weeks, List<Feature> out) {
      int[] days = new int[areaDays.length];
      for (int a = 0; a < days.length; a++) {
        days[a] = Long.bitCount(areaDays[a]);
      }
      weeks.add(new Week(week, sessions, millis / 1000.0, events, areaEvents.clone(), days));
      features.forEach((id, f) -> {
        int cut = id.indexOf('\u0000');
        out.add(new Feature(week, id.substring(0, cut), id.substring(cut + 1), f[0], f[1], f[2]));
      });
    }
  }
}
