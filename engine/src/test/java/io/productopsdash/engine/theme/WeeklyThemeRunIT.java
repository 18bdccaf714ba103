package io.productopsdash.engine.theme;

import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK1;
import static io.productopsdash.engine.theme.ThemeWeeksFixture.WEEK2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.definitions.score.ScoreStatistics;
import io.productopsdash.models.Answer;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.theme.FeatureRequest;
import io.productopsdash.models.theme.ThemeTrend;
import io.productopsdash.models.theme.ThemeWeek;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklyThemeRunIT {
  private static final Clock CLOCK = Clock.fixed(ThemeWeeksFixture.T0.plusSeconds(14 * 86400), ZoneOffset.UTC);

  @TempDir static Path dir;
  private Database db;
  private Survey survey;
  private WeeklyThemeRun.Result week1;
  private WeeklyThemeRun.Result week2;
  private final List<String> stages = new ArrayList<>();

  @BeforeAll
  void store() {
    db = Database.open(dir);
    survey = ThemeWeeksFixture.store(db);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private WeeklyThemeRun.Result run(io.productopsdash.models.WeekId week) {
    return ThemeWeeksFixture.run(
        db, survey, week, WeeklyThemeRun.Options.defaults(), CLOCK, (stage, done, total) -> stages.add(stage + " " + done + "/" + total));
  }

  private List<Long> storedUnclustered(io.productopsdash.models.WeekId week) {
    return db.read(c -> new ThemeRepository().unclustered(c, survey.seriesId(), week));
  }

  private Set<String> commentsOf(long themeId, io.productopsdash.models.WeekId week) {
    return db.read(c -> new AnswerRepository().listInTheme(c, themeId, week)).stream()
        .map(Answer::comment)
        .collect(Collectors.toSet());
  }

  @Test
  @Order(1)
  void weekOneHasTwoNewThemes() {
    week1 = run(WEEK1);
    assertThat(week1.answers()).isEqualTo(20);
    assertThat(week1.embedded()).isEqualTo(20);
    assertThat(week1.themes()).hasSize(2);
    assertThat(week1.themes()).extracting(ThemeWeek::trend).containsOnly(ThemeTrend.NEW);
    assertThat(week1.themes()).extracting(ThemeWeek::size).containsExactly(10, 10);
    assertThat(week1.gone()).isEmpty();
    assertThat(week1.unclustered()).isEmpty();
    assertThat(stages).contains("embed 0/20", "embed 20/20", "store 1/1");
    Set<Set<String>> groups = new HashSet<>();
    for (ThemeWeek t : week1.themes()) {
      groups.add(commentsOf(t.themeId(), WEEK1));
    }
    assertThat(groups)
        .containsExactlyInAnyOrder(
            Set.copyOf(ThemeWeeksFixture.LOGIN.subList(0, 10)), Set.copyOf(ThemeWeeksFixture.PRICING.subList(0, 10)));
  }

  @Test
  @Order(2)
  void weekTwoKeepsIdsAndFlagsTheNewTheme() {
    week2 = run(WEEK2);
    assertThat(week2.answers()).isEqualTo(21);
    assertThat(week2.embedded()).isEqualTo(21);
    assertThat(week2.themes()).hasSize(3);
    assertThat(week2.unclustered()).isEmpty();
    Map<Set<String>, ThemeWeek> byComments =
        week2.themes().stream().collect(Collectors.toMap(t -> commentsOf(t.themeId(), WEEK2), t -> t));
    ThemeWeek dark = byComments.get(Set.copyOf(ThemeWeeksFixture.DARK_MODE));
    ThemeWeek login = byComments.get(Set.copyOf(ThemeWeeksFixture.LOGIN.subList(10, 17)));
    ThemeWeek pricing = byComments.get(Set.copyOf(ThemeWeeksFixture.PRICING.subList(10, 16)));
    assertThat(dark).isNotNull();
    assertThat(login).isNotNull();
    assertThat(pricing).isNotNull();
    assertThat(dark.trend()).isEqualTo(ThemeTrend.NEW);
    assertThat(dark.pValue()).isNull();
    Set<Long> week1Ids = week1.themes().stream().map(ThemeWeek::themeId).collect(Collectors.toSet());
    assertThat(dark.themeId()).isNotIn(week1Ids);
    assertThat(Set.of(login.themeId(), pricing.themeId())).isEqualTo(week1Ids);
    assertThat(commentsOf(login.themeId(), WEEK1)).contains(ThemeWeeksFixture.LOGIN.get(0));
    // Login: 10/20 -> 7/21; pricing: 10/20 -> 6/21; neither change is significant at 0.05.
    assertThat(login.trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(login.pValue()).isEqualTo(ScoreStatistics.twoProportionZPValue(10, 20, 7, 21));
    assertThat(pricing.trend()).isEqualTo(ThemeTrend.STABLE);
    assertThat(week2.gone()).isEmpty();

    // Dark mode scores 6,7,6,7,6,7,6,7: mean 6.5, sd sqrt(2/7), t(0.975, 7) = 2.364624.
    assertThat(dark.size()).isEqualTo(8);
    assertThat(dark.answersTotal()).isEqualTo(21);
    assertThat(dark.meanScore()).isCloseTo(6.5, within(1e-9));
    double half = 2.364624252 * Math.sqrt(2.0 / 7) / Math.sqrt(8);
    assertThat(dark.meanInterval().low()).isCloseTo(6.5 - half, within(1e-6));
    assertThat(dark.meanInterval().high()).isCloseTo(6.5 + half, within(1e-6));
    assertThat(dark.label()).contains("dark");
    assertThat(dark.keywords()).contains("dark");
    assertThat(dark.quotes()).hasSize(3).doesNotHaveDuplicates();
    Set<Long> darkIds =
        db.read(c -> new AnswerRepository().listInTheme(c, dark.themeId(), WEEK2)).stream().map(Answer::id).collect(Collectors.toSet());
    assertThat(darkIds).containsAll(dark.quotes());
  }

  @Test
  @Order(3)
  void groupsTheDarkModeRequests() {
    List<FeatureRequest> requests = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId()));
    FeatureRequest dark = requests.stream().filter(r -> r.name().contains("dark")).findFirst().orElseThrow();
    assertThat(dark.answers()).as(requests.toString()).isGreaterThanOrEqualTo(6);
    assertThat(dark.requesters()).isEqualTo(dark.answers() - 1);
    assertThat(dark.weekly()).containsOnlyKeys(WEEK2);
  }

  @Test
  @Order(4)
  void aReRunOnlyEmbedsNewAnswersAndReplacesTheWeek() {
    List<FeatureRequest> before = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId()));
    WeeklyThemeRun.Result again = run(WEEK2);
    assertThat(again.embedded()).isZero();
    assertThat(again.themes()).hasSize(3);
    List<ThemeWeek> stored = db.read(c -> new ThemeRepository().weekThemes(c, survey.seriesId(), WEEK2));
    assertThat(stored).hasSize(3);
    // Every theme keeps its id, the new theme of the earlier run too (links to it stay valid).
    for (int i = 0; i < 3; i++) {
      ThemeWeek a = week2.themes().get(i);
      ThemeWeek b = again.themes().get(i);
      assertThat(b.themeId()).isEqualTo(a.themeId());
      assertThat(b.trend()).isEqualTo(a.trend());
      assertThat(b.size()).isEqualTo(a.size());
      assertThat(b.label()).isEqualTo(a.label());
      assertThat(b.quotes()).isEqualTo(a.quotes());
      assertThat(b.pValue()).isEqualTo(a.pValue());
    }
    List<FeatureRequest> after = db.read(c -> new FeatureRequestRepository().list(c, survey.seriesId()));
    assertThat(after).extracting(FeatureRequest::name).isEqualTo(before.stream().map(FeatureRequest::name).toList());
    assertThat(after).extracting(FeatureRequest::answers).isEqualTo(before.stream().map(FeatureRequest::answers).toList());
    assertThat(after).extracting(FeatureRequest::id).isEqualTo(before.stream().map(FeatureRequest::id).toList());
    java.util.Optional<io.productopsdash.models.WeekId> previous =
        db.read(c -> new ThemeRepository().previousWeek(c, survey.seriesId(), WEEK2));
    assertThat(previous).contains(WEEK1);
  }

  @Test
  @Order(5)
  void anUnknownSeriesIsNotFound() {
    assertThatThrownBy(() -> WeeklyThemeRun.run(db, 999, WEEK1, CLOCK)).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(6)
  void offTopicCommentsLandInTheUnclusteredBucket() {
    ThemeWeeksFixture.storeNoiseWeek(db, survey);
    WeeklyThemeRun.Result week3 = run(ThemeWeeksFixture.WEEK3);
    assertThat(week3.answers()).isEqualTo(21);
    Set<String> noise =
        db.read(c -> new AnswerRepository().listByIds(c, week3.unclustered())).stream()
            .map(Answer::comment)
            .collect(Collectors.toSet());
    assertThat(noise).isEqualTo(Set.copyOf(ThemeWeeksFixture.NOISE));
    assertThat(storedUnclustered(ThemeWeeksFixture.WEEK3)).isEqualTo(week3.unclustered());
    // The topics' sizes exclude the noise; shares are of every commented answer of the week.
    assertThat(week3.themes()).extracting(ThemeWeek::size).containsExactly(6, 6, 6);
    assertThat(week3.themes()).extracting(ThemeWeek::answersTotal).containsOnly(21);
    Set<Set<String>> groups = new HashSet<>();
    for (ThemeWeek t : week3.themes()) {
      groups.add(commentsOf(t.themeId(), ThemeWeeksFixture.WEEK3));
      assertThat(t.quotes()).doesNotContainAnyElementsOf(week3.unclustered());
    }
    assertThat(groups)
        .containsExactlyInAnyOrder(
            Set.copyOf(ThemeWeeksFixture.LOGIN.subList(0, 6)),
            Set.copyOf(ThemeWeeksFixture.PRICING.subList(0, 6)),
            Set.copyOf(ThemeWeeksFixture.DARK_MODE.subList(0, 6)));
    // Login and pricing are tracked from week 2; dark mode too.
    assertThat(week3.themes()).extracting(ThemeWeek::trend).doesNotContain(ThemeTrend.NEW);
    // A re-run replaces the bucket rather than adding to it.
    WeeklyThemeRun.Result again = run(ThemeWeeksFixture.WEEK3);
    assertThat(again.unclustered()).isEqualTo(week3.unclustered());
    assertThat(storedUnclustered(ThemeWeeksFixture.WEEK3)).isEqualTo(week3.unclustered());
  }
}
