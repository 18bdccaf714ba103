package io.productopsdash.engine.theme;

import static io.productopsdash.engine.theme.ThemeWeeksFixture.DARK_MODE;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.LOGIN;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.PRICING;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.T0;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK1;
import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.SentimentWorker;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Survey;
import io.productopsdash.models.theme.ThemeWeek;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on one week of the three fixture topics and a clearly negative one (51 answers): enrichment, themes with
 * sub-themes labelled from the stored enrichment, sentiment in the background, and a second run
 * that processes nothing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThemePipelineIT {
  private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(7 * 86400), ZoneOffset.UTC);

  @TempDir static Path dir;
  private Database db;
  private Survey survey;
  private ThemePipeline.Outcome first;

  @BeforeAll
  void store() {
    db = Database.open(dir);
    AnswerRepository answers = new AnswerRepository();
    survey =
        db.write(
            c -> {
              Survey s = ThemeWeeksFixture.insertSurvey(c, T0);
              List<List<String>> topics = List.of(LOGIN, PRICING, DARK_MODE, CRASHES);
              for (int t = 0; t < topics.size(); t++) {
                for (int i = 0; i < topics.get(t).size(); i++) {
                  answers.insert(c, "r-" + t + "-" + i, s.id(), "u-" + t + "-" + i, WEEK1, 2 + 2 * t + i % 2, topics.get(t).get(i), "en", null, T0);
                }
              }
              return s;
            });
    first = ThemePipeline.run(db, survey.seriesId(), WEEK1, CLOCK, WeeklyThemeRun.Progress.NONE);
  }

  @AfterAll
  void close() throws Exception {
    first.sentiment().get(5, TimeUnit.MINUTES);
    db.close();
  }

  /** A clearly negative topic: CoreNLP should call most of these negative. */
  private static final List<String> CRASHES =
      List.of(
          "The app is terrible and crashes all the time",
          "Awful experience, the app crashed and I lost all my work",
          "I hate how the app keeps crashing",
          "Horrible app, it crashes every single time I open it",
          "Worst update ever, the app crashes constantly",
          "The crashes are infuriating and ruin my day",
          "This app is garbage, it crashed three times today",
          "Terrible stability, crash after crash",
          "Really bad app, it crashes whenever I upload a photo",
          "The constant crashing is awful and makes the app useless");

  private static final int ANSWERS = 17 + 16 + 8 + 10;

  private ThemeWeek themeOf(String comment) {
    for (ThemeWeek t : first.themes().themes()) {
      List<Answer> members = db.read(c -> new AnswerRepository().listInTheme(c, t.themeId(), WEEK1));
      if (members.stream().anyMatch(a -> a.comment().equals(comment))) {
        return t;
      }
    }
    throw new AssertionError("No theme holds " + comment);
  }

  @Test
  @Order(1)
  void storesASubThemeForEveryAnswerAndDescribesThem() {
    assertThat(first.enrichment().enriched()).isEqualTo(ANSWERS);
    assertThat(first.themes().answers()).isEqualTo(ANSWERS);
    int nulls =
        db.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM answer_themes WHERE sub_theme IS NULL");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(nulls).isZero();
    assertThat(first.themes().themes()).isNotEmpty();
    for (ThemeWeek t : first.themes().themes()) {
      List<SubThemes.SubTheme> subs = SubThemes.of(db, t.themeId(), WEEK1, TextEmbedder.miniLm(1).model());
      assertThat(subs).as("sub-themes of %s", t.label()).isNotEmpty();
      assertThat(subs.stream().mapToInt(SubThemes.SubTheme::size).sum()).isEqualTo(t.size());
      assertThat(subs).extracting(SubThemes.SubTheme::index).doesNotHaveDuplicates();
      Set<Long> members = db.read(c -> new ThemeRepository().subThemes(c, t.themeId(), WEEK1)).keySet();
      for (SubThemes.SubTheme s : subs) {
        assertThat(s.label()).isNotBlank().isNotEqualTo("(no keywords)");
        assertThat(s.label().split("[ ,]+").length).isBetween(1, CoreNlpThemeLabeler.MAX_LABEL_WORDS);
        assertThat(s.quotes()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
        assertThat(members).containsAll(s.quotes());
        Map<Long, Integer> subOf = db.read(c -> new ThemeRepository().subThemes(c, t.themeId(), WEEK1));
        for (long q : s.quotes()) {
          assertThat(subOf.get(q)).isEqualTo(s.index());
        }
      }
    }
    // The login theme (17 answers) is big enough to be clustered again.
    assertThat(themeOf(LOGIN.get(0)).size()).isGreaterThanOrEqualTo(10);
  }

  /** Labels from the stored rows are the labels a fresh CoreNLP pass gives. */
  @Test
  @Order(2)
  void labelsFromStoredEnrichmentEqualLabelsFromAFreshPass() {
    List<Answer> answers = db.read(c -> new AnswerRepository().listCommentedInSeries(c, survey.seriesId(), WEEK1));
    Map<Long, EnrichmentRepository.Row> rows =
        db.read(c -> new EnrichmentRepository().find(c, answers.stream().map(Answer::id).toList()));
    assertThat(rows).hasSize(ANSWERS);
    List<String> texts = answers.stream().map(Answer::comment).toList();
    int[] topics = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      topics[i] = LOGIN.contains(t) ? 0 : PRICING.contains(t) ? 1 : DARK_MODE.contains(t) ? 2 : 3;
    }
    assertThat(CoreNlpThemeLabeler.fromRows(answers, rows, null).describe(texts, topics, 4))
        .isEqualTo(CoreNlpThemeLabeler.enriching(Enricher.shared()).describe(texts, topics, 4));
  }

  @Test
  @Order(3)
  void sentimentRunsAfterTheThemesAndAddsUpToEachThemeSize() throws Exception {
    SentimentWorker.Report report = first.sentiment().get(5, TimeUnit.MINUTES);
    assertThat(report.answers()).isEqualTo(ANSWERS);
    Set<Long> seen = new HashSet<>();
    for (ThemeWeek t : first.themes().themes()) {
      Map<String, Integer> mix = db.read(c -> new ThemeRepository().sentimentCounts(c, t.themeId(), WEEK1));
      assertThat(mix).containsOnlyKeys("negative", "neutral", "positive", "pending");
      assertThat(mix.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.size());
      assertThat(mix.get("pending")).isZero();
      seen.add(t.themeId());
    }
    ThemeWeek crashes = themeOf(CRASHES.get(0));
    Map<String, Integer> mix = db.read(c -> new ThemeRepository().sentimentCounts(c, crashes.themeId(), WEEK1));
    System.out.println("Crash theme " + crashes.label() + ": " + mix);
    assertThat(mix.get("negative")).as("%s", mix).isGreaterThan(crashes.size() / 2);
    assertThat(seen).hasSize(first.themes().themes().size());
  }

  @Test
  @Order(4)
  void aSecondRunOfTheWeekProcessesNoAnswerAgain() throws Exception {
    ThemePipeline.Outcome again = ThemePipeline.run(db, survey.seriesId(), WEEK1, CLOCK, WeeklyThemeRun.Progress.NONE);
    assertThat(again.enrichment().enriched()).isZero();
    assertThat(again.themes().embedded()).isZero();
    assertThat(again.themes().answers()).isEqualTo(ANSWERS);
    assertThat(again.sentiment().get(5, TimeUnit.MINUTES).answers()).isZero();
    List<Integer> sizes = new ArrayList<>();
    again.themes().themes().forEach(t -> sizes.add(t.size()));
    assertThat(sizes).isEqualTo(first.themes().themes().stream().map(ThemeWeek::size).toList());
  }
}
