package io.productopsdash.server.cli;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.cluster.TrackingMetrics;
import io.productopsdash.engine.survey.SurveyLoop;
import io.productopsdash.engine.survey.SurveySampler;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.models.Answer;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeWeek;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The weekly theme pipeline over a CSV with a week per row ({@code productopsdash themes
 * --week-column}): the rows are posted as survey answers through the answer path ({@link
 * SurveyLoop}, which redacts them) into a throw-away workspace, each at an instant of its week,
 * and the weeks are themed one after the other in week order, exactly as {@code serve} themes a
 * survey ({@link ThemePipeline}, without sentiment). With labels, {@link TrackingMetrics} measures
 * how well the persistent themes follow them.
 */
final class WeeklyThemeStream {
  /** One input row: its text, week, optional label and score. */
  record Row(int row, String text, WeekId week, String label, int score) {}

  /** What the stream run gives for one row: its theme that week (or null) and that theme's flag and name. */
  record Outcome(Row row, Long theme, String flag, String name) {}

  private static final ThemeRepository THEMES = new ThemeRepository();
  private static final AnswerRepository ANSWERS = new AnswerRepository();

  private final PrintWriter stdout;
  private final PrintStream console;

  WeeklyThemeStream(PrintWriter stdout, PrintStream console) {
    this.stdout = stdout;
    this.console = console;
  }

  /**
   * Runs the stream in a new workspace under {@code workspace} (a temporary folder, deleted
   * afterwards, when null) and returns one outcome per row, in row order.
   */
  List<Outcome> run(List<Row> rows, Path workspace) throws IOException {
    Path dir = workspace != null ? Files.createDirectories(workspace) : Files.createTempDirectory("productopsdash-stream");
    try {
      return runIn(rows, dir);
    } finally {
      if (workspace == null) {
        deleteTree(dir);
      }
    }
  }

  private List<Outcome> runIn(List<Row> rows, Path dir) {
    Database db = Database.open(dir);
    try {
      TreeMap<WeekId, List<Row>> byWeek = new TreeMap<>();
      for (Row r : rows) {
        byWeek.computeIfAbsent(r.week(), w -> new ArrayList<>()).add(r);
      }
      Instant start = byWeek.firstKey().start(ZoneOffset.UTC);
      Survey survey =
          new SurveyService(db, Clock.fixed(start, ZoneOffset.UTC))
              .create(
                  new SurveyDraft(
                      "Stream", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, null, null, 2),
                      "How can we make it better?", 1.0, 0, true));
      SurveyLoop loop = new SurveyLoop(db, new SurveySampler(new byte[16]), Clock.fixed(start, ZoneOffset.UTC), ZoneOffset.UTC);
      Map<Integer, Long> answerOfRow = new HashMap<>();
      CountProgressBar posting = console == null ? null : new CountProgressBar(console, "Posting", "answers");
      int posted = 0;
      for (Map.Entry<WeekId, List<Row>> week : byWeek.entrySet()) {
        Instant monday = week.getKey().start(ZoneOffset.UTC);
        int i = 0;
        for (Row r : week.getValue()) {
          // Spread over the week's first days, one second apart, in file order.
          Instant at = monday.plusSeconds(3600 + i++);
          Answer a =
              loop.submitAnswer(
                      survey.id(),
                      new AnswerSubmission("row-" + r.row(), "user-" + r.row(), r.score(), r.text(), "en", null),
                      at)
                  .answer();
          answerOfRow.put(r.row(), a.id());
          if (posting != null) {
            posting.update(++posted, rows.size());
          }
        }
      }
      if (posting != null) {
        posting.finish();
      }
      Map<WeekId, Map<Long, Long>> themeOf = new HashMap<>();
      Map<WeekId, Map<Long, ThemeWeek>> themesOf = new HashMap<>();
      int n = 0;
      for (WeekId week : byWeek.keySet()) {
        n++;
        long t0 = System.nanoTime();
        Clock end = Clock.fixed(week.end(ZoneOffset.UTC).minusSeconds(60), ZoneOffset.UTC);
        String prefix = String.format(Locale.ROOT, "Week %s (%d of %d)", week, n, byWeek.size());
        ThemePipeline.runWithoutSentiment(db, survey.seriesId(), week, end, progress(prefix));
        if (console != null) {
          console.print("\r" + " ".repeat(100) + "\r");
        }
        Map<Long, Long> assigned = db.read(c -> THEMES.assignments(c, survey.seriesId(), week));
        List<ThemeWeek> themes = db.read(c -> THEMES.weekThemes(c, survey.seriesId(), week));
        themeOf.put(week, assigned);
        Map<Long, ThemeWeek> byId = new HashMap<>();
        themes.forEach(t -> byId.put(t.themeId(), t));
        themesOf.put(week, byId);
        long created = themes.stream().filter(t -> t.trend().name().equals(TrackingMetrics.NEW)).count();
        stdout.printf(
            Locale.ROOT,
            "%s: %,d answers, %d themes (%d new), %,d unclustered, %.1f s%n",
            week, byWeek.get(week).size(), themes.size(), created,
            byWeek.get(week).size() - assigned.size(), (System.nanoTime() - t0) / 1e9);
        stdout.flush();
      }
      List<Outcome> out = new ArrayList<>();
      for (Row r : rows) {
        Long theme = themeOf.get(r.week()).get(answerOfRow.get(r.row()));
        ThemeWeek t = theme == null ? null : themesOf.get(r.week()).get(theme);
        out.add(new Outcome(r, theme, t == null ? "" : t.trend().name(), t == null ? "" : t.name()));
      }
      return out;
    } finally {
      db.close();
    }
  }

  private WeeklyRunProgress progress(String prefix) {
    return new WeeklyRunProgress(console, prefix);
  }

  /** The tracking measures of a labelled stream's outcomes. */
  static TrackingMetrics measure(List<Outcome> outcomes) {
    List<TrackingMetrics.Answer> answers = new ArrayList<>();
    Map<String, TrackingMetrics.ThemeWeek> themeWeeks = new TreeMap<>();
    for (Outcome o : outcomes) {
      answers.add(new TrackingMetrics.Answer(o.row().label(), o.row().week().toString(), o.theme()));
      if (o.theme() != null) {
        themeWeeks.putIfAbsent(
            o.row().week() + "/" + o.theme(),
            new TrackingMetrics.ThemeWeek(o.theme(), o.row().week().toString(), o.flag(), o.name()));
      }
    }
    return TrackingMetrics.of(answers, new ArrayList<>(themeWeeks.values()));
  }

  /** Prints the per-week scores and the tracking measures, ending with the summary line. */
  void report(TrackingMetrics m) {
    stdout.printf(Locale.ROOT, "%-9s %8s %7s %5s %12s %6s %6s%n", "week", "answers", "themes", "new", "unclustered", "NMI", "ARI");
    for (TrackingMetrics.Week w : m.weeks()) {
      stdout.printf(
          Locale.ROOT, "%-9s %8d %7d %5d %12d %6.1f %6.1f%n",
          w.week(), w.answers(), w.themes(), w.newThemes(), w.unclustered(), 100 * w.nmi(), 100 * w.ari());
    }
    stdout.printf(
        Locale.ROOT,
        "%d labels, %d theme ids (%d with answers in one week only); NEW themes %d, of them %d for a label seen"
            + " before; %d of %d doublings flagged GROWING; weekly NMI %.1f, ARI %.1f (mean)%n",
        m.labels(), m.themeIds(), m.oneWeekThemes(), m.newThemes(), m.falseNew(), m.growthsFlagged(), m.growths(),
        100 * m.weeklyNmi(), 100 * m.weeklyAri());
    stdout.println(m.summaryLine());
  }

  /** Writes {@code row,week,theme,name,flag} per row (theme -1 for an unclustered answer). */
  static void write(Path out, List<Outcome> outcomes) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingInt(o -> o.row().row()));
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("row", "week", "theme", "name", "flag").get().print(w)) {
      for (Outcome o : sorted) {
        printer.printRecord(o.row().row(), o.row().week(), o.theme() == null ? -1 : o.theme(), o.name(), o.flag());
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
