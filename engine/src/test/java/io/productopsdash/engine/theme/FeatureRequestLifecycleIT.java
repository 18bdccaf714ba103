package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.data.Database;
import io.productopsdash.data.FeatureRequestRepository;
import io.productopsdash.engine.request.manage.FeatureRequests;
import io.productopsdash.engine.request.manage.RequestSort;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.theme.RequestStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * What a PM does to feature requests survives the weekly runs: status with note and author, link,
 * rename, split and merge are kept when the week is run again, later answers join the groups they
 * belong to (also through a merge), and the numbers (requesters, reach, mean score, trend, the
 * requesters CSV) are as computed by hand. Real SQLite, the real detector and MiniLM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeatureRequestLifecycleIT {
  private static final Clock CLOCK = Clock.fixed(RequestWeeksFixture.T2.plusSeconds(86_400), ZoneOffset.UTC);

  @TempDir static Path dir;
  private Database db;
  private Survey survey;
  private FeatureRequests requests;
  private long lightning;
  private long dark;
  private long alerts;
  private long notifications;
  private long split;

  @BeforeAll
  void store() {
    db = Database.open(dir);
    survey = RequestWeeksFixture.store(db);
    requests = new FeatureRequests(db, CLOCK, ZoneOffset.UTC, () -> null);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private void run(io.productopsdash.models.WeekId week) {
    ThemeWeeksFixture.run(db, survey, week, WeeklyThemeRun.Options.defaults(), CLOCK, WeeklyThemeRun.Progress.NONE);
  }

  private long byName(String name) {
    return requests.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No request named " + name))
        .id();
  }

  private Set<String> users(long id) {
    return requests.get(id, null).answers().stream()
        .filter(a -> a.requestId() == id)
        .map(FeatureRequests.AnswerItem::userId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private long answerOf(long request, String user) {
    return requests.get(request, null).answers().stream().filter(a -> a.userId().equals(user)).findFirst().orElseThrow().answerId();
  }

  @Test
  @Order(1)
  void aPmManagesTheFirstWeeksRequests() {
    run(RequestWeeksFixture.WEEK1);
    lightning = byName("Support Bitcoin Lightning");
    dark = byName("Add dark mode");
    alerts = byName("Add price alerts");
    notifications = byName("Add notifications");

    requests.update(
        lightning,
        new FeatureRequests.Update(null, RequestStatus.PLANNED, "Q2, after the swap rework", true, "https://tracker.example.com/issues/42"),
        "ana");
    requests.update(dark, new FeatureRequests.Update("Dark theme", null, null, false, null), "ben");
    FeatureRequests.Summary moved =
        requests.split(lightning, List.of(answerOf(lightning, "u-ln-4")), "Receive Lightning payments", "ana");
    split = moved.id();
    FeatureRequests.Summary merged = requests.merge(alerts, notifications, "ben");

    assertThat(merged.id()).isEqualTo(notifications);
    assertThat(users(notifications)).containsExactly("u-alert-1", "u-alert-2", "u-notify-1", "u-notify-2");
    assertThat(users(split)).containsExactly("u-ln-4");
    assertThat(users(lightning)).doesNotContain("u-ln-4");
    FeatureRequests.Detail detail = requests.get(lightning, null);
    assertThat(detail.request().status()).isEqualTo("planned");
    assertThat(detail.request().statusBy()).isEqualTo("ana");
    assertThat(detail.history()).extracting(FeatureRequests.Event::kind).contains("created", "status", "link", "split");
  }

  @Test
  @Order(2)
  void everyDecisionSurvivesARerunOfTheWeek() {
    run(RequestWeeksFixture.WEEK1);
    FeatureRequests.Summary ln = requests.get(lightning, null).request();
    assertThat(ln.name()).isEqualTo("Support Bitcoin Lightning");
    assertThat(ln.status()).isEqualTo("planned");
    assertThat(ln.statusNote()).isEqualTo("Q2, after the swap rework");
    assertThat(ln.statusBy()).isEqualTo("ana");
    assertThat(ln.link()).isEqualTo("https://tracker.example.com/issues/42");
    assertThat(users(lightning)).containsExactly("u-ln-1", "u-ln-2", "u-ln-3", "u-ln-5", "u-two");
    assertThat(requests.get(dark, null).request().name()).isEqualTo("Dark theme");
    assertThat(users(split)).containsExactly("u-ln-4");
    assertThat(users(notifications)).containsExactly("u-alert-1", "u-alert-2", "u-notify-1", "u-notify-2");
    List<FeatureRequests.Summary> listed = requests.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests();
    assertThat(listed).extracting(FeatureRequests.Summary::id).doesNotContain(alerts);
    assertThat(db.read(c -> new FeatureRequestRepository().findGroup(c, alerts)).orElseThrow().mergedInto()).isEqualTo(notifications);
  }

  @Test
  @Order(3)
  void laterAnswersJoinTheirGroupsAlsoThroughAMerge() {
    RequestWeeksFixture.storeWeek2(db, survey);
    run(RequestWeeksFixture.WEEK2);
    assertThat(users(lightning)).containsExactly("u-ln-1", "u-ln-2", "u-ln-3", "u-ln-5", "u-ln-6", "u-two");
    // "Price alerts for BTC would be great." is like the merged group's asks: it joins the group it was merged into.
    assertThat(users(notifications)).contains("u2-alert-3");
    List<FeatureRequests.Summary> listed = requests.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests();
    FeatureRequests.Summary csv =
        listed.stream().filter(r -> users(r.id()).contains("u2-csv-1")).findFirst().orElseThrow();
    assertThat(users(csv.id())).containsExactly("u2-csv-1", "u2-csv-2");
    assertThat(listed).extracting(FeatureRequests.Summary::name).doesNotHaveDuplicates();
  }

  @Test
  @Order(4)
  void theNumbersAreAsComputedByHand() {
    FeatureRequests.Detail d = requests.get(lightning, null);
    // Requesters: u-ln-1 (both weeks), u-ln-2, u-ln-3, u-ln-5, u-ln-6, u-two; 7 answers.
    assertThat(d.request().requesters()).isEqualTo(6);
    assertThat(d.request().answers()).isEqualTo(7);
    // No product events: the base is the 29 distinct respondents of weeks W00..W11 (24 in week 1, 5 new in week 2).
    assertThat(d.reach().baseKind()).isEqualTo("respondents");
    assertThat(d.reach().base()).isEqualTo(29);
    assertThat(d.reach().share()).isCloseTo(6 / 29.0, within(1e-12));
    // Scores are 1 + position % 7: week 1 u-ln-1 1, u-ln-2 2, u-ln-3 3, u-ln-5 5, u-two 5; week 2 u-ln-1 1, u-ln-6 2.
    assertThat(d.request().meanScore()).isCloseTo(19 / 7.0, within(1e-12));
    // Requesters of W08..W11 minus those of W04..W07.
    assertThat(d.request().trend()).isEqualTo(6);
    assertThat(d.request().weekly()).containsEntry("2026-W10", 5).containsEntry("2026-W11", 2);
    String csv = FeatureRequests.requestersCsv(d);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("user_id,plan,segment,answers,mean_score,last_week");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "u-ln-1,,,2,1.00,2026-W11",
            "u-ln-2,,,1,2.00,2026-W10",
            "u-ln-3,,,1,3.00,2026-W10",
            "u-ln-5,,,1,5.00,2026-W10",
            "u-ln-6,,,1,2.00,2026-W11",
            "u-two,,,1,5.00,2026-W10");
  }

  @Test
  @Order(5)
  void badChangesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> requests.merge(lightning, lightning, "ana"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("into"));
    long otherSeries =
        db.write(c -> {
          Survey other = ThemeWeeksFixture.insertSurvey(c, RequestWeeksFixture.T1);
          return new FeatureRequestRepository().insertGroup(c, other.seriesId(), "Support Solana", "solana", RequestWeeksFixture.T1);
        });
    assertThatThrownBy(() -> requests.merge(lightning, otherSeries, "ana"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("into"))
        .hasMessageContaining("another survey series");
    assertThatThrownBy(() -> requests.update(lightning, new FeatureRequests.Update(null, RequestStatus.SHIPPED, "x".repeat(2001), false, null), "ana"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
    for (String link : List.of("javascript:alert(1)", "ftp://example.com/x", "tracker.example.com/1", "https://")) {
      assertThatThrownBy(() -> requests.update(lightning, new FeatureRequests.Update(null, null, null, true, link), "ana"))
          .as(link)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("link"));
    }
    assertThatThrownBy(() -> requests.update(split, new FeatureRequests.Update("dark theme", null, null, false, null), "ana"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> requests.split(lightning, List.of(answerOf(dark, "u-dark-1")), null, "ana"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("answers"));
    assertThatThrownBy(() -> RequestStatus.parse("acknowledged", "status"))
        .hasMessageContaining("new, under_review, planned, in_progress, shipped, declined");
    // Nothing of the refused changes was stored.
    FeatureRequests.Summary ln = requests.get(lightning, null).request();
    assertThat(ln.status()).isEqualTo("planned");
    assertThat(ln.link()).isEqualTo("https://tracker.example.com/issues/42");
  }

  @Test
  @Order(6)
  void aGroupDeletedDuringTheRunIsAConflictAndNothingIsHalfWritten() {
    long csv = byName(requests.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests().stream()
        .filter(r -> users(r.id()).contains("u2-csv-1")).findFirst().orElseThrow().name());
    FeatureRequestRepository repository = new FeatureRequestRepository();
    java.util.function.Supplier<Set<String>> rows =
        () -> db.read(c -> repository.asks(c, survey.seriesId())).stream()
            .map(a -> a.answerId() + ">" + a.requestId())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> before = rows.get();
    TextEmbedder miniLm = TextEmbedder.miniLm(2);
    // Another process deletes the CSV group while this run embeds its asks (between its read and its store).
    TextEmbedder meanwhile = new TextEmbedder() {
      @Override
      public String model() {
        return miniLm.model();
      }

      @Override
      public float[][] embed(List<String> texts) {
        db.write(c -> {
          for (String sql : List.of(
              "DELETE FROM request_asks WHERE request_id = ?", "DELETE FROM request_events WHERE request_id = ?",
              "DELETE FROM request_groups WHERE id = ?")) {
            try (var ps = c.prepareStatement(sql)) {
              ps.setLong(1, csv);
              ps.executeUpdate();
            }
          }
          return null;
        });
        return miniLm.embed(texts);
      }
    };
    assertThatThrownBy(
            () -> WeeklyThemeRun.run(db, survey.seriesId(), RequestWeeksFixture.WEEK2, meanwhile,
                io.productopsdash.engine.cluster.ClassTfIdfLabeler.of(io.productopsdash.engine.cluster.ClassTfIdfLabeler.DEFAULT_TERMS),
                WeeklyThemeRun.Options.defaults(), CLOCK, WeeklyThemeRun.Progress.NONE))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("week"))
        .hasMessageContaining("run it again");
    Set<String> expected = new TreeSet<>(before);
    expected.removeIf(r -> r.endsWith(">" + csv));
    assertThat(rows.get()).as("only the other process's deletion happened").isEqualTo(expected);
    // Running again succeeds: the CSV asks form a group again.
    run(RequestWeeksFixture.WEEK2);
    assertThat(requests.list(survey.seriesId(), null, RequestSort.REQUESTERS).requests().stream()
        .filter(r -> users(r.id()).contains("u2-csv-1")).findFirst()).isPresent();
  }
}
