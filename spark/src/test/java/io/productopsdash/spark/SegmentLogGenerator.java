package io.productopsdash.spark;

import io.productopsdash.models.Answer;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a wallet app's product events as Segment's S3 destination stores them: {@code
 * segment-logs/<source>/<received day, epoch ms>/<first received ms>.<n>.gz} (every third file
 * uncompressed {@code .json}), one Segment call per line, deterministic for a seed. Twelve ISO
 * weeks from Monday 2 March 2026 in Europe/Berlin, across the change to summer time on 29 March.
 *
 * <p>Besides ordinary sessions it writes every edge the rollups define: gaps of exactly 30
 * minutes and of 29:59.999, sessions of more than 24 hours, sessions over Sunday midnight and
 * over the clock change, deposits exactly at the end of the 30-day window and 1 ms after it, a
 * deposit in the same millisecond as the signup and stored before it, pre-signup anonymous
 * visits linked by identify, PostHog-style ids aliased before and after the signup, traits that
 * change, tie, lack the segment or are numbers, sources in each of the places they are read
 * from, late and early deliveries (users' events out of order across files), retried (duplicate)
 * lines and a few with the same messageId but other content, traits removed by a null and changed
 * by PostHog-style operations on track calls, timestamps as epoch milliseconds,
 * with offsets, as {@code originalTimestamp} only, CRLF line ends, a byte-order mark, and
 * malformed lines of every kind the importer counts.
 */
final class SegmentLogGenerator {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final MetricsConfig CONFIG = MetricsConfig.walletExample(ZONE);
  /** Monday 2 March 2026, 00:00 in Berlin (UTC+1). */
  static final long START = Instant.parse("2026-03-01T23:00:00Z").toEpochMilli();
  static final int WEEKS = 12;
  static final long END = START + WEEKS * 7 * 86_400_000L;
  /** The evaluation instant: Thursday of the last week, so later events exist and are left out. */
  static final Instant AS_OF = Instant.ofEpochMilli(END - 4 * 86_400_000L + 12 * 3_600_000L);

  private static final long MIN = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;
  /** 29 March 2026 01:00Z: clocks in Berlin go from 02:00 to 03:00. */
  private static final long DST = Instant.parse("2026-03-29T01:00:00Z").toEpochMilli();
  private static final String[] TRACKS = {
    "Wallet Opened", "Balance Viewed", "Swap Quote Viewed", "Swap Executed", "Chain Added", "Network Switched", "Send Completed",
    "Settings Changed"
  };
  private static final String[] PAGES = {"/", "/wallet", "/wallet/send", "/swap", "/swap/history", "/chains", "/settings", "/help"};
  private static final String[] SCREENS = {"Wallet", "Swap", "Chain List", "Settings"};
  private static final String[] SOURCES = {"ads", "organic", "referral", "newsletter"};
  private static final String[] PLANS = {"free", "plus", "pro"};

  /** What was written. */
  record Result(List<Path> files, long lines, long calls) {}

  private final SplittableRandom random;
  private final Path root;
  private final Map<String, Writer> writers = new HashMap<>();
  private final List<Path> files = new ArrayList<>();
  private long lines;
  private long calls;
  private long message;

  private SegmentLogGenerator(Path root, long seed) {
    this.root = root;
    this.random = new SplittableRandom(seed);
  }

  /** Writes about {@code events} activity events (and their identify, alias and bad lines) under {@code root}. */
  static Result write(Path root, long events, long seed) {
    SegmentLogGenerator g = new SegmentLogGenerator(root, seed);
    try {
      g.malformed();
      long users = Math.max(1, events / 29);
      for (long u = 0; u < users; u++) {
        g.user(u);
      }
      for (Writer w : g.writers.values()) {
        w.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(List.copyOf(g.files), g.lines, g.calls);
  }

  // ---- one user's story ----

  private void user(long u) throws IOException {
    boolean mobile = random.nextInt(10) < 3;
    String source = mobile ? "ios-2Lm" : "web-7Zj";
    String userId = "user-" + u;
    String anon = "anon-" + u + "-" + Long.toString(random.nextLong() & 0xffffff, 36);
    // First seen anywhere from two weeks before the period to its end (signups before the
    // reported weeks count for onboarding and usage, not acquisition).
    long t = START - 14 * DAY + (long) (random.nextDouble() * (END - START + 13 * DAY));
    int kind = random.nextInt(100);
    if (kind < 15) {
      // Never signs up: an anonymous visitor.
      sessions(source, null, anon, t, 1 + random.nextInt(3), mobile);
      return;
    }
    String signupAs = userId;
    String signupAnon = null;
    if (kind < 70) {
      // Anonymous visits before the signup, linked by identify (and by the signup carrying both).
      t = session(source, null, anon, t, mobile) + gap();
      identify(source, userId, anon, t - 60_000);
      signupAnon = random.nextBoolean() ? anon : null;
    } else if (kind < 80) {
      // PostHog-style: the pre-identify id is sent as userId, then aliased to the real one;
      // half of the aliases come before the signup, which is still sent under the old id.
      String ph = "ph-" + u;
      t = session(source, ph, null, t, mobile) + gap();
      if (random.nextBoolean()) {
        alias(source, ph, userId, t - 30_000);
        signupAs = ph;
      } else {
        signupAs = ph;
        alias(source, ph, userId, t + 90_000);
      }
    } else if (random.nextInt(3) == 0) {
      identify(source, userId, null, t - 1_000);
    }
    long signup = t;
    traits(source, userId, signup);
    String signupLine = signupCall(userId.equals(signupAs) ? userId : signupAs, signupAnon, signup);
    long deposit = deposit(signup);
    if (deposit == signup) {
      // Same millisecond, stored first: it still counts as the first transaction.
      emit(source, track(signupAs, null, "Deposit Completed", deposit, "{\"amount\":25}"), deposit);
      emit(source, signupLine, signup);
    } else {
      emit(source, signupLine, signup);
      if (deposit > 0) {
        emit(source, track(userId, null, "Deposit Completed", deposit, "{\"amount\":" + (10 + u % 500) + "}"), deposit);
      }
    }
    int tickets = random.nextInt(100) < 15 ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < tickets; i++) {
      long at = signup + (long) (random.nextDouble() * 40 * DAY);
      emit(source, track(userId, null, "Support Ticket Created", at, null), at);
    }
    sessions(source, userId, random.nextInt(4) == 0 ? anon : null, signup + 2 * MIN, random.nextInt(8), mobile);
  }

  /** The first transaction: mostly hours to days after the signup; some exactly at the window's edges. */
  private long deposit(long signup) {
    int r = random.nextInt(100);
    if (r < 40) {
      return -1;
    }
    if (r < 42) {
      return signup;
    }
    if (r < 44) {
      return signup + 30 * DAY;
    }
    if (r < 46) {
      return signup + 30 * DAY + 1;
    }
    return signup + Math.min((long) (Math.exp(1.5 + 1.8 * random.nextGaussian()) * HOUR), 60 * DAY);
  }

  private String signupCall(String userId, String anon, long ts) {
    StringBuilder props = new StringBuilder();
    String context = null;
    int s = random.nextInt(8);
    String src = SOURCES[random.nextInt(SOURCES.length)];
    switch (s) {
      case 0, 1, 2 -> props.append("\"source\":\"").append(src).append('"');
      case 3 -> context = "{\"campaign\":{\"source\":\"" + src + "\",\"medium\":\"cpc\"}}";
      case 4 -> props.append("\"utm_source\":\"").append(src).append('"');
      case 5 -> props.append("\"source\":42");
      case 6 -> props.append("\"source\":\"  \",\"utm_source\":\"").append(src).append('"');
      default -> { }
    }
    if (random.nextInt(5) == 0) {
      String plan = "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\"}";
      context = context == null ? "{\"traits\":" + plan + "}" : context.substring(0, context.length() - 1) + ",\"traits\":" + plan + "}";
    }
    String traits = random.nextInt(6) == 0 ? "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\"}" : null;
    return call("track", userId, anon, "\"event\":\"Signed Up\"", ts, props.length() == 0 ? null : "{" + props + "}", traits, context);
  }

  /** Identify calls with the plan: none, one, a change, a tie, one without the plan, a number. */
  private void traits(String source, String userId, long signup) throws IOException {
    int r = random.nextInt(10);
    if (r < 3) {
      return;
    }
    long at = signup - 2_000;
    identifyWith(source, userId, at, "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\",\"country\":\"DE\"}");
    if (r == 7) {
      long later = signup + (long) (random.nextDouble() * 20 * DAY);
      identifyWith(source, userId, later, "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\"}");
    } else if (r == 8) {
      identifyWith(source, userId, at, "{\"plan\":\"pro\"}");
    } else if (r == 9) {
      int k = random.nextInt(4);
      if (k < 2) {
        identifyWith(source, userId, signup + DAY, k == 0 ? "{\"country\":\"FR\"}" : "{\"plan\":2}");
      } else if (k == 2) {
        // A trait removed by a later identify (a JSON merge patch's null).
        identifyWith(source, userId, signup + DAY, "{\"plan\":null}");
      } else {
        // PostHog-style person-property operations on a track call change the stored traits too.
        long changed = signup + 3 * HOUR;
        emit(source, call("track", userId, null, "\"event\":\"Plan Changed\"", changed, null,
            "{\"$set\":{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\"},\"$set_once\":{\"first_plan\":\"free\"}}", null), changed);
      }
    }
  }

  private void identify(String source, String userId, String anon, long at) throws IOException {
    emit(source, call("identify", userId, anon, null, at, null, null, null), at);
  }

  private void identifyWith(String source, String userId, long at, String traits) throws IOException {
    emit(source, call("identify", userId, null, null, at, null, traits, null), at);
  }

  private void alias(String source, String previousId, String userId, long at) throws IOException {
    emit(source, call("alias", userId, null, "\"previousId\":\"" + previousId + "\"", at, null, null, null), at);
  }

  private void sessions(String source, String userId, String anon, long from, int count, boolean mobile) throws IOException {
    long t = from;
    for (int i = 0; i < count; i++) {
      t += (long) (-Math.log(1 - random.nextDouble()) * 2 * DAY);
      if (t > END + 2 * DAY) {
        return;
      }
      int special = random.nextInt(40);
      if (special == 0) {
        t = nextSundayNight(t);
      } else if (special == 1) {
        t = DST - (20 + random.nextInt(40)) * MIN;
      }
      t = session(source, userId, anon, t, mobile);
    }
  }

  /** One session from {@code t}; returns its last event's time. */
  private long session(String source, String userId, String anon, long t, boolean mobile) throws IOException {
    int special = random.nextInt(60);
    int events = 1 + (int) (-Math.log(1 - random.nextDouble()) * 6);
    long gap = 0;
    if (special == 0) {
      // Past the 24-hour cap: an event every 20 minutes for 25 hours.
      events = 76;
      gap = 20 * MIN;
    }
    for (int i = 0; i < events; i++) {
      activity(source, userId, anon, t, mobile);
      if (i < events - 1) {
        t += gap > 0 ? gap : special == 1 ? 30 * MIN : special == 2 ? 30 * MIN - 1 : 5_000 + random.nextInt(600_000);
      }
    }
    return t;
  }

  private void activity(String source, String userId, String anon, long t, boolean mobile) throws IOException {
    double r = random.nextDouble();
    String line;
    if (r < 0.5) {
      line = track(userId, anon, TRACKS[random.nextInt(TRACKS.length)], t, null);
    } else if (mobile) {
      line = call("screen", userId, anon, "\"name\":\"" + SCREENS[random.nextInt(SCREENS.length)] + "\"", t, null, null, null);
    } else {
      String path = PAGES[random.nextInt(PAGES.length)];
      int shape = random.nextInt(20);
      line = switch (shape) {
        case 0 -> call("page", userId, anon, null, t, null, null, "{\"page\":{\"path\":\"" + path + "\"}}");
        case 1 -> call("page", userId, anon, "\"name\":\"Pricing\"", t, null, null, null);
        case 2 -> call("page", userId, anon, null, t, null, null, null);
        default -> call("page", userId, anon, null, t, "{\"path\":\"" + path + "\",\"title\":\"W\"}", null, null);
      };
    }
    emit(source, line, t);
  }

  private String track(String userId, String anon, String event, long t, String properties) {
    return call("track", userId, anon, "\"event\":\"" + event + "\"", t, properties, null, null);
  }

  private long gap() {
    return 2 * MIN + random.nextInt(20) * MIN;
  }

  /** Sunday 23:40 local of the week holding {@code t} (a session that runs over midnight). */
  private static long nextSundayNight(long t) {
    long week = Math.floorDiv(t - START, 7 * DAY);
    long sunday = START + week * 7 * DAY + 6 * DAY;
    long offset = sunday + 23 * HOUR >= DST ? HOUR : 0;
    return sunday + 23 * HOUR + 40 * MIN - offset;
  }

  // ---- lines ----

  /** A Segment call; the timestamp in one of the shapes sources write. */
  private String call(String type, String userId, String anon, String extra, long ts, String properties, String traits, String context) {
    StringBuilder b = new StringBuilder(256).append("{\"type\":\"").append(type).append("\",\"messageId\":\"m-")
        .append(Long.toString(message++, 36)).append('"');
    if (userId != null) {
      b.append(",\"userId\":\"").append(userId).append('"');
    }
    if (anon != null) {
      b.append(",\"anonymousId\":\"").append(anon).append('"');
    }
    if (extra != null) {
      b.append(',').append(extra);
    }
    int shape = random.nextInt(50);
    String iso = Instant.ofEpochMilli(ts).toString();
    switch (shape) {
      case 0 -> b.append(",\"timestamp\":").append(ts);
      case 1 -> b.append(",\"originalTimestamp\":\"").append(iso).append('"');
      case 2 -> b.append(",\"timestamp\":\"").append(Instant.ofEpochMilli(ts).atZone(ZONE).toOffsetDateTime()).append('"');
      default -> b.append(",\"timestamp\":\"").append(iso).append('"');
    }
    if (properties != null) {
      b.append(",\"properties\":").append(properties);
    }
    if (traits != null) {
      b.append(",\"traits\":").append(traits);
    }
    if (context != null) {
      b.append(",\"context\":").append(context);
    }
    b.append(",\"sentAt\":\"").append(iso).append("\"}");
    return b.toString();
  }

  /**
   * Writes a line into the file of its delivery: mostly seconds after the event, sometimes hours
   * or days late; one in a hundred is delivered again (a retry), a few of those changed.
   */
  private void emit(String source, String line, long ts) throws IOException {
    calls++;
    long received = ts + random.nextInt(5_000);
    int r = random.nextInt(200);
    if (r < 4) {
      received += (1 + random.nextInt(72)) * HOUR;
    }
    write(source, line, received);
    if (r >= 190) {
      String copy = r == 199 ? line.replace("\"type\":\"track\"", "\"type\":\"page\"") : line;
      write(source, copy, received + random.nextInt(600_000));
    }
  }

  private void write(String source, String line, long received) throws IOException {
    long day = Math.floorDiv(received, DAY) * DAY;
    long block = Math.floorDiv(received - day, 12 * HOUR);
    String key = source + "/" + day + "/" + block;
    Writer w = writers.get(key);
    if (w == null) {
      int n = writers.size();
      String name = (day + block * 12 * HOUR) + "." + Math.floorMod(source.hashCode(), 97) + (n % 3 == 2 ? ".json" : ".gz");
      Path file = root.resolve("segment-logs").resolve(source).resolve(Long.toString(day)).resolve(name);
      Files.createDirectories(file.getParent());
      OutputStream raw = Files.newOutputStream(file);
      w = new BufferedWriter(new OutputStreamWriter(name.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8), 1 << 16);
      if (n % 7 == 5) {
        w.write('\uFEFF');
      }
      writers.put(key, w);
      files.add(file);
    }
    w.write(line);
    w.write(writers.size() % 5 == 4 ? "\r\n" : "\n");
    lines++;
  }

  /** Lines every importer must skip, each for its reason. */
  private void malformed() throws IOException {
    String src = "web-7Zj";
    long t = START + 3 * DAY;
    String ts = "\"timestamp\":\"" + Instant.ofEpochMilli(t) + "\"";
    String[] bad = {
      "",
      "   ",
      "{\"type\":\"track\",\"messageId\":\"x1\",\"userId\":\"u\",\"event\":\"A\"," + ts,
      "[1,2,3]",
      "\"just a string\"",
      "{\"type\":\"track\",\"messageId\":\"x2\",\"event\":\"A\"," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"x3\",\"userId\":\"u\"," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"x4\",\"userId\":\"u\",\"event\":\"A\",\"timestamp\":\"yesterday\"}",
      "{\"type\":\"track\",\"messageId\":\"x5\",\"userId\":\"u\",\"event\":\"A\"}",
      "{\"type\":\"purchase\",\"messageId\":\"x6\",\"userId\":\"u\"," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"x7\",\"userId\":true,\"event\":\"A\"," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"" + "m".repeat(300) + "\",\"userId\":\"u\",\"event\":\"A\"," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"x8\",\"userId\":\"u\",\"event\":\"A\",\"properties\":{\"blob\":\"" + "x".repeat(40_000) + "\"}," + ts + "}",
      "{\"type\":\"track\",\"messageId\":\"x9\",\"userId\":\"u\",\"event\":\"A\"," + ts + "} trailing",
    };
    for (String line : bad) {
      write(src, line, t);
      calls++;
    }
  }

  /**
   * Survey answers of the generated users: by userId, by pre-alias id and by ids with no events,
   * in the twelve weeks and the weeks just outside; {@code events} is what the users were
   * generated for.
   */
  static List<Answer> answers(long surveyId, int min, int max, int count, long events) {
    SplittableRandom random = new SplittableRandom(surveyId);
    int users = (int) Math.max(1, events / 29);
    WeekId first = WeekId.of(Instant.ofEpochMilli(START), ZONE);
    List<Answer> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int u = random.nextInt(users);
      String user = switch (random.nextInt(10)) {
        case 0 -> "ph-" + u;
        case 1 -> "nobody-" + u;
        default -> "user-" + u;
      };
      WeekId week = first.plusWeeks(random.nextInt(WEEKS + 2) - 1);
      // Given during its week: the last weeks' answers fall after AS_OF, which both engines leave out.
      Instant at = week.start(ZONE).plusSeconds(random.nextInt(7 * 86_400));
      out.add(new Answer(i + 1, "g" + surveyId + "-" + i, surveyId, user, week, min + random.nextInt(max - min + 1), null, null, null, at, at));
    }
    return out;
  }

  /** For the benchmark: {@code OUT EVENTS [SEED]}. */
  public static void main(String[] args) {
    Result r = write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 20260302L);
    System.out.println("files=" + r.files().size() + " lines=" + r.lines() + " calls=" + r.calls());
  }
}
