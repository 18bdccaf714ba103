package io.productopsdash.engine.score;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.SamplingFrameRepository;
import io.productopsdash.definitions.score.ScoreSummarizer;
import io.productopsdash.models.ScoreChange;
import io.productopsdash.models.ScoreSummary;
import io.productopsdash.models.Survey;
import io.productopsdash.models.WeekId;
import io.productopsdash.models.WeeklyScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one source of the weekly score numbers a user sees: per week of a survey version, the
 * summary statistics, impressions and response rate, and the change against the week before.
 * Every week of the range is reported, also those without answers.
 */
public final class ScoreService {
  private final Database db;
  private final AnswerRepository answers = new AnswerRepository();
  private final SamplingFrameRepository frame = new SamplingFrameRepository();

  public ScoreService(Database db) {
    this.db = db;
  }

  /** Weekly scores of {@code survey} from {@code from} to {@code to}, both included. */
  public List<WeeklyScore> weekly(Survey survey, WeekId from, WeekId to) {
    WeekId before = from.plusWeeks(-1);
    return db.read(
        c -> {
          Map<WeekId, Map<Integer, Long>> counts = answers.scoreCounts(c, survey.id(), before, to);
          List<WeeklyScore> out = new ArrayList<>();
          long[] previous = countsPerPoint(survey, counts.get(before));
          for (WeekId week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
            long[] current = countsPerPoint(survey, counts.get(week));
            ScoreSummary summary = ScoreSummarizer.summarize(survey.scale(), current);
            ScoreChange change = ScoreSummarizer.compare(week.plusWeeks(-1), survey.scale(), previous, current);
            SamplingFrameRepository.Reach reach = frame.reach(c, survey.seriesId(), week);
            Double responseRate = reach.shown() == 0 ? null : (double) reach.answered() / reach.shown();
            out.add(new WeeklyScore(week, summary, reach.shown(), reach.answered(), responseRate, change));
            previous = current;
          }
          return out;
        });
  }

  private static long[] countsPerPoint(Survey survey, Map<Integer, Long> byScore) {
    long[] counts = new long[survey.scale().points()];
    if (byScore != null) {
      byScore.forEach((score, n) -> counts[score - survey.scale().min()] += n);
    }
    return counts;
  }
}
