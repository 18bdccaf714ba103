package io.productopsdash.engine.survey;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SurveyRepository;
import io.productopsdash.models.NotFoundException;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import java.time.Clock;
import java.util.List;

/**
 * Creating and editing surveys. A survey's question and scale are frozen once it has answers:
 * an edit that changes them creates the next version of the series (the old one is kept and
 * marked superseded), so trends never mix versions silently. Other edits apply in place.
 */
public final class SurveyService {
  private final Database db;
  private final Clock clock;
  private final SurveyRepository surveys = new SurveyRepository();
  private final AnswerRepository answers = new AnswerRepository();

  public SurveyService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Survey create(SurveyDraft draft) {
    return db.write(c -> surveys.insertNew(c, draft, clock.instant()));
  }

  /** The outcome of an edit: the survey as it now is, and whether a new version was made. */
  public record EditResult(Survey survey, boolean newVersion) {}

  /**
   * Edits survey {@code id}. Only the series' newest version can be edited; editing an older one
   * is refused with a message naming the newest.
   */
  public EditResult edit(long id, SurveyDraft edited) {
    return db.write(
        c -> {
          Survey current = surveys.find(c, id).orElseThrow(() -> unknown(id));
          if (current.supersededBy() != null) {
            throw new io.productopsdash.models.ConflictException(
                "id",
                "Survey " + id + " was superseded by version id " + current.supersededBy()
                    + ": edit the newest version");
          }
          boolean freeze = current.definition().changesInstrument(edited) && answers.count(c, id) > 0;
          if (freeze) {
            return new EditResult(surveys.insertVersion(c, current, edited, clock.instant()), true);
          }
          return new EditResult(surveys.update(c, id, edited), false);
        });
  }

  public Survey get(long id) {
    return db.read(c -> surveys.find(c, id)).orElseThrow(() -> unknown(id));
  }

  public List<Survey> list() {
    return db.read(surveys::list);
  }

  static NotFoundException unknown(long id) {
    return new NotFoundException("surveyId", "No survey with id " + id);
  }
}
