package io.productopsdash.engine.survey;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.data.RedactionReportRepository;
import io.productopsdash.data.SamplingFrameRepository;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.models.Answer;
import io.productopsdash.models.AnswerSubmission;
import io.productopsdash.models.ConflictException;
import io.productopsdash.models.Eligibility;
import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.Texts;
import io.productopsdash.models.WeekId;
import io.productopsdash.engine.text.enrich.EnrichmentService;
import io.productopsdash.engine.text.redact.Redaction;
import io.productopsdash.engine.text.redact.Redactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the widget drives: eligibility, impressions, dismissals and answers. The widget may hold
 * any version id of a survey; the loop always works on the series' newest version, which must be
 * active. Each call is one transaction.
 *
 * <p>Cooldown: a user who answered or dismissed in week w' is not asked in weeks w' .. w' +
 * cooldownWeeks (with the default 4, the next possible week is w' + 5).
 *
 * <p>The page URL an answer came with is stored without its query string and fragment, its path
 * redacted like a comment.
 *
 * <p>Comments are redacted before they are stored: secrets (seed phrases, private keys, crypto
 * addresses, card numbers, IBANs) and contact data (emails, phones) never reach the database.
 * Person names need CoreNLP NER, about a millisecond per comment, which would cap this path well
 * below its throughput target; so the server's live indexer runs enrichment on each new comment
 * (rewriting names to {@code [name]}, in SQLite, with secure delete) right after the commit, and
 * the index, the theme run and the digest only ever see enriched comments. Until then, seconds at
 * most when the server runs, the name is in the SQLite file only, and the answer this loop returns
 * says so ({@link AnswerResult#namesCleared()}) so that a reply never echoes it.
 *
 * <p>What was redacted is recorded per answer by kind (counts, never values) in the same
 * transaction as the answer: the redaction report.
 */
public final class SurveyLoop {
  /**
   * Outcome of posting an answer.
   *
   * @param answer the stored answer
   * @param created whether this call created it
   * @param namesCleared true when the stored comment (if any) has been through person-name
   *     clearing, so it may be shown; false while the live indexer has yet to clear it
   */
  public record AnswerResult(Answer answer, boolean created, boolean namesCleared) {}

  private final Database db;
  private final SurveySampler sampler;
  private final Clock clock;
  private final ZoneId zone;
  private final SurveyRepository surveys = new SurveyRepository();
  private final SamplingFrameRepository frame = new SamplingFrameRepository();
  private final AnswerRepository answers = new AnswerRepository();
  private final RedactionReportRepository reports = new RedactionReportRepository();
  private final EnrichmentRepository enrichments = new EnrichmentRepository();
  private final Redactor redactor = Redactor.regexOnly();

  public SurveyLoop(Database db, SurveySampler sampler, Clock clock, ZoneId zone) {
    this.db = db;
    this.sampler = sampler;
    this.clock = clock;
    this.zone = zone;
  }

  public WeekId currentWeek() {
    return WeekId.of(clock.instant(), zone);
  }

  /** Should {@code userId} see survey {@code surveyId} now? Records the user in the frame if so. */
  public Eligibility eligibility(long surveyId, String userId) {
    return eligibility(surveyId, userId, clock.instant());
  }

  /**
   * As {@link #eligibility(long, String)} at instant {@code now} instead of the clock's: for a
   * caller replaying past visits (the demo data set), so every rule applies exactly as live.
   */
  public Eligibility eligibility(long surveyId, String userId, Instant now) {
    String user = Texts.required("userId", userId, AnswerSubmission.MAX_ID_LENGTH);
    WeekId week = WeekId.of(now, zone);
    // Read first: most page views are not sampled and need no write at all.
    Eligibility verdict = db.read(c -> decide(c, surveyId, user, week));
    if (verdict.eligible()) {
      db.write(
          c -> {
            frame.recordSampled(c, verdict.survey().seriesId(), week, user, now);
            return null;
          });
    }
    return verdict;
  }

  private Eligibility decide(Connection c, long surveyId, String user, WeekId week) throws SQLException {
    Survey survey = live(c, surveyId);
    if (!sampler.isSampled(survey.seriesId(), week, user, survey.definition().sampleRate())) {
      return new Eligibility(false, week, null, "not sampled this week");
    }
    Optional<WeekId> last = frame.lastResponseWeek(c, survey.seriesId(), user, week);
    if (last.isPresent() && last.get().weeksUntil(week) <= survey.definition().cooldownWeeks()) {
      String reason =
          last.get().equals(week)
              ? "already answered or dismissed this week"
              : "in cooldown since " + last.get();
      return new Eligibility(false, week, null, reason);
    }
    return new Eligibility(true, week, survey, null);
  }

  /** Records that the survey was shown to the user this week (idempotent per week). */
  public WeekId recordImpression(long surveyId, String userId) {
    return recordFrame(surveyId, userId, true, clock.instant());
  }

  /** As {@link #recordImpression(long, String)} at instant {@code now}. */
  public WeekId recordImpression(long surveyId, String userId, Instant now) {
    return recordFrame(surveyId, userId, true, now);
  }

  /** Records that the user closed the survey without answering (starts the cooldown). */
  public WeekId recordDismissal(long surveyId, String userId) {
    return recordFrame(surveyId, userId, false, clock.instant());
  }

  /** As {@link #recordDismissal(long, String)} at instant {@code now}. */
  public WeekId recordDismissal(long surveyId, String userId, Instant now) {
    return recordFrame(surveyId, userId, false, now);
  }

  private WeekId recordFrame(long surveyId, String userId, boolean impression, Instant now) {
    String user = Texts.required("userId", userId, AnswerSubmission.MAX_ID_LENGTH);
    WeekId week = WeekId.of(now, zone);
    return db.write(
        c -> {
          Survey survey = live(c, surveyId);
          if (impression) {
            frame.recordShown(c, survey.seriesId(), week, user, now);
          } else {
            frame.recordDismissed(c, survey.seriesId(), week, user, now);
          }
          return week;
        });
  }

  /**
   * Stores an answer. The same responseId again returns the stored answer unchanged ({@code
   * created == false}), except that a comment may be added to an answer that had none; a
   * different score or user under the same responseId is a conflict, not a silent overwrite.
   */
  public AnswerResult submitAnswer(long surveyId, AnswerSubmission raw) {
    return submitAnswer(surveyId, raw, clock.instant());
  }

  /** As {@link #submitAnswer(long, AnswerSubmission)} at instant {@code now}. */
  public AnswerResult submitAnswer(long surveyId, AnswerSubmission submission, Instant now) {
    // The length limit applies to what the user wrote; a placeholder may be longer than what it
    // replaced, so the redacted text is carried beside the submission, not re-validated.
    Redaction commentRedaction =
        submission.comment() == null ? null : redactor.redact(submission.comment());
    String comment = commentRedaction == null ? null : commentRedaction.text();
    Redaction urlRedaction = pageOnly(submission.url());
    String url = urlRedaction == null ? null : urlRedaction.text();
    WeekId week = WeekId.of(now, zone);
    return db.write(
        c -> {
          Optional<Answer> existing = answers.findByResponseId(c, submission.responseId());
          if (existing.isPresent()) {
            return repeat(c, surveyId, existing.get(), submission, commentRedaction, now);
          }
          Survey survey = live(c, surveyId);
          if (!survey.scale().contains(submission.score())) {
            throw new InvalidInputException(
                "score",
                "must be an integer within " + survey.scale().min() + ".." + survey.scale().max()
                    + ", got " + submission.score());
          }
          Answer stored =
              answers.insert(
                  c,
                  submission.responseId(),
                  survey.id(),
                  submission.userId(),
                  week,
                  submission.score(),
                  comment,
                  submission.locale(),
                  url,
                  now);
          frame.recordAnswered(c, survey.seriesId(), week, submission.userId(), now);
          reports.add(c, stored.id(), report(commentRedaction, urlRedaction));
          return new AnswerResult(stored, true, comment == null);
        });
  }

  /**
   * The page an answer was given on, without its query and fragment (where apps carry tokens,
   * emails and ids) and with the path redacted like a comment.
   */
  private Redaction pageOnly(String url) {
    if (url == null) {
      return null;
    }
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return redactor.redact(url.substring(0, cut));
  }

  /** Kind label to spans, over the redactions given (null ones skipped). */
  static Map<String, Integer> report(Redaction... redactions) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Redaction r : redactions) {
      if (r != null) {
        r.countsByLabel().forEach((kind, n) -> out.merge(kind, n, Integer::sum));
      }
    }
    return out;
  }

  private AnswerResult repeat(
      Connection c, long surveyId, Answer existing, AnswerSubmission again, Redaction redacted, Instant now)
      throws SQLException {
    String comment = redacted == null ? null : redacted.text();
    Survey asked = surveys.find(c, surveyId).orElseThrow(() -> SurveyService.unknown(surveyId));
    Survey answered = surveys.find(c, existing.surveyId()).orElseThrow();
    if (asked.seriesId() != answered.seriesId()
        || !existing.userId().equals(again.userId())
        || existing.score() != again.score()) {
      throw new ConflictException(
          "responseId",
          "responseId " + again.responseId()
              + " is already used by another answer (a different survey, user or score)");
    }
    if (existing.comment() == null && comment != null) {
      reports.add(c, existing.id(), report(redacted));
      return new AnswerResult(answers.addComment(c, existing, comment, now), false, false);
    }
    return new AnswerResult(existing, false, namesCleared(c, existing));
  }

  /** No comment, or one whose enrichment (name clearing) was computed from it as it is now. */
  private boolean namesCleared(Connection c, Answer a) throws SQLException {
    if (a.comment() == null) {
      return true;
    }
    String hash = enrichments.textHash(c, a.id());
    return hash != null && hash.equals(EnrichmentService.sha256(a.comment()));
  }

  /** The newest version of the series {@code surveyId} belongs to, which must be active. */
  private Survey live(Connection c, long surveyId) throws SQLException {
    Survey named = surveys.find(c, surveyId).orElseThrow(() -> SurveyService.unknown(surveyId));
    Survey newest = surveys.findLatestInSeries(c, named.seriesId()).orElseThrow();
    if (!newest.definition().active()) {
      throw new ConflictException("surveyId", "Survey " + surveyId + " is not active");
    }
    return newest;
  }
}
