package io.productopsdash.engine.theme;

import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK1;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK2;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK3;
import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.RequestStatus;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running a week as its answers come in (the normal flow): theme ids and feature-request ids and
 * statuses survive, over a real SQLite file and the real MiniLM embedder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklyThemeRerunIT {
  private static final Clock CLOCK = Clock.fixed(ThemeWeeksFixture.T0.plusSeconds(14 * 86400), ZoneOffset.UTC);
  /** Late week-2 answers: two new users asking for dark mode, one login and one pricing complaint. */
  private static final List<String> LATE_DARK =
      List.of("Please add a dark mode, my eyes hurt at night", "Could you please add a dark theme option");

  private static final String LATE_LOGIN = "Login failed again and I could not sign in to my account";
  private static final String LATE_PRICE = "The subscription price is too expensive for my budget";

  @TempDir static Path dir;
  private Database db;
  private Survey survey;
  private final FeatureRequestRepository requests = new FeatureRequestRepository();
  private final ThemeRepository themes = new ThemeRepository();
  private Map<String, Long> themeIdsBefore;
  private FeatureRequest plannedBefore;
  private Set<Long> plannedAnswersBefore;

  @BeforeAll
  void store() {
    db = Database.open(dir);
    survey = ThemeWeeksFixture.store(db);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private WeeklyThemeRun.Result run(WeekId week, WeeklyThemeRun.Options options) {
    return ThemeWeeksFixture.run(db, survey, week, options, CLOCK, WeeklyThemeRun.Progress.NONE);
  }

  /** The topic of a stored theme of {@code week}, from the fixture list all its comments come from. */
  private String topicOf(long themeId, WeekId week) {
    Set<String> comments =
        db.read(c -> new AnswerRepository().listInTheme(c, themeId, week)).stream()
            .map(Answer::comment)
            .collect(Collectors.toSet());
    Map<String, List<String>> topics =
        Map.of(
            "login", concat(ThemeWeeksFixture.LOGIN, List.of(LATE_LOGIN)),
            "pricing", concat(ThemeWeeksFixture.PRICING, List.of(LATE_PRICE)),
            "dark", concat(ThemeWeeksFixture.DARK_MODE, LATE_DARK));
    for (Map.Entry<String, List<String>> e : topics.entrySet()) {
      if (e.getValue().containsAll(comments)) {
        return e.getKey();
      }
    }
    throw new AssertionError("Theme " + themeId + " mixes topics: " + comments);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private Map<String, Long> idsByTopic(WeeklyThemeRun.Result r) {
    Map<String, Long> out = new HashMap<>();
    for (ThemeWeek t : r.themes()) {
      assertThat(out.put(topicOf(t.themeId(), r.week()), t.themeId())).as("two themes of one topic").isNull();
    }
    return out;
  }

  private List<FeatureRequest> requests() {
    return db.read(c -> requests.list(c, survey.seriesId()));
  }

  private Map<Long, List<Long>> requestAnswers() {
    return db.read(c -> requests.answerIdsByRequest(c, survey.seriesId()));
  }

  private Set<Long> idsOf(List<String> comments, WeekId week) {
    return db.read(c -> new AnswerRepository().listCommentedInSeries(c, survey.seriesId(), week)).stream()
        .filter(a -> comments.contains(a.comment()))
        .map(Answer::id)
        .collect(Collectors.toSet());
  }

  @Test
  @Order(1)
  void runTwoWeeksAndPlanTheDarkModeRequest() {
    run(WEEK1, WeeklyThemeRun.Options.defaults());
    WeeklyThemeRun.Result week2 = run(WEEK2, WeeklyThemeRun.Options.defaults());
    themeIdsBefore = idsByTopic(week2);
    assertThat(themeIdsBefore).containsOnlyKeys("login", "pricing", "dark");
    FeatureRequest dark = requests().stream().filter(r -> r.name().contains("dark")).findFirst().orElseThrow();
    // Created by week 2's run, from week 2's answers only: what the old re-run lost.
    assertThat(dark.weekly()).containsOnlyKeys(WEEK2);
    assertThat(dark.answers()).isGreaterThanOrEqualTo(6);
    Instant later = CLOCK.instant().plusSeconds(60);
    boolean updated = db.write(c -> requests.updateStatus(c, dark.id(), RequestStatus.PLANNED, later));
    assertThat(updated).isTrue();
    plannedBefore = db.read(c -> requests.find(c, dark.id())).orElseThrow();
    assertThat(plannedBefore.status()).isEqualTo(RequestStatus.PLANNED);
    plannedAnswersBefore = Set.copyOf(requestAnswers().get(dark.id()));
    assertThat(idsOf(ThemeWeeksFixture.DARK_MODE, WEEK2)).containsAll(plannedAnswersBefore);
  }

  @Test
  @Order(2)
  void aReRunWithLateAnswersKeepsThePlannedRequestAndTheThemeIds() {
    List<FeatureRequest> before = requests();
    AnswerRepository answers = new AnswerRepository();
    Instant t1 = ThemeWeeksFixture.T0.plusSeconds(8 * 86400);
    db.write(c -> {
      for (int i = 0; i < LATE_DARK.size(); i++) {
        answers.insert(c, "w2-late-dark-" + i, survey.id(), "u2-late-dark-" + i, WEEK2, 6, LATE_DARK.get(i), "en", null, t1);
      }
      answers.insert(c, "w2-late-login", survey.id(), "u2-late-login", WEEK2, 2, LATE_LOGIN, "en", null, t1);
      answers.insert(c, "w2-late-price", survey.id(), "u2-late-price", WEEK2, 4, LATE_PRICE, "en", null, t1);
      return null;
    });

    WeeklyThemeRun.Result again = run(WEEK2, WeeklyThemeRun.Options.defaults());
    assertThat(again.answers()).isEqualTo(21 + 4);
    assertThat(again.embedded()).isEqualTo(4);
    assertThat(again.requestAnswers()).isEqualTo(plannedAnswersBefore.size() + 2 + before.stream()
        .filter(r -> r.id() != plannedBefore.id())
        .mapToInt(r -> r.weekly().getOrDefault(WEEK2, 0))
        .sum());
    assertThat(again.newRequests()).isZero();

    // The same request, still planned, with its earlier answers and the two late ones.
    FeatureRequest planned = db.read(c -> requests.find(c, plannedBefore.id())).orElseThrow();
    assertThat(planned.status()).isEqualTo(RequestStatus.PLANNED);
    assertThat(planned.name()).isEqualTo(plannedBefore.name());
    Set<Long> expected = new HashSet<>(plannedAnswersBefore);
    expected.addAll(idsOf(LATE_DARK, WEEK2));
    assertThat(expected).hasSize(plannedAnswersBefore.size() + 2);
    assertThat(requestAnswers().get(plannedBefore.id())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(planned.answers()).isEqualTo(plannedBefore.answers() + 2);
    assertThat(planned.requesters()).isEqualTo(plannedBefore.requesters() + 2);
    // Weekly counts are distinct requesters: two of the dark-mode answers are one user's.
    assertThat(planned.weekly()).containsExactly(Map.entry(WEEK2, plannedBefore.requesters() + 2));
    // No duplicate: the same requests as before, nothing new, nothing left empty.
    List<FeatureRequest> after = requests();
    assertThat(after).extracting(FeatureRequest::id)
        .containsExactlyInAnyOrderElementsOf(before.stream().map(FeatureRequest::id).toList());
    assertThat(after).allSatisfy(r -> assertThat(r.answers()).as("%s", r).isPositive());

    // The themes of week 2 keep their ids, the dark-mode theme (first seen in week 2) too.
    Map<String, Long> ids = idsByTopic(again);
    assertThat(ids).isEqualTo(themeIdsBefore);
    ThemeWeek dark = again.themes().stream().filter(t -> t.themeId() == ids.get("dark")).findFirst().orElseThrow();
    assertThat(dark.size()).isEqualTo(10);
    assertThat(dark.trend()).isEqualTo(ThemeTrend.NEW);
    ThemeWeek login = again.themes().stream().filter(t -> t.themeId() == ids.get("login")).findFirst().orElseThrow();
    assertThat(login.size()).isEqualTo(8);
    assertThat(login.trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(again.gone()).isEmpty();
    for (long id : ids.values()) {
      java.util.Optional<ThemeWeek> stored = db.read(c -> themes.find(c, id, WEEK2));
      assertThat(stored).isPresent();
      java.util.Optional<WeekId> latest = db.read(c -> themes.latestWeekOf(c, id));
      assertThat(latest).contains(WEEK2);
    }
    // Exactly three theme identities remain: week 1's two and dark mode; none orphaned by the re-run.
    List<ThemeWeek> stored = db.read(c -> themes.weekThemes(c, survey.seriesId(), WEEK2));
    assertThat(stored).hasSize(3);
    assertThat(countThemes()).isEqualTo(3);
  }

  private int countThemes() {
    return db.read(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM themes WHERE series_id = ?")) {
        ps.setLong(1, survey.seriesId());
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  @Test
  @Order(4)
  void theNextWeekIsTrackedToTheKeptIds() {
    ThemeWeeksFixture.storeNoiseWeek(db, survey);
    WeeklyThemeRun.Result week3 = run(WEEK3, WeeklyThemeRun.Options.defaults());
    assertThat(idsByTopic(week3)).isEqualTo(themeIdsBefore);
    assertThat(week3.themes()).extracting(ThemeWeek::trend).doesNotContain(ThemeTrend.NEW);
    assertThat(week3.gone()).isEmpty();
    // Re-running week 2 once week 3 exists changes nothing week 3 refers to.
    WeeklyThemeRun.Result again = run(WEEK2, WeeklyThemeRun.Options.defaults());
    assertThat(idsByTopic(again)).isEqualTo(themeIdsBefore);
    assertThat(countThemes()).isEqualTo(3);
  }

  /*
   * Another process deletes a request (as a PM's tool or its own re-run might): the next run of the
   * week puts its answers into the remaining requests. (A deletion between a run's read and its
   * store is a conflict that stores nothing: FeatureRequestLifecycleIT.)
   */
  @Test
  @Order(5)
  void aDeletedRequestsAnswersGoToTheOtherRequestsOnTheNextRun() {
    Map<Long, List<Long>> assignmentsBefore = requestAnswers();
    long doomed = plannedBefore.id();
    assertThat(assignmentsBefore.get(doomed)).as("week 3's dark-mode answers joined it").isNotEmpty();
    db.write(c -> {
      for (String sql : List.of(
          "DELETE FROM request_asks WHERE request_id = ?", "DELETE FROM request_events WHERE request_id = ?",
          "DELETE FROM request_groups WHERE id = ?")) {
        try (var ps = c.prepareStatement(sql)) {
          ps.setLong(1, doomed);
          ps.executeUpdate();
        }
      }
      return null;
    });

    WeeklyThemeRun.Result again = run(WEEK3, WeeklyThemeRun.Options.defaults());
    assertThat(idsByTopic(again)).isEqualTo(themeIdsBefore);
    // Week 3's dark-mode answers that were in the deleted request now belong to existing requests.
    Set<Long> orphaned = new HashSet<>(assignmentsBefore.get(doomed));
    orphaned.retainAll(idsOf(ThemeWeeksFixture.DARK_MODE, WEEK3));
    assertThat(orphaned).isNotEmpty();
    Set<Long> requestIds = requests().stream().map(FeatureRequest::id).collect(Collectors.toSet());
    Map<Long, List<Long>> after = requestAnswers();
    assertThat(after).doesNotContainKey(doomed);
    assertThat(requestIds).containsAll(after.keySet());
    assertThat(after.values().stream().flatMap(List::stream).toList()).containsAll(orphaned);
  }
}
