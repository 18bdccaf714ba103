package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.engine.cluster.ClusteringMetrics;
import io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.ThemeWeek;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden fixture of the theme engine (issue 4, Tests): a hand-written, labelled corpus of
 * wallet-app feedback ({@code golden-feedback.csv}: eight topics and a few one-off noise answers)
 * stored as one survey week in a real SQLite file and run once through the product pipeline
 * ({@link ThemePipeline#runWithoutSentiment}: CoreNLP enrichment, MiniLM embeddings, clustering,
 * noise bucket, CoreNLP labels, feature requests). The results are checked against {@code
 * golden-feedback.expected.properties}: the number of themes, each topic mostly in a theme of its
 * own, ARI against the topics, each topic theme's exact label and some of its keywords, quotes
 * drawn from the theme, the feature-request topics grouped into one request each with its
 * requester count, and the noise answers kept out of the topic themes. The file says why each
 * tolerance is there. Sentiment is not part of this fixture (ThemePipelineIT covers it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenThemesIT {
  private static final WeekId WEEK = WeekId.parse("2026-W20");
  private static final Instant T0 = Instant.parse("2026-05-11T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(7 * 86400), ZoneOffset.UTC);
  private static final String NOISE = "noise";

  /** One row of the corpus: its 1-based record number, text and topic. */
  private record Row(int line, String text, String topic) {}

  @TempDir static Path dir;
  private Database db;
  private Survey survey;
  private Properties expected;
  private List<Row> rows;
  /** The corpus row of each stored answer id, in row order. */
  private final Map<Long, Row> rowOf = new LinkedHashMap<>();
  private WeeklyThemeRun.Result result;
  /** Theme id of each themed answer id. */
  private final Map<Long, Long> themeOf = new HashMap<>();
  private Map<Long, List<Long>> requestMembers;
  private List<FeatureRequest> requests;

  @BeforeAll
  void runThePipelineOnce() {
    rows = corpus();
    expected = expectations();
    db = Database.open(dir);
    AnswerRepository answers = new AnswerRepository();
    survey =
        db.write(
            c -> {
              Survey s = ThemeWeeksFixture.insertSurvey(c, T0);
              for (Row r : rows) {
                // One respondent per row: each request's requesters equal its answers.
                Answer a =
                    answers.insert(
                        c, "golden-" + r.line(), s.id(), "user-" + r.line(), WEEK, 1 + r.line() % 7, r.text(), "en",
                        null, T0);
                rowOf.put(a.id(), r);
              }
              return s;
            });
    long start = System.nanoTime();
    result = ThemePipeline.runWithoutSentiment(db, survey.seriesId(), WEEK, CLOCK, WeeklyThemeRun.Progress.NONE).themes();
    System.out.printf(Locale.ROOT, "Golden pipeline run: %.1f s%n", (System.nanoTime() - start) / 1e9);
    for (ThemeWeek t : result.themes()) {
      for (Answer a : db.read(c -> answers.listInTheme(c, t.themeId(), WEEK))) {
        themeOf.put(a.id(), t.themeId());
      }
    }
    requestMembers = db.read(c -> new FeatureRequestRepository().answerIdsByRequest(c, survey.seriesId()));
    requests = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId()));
    System.out.println(report());
  }

  @AfterAll
  void close() {
    db.close();
  }

  @Test
  void everyAnswerIsThemedOrUnclusteredAndTheNumberOfThemesIsInRange() {
    assertThat(result.answers()).isEqualTo(rows.size());
    assertThat(themeOf.size() + result.unclustered().size()).isEqualTo(rows.size());
    assertThat(result.themes().size())
        .as("number of themes")
        .isBetween(integer("themes.min"), integer("themes.max"));
  }

  @Test
  void eachTopicIsMostlyInOneThemeOfItsOwn() {
    SoftAssertions soft = new SoftAssertions();
    Map<Long, String> topicOfTheme = new HashMap<>();
    for (String topic : topics()) {
      long theme = mainTheme(topic);
      List<Long> members = answersOf(topic);
      long inTheme = members.stream().filter(a -> Long.valueOf(theme).equals(themeOf.get(a))).count();
      soft.assertThat((double) inTheme / members.size())
          .as("share of topic %s in its main theme", topic)
          .isGreaterThanOrEqualTo(decimal("topic.share.min"));
      long themeSize = themeOf.values().stream().filter(t -> t == theme).count();
      soft.assertThat((double) inTheme / themeSize)
          .as("purity of the main theme of %s", topic)
          .isGreaterThanOrEqualTo(decimal("theme.purity.min"));
      String other = topicOfTheme.put(theme, topic);
      soft.assertThat(other).as("topics %s and %s share theme %d", other, topic, theme).isNull();
    }
    soft.assertAll();
  }

  @Test
  void themesAgreeWithTheTopics() {
    List<Long> ids = rowOf.keySet().stream().filter(a -> !rowOf.get(a).topic().equals(NOISE)).toList();
    List<String> topics = topics();
    int[] truth = new int[ids.size()];
    int[] predicted = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      truth[i] = topics.indexOf(rowOf.get(ids.get(i)).topic());
      // The unclustered bucket counts as one more cluster.
      predicted[i] = Math.toIntExact(themeOf.getOrDefault(ids.get(i), -1L));
    }
    assertThat(ClusteringMetrics.ari(truth, predicted)).as("ARI").isGreaterThanOrEqualTo(decimal("ari.min"));
  }

  @Test
  void eachTopicThemeHasTheExpectedLabelAndKeywords() {
    SoftAssertions soft = new SoftAssertions();
    for (String topic : topics()) {
      ThemeWeek theme = theme(mainTheme(topic));
      String exact = expected.getProperty("topic." + topic + ".label");
      String keyword = expected.getProperty("topic." + topic + ".label.contains");
      assertThat(exact == null ^ keyword == null).as("exactly one label expectation for %s", topic).isTrue();
      if (exact != null) {
        soft.assertThat(theme.label()).as("label of %s", topic).isEqualTo(exact);
      } else {
        soft.assertThat(theme.label()).as("label of %s", topic).contains(keyword);
      }
      soft.assertThat(theme.keywords())
          .as("keywords of %s", topic)
          .containsAll(list("topic." + topic + ".keywords"));
    }
    soft.assertAll();
  }

  @Test
  void quotesAreMembersOfTheirThemeAndOfItsTopic() {
    SoftAssertions soft = new SoftAssertions();
    for (ThemeWeek t : result.themes()) {
      soft.assertThat(t.quotes()).as("quotes of %s", t.label()).hasSize(Math.min(3, t.size())).doesNotHaveDuplicates();
      for (long q : t.quotes()) {
        soft.assertThat(themeOf.get(q)).as("theme of quote %d of %s", q, t.label()).isEqualTo(t.themeId());
      }
    }
    for (String topic : topics()) {
      ThemeWeek t = theme(mainTheme(topic));
      for (long q : t.quotes()) {
        soft.assertThat(rowOf.get(q).topic()).as("topic of quote %d of the %s theme", q, topic).isEqualTo(topic);
      }
    }
    soft.assertAll();
  }

  @Test
  void requestTopicsBecomeOneRequestEachWithTheirRequesters() {
    SoftAssertions soft = new SoftAssertions();
    Set<Long> requestTopicAnswers = new HashSet<>();
    for (String topic : list("requests.topics")) {
      List<Long> members = answersOf(topic);
      requestTopicAnswers.addAll(members);
      Set<Long> holding = new TreeSet<>();
      requestMembers.forEach((request, answers) -> {
        if (answers.stream().anyMatch(members::contains)) {
          holding.add(request);
        }
      });
      soft.assertThat(holding).as("requests holding %s answers", topic).hasSize(1);
      if (holding.size() != 1) {
        continue;
      }
      long id = holding.iterator().next();
      FeatureRequest request = requests.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
      List<Long> answers = requestMembers.get(id);
      soft.assertThat(answers).as("answers of the %s request", topic).allMatch(members::contains);
      soft.assertThat(request.requesters())
          .as("requesters of the %s request", topic)
          .isEqualTo(integer("topic." + topic + ".request.requesters"));
      soft.assertThat(request.answers()).as("answers of the %s request", topic).isEqualTo(answers.size());
      soft.assertThat(request.name())
          .as("label of the %s request", topic)
          .isEqualTo(expected.getProperty("topic." + topic + ".request.label"));
      soft.assertThat(request.weekly()).as("weeks of the %s request", topic).containsOnlyKeys(WEEK);
    }
    long others = requestMembers.values().stream().flatMap(List::stream).filter(a -> !requestTopicAnswers.contains(a)).count();
    soft.assertThat(others)
        .as("answers of other topics detected as requests")
        .isEqualTo(integer("requests.otherTopics.answers"));
    soft.assertAll();
  }

  @Test
  void noiseAnswersStayOutOfTheTopicThemes() {
    Set<Long> topicThemes = new HashSet<>();
    for (String topic : topics()) {
      topicThemes.add(mainTheme(topic));
    }
    List<Long> noise = answersOf(NOISE);
    assertThat(noise).isNotEmpty();
    SoftAssertions soft = new SoftAssertions();
    long unclustered = noise.stream().filter(result.unclustered()::contains).count();
    soft.assertThat(unclustered).as("noise answers unclustered").isGreaterThanOrEqualTo(integer("noise.unclustered.min"));
    for (long a : noise) {
      soft.assertThat(themeOf.get(a)).as("theme of noise answer '%s'", rowOf.get(a).text()).isNotIn(topicThemes);
    }
    // Every theme is one of the topics' themes, or a small theme of leftovers.
    for (ThemeWeek t : result.themes()) {
      if (!topicThemes.contains(t.themeId())) {
        soft.assertThat(t.size()).as("size of the non-topic theme %s", t.label()).isLessThanOrEqualTo(integer("otherThemes.size.max"));
      }
    }
    soft.assertAll();
  }

  // --- corpus and expectations ---

  private static List<Row> corpus() {
    List<Row> out = new ArrayList<>();
    try (InputStream in = resource("golden-feedback.csv");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      int line = 0;
      for (CSVRecord r : format.parse(reader)) {
        line++;
        out.add(new Row(line, r.get("text"), r.get("topic")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Properties expectations() {
    Properties p = new Properties();
    try (InputStream in = resource("golden-feedback.expected.properties");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static InputStream resource(String name) {
    InputStream in = GoldenThemesIT.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the test class path");
    }
    return in;
  }

  private String required(String key) {
    String v = expected.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("golden-feedback.expected.properties has no " + key);
    }
    return v.strip();
  }

  private int integer(String key) {
    return Integer.parseInt(required(key));
  }

  private double decimal(String key) {
    return Double.parseDouble(required(key));
  }

  private List<String> list(String key) {
    return Arrays.stream(required(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // --- views of the run ---

  /** The topics of the corpus other than noise, in file order. */
  private List<String> topics() {
    Set<String> out = new LinkedHashSet<>();
    for (Row r : rows) {
      if (!r.topic().equals(NOISE)) {
        out.add(r.topic());
      }
    }
    return List.copyOf(out);
  }

  private List<Long> answersOf(String topic) {
    return rowOf.keySet().stream().filter(a -> rowOf.get(a).topic().equals(topic)).toList();
  }

  /** The theme holding most of the topic's answers (ties: the smaller theme id). */
  private long mainTheme(String topic) {
    Map<Long, Integer> counts = new HashMap<>();
    for (long a : answersOf(topic)) {
      Long t = themeOf.get(a);
      if (t != null) {
        counts.merge(t, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new AssertionError("No answer of topic " + topic + " is in a theme"));
  }

  private ThemeWeek theme(long id) {
    return result.themes().stream().filter(t -> t.themeId() == id).findFirst().orElseThrow();
  }

  /** The CoreNLP labeller's keywords of each stored theme, from the stored enrichment rows. */
  private Map<Long, List<String>> coreNlpTerms() {
    List<Long> ids = new ArrayList<>(themeOf.keySet());
    List<Answer> members = db.read(c -> new AnswerRepository().listByIds(c, ids));
    Map<Long, EnrichmentRepository.Row> enriched = db.read(c -> new EnrichmentRepository().find(c, ids));
    List<Long> themes = result.themes().stream().map(ThemeWeek::themeId).toList();
    int[] assignments = members.stream().mapToInt(a -> themes.indexOf(themeOf.get(a.id()))).toArray();
    List<CoreNlpThemeLabeler.ThemeTerms> terms =
        CoreNlpThemeLabeler.fromRows(members, enriched, null)
            .describe(members.stream().map(Answer::comment).toList(), assignments, themes.size());
    Map<Long, List<String>> out = new HashMap<>();
    for (int t = 0; t < themes.size(); t++) {
      out.put(themes.get(t), terms.get(t).keywords());
    }
    return out;
  }

  /** What the run produced, printed so a failure can be read against it. */
  private String report() {
    StringBuilder out = new StringBuilder("Golden themes (" + result.themes().size() + "):\n");
    Map<Long, List<String>> coreNlp = coreNlpTerms();
    for (ThemeWeek t : result.themes()) {
      Map<String, Integer> mix = new LinkedHashMap<>();
      themeOf.forEach((a, theme) -> {
        if (theme == t.themeId()) {
          mix.merge(rowOf.get(a).topic(), 1, Integer::sum);
        }
      });
      List<String> quotes = t.quotes().stream().map(q -> rowOf.get(q).topic() + ":" + rowOf.get(q).line()).toList();
      out.append(String.format(Locale.ROOT, "  #%d size %d label \"%s\" keywords %s CoreNLP terms %s topics %s quotes %s%n",
          t.themeId(), t.size(), t.label(), t.keywords(), coreNlp.get(t.themeId()), mix, quotes));
    }
    List<String> unclustered = result.unclustered().stream().map(a -> rowOf.get(a).topic() + ":" + rowOf.get(a).text()).toList();
    out.append("  unclustered: ").append(unclustered).append('\n');
    for (FeatureRequest r : requests) {
      Map<String, Integer> mix = new LinkedHashMap<>();
      for (long a : requestMembers.getOrDefault(r.id(), List.of())) {
        mix.merge(rowOf.get(a).topic(), 1, Integer::sum);
      }
      out.append(String.format(Locale.ROOT, "  request #%d \"%s\" requesters %d answers %d topics %s%n",
          r.id(), r.name(), r.requesters(), r.answers(), mix));
    }
    for (String topic : topics()) {
      List<Long> notDetected = answersOf(topic).stream()
          .filter(a -> requestMembers.values().stream().noneMatch(m -> m.contains(a))).toList();
      out.append("  ").append(topic).append(" not requests: ")
          .append(notDetected.stream().map(a -> rowOf.get(a).line()).toList()).append('\n');
    }
    return out.toString();
  }
}
