package io.productopsdash.engine.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.ThemeRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.theme.ThemeWeek;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An early mistake is mended: week 1 is stored with one topic split into two themes at random (as
 * an unlucky first clustering might), and week 2's review merges them, records the merge in both
 * themes' history, and puts the topic's new answers into the surviving theme.
 */
class ThemeMergeIT {
  private static final WeekId W1 = ThemeWeeksFixture.WEEK1;
  private static final WeekId W2 = ThemeWeeksFixture.WEEK2;
  private static final ThemeRepository THEMES = new ThemeRepository();

  @TempDir Path dir;

  @Test
  void twoThemesOfOneTopicAreMergedIntoTheLargerWithTheMergeRecorded() {
    Database db = Database.open(dir);
    try {
      Survey survey = ThemeWeeksFixture.store(db);
      Clock clock = Clock.fixed(ThemeWeeksFixture.T0.plusSeconds(14 * 86400), ZoneOffset.UTC);
      WeeklyThemeRun.Result week1 = ThemeWeeksFixture.run(db, survey, W1, WeeklyThemeRun.Options.defaults(), clock, WeeklyThemeRun.Progress.NONE);
      ThemeWeek login =
          week1.themes().stream()
              .filter(t -> db.read(c -> new AnswerRepository().listInTheme(c, t.themeId(), W1)).stream()
                  .anyMatch(a -> ThemeWeeksFixture.LOGIN.contains(a.comment())))
              .findFirst()
              .orElseThrow();
      List<Answer> members = db.read(c -> new AnswerRepository().listInTheme(c, login.themeId(), W1));
      assertThat(members).hasSize(10);
      // Move every other login answer of week 1 to a second theme, as a bad first clustering could.
      long twin =
          db.write(c -> {
            long id = THEMES.insertTheme(c, survey.seriesId(), W1, "Sign-in trouble", "NEW", null, Instant.parse("2026-03-02T10:00:00Z"));
            for (int i = 0; i < members.size(); i += 2) {
              try (PreparedStatement ps = c.prepareStatement("UPDATE answer_themes SET theme_id = ? WHERE answer_id = ? AND week = ?")) {
                ps.setLong(1, id);
                ps.setLong(2, members.get(i).id());
                ps.setString(3, W1.toString());
                ps.executeUpdate();
              }
            }
            ThemeWeek half =
                new ThemeWeek(
                    id, W1, 5, login.answersTotal(), login.label(), login.keywords(), List.of(members.get(0).id()),
                    login.meanScore(), login.meanInterval(), null, login.trend(), null, login.centroid(), "Sign-in trouble");
            THEMES.insertThemeWeek(c, half);
            return id;
          });

      WeeklyThemeRun.Result week2 = ThemeWeeksFixture.run(db, survey, W2, WeeklyThemeRun.Options.defaults(), clock, WeeklyThemeRun.Progress.NONE);
      assertThat(week2.merges()).hasSize(1);
      ThemeMemory.Merge merge = week2.merges().get(0);
      // Both halves have 5 answers: the older id survives.
      assertThat(merge.into()).isEqualTo(login.themeId());
      assertThat(merge.absorbed()).isEqualTo(twin);
      // Every login answer of week 2 is in the surviving theme; the absorbed theme has no week 2 and is not "gone".
      List<Answer> week2Login = db.read(c -> new AnswerRepository().listInTheme(c, login.themeId(), W2));
      assertThat(week2Login).extracting(Answer::comment).containsExactlyInAnyOrderElementsOf(ThemeWeeksFixture.LOGIN.subList(10, 17));
      assertThat(week2.themes()).extracting(ThemeWeek::themeId).doesNotContain(twin);
      assertThat(week2.gone()).doesNotContain(twin);
      // The history of both themes names the merge.
      ThemeQueries queries = new ThemeQueries(db, TextEmbedder.miniLm(1).model());
      List<ThemeQueries.EventView> history = queries.theme(login.themeId(), W2).history();
      assertThat(history)
          .filteredOn(e -> e.kind().equals("merged_into"))
          .singleElement()
          .satisfies(e -> {
            assertThat(e.theme()).isEqualTo(twin);
            assertThat(e.other()).isEqualTo(login.themeId());
          });
      List<ThemeRepository.EventRow> twinEvents = db.read(c -> THEMES.events(c, twin));
      assertThat(twinEvents).extracting(ThemeRepository.EventRow::kind).contains("merged_into");
      // Week 3 remembers the merge: the absorbed theme's answers count for the survivor.
      ThemeWeeksFixture.storeNoiseWeek(db, survey);
      WeeklyThemeRun.Result week3 =
          ThemeWeeksFixture.run(db, survey, ThemeWeeksFixture.WEEK3, WeeklyThemeRun.Options.defaults(), clock, WeeklyThemeRun.Progress.NONE);
      assertThat(week3.themes()).extracting(ThemeWeek::themeId).contains(login.themeId()).doesNotContain(twin);
    } finally {
      db.close();
    }
  }
}
