package io.productopsdash.engine.rollup.bench;

import io.productopsdash.data.events.EventStore;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a wallet app's event stream, deterministically from a seed: about {@code users}
 * users over {@code weeks} weeks, exactly {@code events} activity events (track, page, screen;
 * identify calls come on top). 85% of users sign up inside the period (70% of those after an
 * anonymous session first, linked by identify), 15% stay anonymous visitors; 60% of signups
 * deposit (log-normal delay, some after the 30-day window), 15% raise support tickets; sessions
 * of pages, screens, wallet, swap and chain events with gaps of seconds to minutes. Events are
 * planned as primitive arrays, sorted by time and stored through {@link EventStore} in batches,
 * so rowid order is arrival order, users interleaved as a live stream would store them.
 */
final class EventGenerator {
  static final String[] PAGES = {"/", "/wallet", "/wallet/send", "/swap", "/chains", "/settings", "/help"};
  static final String[] TRACKS = {
    "Wallet Opened", "Balance Viewed", "Swap Quote Viewed", "Swap Executed", "Chain Added", "Network Switched",
    "Send Completed", "Settings Changed"
  };
  static final String[] SCREENS = {"Wallet", "Swap", "Chain List", "Settings"};
  static final String[] SOURCES = {"ads", "organic", "referral", "newsletter"};
  static final String[] PLANS = {"free", "pro"};
  private static final int SIGNUP = 0;
  private static final int DEPOSIT = 1;
  private static final int TICKET = 2;
  private static final int IDENTIFY = 3;
  private static final int PAGE0 = 10;
  private static final int TRACK0 = 30;
  private static final int SCREEN0 = 50;
  private static final long MIN = 60_000L;
  private static final long DAY = 86_400_000L;

  private final long start;
  private final long end;
  private final SplittableRandom random;
  private int size;
  private long[] ts = new long[1 << 20];
  private int[] user = new int[1 << 20];
  private byte[] kind = new byte[1 << 20];
  private boolean[] anonymous = new boolean[1 << 20];
  private int activity;
  private int users;
  private byte[] source;
  private byte[] plan;

  EventGenerator(long seed, Instant start, int weeks) {
    this.random = new SplittableRandom(seed);
    this.start = start.toEpochMilli();
    this.end = this.start + weeks * 7 * DAY;
  }

  /** Plans users until exactly {@code events} activity events exist; returns how many users. */
  int plan(int events, int targetUsers) {
    source = new byte[targetUsers * 2];
    plan = new byte[targetUsers * 2];
    double meanPerUser = (double) events / targetUsers;
    while (activity < events) {
      int u = users++;
      if (u == source.length) {
        source = Arrays.copyOf(source, u * 2);
        plan = Arrays.copyOf(plan, u * 2);
      }
      // Log-normal events per user with the wanted mean (sigma 1: a heavy tail of power users).
      int budget = (int) Math.max(1, Math.round(Math.exp(Math.log(meanPerUser) - 0.5 + random.nextGaussian())));
      budget = Math.min(budget, events - activity);
      planUser(u, budget);
    }
    return users;
  }

  private void planUser(int u, int budget) {
    boolean signsUp = random.nextDouble() < 0.85;
    long first = start + (long) (random.nextDouble() * (end - start - 2 * 3_600_000L));
    source[u] = (byte) random.nextInt(7); // 0-3 a source property, 4 campaign, 5 utm_source, 6 none
    plan[u] = (byte) (random.nextDouble() < 0.7 ? 1 + random.nextInt(2) : 0); // 0 none
    long t = first;
    if (signsUp) {
      if (random.nextDouble() < 0.7 && budget > 2) {
        int pages = Math.min(budget - 1, 1 + random.nextInt(5));
        for (int i = 0; i < pages; i++) {
          add(t, u, (byte) (PAGE0 + random.nextInt(PAGES.length)), true);
          t += 5_000 + random.nextInt(120_000);
        }
        budget -= pages;
      }
      if (plan[u] > 0) {
        add(t, u, (byte) IDENTIFY, false);
      }
      add(t, u, (byte) SIGNUP, false);
      long signup = t;
      budget--;
      if (budget > 0 && random.nextDouble() < 0.6) {
        long delay = (long) (Math.exp(1.5 + 1.8 * random.nextGaussian()) * 3_600_000L);
        long at = signup + Math.min(delay, 60 * DAY);
        if (at < end) {
          add(at, u, (byte) DEPOSIT, false);
          budget--;
        }
      }
      if (budget > 0 && random.nextDouble() < 0.15) {
        int tickets = Math.min(budget, 1 + random.nextInt(3));
        for (int i = 0; i < tickets; i++) {
          add(signup + (long) (random.nextDouble() * Math.min(40 * DAY, end - signup)), u, (byte) TICKET, false);
        }
        budget -= tickets;
      }
      t = signup + 60_000;
    }
    boolean mobile = random.nextDouble() < 0.3;
    while (budget > 0) {
      long sessionStart = t + (long) (random.nextDouble() * Math.max(1, end - t));
      int events = Math.min(budget, 1 + (int) (-Math.log(1 - random.nextDouble()) * 8));
      long at = sessionStart;
      for (int i = 0; i < events; i++) {
        double r = random.nextDouble();
        byte k = r < 0.45 ? (byte) (TRACK0 + random.nextInt(TRACKS.length))
            : mobile ? (byte) (SCREEN0 + random.nextInt(SCREENS.length)) : (byte) (PAGE0 + random.nextInt(PAGES.length));
        add(Math.min(at, end - 1), u, k, !signsUp);
        at += 5_000 + random.nextInt(600_000);
      }
      budget -= events;
    }
  }

  private void add(long time, int u, byte k, boolean anon) {
    if (size == ts.length) {
      int n = size * 2;
      ts = Arrays.copyOf(ts, n);
      user = Arrays.copyOf(user, n);
      kind = Arrays.copyOf(kind, n);
      anonymous = Arrays.copyOf(anonymous, n);
    }
    ts[size] = time;
    user[size] = u;
    kind[size] = k;
    anonymous[size] = anon;
    size++;
    if (k != IDENTIFY) {
      activity++;
    }
  }

  /** Stores the planned events in time order through {@link EventStore}, 50,000 per transaction. */
  void store(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA synchronous=OFF");
    }
    long[] order = new long[size];
    for (int i = 0; i < size; i++) {
      // Times are within 2^42 ms of the start; the index fits in the low 22 + bits left.
      order[i] = ((ts[i] - start) << 24) | i;
    }
    if (size >= 1 << 24) {
      Integer[] boxed = new Integer[size];
      for (int i = 0; i < size; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> ts[a] != ts[b] ? Long.compare(ts[a], ts[b]) : Integer.compare(a, b));
      for (int i = 0; i < size; i++) {
        order[i] = boxed[i];
      }
    } else {
      Arrays.sort(order);
      for (int i = 0; i < size; i++) {
        order[i] &= (1 << 24) - 1;
      }
    }
    EventStore store = new EventStore();
    Instant received = Instant.ofEpochMilli(end);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    List<Event> batch = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      batch.add(event(n, (int) order[n], received));
      if (batch.size() == 50_000 || n == size - 1) {
        store.insertAll(c, batch);
        c.commit();
        batch.clear();
      }
    }
    c.setAutoCommit(autoCommit);
  }

  private Event event(int seq, int i, Instant received) {
    int u = user[i];
    String userId = anonymous[i] ? null : "user-" + u;
    String anonymousId = anonymous[i] || kind[i] == IDENTIFY || kind[i] == SIGNUP ? "anon-" + u : null;
    Instant at = Instant.ofEpochMilli(ts[i]);
    String id = "g" + Integer.toString(seq, 36);
    int k = kind[i];
    if (k == IDENTIFY) {
      return new Event(id, EventType.IDENTIFY, null, userId, anonymousId, null, at, received, null, null,
          "{\"plan\":\"" + PLANS[plan[u] - 1] + "\"}", null);
    }
    if (k == SIGNUP) {
      int s = source[u];
      String properties = s < 4 ? "{\"source\":\"" + SOURCES[s] + "\"}" : s == 5 ? "{\"utm_source\":\"" + SOURCES[u % 4] + "\"}" : null;
      String context = s == 4 ? "{\"campaign\":{\"source\":\"" + SOURCES[(u + 1) % 4] + "\"}}" : null;
      return new Event(id, EventType.TRACK, "Signed Up", userId, anonymousId, null, at, received, null, properties, null, context);
    }
    if (k == DEPOSIT) {
      return new Event(id, EventType.TRACK, "Deposit Completed", userId, null, null, at, received, null,
          "{\"amount\":" + (10 + u % 990) + "}", null, null);
    }
    if (k == TICKET) {
      return new Event(id, EventType.TRACK, "Support Ticket Created", userId, null, null, at, received, null, null, null, null);
    }
    if (k >= SCREEN0) {
      return new Event(id, EventType.SCREEN, SCREENS[k - SCREEN0], userId, anonymousId, null, at, received, null, null, null, null);
    }
    if (k >= TRACK0) {
      return new Event(id, EventType.TRACK, TRACKS[k - TRACK0], userId, anonymousId, null, at, received, null, null, null, null);
    }
    return new Event(id, EventType.PAGE, null, userId, anonymousId, null, at, received, PAGES[k - PAGE0], null, null, null);
  }

  int plannedCalls() {
    return size;
  }

  long end() {
    return end;
  }
}
