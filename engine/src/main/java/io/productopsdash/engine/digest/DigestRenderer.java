package io.productopsdash.engine.digest;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.productopsdash.models.Interval;
import io.productopsdash.models.ScoreChange;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.Significance;
import io.productopsdash.models.WeeklyScore;
import io.productopsdash.models.rollup.OnboardingCohort;
import io.productopsdash.models.rollup.RollupSnapshot;
import io.productopsdash.models.theme.ThemeTrend;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Digest} into an email's subject, HTML part and plain-text part from the Mustache
 * templates {@code digest.html.mustache} and {@code digest.txt.mustache} beside this class.
 *
 * <p>Escaping: the HTML template only uses {@code {{name}}} (never the unescaped triple form), so
 * every value, user text included, goes through Mustache's HTML escaper ({@code & < > " ' ` =}).
 * The text template is rendered without HTML escaping (a mail reader shows it literally); there,
 * and in the subject, user text is made safe by {@link #oneLine}: control characters (CR and LF
 * included, so nothing can start a new header line) and bidirectional overrides become spaces or
 * vanish, and long texts are cut.
 *
 * <p>Numbers: means and their changes with two decimals, shares as percentages with one decimal
 * and their changes in percentage points, p-values with three decimals ({@code < 0.001} below);
 * a change is worded by the one rule of {@link Significance} (significant at p &lt; 0.05, "too few
 * answers" when either week has fewer than 30). Durations in hours below two days, else in days.
 * A missing number shows as an en dash.
 */
public final class DigestRenderer {
  /** Significance level of the week-over-week tests ({@link Significance#ALPHA}). */
  public static final double ALPHA = Significance.ALPHA;
  /** Longest quote shown, in characters. */
  static final int MAX_QUOTE = 280;
  static final int MAX_SUBJECT_NAME = 80;
  static final String NONE = "\u2013";

  private final Mustache html;
  private final Mustache text;
  private final ZoneId zone;

  /** {@code zone} is where the composition time is shown. */
  public DigestRenderer(ZoneId zone) {
    this.zone = zone;
    this.html = new DefaultMustacheFactory("io/productopsdash/engine/digest").compile("digest.html.mustache");
    this.text = new PlainTextFactory().compile("digest.txt.mustache");
  }

  /* The plain-text part is not HTML: its values are written as they are (made safe by oneLine). */
  private static final class PlainTextFactory extends DefaultMustacheFactory {
    PlainTextFactory() {
      super("io/productopsdash/engine/digest");
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public RenderedDigest render(Digest d) {
    Map<String, Object> view = view(d);
    return new RenderedDigest((String) view.get("subject"), execute(html, view), execute(text, view));
  }

  /** The subject line: survey name, week, and the mean with its change. */
  public static String subject(Digest d) {
    ScoreSummary s = d.score().score();
    String name = oneLine(d.surveyName(), MAX_SUBJECT_NAME);
    String headline =
        s.mean() == null
            ? "no answers"
            : "mean " + fixed(s.mean(), 2)
                + (d.score().change().meanDelta() == null ? "" : " (" + signed(d.score().change().meanDelta(), 2) + ")");
    return "ProductOpsDash digest: " + name + ", " + d.week() + ": " + headline;
  }

  private Map<String, Object> view(Digest d) {
    Map<String, Object> v = new LinkedHashMap<>();
    WeeklyScore now = d.score();
    WeeklyScore before = d.previousScore();
    ScoreSummary s = now.score();
    v.put("subject", subject(d));
    v.put("surveyName", oneLine(d.surveyName(), 200));
    v.put("week", d.week().toString());
    v.put("previousWeek", d.previousWeek().toString());
    v.put("asOf", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(d.asOf().atZone(zone)) + " " + zone.getId());
    v.put("overviewUrl", d.links().overview());
    v.put("requestsUrl", d.links().featureRequests());
    v.put("acquisitionUrl", d.links().acquisition());
    v.put("onboardingUrl", d.links().onboarding());
    v.put("n", s.n());
    if (s.lowSample()) {
      v.put(
          "lowSample",
          "Too few answers: " + s.n() + " this week" + (before.score().n() < ScoreSummary.LOW_SAMPLE_THRESHOLD
              ? " and " + before.score().n() + " the week before" : "")
              + " (fewer than " + ScoreSummary.LOW_SAMPLE_THRESHOLD + "), so intervals are wide and changes uncertain.");
    } else if (before.score().lowSample()) {
      v.put(
          "lowSample",
          "Too few answers the week before (" + before.score().n() + ", fewer than " + ScoreSummary.LOW_SAMPLE_THRESHOLD
              + "), so the changes are uncertain.");
    }
    v.put("scoreRows", scoreRows(d));
    v.put("hasThemes", !d.themes().isEmpty());
    v.put("themedAnswers", d.themedAnswers());
    v.put("themes", d.themes().stream().map(DigestRenderer::themeRow).toList());
    v.put("hasNewThemes", !d.newThemes().isEmpty());
    v.put("newThemes", d.newThemes().stream().map(DigestRenderer::themeRow).toList());
    v.put("themeRunNote", themeRunNote(d));
    putDrivers(v, d.drivers());
    v.put("hasRequests", !d.requests().top().isEmpty());
    v.put("requests", d.requests().top().stream().map(DigestRenderer::requestRow).toList());
    v.put("hasAddedRequests", !d.requests().added().isEmpty());
    v.put("addedRequests", d.requests().added().stream().map(DigestRenderer::requestRow).toList());
    v.put("hasGrowingRequests", !d.requests().growing().isEmpty());
    v.put("growingRequests", d.requests().growing().stream().map(DigestRenderer::requestRow).toList());
    v.put("hasStatusChanges", !d.requests().statusChanges().isEmpty());
    v.put("statusChanges", d.requests().statusChanges().stream().map(DigestRenderer::statusRow).toList());
    v.put("productRows", productRows(d));
    if (d.productSnapshot() != null) {
      RollupSnapshot s2 = d.productSnapshot();
      v.put(
          "productSource",
          "These two weeks come from an imported snapshot (" + oneLine(s2.source(), 200) + ", as of "
              + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(s2.asOf().atZone(zone)) + " " + zone.getId()
              + ", " + String.format(Locale.ROOT, "%,d", s2.events()) + " events): the stored events do not cover them.");
    }
    onboarding(d, v, zone);
    return v;
  }

  /* Says when the themes are from an earlier run than the week's last; nothing when they are complete. */
  private String themeRunNote(Digest d) {
    Digest.ThemeRunNote note = d.themeRun();
    if (note.waiting() == 0) {
      return null;
    }
    String when =
        note.lastRunAt() == null
            ? "an earlier theme run"
            : "the theme run of " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(note.lastRunAt().atZone(zone))
                + " " + zone.getId();
    return "Composed from " + when + ": " + note.waiting() + (note.waiting() == 1 ? " comment" : " comments")
        + " of the week had not been themed when this digest was sent.";
  }

  private static void putDrivers(Map<String, Object> v, Digest.Drivers drivers) {
    boolean nps = drivers.measure().equals("nps");
    v.put("hasDrivers", !drivers.down().isEmpty());
    v.put(
        "driversHelp",
        "Impact: the week's " + (nps ? "NPS" : "mean score") + " minus that of the answers outside the theme"
            + (nps ? ", in NPS points" : "") + ", with its 95% interval; ranked by impact \u00d7 share.");
    v.put(
        "noDrivers",
        "No theme pulled the score down measurably"
            + (drivers.unranked() > 0
                ? " (" + drivers.unranked() + (drivers.unranked() == 1 ? " theme has" : " themes have") + " too few answers to rank: fewer than "
                    + drivers.minAnswers() + ")."
                : "."));
    List<Map<String, Object>> rows = new ArrayList<>();
    int decimals = nps ? 1 : 2;
    for (Digest.DriverItem item : drivers.down()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", oneLine(item.name(), 120));
      r.put("impact", signed(item.impact(), decimals) + (nps ? " NPS points" : ""));
      r.put(
          "interval",
          item.low() == null ? "no interval" : "95% CI " + signed(item.low(), decimals) + " \u2013 " + signed(item.high(), decimals));
      r.put("size", item.size() == 1 ? "1 answer" : item.size() + " answers");
      r.put("share", percent(item.share()));
      r.put("url", item.link());
      rows.add(r);
    }
    v.put("drivers", rows);
  }

  private static List<Map<String, Object>> scoreRows(Digest d) {
    ScoreSummary s = d.score().score();
    ScoreSummary p = d.previousScore().score();
    ScoreChange c = d.score().change();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Answers", Integer.toString(s.n()), null, Integer.toString(p.n()), signed(s.n() - p.n()), null));
    rows.add(row("Mean score", fixed(s.mean(), 2), ci(s.meanCi(), 2, 1), fixed(p.mean(), 2), signed(c.meanDelta(), 2), c.meanPValue(), c.meanVerdict()));
    rows.add(
        row(
            "Top box",
            percent(s.topBox()),
            ci(s.topBoxCi(), 1, 100),
            percent(p.topBox()),
            points(c.topBoxDelta()),
            c.topBoxPValue(),
            c.topBoxVerdict()));
    if (s.nps() != null || p.nps() != null || c.npsDelta() != null) {
      rows.add(row("NPS", fixed(s.nps(), 1), ci(s.npsCi(), 1, 1), fixed(p.nps(), 1), signed(c.npsDelta(), 1), c.npsPValue(), c.npsVerdict()));
    }
    Double rate = d.score().responseRate();
    Double previousRate = d.previousScore().responseRate();
    rows.add(
        row(
            "Response rate",
            percent(rate),
            d.score().respondents() + " of " + d.score().impressions() + " shown",
            percent(previousRate),
            pointsBetween(rate, previousRate),
            null));
    return rows;
  }

  private static List<Map<String, Object>> productRows(Digest d) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (d.signups() != null) {
      long now = d.signups().signups();
      long before = d.previousSignups().signups();
      boolean partial = d.signups().partial() || d.previousSignups().partial();
      rows.add(
          row(
              "Signups",
              Long.toString(now),
              d.signups().partial() ? "week in progress" : null,
              Long.toString(before),
              partial ? NONE : signed(now - before),
              null));
    }
    return rows;
  }

  /* The newest complete cohort against the complete one before; an open cohort is never compared. */
  private static void onboarding(Digest d, Map<String, Object> v, ZoneId zone) {
    OnboardingCohort o = d.onboarding();
    OnboardingCohort b = d.previousOnboarding();
    v.put("windowDays", d.conversionWindowDays());
    OnboardingCohort open = d.cohortInProgress();
    if (open != null) {
      v.put(
          "cohortInProgress",
          "Cohort " + open.week() + " is in progress (its " + d.conversionWindowDays() + "-day window closes "
              + DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).format(open.windowClosesAt().atZone(zone))
              + "): " + open.users() + " signups, " + open.converted() + " converted so far; not compared.");
    }
    if (o == null) {
      v.put("onboardingNote", "No signup cohort has had its full " + d.conversionWindowDays()
          + "-day conversion window yet, so onboarding is not compared.");
      v.put("onboardingRows", List.of());
      return;
    }
    v.put("onboardingWeek", "Cohort " + o.week());
    v.put("onboardingPreviousWeek", b == null ? NONE : "Cohort " + b.week());
    v.put("onboardingNote", "Onboarding compares the newest complete cohorts, those whose " + d.conversionWindowDays()
        + "-day conversion window has closed: " + o.week() + (b == null ? "" : " against " + b.week()) + ".");
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(
        cohortRow(
            "Conversion to first transaction",
            percent(o.conversionRate()),
            o.converted() + " of " + o.users(),
            b == null ? NONE : percent(b.conversionRate()),
            b == null ? NONE : pointsBetween(o.conversionRate(), b.conversionRate())));
    Double median = o.hoursToFirstTransaction().median();
    Double previousMedian = b == null ? null : b.hoursToFirstTransaction().median();
    rows.add(
        cohortRow(
            "Median time to first transaction",
            duration(median),
            null,
            duration(previousMedian),
            median == null || previousMedian == null ? NONE : signedDuration(median - previousMedian)));
    rows.add(
        cohortRow(
            "Silent give-ups",
            Long.toString(o.silentGiveUps()),
            null,
            b == null ? NONE : Long.toString(b.silentGiveUps()),
            b == null ? NONE : signed(o.silentGiveUps() - b.silentGiveUps())));
    v.put("onboardingRows", rows);
  }

  private static Map<String, Object> cohortRow(String name, String value, String detail, String previous, String change) {
    return row(name, value, detail, previous, change, null);
  }

  private static Map<String, Object> row(
      String name, String value, String detail, String previous, String change, Double p, Significance verdict) {
    Map<String, Object> r = row(name, value, detail, previous, change, null);
    if (p != null) {
      r.put("p", pValue(p));
    }
    if (verdict != null && verdict != Significance.NONE) {
      r.put("verdict", verdict.words());
      r.put("significant", verdict == Significance.SIGNIFICANT);
      r.put("tested", true);
    }
    return r;
  }

  private static Map<String, Object> row(String name, String value, String detail, String previous, String change, Double p) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    r.put("value", value);
    r.put("detail", detail);
    r.put("previous", previous);
    r.put("change", change);
    if (p != null) {
      r.put("p", pValue(p));
    }
    return r;
  }

  private static Map<String, Object> themeRow(Digest.ThemeItem t) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("label", oneLine(t.label(), 120));
    r.put("size", t.size() == 1 ? "1 answer" : t.size() + " answers");
    r.put("share", percent(t.share()));
    r.put("trend", t.trend() == ThemeTrend.STABLE ? "share stable (no significant change)" : t.trend().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    String change;
    if (t.sizeChange() != null) {
      change = signed(t.sizeChange()) + " vs " + t.previousWeek();
    } else {
      change = t.previousWeek() == null ? "first themed week" : "not in " + t.previousWeek();
    }
    r.put("change", change);
    if (t.pValue() != null) {
      r.put("p", pValue(t.pValue()));
    }
    r.put("quote", t.quote() == null ? null : oneLine(t.quote(), MAX_QUOTE));
    r.put("url", t.link());
    return r;
  }

  private static Map<String, Object> requestRow(Digest.RequestItem q) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("label", oneLine(q.label(), 120));
    r.put("requesters", q.requesters());
    r.put("answers", q.answers());
    r.put("thisWeek", q.thisWeek());
    r.put("trend", (q.trend() > 0 ? "+" : "") + q.trend());
    r.put("status", q.status().replace('_', ' '));
    r.put("url", q.link());
    return r;
  }

  private static Map<String, Object> statusRow(Digest.StatusChange c) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("label", oneLine(c.label(), 120));
    r.put("from", c.from() == null ? "new" : c.from().replace('_', ' '));
    r.put("to", c.to().replace('_', ' '));
    r.put("by", oneLine(c.by(), 80));
    r.put("note", c.note() == null ? null : oneLine(c.note(), MAX_QUOTE));
    r.put("url", c.link());
    return r;
  }

  /**
   * {@code s} on one line: control characters (line breaks, tabs, escapes) become spaces, the
   * Unicode bidirectional embeddings/overrides/isolates are dropped, runs of spaces collapse, and a
   * text longer than {@code max} characters is cut with an ellipsis. Null stays null.
   */
  public static String oneLine(String s, int max) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                b.append(' ');
              } else if (!((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))) {
                b.appendCodePoint(cp);
              }
            });
    String flat = b.toString().replaceAll(" {2,}", " ").strip();
    if (flat.codePointCount(0, flat.length()) > max) {
      flat = flat.substring(0, flat.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }
    return flat;
  }

  private static String execute(Mustache template, Map<String, Object> view) {
    StringWriter out = new StringWriter();
    template.execute(out, view);
    return out.toString();
  }

  static String fixed(Double x, int decimals) {
    return x == null ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  static String signed(Double x, int decimals) {
    return x == null ? NONE : String.format(Locale.ROOT, "%+." + decimals + "f", x);
  }

  static String signed(long x) {
    return String.format(Locale.ROOT, "%+d", x);
  }

  /** A fraction as a percentage with one decimal. */
  static String percent(Double fraction) {
    return fraction == null ? NONE : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** A change of fractions in percentage points with one decimal. */
  static String points(Double delta) {
    return delta == null ? NONE : String.format(Locale.ROOT, "%+.1f pp", delta * 100);
  }

  /** The change from {@code before} to {@code now} in percentage points, or a dash when either is missing. */
  static String pointsBetween(Double now, Double before) {
    return now == null || before == null ? NONE : points(now - before);
  }

  static String pValue(double p) {
    return p < 0.001 ? "p < 0.001" : "p = " + fixed(p, 3);
  }

  /** Hours as "5.2 h" below two days, else as "3.4 d". */
  static String duration(Double h) {
    if (h == null) {
      return NONE;
    }
    return Math.abs(h) < 48 ? String.format(Locale.ROOT, "%.1f h", h) : String.format(Locale.ROOT, "%.1f d", h / 24);
  }

  static String signedDuration(double h) {
    return (h >= 0 ? "+" : "-") + duration(Math.abs(h));
  }

  private static String ci(Interval ci, int decimals, double scale) {
    if (ci == null) {
      return null;
    }
    String unit = scale == 100 ? "%" : "";
    return "95% CI " + fixed(ci.low() * scale, decimals) + unit + " \u2013 " + fixed(ci.high() * scale, decimals) + unit;
  }
}
