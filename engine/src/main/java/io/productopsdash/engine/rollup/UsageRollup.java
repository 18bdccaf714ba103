package io.productopsdash.engine.rollup;

import io.productopsdash.data.events.EventColumns;
import io.productopsdash.definitions.metrics.FeatureAreaMatcher;
import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.Percentiles;
import io.productopsdash.definitions.metrics.Rankings;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AreaDepth;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.models.rollup.UsageWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Usage per ISO week. Sessions come from {@link Sessionizer}; every activity event counts in the
 * week of its session (the week of the session's first event, so a session running past Sunday
 * midnight counts whole in the week it started: no midnight split). Per week:
 *
 * <ul>
 *   <li>per feature or page: kind {@code event} keyed by the track event's name, kind {@code page}
 *       (page and screen calls) keyed by path, else name, else {@code (none)}: events, distinct
 *       users, sessions that touched it, and the total length in seconds of those sessions;
 *   <li>active users (at least one session in the week), and over them the distribution (median,
 *       mean, p75, p90) of sessions per user and of session seconds per user;
 *   <li>per feature area of the configuration (an event belongs to an area when {@link
 *       FeatureArea#matches} its name or path, {@link FeatureAreaMatcher}): the active users with an area event, their share
 *       of active users, area events per area user, active days per area user (distinct calendar
 *       days in the zone with an area event) and how many area users had 1, 2-5 and 6 or more
 *       area events that week.
 * </ul>
 *
 * Only events at or before {@code asOf} count.
 */
public final class UsageRollup {
  private UsageRollup() {}

  public static UsageReport of(EventLog log, MetricsConfig config, WeekId from, WeekId to, Instant asOf) {
    List<FeatureArea> areas = config.featureAreas();
    if (areas.size() > FeatureAreaMatcher.MAX_AREAS) {
      throw new IllegalArgumentException("at most " + FeatureAreaMatcher.MAX_AREAS + " feature areas, got " + areas.size());
    }
    long asOfMillis = asOf.toEpochMilli();
    LocalDays days = LocalDays.of(config.zone(), log.minTs(), Math.max(log.maxTs(), log.minTs()));
    Sessions sessions = Sessionizer.of(log, asOfMillis);
    long firstWeek = LocalDays.weekIndex(from);
    int weeks = (int) (LocalDays.weekIndex(to) - firstWeek + 1);
    Week[] acc = new Week[weeks];
    for (int w = 0; w < weeks; w++) {
      acc[w] = new Week(areas.size());
    }
    long[] nameMask = masks(log, areas, true);
    long[] pathMask = masks(log, areas, false);
    int stride = log.stringCount() + 1;
    Features features = new Features(stride);
    int[] areaEvents = new int[areas.size()];
    long[] areaDays = new long[areas.size()];
    for (int u = 0; u < log.userCount(); u++) {
      int week = -1;
      int userSessions = 0;
      long userMillis = 0;
      for (int k = sessions.userStart(u); k < sessions.userStart(u + 1); k++) {
        int first = sessions.first(k);
        long w = days.weekIndex(log.ts(first)) - firstWeek;
        if (w != week) {
          flush(acc, week, userSessions, userMillis, areaEvents, areaDays);
          week = (int) Math.max(-1, Math.min(weeks, w));
          userSessions = 0;
          userMillis = 0;
        }
        if (w < 0 || w >= weeks) {
          continue;
        }
        Week a = acc[week];
        long length = sessions.lengthMillis(k);
        userSessions++;
        userMillis += length;
        a.sessions++;
        long monday = LocalDays.mondayOf(firstWeek + w);
        int last = sessions.last(k);
        a.events += last - first + 1;
        for (int i = first; i <= last; i++) {
          int name = log.name(i);
          int path = log.path(i);
          int code;
          if (log.type(i) == EventColumns.TRACK) {
            code = name + 1;
          } else {
            code = stride + (path >= 0 ? path : name) + 1;
          }
          features.add(week, code, u, k, length);
          long mask = areaMask(log, i, nameMask, pathMask);
          if (mask != 0) {
            long day = Math.min(63, Math.max(0, days.epochDay(log.ts(i)) - monday));
            while (mask != 0) {
              int bit = Long.numberOfTrailingZeros(mask);
              areaEvents[bit]++;
              areaDays[bit] |= 1L << day;
              mask &= mask - 1;
            }
          }
        }
      }
      flush(acc, week, userSessions, userMillis, areaEvents, areaDays);
    }
    List<UsageWeek> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      Week a = acc[w];
      out.add(new UsageWeek(
          LocalDays.week(firstWeek + w), a.activeUsers, a.sessions, a.events,
          Percentiles.distribution(a.sessionsPerUser, a.activeUsers),
          Percentiles.distribution(a.secondsPerUser, a.activeUsers),
          features.of(w, log), a.areas(areas),
          AcquisitionRollup.isPartial(LocalDays.week(firstWeek + w), config, asOf)));
    }
    return new UsageReport(from, to, asOf, out);
  }

  private static void flush(Week[] acc, int week, int sessions, long millis, int[] areaEvents, long[] areaDays) {
    if (week >= 0 && week < acc.length && sessions > 0) {
      acc[week].addUser(sessions, millis, areaEvents, areaDays);
    }
    Arrays.fill(areaEvents, 0);
    Arrays.fill(areaDays, 0);
  }

  /** The bits of the areas event {@code i} belongs to, from the {@link #masks} of names and paths. */
  static long areaMask(EventLog log, int i, long[] nameMask, long[] pathMask) {
    int name = log.name(i);
    int path = log.path(i);
    return (name >= 0 ? nameMask[name] : 0) | (path >= 0 ? pathMask[path] : 0);
  }

  /** Per string id, the bits of the areas whose event (or path) patterns match it. */
  static long[] masks(EventLog log, List<FeatureArea> areas, boolean events) {
    FeatureAreaMatcher matcher = new FeatureAreaMatcher(areas);
    long[] out = new long[log.stringCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = events ? matcher.nameMask(log.string(s)) : matcher.pathMask(log.string(s));
    }
    return out;
  }

  /** One week's totals, per-user values and area depth. */
  private static final class Week {
    int activeUsers;
    long sessions;
    long events;
    double[] sessionsPerUser = new double[16];
    double[] secondsPerUser = new double[16];
    final long[] areaUsers;
    final long[] areaEvents;
    final long[] areaDays;
    final long[][] depth;

    Week(int areas) {
      areaUsers = new long[areas];
      areaEvents = new long[areas];
      areaDays = new long[areas];
      depth = new long[areas][3];
    }

    void addUser(int sessions, long millis, int[] events, long[] days) {
      if (activeUsers == sessionsPerUser.length) {
        sessionsPerUser = Arrays.copyOf(sessionsPerUser, activeUsers * 2);
        secondsPerUser = Arrays.copyOf(secondsPerUser, activeUsers * 2);
      }
      sessionsPerUser[activeUsers] = sessions;
      secondsPerUser[activeUsers] = millis / 1000.0;
      activeUsers++;
      for (int a = 0; a < events.length; a++) {
        if (events[a] > 0) {
          areaUsers[a]++;
          areaEvents[a] += events[a];
          areaDays[a] += Long.bitCount(days[a]);
          depth[a][events[a] == 1 ? 0 : events[a] <= 5 ? 1 : 2]++;
        }
      }
    }

    List<AreaDepth> areas(List<FeatureArea> areas) {
      List<AreaDepth> out = new ArrayList<>();
      for (int a = 0; a < areas.size(); a++) {
        long n = areaUsers[a];
        out.add(new AreaDepth(
            areas.get(a).name(), n, activeUsers == 0 ? null : (double) n / activeUsers,
            n == 0 ? null : (double) areaEvents[a] / n, n == 0 ? null : (double) areaDays[a] / n,
            depth[a][0], depth[a][1], depth[a][2]));
      }
      return out;
    }
  }

  /** Per (week, feature) slot: events, distinct users, sessions and their length. */
  private static final class Features {
    private final int stride;
    private final LongIntMap slots = new LongIntMap();
    private int size;
    private int[] week = new int[64];
    private int[] code = new int[64];
    private long[] events = new long[64];
    private long[] users = new long[64];
    private long[] sessions = new long[64];
    private long[] millis = new long[64];
    private int[] lastUser = new int[64];
    private int[] lastSession = new int[64];

    Features(int stride) {
      this.stride = stride;
    }

    void add(int w, int featureCode, int user, int session, long length) {
      long key = (long) w * 2 * stride + featureCode;
      int s = slots.get(key);
      if (s < 0) {
        s = newSlot(w, featureCode);
        slots.put(key, s);
      }
      events[s]++;
      if (lastUser[s] != user) {
        lastUser[s] = user;
        users[s]++;
      }
      if (lastSession[s] != session) {
        lastSession[s] = session;
        sessions[s]++;
        millis[s] += length;
      }
    }

    private int newSlot(int w, int featureCode) {
      if (size == week.length) {
        int n = size * 2;
        week = Arrays.copyOf(week, n);
        code = Arrays.copyOf(code, n);
        events = Arrays.copyOf(events, n);
        users = Arrays.copyOf(users, n);
        sessions = Arrays.copyOf(sessions, n);
        millis = Arrays.copyOf(millis, n);
        lastUser = Arrays.copyOf(lastUser, n);
        lastSession = Arrays.copyOf(lastSession, n);
      }
      week[size] = w;
      code[size] = featureCode;
      lastUser[size] = -1;
      lastSession[size] = -1;
      return size++;
    }

    List<FeatureUsage> of(int w, EventLog log) {
      List<FeatureUsage> out = new ArrayList<>();
      for (int s = 0; s < size; s++) {
        if (week[s] != w) {
          continue;
        }
        boolean page = code[s] >= stride;
        int id = (page ? code[s] - stride : code[s]) - 1;
        out.add(new FeatureUsage(
            page ? FeatureUsage.PAGE : FeatureUsage.EVENT, id < 0 ? KeyCount.NONE : log.string(id),
            events[s], users[s], sessions[s], millis[s] / 1000.0));
      }
      out.sort(Rankings.FEATURES);
      return out;
    }
  }
}
