package io.productopsdash.server.cli;

import io.productopsdash.models.rollup.AcquisitionReport;
import io.productopsdash.models.rollup.AcquisitionWeek;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.rollup.AreaDepth;
import io.productopsdash.models.rollup.AreaSatisfaction;
import io.productopsdash.models.rollup.Distribution;
import io.productopsdash.models.rollup.FeatureUsage;
import io.productopsdash.models.rollup.KeyCount;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.OnboardingReport;
import io.productopsdash.models.rollup.SatisfactionGroup;
import io.productopsdash.models.rollup.SatisfactionReport;
import io.productopsdash.models.rollup.UsageReport;
import io.productopsdash.models.rollup.UsageWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rollup reports as aligned text tables for a terminal; missing values show as {@code -}. */
final class RollupTables {
  private RollupTables() {}

  static String acquisition(AcquisitionReport r) {
    StringBuilder out = new StringBuilder("Signups per ISO week, " + r.from() + " to " + r.to() + ", as of " + r.asOf() + "\n\n");
    List<String[]> weeks = new ArrayList<>();
    weeks.add(new String[] {"week", "signups"});
    List<String[]> sources = new ArrayList<>();
    sources.add(new String[] {"week", "source", "users"});
    List<String[]> segments = new ArrayList<>();
    segments.add(new String[] {"week", "segment", "users"});
    for (AcquisitionWeek w : r.weeks()) {
      weeks.add(new String[] {w.week() + (w.partial() ? " (partial)" : ""), Long.toString(w.signups())});
      for (KeyCount k : w.bySource()) {
        sources.add(new String[] {w.week().toString(), k.key(), Long.toString(k.users())});
      }
      for (KeyCount k : w.bySegment()) {
        segments.add(new String[] {w.week().toString(), k.key(), Long.toString(k.users())});
      }
    }
    out.append(table(weeks, "lr")).append("\nBy source\n").append(table(sources, "llr"));
    out.append("\nBy segment\n").append(table(segments, "llr"));
    return out.toString();
  }

  static String onboarding(OnboardingReport r) {
    StringBuilder out =
        new StringBuilder(
            "Onboarding per signup-week cohort, " + r.from() + " to " + r.to() + ", as of " + r.asOf()
                + " (conversion window " + r.conversionWindowDays() + " days; time to first transaction: median, p75, p90;"
                + " a cohort is in progress until its window has closed)\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {
      "cohort", "users", "converted", "conv %", "time med", "p75", "p90", "steps med", "sessions med", "days med",
      "tickets/user", "with ticket %", "silent", "in progress", "after window"
    });
    for (OnboardingCohort c : r.cohorts()) {
      rows.add(new String[] {
        c.week() + (c.complete() ? "" : " (in progress)"), Long.toString(c.users()), Long.toString(c.converted()),
        percent(c.conversionRate()), hours(c.hoursToFirstTransaction().median()), hours(c.hoursToFirstTransaction().p75()),
        hours(c.hoursToFirstTransaction().p90()), num(c.steps().median()), num(c.sessions().median()),
        num(c.days().median()), num(c.supportTickets().meanPerUser()), percent(c.supportTickets().shareWithAny()),
        Long.toString(c.silentGiveUps()), Long.toString(c.inProgress()), Long.toString(c.convertedAfterWindow())
      });
    }
    return out.append(table(rows, "lrrrrrrrrrrrrrr")).toString();
  }

  static String usage(UsageReport r) {
    StringBuilder out = new StringBuilder("Usage per ISO week, " + r.from() + " to " + r.to() + ", as of " + r.asOf() + "\n");
    for (UsageWeek w : r.weeks()) {
      Distribution s = w.sessionsPerUser();
      Distribution t = w.sessionSecondsPerUser();
      out.append('\n').append(w.week()).append(w.partial() ? " (partial week)" : "").append(": ").append(w.activeUsers()).append(" active users, ")
          .append(w.sessions()).append(" sessions, ").append(w.events()).append(" events; per user: sessions median ")
          .append(num(s.median())).append(" mean ").append(num(s.mean())).append(", session time median ")
          .append(duration(t.median())).append(" mean ").append(duration(t.mean())).append("\n");
      if (!w.features().isEmpty()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "feature/page", "events", "users", "sessions", "session time"});
        for (FeatureUsage f : w.features()) {
          rows.add(new String[] {
            f.kind(), f.key(), Long.toString(f.events()), Long.toString(f.users()), Long.toString(f.sessions()),
            duration(f.sessionSeconds())
          });
        }
        out.append(table(rows, "llrrrr"));
      }
      if (!w.areas().isEmpty()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"area", "users", "% active", "events/user", "days/user", "1", "2-5", "6+"});
        for (AreaDepth a : w.areas()) {
          rows.add(new String[] {
            a.area(), Long.toString(a.users()), percent(a.shareOfActiveUsers()), num(a.eventsPerUser()),
            num(a.activeDaysPerUser()), Long.toString(a.depth1()), Long.toString(a.depth2to5()),
            Long.toString(a.depth6plus())
          });
        }
        out.append(table(rows, "lrrrrrrr"));
      }
    }
    return out.toString();
  }

  static String satisfaction(SatisfactionReport r) {
    StringBuilder out =
        new StringBuilder(
            "Scores of survey " + r.surveyId() + ", answers " + r.from() + " to " + r.to() + ", usage as of " + r.asOf()
                + " (mean with 95% CI; * fewer than " + ScoreSummary.LOW_SAMPLE_THRESHOLD + " answers)\n\n");
    List<String[]> groups = new ArrayList<>();
    groups.add(new String[] {"group", "n", "mean", "95% CI", "top box %", "bottom box %"});
    groups.add(scoreRow("overall", r.overall()));
    for (SatisfactionGroup g : r.bySignupCohort()) {
      groups.add(scoreRow("cohort " + g.key(), g.score()));
    }
    for (SatisfactionGroup g : r.byOnboarding()) {
      groups.add(scoreRow(g.key(), g.score()));
    }
    out.append(table(groups, "lrrrrr")).append("\nBy feature-area adoption (by the end of the answer's week)\n");
    List<String[]> areas = new ArrayList<>();
    areas.add(new String[] {"area", "adopters n", "mean", "others n", "mean", "delta", "p"});
    for (AreaSatisfaction a : r.byArea()) {
      areas.add(new String[] {
        a.area(), n(a.adopters()), num2(a.adopters().mean()), n(a.others()), num2(a.others().mean()), num2(a.meanDelta()),
        a.pValue() == null ? "-" : String.format(Locale.ROOT, "%.4f", a.pValue())
      });
    }
    return out.append(table(areas, "lrrrrrr")).toString();
  }

  private static String[] scoreRow(String label, ScoreSummary s) {
    String ci = s.meanCi() == null ? "-" : num2(s.meanCi().low()) + ".." + num2(s.meanCi().high());
    return new String[] {label, n(s), num2(s.mean()), ci, percent(s.topBox()), percent(s.bottomBox())};
  }

  private static String n(ScoreSummary s) {
    return s.n() + (s.lowSample() ? "*" : "");
  }

  private static String num2(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String num(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** Seconds as "45 s", "12.5 min", "5.2 h" or "3.4 d", with thousands separators. */
  static String duration(Double seconds) {
    if (seconds == null) {
      return "-";
    }
    double s = seconds;
    if (s < 120) {
      return String.format(Locale.ROOT, "%.0f s", s);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%.1f min", s / 60);
    }
    if (s < 48 * 3600) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
    return String.format(Locale.ROOT, "%,.1f d", s / 86_400);
  }

  /** Hours as {@link #duration}. */
  static String hours(Double h) {
    return h == null ? "-" : duration(h * 3600);
  }

  private static String percent(Double fraction) {
    return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f", fraction * 100);
  }

  /** Aligns {@code rows} (the first is the header); {@code align} has 'l' or 'r' per column. */
  static String table(List<String[]> rows, String align) {
    int[] widths = new int[align.length()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String pad = " ".repeat(widths[i] - row[i].length());
        line.append(i == 0 ? "" : "  ").append(align.charAt(i) == 'r' ? pad + row[i] : row[i] + pad);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
