package io.productopsdash.spark;

import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.Percentiles;
import io.productopsdash.definitions.metrics.Rankings;
import io.productopsdash.definitions.metrics.SatisfactionCounts;
import io.productopsdash.models.FeatureArea;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.definitions.metrics.WeekCompleteness;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.Scale;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.AcquisitionWeek;
import io.productopsdash.models.rollup.AreaDepth;
import io.productopsdash.models.rollup.Distribution;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingOutcome;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.SupportTickets;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.models.rollup.UsageWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The reports from the summed {@link Tally} cells, built in the driver with the shared
 * definitions, so every number is computed as the embedded engine computes it: the same
 * divisions of the same integer sums, percentiles and means by {@link Percentiles} over the same
 * values in the same order, satisfaction by {@link SatisfactionCounts}.
 */
final class RollupReports {
  private static final String[] DEPTHS = {"1", "2-5", "6+"};
  private final MetricsConfig config;
  private final WeekId from;
  private final WeekId to;
  private final Instant asOf;
  private final long firstWeek;
  private final int weeks;
  private final Map<String, List<Row>> cells = new HashMap<>();
  private final Map<String, Map<Long, Percentiles.Counted>> distributions;

  /**
   * Over the summed cells (report, id, key, key2, value, n, a, b, c) and the distributions fed
   * from the cells of {@link Tally#DISTRIBUTIONS} (per report and week index).
   */
  RollupReports(
      MetricsConfig config, WeekId from, WeekId to, Instant asOf, List<Row> summed,
      Map<String, Map<Long, Percentiles.Counted>> distributions) {
    this.distributions = distributions;
    this.config = config;
    this.from = from;
    this.to = to;
    this.asOf = asOf;
    this.firstWeek = LocalDays.weekIndex(from);
    this.weeks = (int) (LocalDays.weekIndex(to) - firstWeek + 1);
    for (Row r : summed) {
      cells.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
  }

  private List<Row> cells(String report) {
    return cells.getOrDefault(report, List.of());
  }

  private WeekId week(int w) {
    return LocalDays.week(firstWeek + w);
  }

  private int index(Row cell) {
    long w = cell.getLong(1) - firstWeek;
    if (w < 0 || w >= weeks) {
      throw new IllegalStateException("week index " + cell.getLong(1) + " outside the report");
    }
    return (int) w;
  }

  /** Users and activity events counted. */
  long[] totals() {
    List<Row> t = cells(Tally.TOTALS);
    return t.isEmpty() ? new long[2] : new long[] {t.get(0).getLong(5), t.get(0).getLong(6)};
  }

  AcquisitionReport acquisition() {
    List<Map<String, Long>> sources = maps();
    List<Map<String, Long>> segments = maps();
    for (Row r : cells(Tally.SOURCE)) {
      sources.get(index(r)).merge(r.getString(2), r.getLong(5), Long::sum);
    }
    for (Row r : cells(Tally.SEGMENT)) {
      segments.get(index(r)).merge(r.getString(2), r.getLong(5), Long::sum);
    }
    List<AcquisitionWeek> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      long signups = sources.get(w).values().stream().mapToLong(Long::longValue).sum();
      out.add(new AcquisitionWeek(
          week(w), signups, Rankings.keyCounts(sources.get(w)), Rankings.keyCounts(segments.get(w)),
          WeekCompleteness.partial(week(w), config, asOf)));
    }
    return new AcquisitionReport(from, to, asOf, out);
  }

  OnboardingReport onboarding() {
    // Per week: users, converted, silent, in progress, after window, tickets, users with tickets.
    long[][] t = new long[weeks][7];
    for (Row r : cells(Tally.COHORT)) {
      long[] c = t[index(r)];
      long n = r.getLong(5);
      OnboardingOutcome outcome = OnboardingOutcome.valueOf(r.getString(2));
      c[0] += n;
      c[outcome == OnboardingOutcome.CONVERTED ? 1 : outcome == OnboardingOutcome.SILENT_GIVE_UP ? 2 : 3] += n;
      c[5] += r.getLong(6);
      c[6] += r.getLong(7);
      c[4] += r.getLong(8);
    }
    Distribution[][] d = new Distribution[Tally.ONBOARDING_DISTRIBUTIONS.length][];
    for (int i = 0; i < d.length; i++) {
      d[i] = distributions(Tally.ONBOARDING_DISTRIBUTIONS[i]);
    }
    List<OnboardingCohort> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      long[] c = t[w];
      long users = c[0];
      SupportTickets support =
          new SupportTickets(c[5], c[6], users == 0 ? null : (double) c[5] / users, users == 0 ? null : (double) c[6] / users);
      out.add(new OnboardingCohort(
          week(w), users, c[1], users == 0 ? null : (double) c[1] / users, d[0][w], d[1][w], d[2][w], d[3][w], support, c[2],
          c[3], c[4], WeekCompleteness.complete(week(w), config, asOf), WeekCompleteness.windowClosesAt(week(w), config)));
    }
    return new OnboardingReport(from, to, asOf, config.conversionWindowDays(), out);
  }

  UsageReport usage() {
    long[][] active = new long[weeks][3];
    for (Row r : cells(Tally.ACTIVE)) {
      long[] a = active[index(r)];
      a[0] += r.getLong(5);
      a[1] += r.getLong(6);
      a[2] += r.getLong(7);
    }
    Distribution[] sessions = distributions(Tally.SESSIONS_PER_USER);
    Distribution[] seconds = distributions(Tally.SECONDS_PER_USER);
    List<FeatureArea> areas = config.featureAreas();
    // Per week and area: users, events, days, and users per depth.
    long[][][] depth = new long[weeks][areas.size()][3 + DEPTHS.length];
    for (Row r : cells(Tally.AREA)) {
      long[] d = depth[index(r)][Integer.parseInt(r.getString(2))];
      long n = r.getLong(5);
      d[0] += n;
      d[1] += r.getLong(6);
      d[2] += r.getLong(7);
      d[3 + List.of(DEPTHS).indexOf(r.getString(3))] += n;
    }
    List<List<FeatureUsage>> features = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      features.add(new ArrayList<>());
    }
    for (Row r : cells(Tally.FEATURE)) {
      features.get(index(r)).add(new FeatureUsage(r.getString(2), r.getString(3), r.getLong(6), r.getLong(5), r.getLong(7), r.getLong(8) / 1000.0));
    }
    List<UsageWeek> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      long activeUsers = active[w][0];
      List<AreaDepth> areaDepth = new ArrayList<>();
      for (int a = 0; a < areas.size(); a++) {
        long[] d = depth[w][a];
        long n = d[0];
        areaDepth.add(new AreaDepth(
            areas.get(a).name(), n, activeUsers == 0 ? null : (double) n / activeUsers, n == 0 ? null : (double) d[1] / n,
            n == 0 ? null : (double) d[2] / n, d[3], d[4], d[5]));
      }
      features.get(w).sort(Rankings.FEATURES);
      out.add(new UsageWeek(
          week(w), activeUsers, active[w][1], active[w][2], sessions[w], seconds[w], features.get(w), areaDepth,
          WeekCompleteness.partial(week(w), config, asOf)));
    }
    return new UsageReport(from, to, asOf, out);
  }

  /** One report per survey version with answers (by id), on the given scales. */
  List<SatisfactionReport> satisfaction(Map<Long, Scale> scales) {
    Map<Long, SatisfactionCounts> counts = new TreeMap<>();
    List<String> areaNames = config.featureAreas().stream().map(FeatureArea::name).toList();
    scales.forEach((id, scale) -> counts.put(id, new SatisfactionCounts(scale, areaNames)));
    try {
      for (Row r : cells(Tally.ANSWER)) {
        SatisfactionCounts c = counts.get(r.getLong(1));
        int score = (int) r.getDouble(4);
        long n = r.getLong(5);
        String key = r.getString(3);
        switch (r.getString(2)) {
          case Tally.OVERALL -> c.addOverall(score, n);
          case Tally.BY_COHORT -> c.addCohort(key == null ? null : Long.valueOf(key), score, n);
          case Tally.BY_OUTCOME -> c.addOutcome(OnboardingOutcome.valueOf(key), score, n);
          default -> {
            int cut = key.indexOf(':');
            c.addArea(Integer.parseInt(key.substring(0, cut)), key.endsWith(":adopter"), score, n);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--answers", e.getMessage());
    }
    List<SatisfactionReport> out = new ArrayList<>();
    counts.forEach((id, c) -> out.add(c.report(id, from, to, asOf)));
    return out;
  }

  /** Per week, the distribution of a value (empty for weeks without one). */
  private Distribution[] distributions(String report) {
    Map<Long, Percentiles.Counted> byWeek = distributions.getOrDefault(report, Map.of());
    Distribution[] out = new Distribution[weeks];
    for (int w = 0; w < weeks; w++) {
      Percentiles.Counted c = byWeek.get(firstWeek + w);
      out[w] = c == null ? Distribution.EMPTY : c.result();
    }
    return out;
  }

  private List<Map<String, Long>> maps() {
    List<Map<String, Long>> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      out.add(new HashMap<>());
    }
    return out;
  }
}
