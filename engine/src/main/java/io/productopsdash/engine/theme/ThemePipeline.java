package io.productopsdash.engine.theme;

import io.productopsdash.data.Database;
import io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.EnrichmentService;
import io.productopsdash.models.WeekId;
import java.time.Clock;

/**
 * The weekly theme pipeline in the order PRODUCT.md §3 asks for: first every new or changed
 * comment is enriched, which also removes person names from the stored comment (secrets were
 * already removed when the answer was posted); only then are the week's answers embedded,
 * clustered, labelled with CoreNLP lemmas and noun phrases, tracked and stored
 * ({@link WeeklyThemeRun}). Sentiment runs separately ({@code SentimentWorker}).
 */
public final class ThemePipeline {
  private ThemePipeline() {}

  /** Enriches what is pending, then runs the week; CoreNLP loads once per process. */
  public static WeeklyThemeRun.Result run(
      Database db, long seriesId, WeekId week, Clock clock, WeeklyThemeRun.Progress progress) {
    Enricher enricher = Enricher.shared();
    new EnrichmentService(db, enricher, clock, EnrichmentService.Options.DEFAULT)
        .enrichPending((done, total) -> progress.update("enrich", done, total));
    return WeeklyThemeRun.run(
        db,
        seriesId,
        week,
        TextEmbedder.miniLm(2),
        CoreNlpThemeLabeler.enriching(enricher),
        WeeklyThemeRun.Options.defaults(),
        clock,
        progress);
  }
}
