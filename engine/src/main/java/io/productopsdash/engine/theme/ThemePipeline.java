package io.productopsdash.engine.theme;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.text.enrich.CoreNlpThemeLabeler;
import io.productopsdash.engine.text.enrich.Enricher;
import io.productopsdash.engine.text.enrich.EnrichmentService;
import io.productopsdash.engine.text.enrich.SentimentAnalyzer;
import io.productopsdash.engine.text.enrich.SentimentWorker;
import io.productopsdash.models.Answer;
import io.productopsdash.models.WeekId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The weekly theme pipeline in the order PRODUCT.md §3 asks for: first every new or changed
 * comment is enriched, which also removes person names from the stored comment (secrets were
 * already removed when the answer was posted); only then are the week's answers embedded,
 * clustered into themes and sub-themes, labelled from the lemmas and noun phrases enrichment just
 * stored (so each CoreNLP pass runs once per answer), tracked and stored ({@link WeeklyThemeRun}).
 * Sentiment, several times slower, is started afterwards in the background ({@link
 * SentimentWorker}); the run does not wait for it.
 */
public final class ThemePipeline {
  /** Sentiment threads of the background worker (the target machine has two cores). */
  static final int SENTIMENT_THREADS = 2;

  private static final AnswerRepository ANSWERS = new AnswerRepository();
  private static final EnrichmentRepository ENRICHMENTS = new EnrichmentRepository();

  /**
   * What a pipeline run did.
   *
   * @param enrichment the enrichment stage
   * @param themes the stored week
   * @param sentiment completes when the background sentiment run has stored every pending answer
   */
  public record Outcome(
      EnrichmentService.Result enrichment,
      WeeklyThemeRun.Result themes,
      CompletableFuture<SentimentWorker.Report> sentiment) {
    public Outcome {
      Objects.requireNonNull(enrichment, "enrichment");
      Objects.requireNonNull(themes, "themes");
      Objects.requireNonNull(sentiment, "sentiment");
    }
  }

  private ThemePipeline() {}

  /** Run options: the defaults (sub-themes on). */
  public static WeeklyThemeRun.Options options() {
    return WeeklyThemeRun.Options.defaults();
  }

  /** Enriches what is pending, runs the week with the MiniLM embedder, then starts sentiment. */
  public static Outcome run(
      Database db, long seriesId, WeekId week, Clock clock, WeeklyThemeRun.Progress progress) {
    return run(db, seriesId, week, TextEmbedder.miniLm(2), clock, progress);
  }

  /** As {@link #run(Database, long, WeekId, Clock, WeeklyThemeRun.Progress)} with another embedder. */
  public static Outcome run(
      Database db, long seriesId, WeekId week, TextEmbedder embedder, Clock clock, WeeklyThemeRun.Progress progress) {
    Stored stored = runWithoutSentiment(db, seriesId, week, embedder, clock, progress);
    return new Outcome(stored.enrichment(), stored.themes(), startSentiment(db, clock));
  }

  /** What {@link #runWithoutSentiment} stored: the enrichment stage and the week's themes. */
  public record Stored(EnrichmentService.Result enrichment, WeeklyThemeRun.Result themes) {}

  /**
   * Enrichment and the week's themes, without starting sentiment: for a caller running many weeks
   * in a row (the demo data set), which starts {@link #startSentiment} once afterwards instead of
   * one overlapping background run per week.
   */
  public static Stored runWithoutSentiment(
      Database db, long seriesId, WeekId week, Clock clock, WeeklyThemeRun.Progress progress) {
    return runWithoutSentiment(db, seriesId, week, TextEmbedder.miniLm(2), clock, progress);
  }

  static Stored runWithoutSentiment(
      Database db, long seriesId, WeekId week, TextEmbedder embedder, Clock clock, WeeklyThemeRun.Progress progress) {
    Enricher enricher = Enricher.shared();
    EnrichmentService.Result enrichment =
        new EnrichmentService(db, enricher, clock, EnrichmentService.Options.DEFAULT)
            .enrichPending((done, total) -> progress.update("enrich", done, total));
    CoreNlpThemeLabeler labeler =
        db.read(
            c -> {
              List<Answer> answers = ANSWERS.listCommentedInSeries(c, seriesId, week);
              Map<Long, EnrichmentRepository.Row> rows =
                  ENRICHMENTS.find(c, answers.stream().map(Answer::id).toList());
              // Only an answer whose comment changed since enrichment falls back to CoreNLP.
              return CoreNlpThemeLabeler.fromRows(answers, rows, enricher);
            });
    WeeklyThemeRun.Result themes =
        WeeklyThemeRun.run(db, seriesId, week, embedder, labeler, options(), clock, progress);
    return new Stored(enrichment, themes);
  }

  /**
   * Starts sentiment for every enriched answer without one, in the background; the future
   * completes when all are stored. The parser model takes seconds to load on first use, so even
   * that happens off the caller's thread.
   */
  public static CompletableFuture<SentimentWorker.Report> startSentiment(Database db, Clock clock) {
    CompletableFuture<SentimentWorker.Report> done = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                SentimentWorker worker = new SentimentWorker(db, SentimentAnalyzer.shared(), clock, SENTIMENT_THREADS);
                worker
                    .start()
                    .whenComplete(
                        (report, error) -> {
                          if (error == null) {
                            done.complete(report);
                          } else {
                            done.completeExceptionally(error);
                          }
                        });
                worker.shutdown();
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "sentiment-start");
    starter.setDaemon(true);
    starter.start();
    return done;
  }
}
