package io.productopsdash.engine.rollup.bench;

import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.AcquisitionWeek;
import io.productopsdash.models.rollup.AreaDepth;
import io.productopsdash.models.rollup.Distribution;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.models.rollup.UsageWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Rollup reports flattened to {@code key -> value} texts, so Java's and DuckDB's can be compared entry by entry. */
final class Metrics {
  private Metrics() {}

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  static Map<String, String> of(AcquisitionReport r) {
    Map<String, String> out = new TreeMap<>();
    for (AcquisitionWeek w : r.weeks()) {
      if (w.signups() == 0) {
        continue;
      }
      String p = "acq|" + w.week() + "|";
      out.put(p + "signups", Long.toString(w.signups()));
      for (KeyCount k : w.bySource()) {
        out.put(p + "source|" + k.key(), Long.toString(k.users()));
      }
      for (KeyCount k : w.bySegment()) {
        out.put(p + "segment|" + k.key(), Long.toString(k.users()));
      }
    }
    return out;
  }

  static Map<String, String> of(OnboardingReport r) {
    Map<String, String> out = new TreeMap<>();
    for (OnboardingCohort c : r.cohorts()) {
      if (c.users() == 0) {
        continue;
      }
      String p = "onb|" + c.week() + "|";
      out.put(p + "users", Long.toString(c.users()));
      out.put(p + "converted", Long.toString(c.converted()));
      quantiles(out, p + "hours", c.hoursToFirstTransaction());
      quantiles(out, p + "steps", c.steps());
      quantiles(out, p + "sessions", c.sessions());
      quantiles(out, p + "days", c.days());
      out.put(p + "tickets", Long.toString(c.supportTickets().tickets()));
      out.put(p + "usersWithTickets", Long.toString(c.supportTickets().usersWithAny()));
      out.put(p + "silent", Long.toString(c.silentGiveUps()));
      out.put(p + "inProgress", Long.toString(c.inProgress()));
      out.put(p + "afterWindow", Long.toString(c.convertedAfterWindow()));
    }
    return out;
  }

  static Map<String, String> of(UsageReport r) {
    Map<String, String> out = new TreeMap<>();
    for (UsageWeek w : r.weeks()) {
      if (w.activeUsers() == 0) {
        continue;
      }
      String p = "use|" + w.week() + "|";
      out.put(p + "activeUsers", Long.toString(w.activeUsers()));
      out.put(p + "sessions", Long.toString(w.sessions()));
      out.put(p + "events", Long.toString(w.events()));
      quantiles(out, p + "sessionsPerUser", w.sessionsPerUser());
      quantiles(out, p + "secondsPerUser", w.sessionSecondsPerUser());
      for (FeatureUsage f : w.features()) {
        String k = p + f.kind() + "|" + f.key() + "|";
        out.put(k + "events", Long.toString(f.events()));
        out.put(k + "users", Long.toString(f.users()));
        out.put(k + "sessions", Long.toString(f.sessions()));
        out.put(k + "seconds", num(f.sessionSeconds()));
      }
      for (AreaDepth a : w.areas()) {
        if (a.users() == 0) {
          continue;
        }
        String k = p + "area|" + a.area() + "|";
        out.put(k + "users", Long.toString(a.users()));
        out.put(k + "events", Long.toString(Math.round(a.eventsPerUser() * a.users())));
        out.put(k + "days", Long.toString(Math.round(a.activeDaysPerUser() * a.users())));
        out.put(k + "depth", a.depth1() + "/" + a.depth2to5() + "/" + a.depth6plus());
      }
    }
    return out;
  }

  private static void quantiles(Map<String, String> out, String key, Distribution d) {
    if (d.n() > 0) {
      out.put(key + ".median", num(d.median()));
      out.put(key + ".p75", num(d.p75()));
      out.put(key + ".p90", num(d.p90()));
    }
  }

  /** Entries that differ or exist on one side only, as printable lines. */
  static List<String> differences(Map<String, String> java, Map<String, String> duck) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : java.entrySet()) {
      String other = duck.get(e.getKey());
      if (!e.getValue().equals(other)) {
        out.add(e.getKey() + ": java " + e.getValue() + ", duckdb " + other);
      }
    }
    for (String k : duck.keySet()) {
      if (!java.containsKey(k)) {
        out.add(k + ": java missing, duckdb " + duck.get(k));
      }
    }
    return out;
  }
}
