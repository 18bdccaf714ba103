package io.productopsdash.server.themes;

import io.productopsdash.data.Database;
import io.productopsdash.engine.search.AnswerIndex;
import io.productopsdash.engine.search.AnswerIndexer;
import io.productopsdash.engine.theme.ThemePipeline;
import io.productopsdash.engine.theme.WeeklyThemeRun;
import java.time.Clock;

/**
 * The runner of a serving process: the theme pipeline (enrichment, themes, feature requests), then
 * the answer index brought up to date, and again once the background sentiment is in.
 */
public final class PipelineRunner {
  private static final System.Logger LOG = System.getLogger(PipelineRunner.class.getName());

  private PipelineRunner() {}

  /** {@code index} is brought up to date after each run (null: no indexing). */
  public static ThemeRuns.Runner over(Database db, Clock clock, AnswerIndex index, AnswerIndexer indexer) {
    return (seriesId, week, progress) -> {
      ThemePipeline.Outcome outcome = ThemePipeline.run(db, seriesId, week, clock, progress);
      WeeklyThemeRun.Result result = outcome.themes();
      if (index != null) {
        // Enrichment may have rewritten comments (names removed) of any week, not only this one.
        indexer.catchUp(db, index, AnswerIndexer.Progress.NONE);
      }
      outcome.sentiment().whenComplete((report, error) -> {
        if (error != null) {
          // The answers keep no sentiment ("pending") until the next theme run tries again.
          LOG.log(System.Logger.Level.WARNING, "Background sentiment after a theme run failed", error);
        } else if (index != null) {
          indexSentiment(db, index, indexer);
        }
      });
      return result;
    };
  }

  /* Sentiment lands in the background after the run; its answers are indexed when it is done. */
  private static void indexSentiment(Database db, AnswerIndex index, AnswerIndexer indexer) {
    try {
      indexer.catchUp(db, index, AnswerIndexer.Progress.NONE);
    } catch (RuntimeException e) {
      // Closed meanwhile, or failed: the catch-up at the next start covers these answers.
      LOG.log(System.Logger.Level.WARNING, "Indexing sentiment after a theme run failed", e);
    }
  }
}
