package io.productopsdash.engine.rollup.bench;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.EventColumns;
import io.productopsdash.data.events.EventScan;
import io.productopsdash.engine.rollup.AcquisitionRollup;
import io.productopsdash.engine.rollup.EventLog;
import io.productopsdash.engine.rollup.OnboardingRollup;
import io.productopsdash.engine.rollup.UsageRollup;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.UsageReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rollup benchmark (a command, not a test; run by {@code bench/rollup-bench.sh}): generates
 * {@code --events} activity events for about {@code --users} users over 12 weeks from {@code
 * --seed} into a SQLite file (kept in {@code --dir} and reused while seed and size match), times
 * the load (SQLite scan + grouping) and each of the three rollups {@code --runs} times with peak
 * heap, then copies the same tables into DuckDB and times the same rollups as SQL, and checks that
 * every number of the two agrees.
 */
public final class RollupBench {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant START = Instant.parse("2026-01-04T23:00:00Z"); // Monday 2026-01-05 00:00 Berlin (W02)
  static final int WEEKS = 12;

  private RollupBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int events = Integer.parseInt(opt.getOrDefault("events", "10000000"));
    int users = Integer.parseInt(opt.getOrDefault("users", "100000"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "20260105"));
    int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
    boolean duck = !"false".equals(opt.get("duckdb"));
    Path dir = Path.of(opt.getOrDefault("dir", "/tmp/pod-rollup-bench")).resolve("seed-" + seed + "-events-" + events);
    MetricsConfig config = MetricsConfig.walletExample(ZONE);
    WeekId from = WeekId.of(START, ZONE);
    WeekId to = from.plusWeeks(WEEKS - 1);
    EventGenerator generator = new EventGenerator(seed, START, WEEKS);
    Instant asOf = Instant.ofEpochMilli(generator.end());

    Path marker = dir.resolve("generated.ok");
    if (!Files.exists(marker)) {
      long t0 = System.nanoTime();
      int made = generator.plan(events, users);
      Database.open(dir).close(); // creates the file with the current schema
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME))) {
        generator.store(c);
      }
      Files.writeString(marker, "users=" + made + " calls=" + generator.plannedCalls() + "\n");
      System.out.printf(Locale.ROOT, "generated %,d activity events (%,d calls) of %,d users in %.1f s into %s%n",
          events, generator.plannedCalls(), made, seconds(t0), dir);
    } else {
      System.out.println("reusing " + dir + " (" + Files.readString(marker).strip() + ")");
    }
    System.out.printf(Locale.ROOT, "java: %s, max heap %d MB, %d processors; weeks %s..%s, zone %s, as of %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), from, to, ZONE, asOf);

    AcquisitionReport acquisition = null;
    OnboardingReport onboarding = null;
    UsageReport usage = null;
    double bestTotal = Double.MAX_VALUE;
    try (Database db = Database.open(dir)) {
      for (int run = 1; run <= runs; run++) {
        System.gc();
        HeapPeak peak = HeapPeak.start();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        EventColumns columns = EventScan.load(db, List.of(config.signupEvent()));
        double scan = seconds(t0);
        long t1 = System.nanoTime();
        EventLog log = EventLog.of(columns);
        columns = null;
        double group = seconds(t1);
        long t2 = System.nanoTime();
        acquisition = AcquisitionRollup.of(log, config, from, to, asOf);
        double acq = seconds(t2);
        long t3 = System.nanoTime();
        onboarding = OnboardingRollup.of(log, config, from, to, asOf);
        double onb = seconds(t3);
        long t4 = System.nanoTime();
        usage = UsageRollup.of(log, config, from, to, asOf);
        double use = seconds(t4);
        double total = seconds(t0);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        long heap = peak.stop();
        bestTotal = Math.min(bestTotal, total);
        System.out.printf(Locale.ROOT,
            "run %d: scan %.2f s (%,d events, %,d users) + group %.2f s + acquisition %.2f s + onboarding %.2f s"
                + " + usage %.2f s = %.2f s wall, %.2f s process CPU; peak heap used %d MB; load average %s%n",
            run, scan, log.size(), log.userCount(), group, acq, onb, use, total, cpu, heap >> 20, loadAverage());
      }
    }
    if (runs > 0) {
      System.out.printf(Locale.ROOT, "JAVA all three rollups (scan + group + 3 rollups): best %.2f s%n", bestTotal);
    }
    if (!duck || runs == 0) {
      return;
    }
    try (DuckRollups d = new DuckRollups(Runtime.getRuntime().availableProcessors());
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME))) {
      long t0 = System.nanoTime();
      long rows = d.load(sqlite);
      System.out.printf(Locale.ROOT, "duckdb: copied %,d rows from SQLite in %.1f s (not timed below)%n", rows, seconds(t0));
      double best = Double.MAX_VALUE;
      Map<String, String> duckAcq = null;
      Map<String, String> duckOnb = null;
      Map<String, String> duckUse = null;
      for (int run = 1; run <= runs; run++) {
        long cpu0 = cpuNanos();
        long t1 = System.nanoTime();
        d.prepare(config, asOf);
        double prep = seconds(t1);
        long t2 = System.nanoTime();
        duckAcq = d.acquisition(config, from, to);
        double acq = seconds(t2);
        long t3 = System.nanoTime();
        duckOnb = d.onboarding(config, from, to, asOf);
        double onb = seconds(t3);
        long t4 = System.nanoTime();
        duckUse = d.usage(config, from, to);
        double use = seconds(t4);
        double total = seconds(t1);
        best = Math.min(best, total);
        System.out.printf(Locale.ROOT,
            "duckdb run %d: users+sessions %.2f s + acquisition %.2f s + onboarding %.2f s + usage %.2f s = %.2f s wall,"
                + " %.2f s process CPU; load average %s%n",
            run, prep, acq, onb, use, total, (cpuNanos() - cpu0) / 1e9, loadAverage());
      }
      System.out.printf(Locale.ROOT, "DUCKDB all three rollups (SQL only, data already loaded): best %.2f s%n", best);
      System.out.printf(Locale.ROOT, "RATIO java/duckdb (best totals): %.2f%n", bestTotal / best);
      Map<String, String> java = new TreeMap<>(Metrics.of(acquisition));
      java.putAll(Metrics.of(onboarding));
      java.putAll(Metrics.of(usage));
      Map<String, String> other = new TreeMap<>(duckAcq);
      other.putAll(duckOnb);
      other.putAll(duckUse);
      List<String> diff = Metrics.differences(java, other);
      System.out.printf(Locale.ROOT, "CHECK %d numbers compared, %d differ%n", java.size(), diff.size());
      diff.stream().limit(20).forEach(s -> System.out.println("  " + s));
      printSample(java);
      if (!diff.isEmpty()) {
        System.exit(1);
      }
    }
  }

  private static void printSample(Map<String, String> java) {
    for (String key : java.keySet()) {
      if (key.matches("(acq\\|[^|]+\\|signups|onb\\|[^|]+\\|(users|converted|hours\\.median|silent)"
          + "|use\\|[^|]+\\|(activeUsers|sessions|events))") && key.contains("W0")) {
        System.out.println("  sample " + key + " = " + java.get(key));
      }
    }
  }

  /** CPU time of the whole process (all threads, DuckDB's native ones too). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The machine's 1-minute load average: other processes competing for the same cores. */
  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return out;
  }

  /** The highest heap use seen: sampled every 2 ms and from the heap pools' peaks after each GC. */
  private static final class HeapPeak {
    private final AtomicLong max = new AtomicLong();
    private volatile boolean running = true;
    private final Thread sampler;

    private HeapPeak() {
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler = new Thread(() -> {
        while (running) {
          Runtime r = Runtime.getRuntime();
          max.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    static HeapPeak start() {
      return new HeapPeak();
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      long pools = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
          pools += p.getPeakUsage().getUsed();
        }
      }
      return Math.max(max.get(), Math.min(pools, Runtime.getRuntime().maxMemory()));
    }
  }
}
