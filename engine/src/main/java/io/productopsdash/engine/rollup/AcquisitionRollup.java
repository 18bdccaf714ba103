package io.productopsdash.engine.rollup;

import io.productopsdash.definitions.metrics.LocalDays;
import io.productopsdash.definitions.metrics.Rankings;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.AcquisitionWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Acquisition: distinct users whose signup falls in each ISO week (in {@link MetricsConfig#zone()}),
 * by source and by segment. A user's signup is their first {@code signupEvent} track event, with
 * events keyed by {@code userId}, else {@code anonymousId}, resolved through identities (so a
 * signup sent before identify counts for the user once). The source is the signup event's {@code
 * properties[sourceProperty]}, else {@code context.campaign.source}, else {@code
 * properties.utm_source}, else {@code (none)}; the segment is the user's stored trait {@code
 * segmentTrait}, else the signup event's traits or {@code context.traits} value, else {@code
 * (none)}. Only events at or before {@code asOf} count.
 */
public final class AcquisitionRollup {
  private AcquisitionRollup() {}

  public static AcquisitionReport of(EventLog log, MetricsConfig config, WeekId from, WeekId to, Instant asOf) {
    long asOfMillis = asOf.toEpochMilli();
    LocalDays days = LocalDays.of(config.zone(), log.minTs(), Math.max(log.maxTs(), log.minTs()));
    long firstWeek = LocalDays.weekIndex(from);
    int weeks = (int) (LocalDays.weekIndex(to) - firstWeek + 1);
    long[] signups = new long[weeks];
    List<Map<String, Long>> sources = new ArrayList<>();
    List<Map<String, Long>> segments = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      sources.add(new HashMap<>());
      segments.add(new HashMap<>());
    }
    int[] signup = Signups.first(log, config, asOfMillis);
    for (int u = 0; u < signup.length; u++) {
      int s = signup[u];
      if (s < 0) {
        continue;
      }
      long w = days.weekIndex(log.ts(s)) - firstWeek;
      if (w < 0 || w >= weeks) {
        continue;
      }
      signups[(int) w]++;
      sources.get((int) w).merge(Signups.source(log, s, config), 1L, Long::sum);
      segments.get((int) w).merge(Signups.segment(log, u, s, config), 1L, Long::sum);
    }
    List<AcquisitionWeek> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      WeekId week = LocalDays.week(firstWeek + w);
      out.add(new AcquisitionWeek(
          week, signups[w], Rankings.keyCounts(sources.get(w)), Rankings.keyCounts(segments.get(w)), isPartial(week, config, asOf)));
    }
    return new AcquisitionReport(from, to, asOf, out);
  }

  /** Whether {@code week} had not ended at {@code asOf} in the configured zone (a partial week). */
  static boolean isPartial(WeekId week, MetricsConfig config, Instant asOf) {
    return io.productopsdash.definitions.metrics.WeekCompleteness.partial(week, config, asOf);
  }
}
