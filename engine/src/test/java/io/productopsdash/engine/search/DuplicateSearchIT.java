package io.productopsdash.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical comments collapse into one hit with a count, answers without a comment appear only on
 * request, and "similar answers" never returns copies of the answer's own text: on a hand-made
 * index of twelve answers whose counts are known.
 */
class DuplicateSearchIT {
  private static final long SURVEY = 3;
  private static final WeekId W10 = new WeekId(2026, 10);
  private static final WeekId W11 = new WeekId(2026, 11);

  @TempDir Path folder;
  private AnswerIndex index;
  private AnswerSearch search;

  @BeforeEach
  void indexFixture() throws IOException {
    List<AnswerRecord> records = new ArrayList<>();
    // Answers 1-5: one text five times (case and spacing vary), in two weeks.
    records.add(answer(1, W10, 2, "swap slow slow slow", 0, 0.00f));
    records.add(answer(2, W10, 1, "Swap slow slow slow", 0, 0.01f));
    records.add(answer(3, W11, 3, "swap  slow slow slow ", 0, 0.02f));
    records.add(answer(4, W11, 2, "SWAP SLOW SLOW SLOW", 0, 0.03f));
    records.add(answer(5, W11, 2, "swap slow slow slow", 0, 0.04f));
    // Answers 6-7: a near neighbour in meaning, twice; 8: another neighbour, once.
    records.add(answer(6, W10, 3, "swaps are slow today", 0, 0.10f));
    records.add(answer(7, W11, 3, "swaps are slow today", 0, 0.11f));
    records.add(answer(8, W11, 4, "the swap took a while", 0, 0.20f));
    // Answers 9-10: a different topic; 11-12: a score without a comment.
    records.add(answer(9, W10, 6, "love the new dark mode", 1, 0.00f));
    records.add(answer(10, W11, 7, "dark mode looks great", 1, 0.05f));
    records.add(answer(11, W10, 5, "", -1, 0f));
    records.add(answer(12, W11, 6, "", -1, 0f));
    index = AnswerIndex.open(folder.resolve("index"));
    index.upsertAll(records);
    index.commit();
    search = new AnswerSearch(index);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void identicalCommentsAreOneHitWithTheirCount() throws IOException {
    SearchResult r = search.search(SearchRequest.of("slow"));
    assertThat(r.answers()).as("matching answers").isEqualTo(7);
    assertThat(r.totalHits()).as("distinct comments").isEqualTo(2);
    SearchResult.Hit first = r.hits().stream().filter(h -> h.answerId() <= 5).findFirst().orElseThrow();
    assertThat(first.sameTextCount()).isEqualTo(4);
    assertThat(first.sameText()).extracting(SearchResult.Twin::answerId)
        .containsExactlyInAnyOrderElementsOf(List.of(1L, 2L, 3L, 4L, 5L).stream().filter(id -> id != first.answerId()).toList());
    SearchResult.Hit pair = r.hits().stream().filter(h -> h.answerId() == 6 || h.answerId() == 7).findFirst().orElseThrow();
    assertThat(pair.sameTextCount()).isEqualTo(1);
    assertThat(pair.sameText().get(0).week()).isEqualTo(pair.answerId() == 6 ? "2026-W11" : "2026-W10");
    // Facets still count answers.
    assertThat(r.facets().get(AnswerFields.FACET_WEEK))
        .containsExactly(new SearchResult.FacetCount("2026-W11", 4), new SearchResult.FacetCount("2026-W10", 3));
  }

  @Test
  void pagesCountDistinctCommentsAndEveryAnswerIsListedWhenAsked() throws IOException {
    SearchResult page0 = search.search(SearchRequest.of("").withSort(SearchRequest.SortOrder.DATE_DESC).withPage(0, 3));
    SearchResult page1 = search.search(SearchRequest.of("").withSort(SearchRequest.SortOrder.DATE_DESC).withPage(1, 3));
    assertThat(page0.totalHits()).as("five distinct commented texts").isEqualTo(5);
    assertThat(page0.answers()).isEqualTo(10);
    assertThat(page0.hits()).hasSize(3);
    assertThat(page1.hits()).hasSize(2);
    List<Long> heads = new ArrayList<>(page0.ids());
    heads.addAll(page1.ids());
    assertThat(heads).doesNotHaveDuplicates();
    int listed = heads.size() + page0.hits().stream().mapToInt(SearchResult.Hit::sameTextCount).sum()
        + page1.hits().stream().mapToInt(SearchResult.Hit::sameTextCount).sum();
    assertThat(listed).as("every commented answer is a hit or one of its twins").isEqualTo(10);

    SearchResult every = search.search(SearchRequest.of("slow").withCollapsedDuplicates(false));
    assertThat(every.totalHits()).isEqualTo(7);
    assertThat(every.ids()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(every.hits()).allSatisfy(h -> assertThat(h.sameTextCount()).isZero());
  }

  @Test
  void answersWithoutACommentOnlyWhenAskedFor() throws IOException {
    SearchResult commented = search.search(SearchRequest.of("").withCollapsedDuplicates(false).withPage(0, 50));
    assertThat(commented.ids()).hasSize(10).doesNotContain(11L, 12L);
    SearchResult all = search.search(SearchRequest.of("").withCollapsedDuplicates(false).withUncommented(true).withPage(0, 50));
    assertThat(all.ids()).hasSize(12).contains(11L, 12L);
    SearchResult collapsed = search.search(SearchRequest.of("").withUncommented(true).withPage(0, 50));
    assertThat(collapsed.totalHits()).as("comment-less answers are never collapsed together").isEqualTo(7);
  }

  @Test
  void similarAnswersLeaveOutTheAnswersOwnTextAndListEachOtherTextOnce() throws IOException {
    List<SimilarAnswer> similar = search.similar(1, 5);
    assertThat(similar).extracting(SimilarAnswer::answerId).doesNotContain(1L, 2L, 3L, 4L, 5L);
    assertThat(similar).extracting(SimilarAnswer::comment).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip()).isNotEqualTo("swap slow slow slow"));
    assertThat(similar.get(0).comment()).isEqualTo("swaps are slow today");
    assertThat(similar.get(1).comment()).isEqualTo("the swap took a while");
    assertThat(similar).hasSize(4);
  }

  /*
   * A synthetic embedding: topic 0 (swaps) or 1 (dark mode) in its own block, moved by {@code
   * offset} along a third axis so nearer offsets are more similar; none for a comment-less answer.
   */
  private static AnswerRecord answer(long id, WeekId week, int score, String comment, int topic, float offset) {
    float[] v = null;
    if (topic >= 0) {
      v = new float[AnswerFields.EMBEDDING_DIMENSION];
      v[topic * 8] = 1f;
      v[100] = offset;
      v[101] = offset * offset;
    }
    LocalDate date = week.monday().plusDays(id % 5);
    return new AnswerRecord(
        id, SURVEY, week, date, score, ScoreBucket.of(WalletAnswers.SCALE, score), comment, null, null, null, "neutral", null, false, v);
  }
}
