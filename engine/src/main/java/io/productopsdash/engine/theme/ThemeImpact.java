package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Interval;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeWeek;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each theme moves a week's score (the "drivers"): the one source of these numbers for
 * the API, the dashboard and the digest.
 *
 * <p>For a survey version's week with N answers and a theme holding n of them: impact = the week's
 * score minus the score of the N − n answers outside the theme. On a CSAT scale the score is the
 * mean; on an NPS survey it is the NPS in points (each answer counts +100 as a promoter, −100 as a
 * detractor and 0 as a passive, and the NPS is their mean), so one formula serves both. Because the
 * week's score is the size-weighted mix of the theme's and the outside score, impact = share ×
 * (theme score − outside score) with share = n / N, and its 95% interval is share times the Welch
 * interval of that difference ({@link ScoreStatistics#welchDifferenceInterval}), the share taken as
 * fixed. Drivers are ranked by impact × share: negative ones most negative first, positive ones
 * largest first. A theme under {@value #MIN_ANSWERS} answers is not ranked: it is listed with its
 * impact, its interval (none with one answer) and a "too few answers" note, as is a theme holding
 * every answer of the week (nothing is outside it to compare with, so it has no impact).
 */
public final class ThemeImpact {
  /** Fewest answers a theme needs in a week to be ranked as a driver. */
  public static final int MIN_ANSWERS = 10;

  /** Weeks of a theme's impact history in its detail. */
  public static final int HISTORY_WEEKS = 12;

  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final SurveyRepository SURVEYS = new SurveyRepository();

  /**
   * One theme's impact in one week.
   *
   * @param size the theme's answers of this survey version in the week
   * @param share {@code size} over all the week's answers (commented or not)
   * @param themeScore the theme's mean score or NPS
   * @param outsideScore the score of the answers outside the theme, null when there are none
   * @param impact the week's score minus {@code outsideScore}, null when the theme holds every answer
   * @param interval the 95% interval of {@code impact}, null when either side has fewer than 2 answers
   * @param rank impact × share, what drivers are sorted by; null when there is no impact
   * @param ranked whether the theme is ranked (at least {@link #MIN_ANSWERS} answers and some outside)
   * @param note why it is not ranked, else null
   */
  public record Driver(
      long themeId,
      String name,
      int size,
      double share,
      double themeScore,
      Double outsideScore,
      Double impact,
      Interval interval,
      Double rank,
      boolean ranked,
      String note) {}

  /**
   * The drivers of a week.
   *
   * @param measure {@code mean} or {@code nps}: what the scores and impacts are in
   * @param answers the week's answers to this survey version
   * @param score the week's mean or NPS, null without answers
   * @param negative ranked themes with a negative impact, most negative impact × share first
   * @param positive ranked themes with an impact of 0 or more, largest impact × share first
   * @param tooFew themes not ranked, largest first
   */
  public record Week(
      WeekId week,
      String measure,
      int answers,
      Double score,
      int minAnswers,
      List<Driver> negative,
      List<Driver> positive,
      List<Driver> tooFew) {
    public Week {
      negative = List.copyOf(negative);
      positive = List.copyOf(positive);
      tooFew = List.copyOf(tooFew);
    }

    /** Every theme of the week: negative, positive, then the unranked. */
    public List<Driver> all() {
      List<Driver> out = new ArrayList<>(negative);
      out.addAll(positive);
      out.addAll(tooFew);
      return out;
    }
  }

  /** A theme's impact in one week of its history; {@code driver} is null in a week it had no answers. */
  public record HistoryPoint(WeekId week, Driver driver) {}

  /** A theme's impact over weeks, oldest first; {@code measure} is {@code mean} or {@code nps}. */
  public record History(String measure, List<HistoryPoint> weeks) {
    public History {
      weeks = List.copyOf(weeks);
    }
  }

  /** An answer's score and the theme it belongs to in the week (null: none). */
  public record Scored(int score, Long themeId) {}

  private final Database db;

  public ThemeImpact(Database db) {
    this.db = db;
  }

  /** The drivers of {@code survey}'s {@code week}; a week without answers has empty lists. */
  public Week week(Survey survey, WeekId week) {
    return db.read(c -> week(c, survey, week));
  }

  /**
   * Theme {@code themeId}'s impact in the {@value #HISTORY_WEEKS} weeks up to {@code to}, oldest
   * first, on {@code survey}'s answers.
   *
   * @throws NotFoundException for an unknown theme, or one of another series
   */
  public History history(Survey survey, long themeId, WeekId to) {
    return db.read(c -> {
      ThemeRepository.ThemeRow row =
          THEMES.theme(c, themeId).orElseThrow(() -> new NotFoundException("id", "No theme " + themeId));
      if (row.seriesId() != survey.seriesId()) {
        throw new NotFoundException("id", "Theme " + themeId + " is not a theme of survey " + survey.id());
      }
      List<HistoryPoint> out = new ArrayList<>();
      for (int i = HISTORY_WEEKS - 1; i >= 0; i--) {
        WeekId w = to.plusWeeks(-i);
        Driver d = week(c, survey, w).all().stream().filter(x -> x.themeId() == themeId).findFirst().orElse(null);
        out.add(new HistoryPoint(w, d));
      }
      return new History(survey.scale().kind() == ScoreKind.NPS ? "nps" : "mean", out);
    });
  }

  /** As {@link #history(Survey, long, WeekId)} on the newest version of the theme's survey series. */
  public History history(long themeId, WeekId to) {
    Survey survey = db.read(c -> {
      ThemeRepository.ThemeRow row =
          THEMES.theme(c, themeId).orElseThrow(() -> new NotFoundException("id", "No theme " + themeId));
      return SURVEYS.findLatestInSeries(c, row.seriesId())
          .orElseThrow(() -> new NotFoundException("id", "Theme " + themeId + " has no survey"));
    });
    return history(survey, themeId, to);
  }

  private static Week week(Connection c, Survey survey, WeekId week) throws SQLException {
    List<Answer> answers = ANSWERS.listInWeeks(c, survey.id(), week, week);
    Map<Long, Long> themeOf = THEMES.assignments(c, survey.seriesId(), week);
    Map<Long, ThemeRepository.ThemeRow> identities = THEMES.themes(c, survey.seriesId());
    Map<Long, String> names = new HashMap<>();
    for (ThemeWeek t : THEMES.weekThemes(c, survey.seriesId(), week)) {
      ThemeRepository.ThemeRow identity = identities.get(t.themeId());
      names.put(t.themeId(), identity != null && identity.name() != null ? identity.name() : t.name());
    }
    List<Scored> scored = new ArrayList<>(answers.size());
    for (Answer a : answers) {
      scored.add(new Scored(a.score(), themeOf.get(a.id())));
    }
    return compute(week, survey.scale(), scored, names);
  }

  /**
   * The drivers of one week from its answers; {@code names} gives each theme's name (a theme
   * without one is named by its id).
   */
  public static Week compute(WeekId week, Scale scale, List<Scored> answers, Map<Long, String> names) {
    boolean nps = scale.kind() == ScoreKind.NPS;
    String measure = nps ? "nps" : "mean";
    int total = answers.size();
    if (total == 0) {
      return new Week(week, measure, 0, null, MIN_ANSWERS, List.of(), List.of(), List.of());
    }
    Moments all = new Moments();
    Map<Long, Moments> byTheme = new LinkedHashMap<>();
    for (Scored a : answers) {
      double x = value(scale, a.score());
      all.add(x);
      if (a.themeId() != null) {
        byTheme.computeIfAbsent(a.themeId(), k -> new Moments()).add(x);
      }
    }
    double weekScore = all.mean();
    List<Driver> negative = new ArrayList<>();
    List<Driver> positive = new ArrayList<>();
    List<Driver> tooFew = new ArrayList<>();
    for (Map.Entry<Long, Moments> e : byTheme.entrySet()) {
      Moments in = e.getValue();
      Moments out = all.minus(in);
      double share = (double) in.n / total;
      Double outsideScore = out.n == 0 ? null : out.mean();
      Double impact = out.n == 0 ? null : weekScore - out.mean();
      Interval interval = null;
      if (out.n > 0) {
        Interval diff = ScoreStatistics.welchDifferenceInterval(in.mean(), in.variance(), in.n, out.mean(), out.variance(), out.n);
        interval = diff == null ? null : new Interval(share * diff.low(), share * diff.high());
      }
      String name = names.getOrDefault(e.getKey(), "theme " + e.getKey());
      String note = null;
      if (impact == null) {
        note = "holds every answer of the week: nothing outside it to compare with";
      } else if (in.n < MIN_ANSWERS) {
        note = "too few answers to rank (" + in.n + ", fewer than " + MIN_ANSWERS + ")";
      }
      Driver d =
          new Driver(
              e.getKey(), name, (int) in.n, share, in.mean(), outsideScore, impact, interval,
              impact == null ? null : impact * share, note == null, note);
      if (note != null) {
        tooFew.add(d);
      } else if (impact < 0) {
        negative.add(d);
      } else {
        positive.add(d);
      }
    }
    negative.sort(Comparator.comparingDouble(Driver::rank).thenComparingLong(Driver::themeId));
    positive.sort(Comparator.comparingDouble((Driver d) -> -d.rank()).thenComparingLong(Driver::themeId));
    tooFew.sort(Comparator.comparingInt((Driver d) -> -d.size()).thenComparingLong(Driver::themeId));
    return new Week(week, measure, total, weekScore, MIN_ANSWERS, negative, positive, tooFew);
  }

  /** An answer's contribution to the score: the score itself, or +100 / 0 / −100 on NPS. */
  static double value(Scale scale, int score) {
    if (scale.kind() != ScoreKind.NPS) {
      return score;
    }
    return scale.isTopBox(score) ? 100 : scale.isBottomBox(score) ? -100 : 0;
  }

  /* Count, sum and sum of squares; exact for the integer-valued scores here. */
  private static final class Moments {
    long n;
    double sum;
    double squares;

    void add(double x) {
      n++;
      sum += x;
      squares += x * x;
    }

    Moments minus(Moments other) {
      Moments m = new Moments();
      m.n = n - other.n;
      m.sum = sum - other.sum;
      m.squares = squares - other.squares;
      return m;
    }

    double mean() {
      return sum / n;
    }

    /* Sample variance (divisor n - 1); 0 below two answers, where no interval is made anyway. */
    double variance() {
      if (n < 2) {
        return 0;
      }
      double v = (squares - sum * sum / n) / (n - 1);
      return Math.max(0, v);
    }
  }
}
