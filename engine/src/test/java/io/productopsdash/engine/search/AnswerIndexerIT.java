package io.productopsdash.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.data.AnswerRepository;
import io.productopsdash.data.Database;
import io.productopsdash.data.EnrichmentRepository;
import io.productopsdash.engine.survey.SurveyService;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.Survey;
import io.productopsdash.models.SurveyDraft;
import io.productopsdash.models.WeekId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is rebuilt from SQLite alone, and one series' week can be re-indexed on its own. */
class AnswerIndexerIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void rebuildIndexesEveryAnswerAndDropsStaleDocuments() throws Exception {
    try (Database db = Database.open(dir.resolve("db"));
        AnswerIndex index = AnswerIndex.open(dir.resolve("index"))) {
      Survey s =
          new SurveyService(db, CLOCK)
              .create(new SurveyDraft("Weekly", "How satisfied are you?",
                  new Scale(ScoreKind.CSAT, 7, "bad", "good", 2), "Better how?", 1.0, 4, true));
      List<Long> ids = new ArrayList<>();
      db.write(
          c -> {
            AnswerRepository answers = new AnswerRepository();
            ids.add(answers.insert(c, "r1", s.id(), "u1", WeekId.parse("2026-W10"), 1,
                "The swap fees are far too high.", "en", null, CLOCK.instant()).id());
            ids.add(answers.insert(c, "r2", s.id(), "u2", WeekId.parse("2026-W10"), 7,
                "Love the multi-chain view.", "en", null, CLOCK.instant()).id());
            ids.add(answers.insert(c, "r3", s.id(), "u3", WeekId.parse("2026-W11"), 4,
                "Fees again, too high.", "en", null, CLOCK.instant()).id());
            ids.add(answers.insert(c, "r4", s.id(), "u4", WeekId.parse("2026-W11"), 5, null, "en",
                null, CLOCK.instant()).id());
            return null;
          });
      AnswerIndexer indexer = new AnswerIndexer(ZoneOffset.UTC);
      AnswerSearch search = new AnswerSearch(index);

      // Comments not yet enriched (so not yet cleared of person names) stay out of the index.
      assertThat(indexer.indexSeriesWeek(db, index, s.seriesId(), WeekId.parse("2026-W11"))).isEqualTo(1);
      assertThat(search.search(SearchRequest.of("fees")).totalHits()).isZero();
      db.write(
          c -> {
            EnrichmentRepository enrichments = new EnrichmentRepository();
            for (long id : ids.subList(0, 3)) {
              enrichments.upsert(c, id, "sha-" + id, List.of(), List.of(), CLOCK.instant());
            }
            return null;
          });
      assertThat(indexer.indexSeriesWeek(db, index, s.seriesId(), WeekId.parse("2026-W11"))).isEqualTo(2);
      assertThat(search.search(everyAnswer()).totalHits()).isEqualTo(2);

      index.upsert(new AnswerRecord(9_999, s.id(), WeekId.parse("2026-W10"),
          java.time.LocalDate.of(2026, 3, 2), 3, ScoreBucket.MID, "stale fees", null, null, null,
          "neutral", null, false, null));
      index.commit();
      List<int[]> progress = new ArrayList<>();
      assertThat(indexer.rebuild(db, index, (done, total) -> progress.add(new int[] {done, total})))
          .isEqualTo(4);
      assertThat(progress).isNotEmpty();
      assertThat(progress.get(progress.size() - 1)).containsExactly(4, 4);

      SearchResult all = search.search(everyAnswer().withPage(0, 100));
      assertThat(all.ids()).containsExactlyInAnyOrderElementsOf(ids);
      SearchResult fees = search.search(SearchRequest.of("fees"));
      assertThat(fees.ids()).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
      assertThat(fees.facets().get(AnswerFields.FACET_SENTIMENT))
          .containsExactly(new SearchResult.FacetCount(AnswerIndexer.NO_SENTIMENT, 2));
      assertThat(search.search(everyAnswer().withFilters(SearchFilters.none().withScores(1, 2))).ids())
          .containsExactly(ids.get(0));
    }
  }

  /* Every indexed answer: those without a comment too, identical comments not collapsed. */
  private static SearchRequest everyAnswer() {
    return SearchRequest.of("").withUncommented(true).withCollapsedDuplicates(false);
  }
}
