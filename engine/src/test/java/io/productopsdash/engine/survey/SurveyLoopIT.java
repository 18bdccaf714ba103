package io.productopsdash.engine.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.data.Database;
import io.productopsdash.models.Answer;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Eligibility;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey loop over a real SQLite file: eligibility, cooldown, idempotent answers, versions. */
class SurveyLoopIT {
  @TempDir Path dir;
  private Database db;
  // Monday 2026-03-02 10:00 UTC is in ISO week 2026-W10.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private SurveyService surveys;
  private SurveyLoop loop;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    surveys = new SurveyService(db, clock);
    loop =
        new SurveyLoop(
            db, new SurveySampler(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f")), clock, ZoneId.of("UTC"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static SurveyDraft draft(double rate, int cooldown) {
    return new SurveyDraft(
        "Weekly", "How satisfied are you?", new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", rate, cooldown, true);
  }

  private long answerCount(long surveyId) {
    Long n = db.read(c -> new io.productopsdash.data.AnswerRepository().count(c, surveyId));
    return n;
  }

  @Test
  void cooldownAfterDismissalHoldsForCooldownWeeksThenEnds() {
    Survey s = surveys.create(draft(1.0, 4));
    assertThat(loop.eligibility(s.id(), "alice").eligible()).isTrue();
    loop.recordImpression(s.id(), "alice");
    loop.recordDismissal(s.id(), "alice");
    Eligibility sameWeek = loop.eligibility(s.id(), "alice");
    assertThat(sameWeek.eligible()).isFalse();
    assertThat(sameWeek.reason()).isEqualTo("already answered or dismissed this week");
    for (int w = 1; w <= 4; w++) {
      clock.advance(Duration.ofDays(7));
      Eligibility e = loop.eligibility(s.id(), "alice");
      assertThat(e.eligible()).as("week +%d", w).isFalse();
      assertThat(e.reason()).isEqualTo("in cooldown since 2026-W10");
    }
    clock.advance(Duration.ofDays(7));
    Eligibility after = loop.eligibility(s.id(), "alice");
    assertThat(after.week()).isEqualTo(WeekId.parse("2026-W15"));
    assertThat(after.eligible()).isTrue();
  }

  @Test
  void cooldownAfterAnswerToo() {
    Survey s = surveys.create(draft(1.0, 2));
    loop.submitAnswer(s.id(), new AnswerSubmission("r1", "bob", 5, null, null, null));
    clock.advance(Duration.ofDays(14));
    assertThat(loop.eligibility(s.id(), "bob").eligible()).isFalse();
    clock.advance(Duration.ofDays(7));
    assertThat(loop.eligibility(s.id(), "bob").eligible()).isTrue();
  }

  @Test
  void notSampledUsersAreNotEligibleAndNotRecorded() {
    Survey s = surveys.create(draft(0.0, 4));
    Eligibility e = loop.eligibility(s.id(), "carol");
    assertThat(e.eligible()).isFalse();
    assertThat(e.reason()).isEqualTo("not sampled this week");
    long rows = db.read(c -> {
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM sampling_frame")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(rows).isZero();
  }

  @Test
  void sameResponseIdNeverCountsTwiceAndMayAddTheComment() {
    Survey s = surveys.create(draft(1.0, 4));
    SurveyLoop.AnswerResult first = loop.submitAnswer(s.id(), new AnswerSubmission("r-42", "dan", 6, null, "en", null));
    assertThat(first.created()).isTrue();
    SurveyLoop.AnswerResult again = loop.submitAnswer(s.id(), new AnswerSubmission("r-42", "dan", 6, null, "en", null));
    assertThat(again.created()).isFalse();
    assertThat(again.answer()).isEqualTo(first.answer());
    clock.advance(Duration.ofMinutes(1));
    SurveyLoop.AnswerResult withComment =
        loop.submitAnswer(s.id(), new AnswerSubmission("r-42", "dan", 6, "Faster swaps please", "en", null));
    assertThat(withComment.created()).isFalse();
    assertThat(withComment.answer().id()).isEqualTo(first.answer().id());
    assertThat(withComment.answer().comment()).isEqualTo("Faster swaps please");
    assertThatThrownBy(() -> loop.submitAnswer(s.id(), new AnswerSubmission("r-42", "dan", 2, null, null, null)))
        .isInstanceOf(ConflictException.class);
    assertThat(answerCount(s.id())).isEqualTo(1L);
  }

  @Test
  void secretsInCommentsAreRedactedBeforeTheyAreStored() {
    Survey s = surveys.create(draft(1.0, 4));
    String seed =
        "abandon ability able about above absent absorb abstract absurd abuse access accident";
    SurveyLoop.AnswerResult r =
        loop.submitAnswer(
            s.id(),
            new AnswerSubmission("r-secret", "ivy", 2, "My phrase is " + seed + ". Contact ivy@example.com", null, null));
    assertThat(r.answer().comment()).isEqualTo("My phrase is [seed phrase]. Contact [email]");
    String stored =
        db.read(
            c -> {
              try (var st = c.createStatement(); var rs = st.executeQuery("SELECT comment FROM answers")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(stored).doesNotContain("abandon", "ivy@example.com").isEqualTo(r.answer().comment());
    // The same responseId again with the same (unredacted) text is the same answer, not a conflict.
    assertThat(
            loop.submitAnswer(
                    s.id(),
                    new AnswerSubmission("r-secret", "ivy", 2, "My phrase is " + seed + ". Contact ivy@example.com", null, null))
                .created())
        .isFalse();
  }

  /**
   * The 5,000-character limit is on what the user wrote: a comment at the limit whose short email
   * (6 characters) becomes the longer placeholder "[email]" (7) is stored, one character over.
   */
  @Test
  void aCommentAtTheLimitIsStoredEvenWhenRedactionLengthensIt() {
    Survey s = surveys.create(draft(1.0, 4));
    String text = "x".repeat(AnswerSubmission.MAX_COMMENT_LENGTH - 7) + " a@b.io";
    assertThat(text).hasSize(AnswerSubmission.MAX_COMMENT_LENGTH);
    SurveyLoop.AnswerResult r = loop.submitAnswer(s.id(), new AnswerSubmission("r-long", "jo", 4, text, null, null));
    assertThat(r.created()).isTrue();
    assertThat(r.answer().comment()).endsWith(" [email]").hasSize(AnswerSubmission.MAX_COMMENT_LENGTH + 1);
  }

  @Test
  void thePageUrlIsStoredWithoutQueryAndFragmentAndRedacted() {
    Survey s = surveys.create(draft(1.0, 4));
    String url = "https://app.example.com/users/ann@example.com/settings?token=s3cr3t&ref=mail#otp=123456";
    Answer stored = loop.submitAnswer(s.id(), new AnswerSubmission("r-url", "ann", 5, null, "en", url)).answer();
    assertThat(stored.url()).isEqualTo("https://app.example.com/users/[email]/settings");
    assertThat(loop.submitAnswer(s.id(), new AnswerSubmission("r-url2", "bo", 5, null, "en", "https://app.example.com/swap#/step/2"))
            .answer().url())
        .isEqualTo("https://app.example.com/swap");
  }

  @Test
  void scoreOutsideTheScaleIsRejectedAndNothingIsWritten() {
    Survey s = surveys.create(draft(1.0, 4));
    assertThatThrownBy(() -> loop.submitAnswer(s.id(), new AnswerSubmission("r1", "erin", 8, null, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("score")
        .hasMessageContaining("1..7");
    assertThat(answerCount(s.id())).isZero();
  }

  @Test
  void editingTheQuestionOfAnAnsweredSurveyMakesANewVersion() {
    Survey v1 = surveys.create(draft(1.0, 4));
    SurveyService.EditResult inPlace =
        surveys.edit(v1.id(), new SurveyDraft("Weekly", "Reworded before launch?", v1.scale(), null, 1.0, 4, true));
    assertThat(inPlace.newVersion()).isFalse();
    assertThat(inPlace.survey().id()).isEqualTo(v1.id());

    loop.submitAnswer(v1.id(), new AnswerSubmission("r1", "fay", 7, null, null, null));
    SurveyService.EditResult versioned =
        surveys.edit(v1.id(), new SurveyDraft("Weekly", "A new question?", v1.scale(), null, 1.0, 4, true));
    assertThat(versioned.newVersion()).isTrue();
    Survey v2 = versioned.survey();
    assertThat(v2.id()).isNotEqualTo(v1.id());
    assertThat(v2.seriesId()).isEqualTo(v1.seriesId());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(surveys.get(v1.id()).supersededBy()).isEqualTo(v2.id());
    assertThat(surveys.get(v1.id()).definition().question()).isEqualTo("Reworded before launch?");

    // The widget may still hold v1's id: answers go to the newest version; cooldown spans the series.
    SurveyLoop.AnswerResult viaOldId = loop.submitAnswer(v1.id(), new AnswerSubmission("r2", "gus", 3, null, null, null));
    assertThat(viaOldId.answer().surveyId()).isEqualTo(v2.id());
    assertThat(loop.eligibility(v2.id(), "fay").eligible()).isFalse();
    assertThatThrownBy(() -> surveys.edit(v1.id(), draft(1.0, 4))).isInstanceOf(ConflictException.class);
  }

  @Test
  void inactiveSurveyRefusesTheWidget() {
    Survey s = surveys.create(draft(1.0, 4));
    surveys.edit(s.id(), new SurveyDraft("Weekly", "How satisfied are you?", s.scale(), "Better how?", 1.0, 4, false));
    assertThatThrownBy(() -> loop.eligibility(s.id(), "hal")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> loop.submitAnswer(s.id(), new AnswerSubmission("r9", "hal", 4, null, null, null)))
        .isInstanceOf(ConflictException.class);
  }
}
