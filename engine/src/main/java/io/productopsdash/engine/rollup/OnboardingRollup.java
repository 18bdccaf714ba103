package io.productopsdash.engine.rollup;

import io.productopsdash.data.events.EventColumns;
import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.OnboardingRule;
import io.productopsdash.definitions.metrics.Percentiles;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingOutcome;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SupportTickets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Onboarding per signup-week cohort, as of an evaluation instant {@code asOf} (events after it do
 * not exist for this rollup). Signup as in {@link AcquisitionRollup}; the cohort is the ISO week
 * of the signup. For each cohort user:
 *
 * <ul>
 *   <li>first transaction: the first (by timestamp, then rowid) track event named in {@code
 *       firstTransactionEvents} at or after the signup's timestamp; <b>converted</b> when it came
 *       within {@code conversionWindowDays} × 24 h of the signup (inclusive);
 *   <li>for converted users: hours to first transaction; <b>steps</b>, the activity events with a
 *       timestamp strictly between signup and first transaction; <b>sessions</b> ({@link
 *       Sessionizer}) holding any event from signup to first transaction, both included;
 *       <b>days</b>, calendar days in the zone from the signup's date to the first transaction's
 *       (0 = same day). Each is summarised with mean, median, p75 and p90 ({@link Percentiles});
 *   <li><b>support tickets</b>: {@code supportTicketEvent} events from signup to first transaction
 *       (both included) for converted users; from signup to {@code min(signup + window, asOf)}
 *       for the others; reported as tickets per cohort user and the share with at least one;
 *   <li>not converted: a <b>silent give-up</b> when {@code asOf} minus the user's last activity
 *       event is 30 days or more, else <b>in progress</b> ({@link OnboardingRule}); those whose first transaction came
 *       after the window are also counted, informatively, as {@code convertedAfterWindow}.
 * </ul>
 */
public final class OnboardingRollup {
  private OnboardingRollup() {}

  public static OnboardingReport of(EventLog log, MetricsConfig config, WeekId from, WeekId to, Instant asOf) {
    long asOfMillis = asOf.toEpochMilli();
    LocalDays days = LocalDays.of(config.zone(), log.minTs(), Math.max(log.maxTs(), log.minTs()));
    Sessions sessions = Sessionizer.of(log, asOfMillis);
    long firstWeek = LocalDays.weekIndex(from);
    int weeks = (int) (LocalDays.weekIndex(to) - firstWeek + 1);
    Cohort[] cohorts = new Cohort[weeks];
    for (int w = 0; w < weeks; w++) {
      cohorts[w] = new Cohort();
    }
    Users users = new Users(log, config, asOfMillis, days);
    int support = config.supportTicketEvent() == null ? -1 : log.stringId(config.supportTicketEvent());
    long window = OnboardingRule.windowMillis(config.conversionWindowDays());
    for (int u = 0; u < log.userCount(); u++) {
      int s = users.signup(u);
      if (s < 0) {
        continue;
      }
      long w = users.signupWeekIndex(u) - firstWeek;
      if (w < 0 || w >= weeks) {
        continue;
      }
      Cohort c = cohorts[(int) w];
      c.users++;
      long signupTs = log.ts(s);
      int end = sessions.eventEnd(u);
      int from0 = users.searchFrom(u);
      int tx = users.firstTransaction(u);
      OnboardingOutcome outcome = users.outcome(u, tx);
      boolean converted = outcome == OnboardingOutcome.CONVERTED;
      long ticketsUntil = converted ? log.ts(tx) : Math.min(signupTs + window, asOfMillis);
      int tickets = 0;
      int steps = 0;
      for (int i = from0; i < end && log.ts(i) <= ticketsUntil; i++) {
        if (support >= 0 && log.name(i) == support && log.type(i) == EventColumns.TRACK) {
          tickets++;
        }
        if (converted && log.ts(i) > signupTs && log.ts(i) < log.ts(tx)) {
          steps++;
        }
      }
      c.tickets += tickets;
      c.usersWithTickets += tickets > 0 ? 1 : 0;
      if (converted) {
        long txTs = log.ts(tx);
        c.add((txTs - signupTs) / OnboardingRule.HOUR_MILLIS, steps, sessions.sessionOf(u, tx) - sessions.sessionOf(u, s) + 1,
            days.epochDay(txTs) - days.epochDay(signupTs));
      } else {
        if (tx >= 0) {
          c.convertedAfterWindow++;
        }
        if (outcome == OnboardingOutcome.SILENT_GIVE_UP) {
          c.silent++;
        } else {
          c.inProgress++;
        }
      }
    }
    List<OnboardingCohort> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      WeekId week = LocalDays.week(firstWeek + w);
      Instant closes = windowClosesAt(week, config);
      out.add(cohorts[w].result(week, !asOf.isBefore(closes), closes));
    }
    return new OnboardingReport(from, to, asOf, config.conversionWindowDays(), out);
  }

  /**
   * When the conversion window of {@code week}'s cohort closes: the window after the end of the
   * week (its last signup's window). From then on the cohort is complete.
   */
  public static Instant windowClosesAt(WeekId week, MetricsConfig config) {
    return io.productopsdash.definitions.metrics.WeekCompleteness.windowClosesAt(week, config);
  }

  /** Per string id: whether it is one of {@code names}. */
  static boolean[] flags(EventLog log, List<String> names) {
    boolean[] out = new boolean[log.stringCount()];
    for (String n : names) {
      int id = log.stringId(n);
      if (id >= 0) {
        out[id] = true;
      }
    }
    return out;
  }

  /**
   * Each user's signup and onboarding outcome as of one instant: the one definition behind the
   * onboarding cohorts and the satisfaction breakdowns ({@link SatisfactionByUsage}). Signup as
   * in {@link Signups#first}; the signup week is its ISO week in the configured zone; the first
   * transaction, conversion, silent give-up and in progress as in the class comment.
   */
  static final class Users {
    private final EventLog log;
    private final LocalDays days;
    private final long asOf;
    private final long window;
    private final boolean[] transaction;
    private final int[] signup;

    Users(EventLog log, MetricsConfig config, long asOfMillis, LocalDays days) {
      this.log = log;
      this.days = days;
      this.asOf = asOfMillis;
      this.window = OnboardingRule.windowMillis(config.conversionWindowDays());
      this.transaction = flags(log, config.firstTransactionEvents());
      this.signup = Signups.first(log, config, asOfMillis);
    }

    /** The event index of user {@code u}'s signup, or -1 when none came up to the instant. */
    int signup(int u) {
      return signup[u];
    }

    /** The week index ({@link LocalDays}) of user {@code u}'s signup; the user must have one. */
    long signupWeekIndex(int u) {
      return days.weekIndex(log.ts(signup[u]));
    }

    /**
     * Where the search for the first transaction starts: the first of the user's events sharing
     * the signup's timestamp, so a deposit stored just before a same-millisecond signup counts.
     */
    int searchFrom(int u) {
      int s = signup[u];
      long signupTs = log.ts(s);
      while (s > log.start(u) && log.ts(s - 1) == signupTs) {
        s--;
      }
      return s;
    }

    /** The event index of user {@code u}'s first transaction up to the instant, or -1. */
    int firstTransaction(int u) {
      if (signup[u] < 0) {
        return -1;
      }
      int end = log.end(u, asOf);
      for (int i = searchFrom(u); i < end; i++) {
        if (log.type(i) == EventColumns.TRACK && log.name(i) >= 0 && transaction[log.name(i)]) {
          return i;
        }
      }
      return -1;
    }

    /** User {@code u}'s outcome. */
    OnboardingOutcome outcome(int u) {
      return outcome(u, firstTransaction(u));
    }

    /** User {@code u}'s outcome, given its {@link #firstTransaction} {@code tx}. */
    OnboardingOutcome outcome(int u, int tx) {
      int s = signup[u];
      if (s < 0) {
        return OnboardingOutcome.NO_SIGNUP;
      }
      return OnboardingRule.outcome(log.ts(s), tx < 0 ? null : log.ts(tx), log.ts(log.end(u, asOf) - 1), asOf, window);
    }
  }

  /** Accumulates one cohort. */
  private static final class Cohort {
    long users;
    long silent;
    long inProgress;
    long convertedAfterWindow;
    long tickets;
    long usersWithTickets;
    int converted;
    double[] hours = new double[16];
    double[] steps = new double[16];
    double[] sessions = new double[16];
    double[] days = new double[16];

    void add(double h, int stepCount, int sessionCount, long dayCount) {
      if (converted == hours.length) {
        hours = Arrays.copyOf(hours, converted * 2);
        steps = Arrays.copyOf(steps, converted * 2);
        sessions = Arrays.copyOf(sessions, converted * 2);
        days = Arrays.copyOf(days, converted * 2);
      }
      hours[converted] = h;
      steps[converted] = stepCount;
      sessions[converted] = sessionCount;
      days[converted] = dayCount;
      converted++;
    }

    OnboardingCohort result(WeekId week, boolean complete, Instant windowClosesAt) {
      Double rate = users == 0 ? null : (double) converted / users;
      SupportTickets support =
          new SupportTickets(
              tickets, usersWithTickets, users == 0 ? null : (double) tickets / users,
              users == 0 ? null : (double) usersWithTickets / users);
      return new OnboardingCohort(
          week, users, converted, rate,
          Percentiles.distribution(hours, converted), Percentiles.distribution(steps, converted),
          Percentiles.distribution(sessions, converted), Percentiles.distribution(days, converted),
          support, silent, inProgress, convertedAfterWindow, complete, windowClosesAt);
    }
  }
}
