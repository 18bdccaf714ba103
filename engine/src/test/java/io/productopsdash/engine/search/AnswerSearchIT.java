package io.productopsdash.engine.search;

import static io.productopsdash.engine.search.WalletAnswers.W40;
import static io.productopsdash.engine.search.WalletAnswers.W41;
import static io.productopsdash.engine.search.WalletAnswers.W42;
import static io.productopsdash.engine.search.WalletAnswers.W43;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.engine.search.SearchRequest.SortOrder;
import io.productopsdash.engine.search.SearchResult.FacetCount;
import io.productopsdash.models.NotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer index on disk with a hand-written fixture and exact expected hits and counts. */
class AnswerSearchIT {
  @TempDir Path folder;
  private AnswerIndex index;
  private AnswerSearch search;

  @BeforeEach
  void indexFixture() throws IOException {
    index = AnswerIndex.open(folder.resolve("index"));
    index.upsertAll(WalletAnswers.all());
    index.commit();
    search = new AnswerSearch(index);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private SearchResult find(String query) throws IOException {
    return search.search(SearchRequest.of(query));
  }

  private SearchResult find(String query, SearchFilters filters) throws IOException {
    return search.search(SearchRequest.of(query).withFilters(filters));
  }

  @Test
  void stemmingMatchesFeeAndFees() throws IOException {
    SearchResult r = find("fees");
    assertThat(r.totalHits()).isEqualTo(5);
    // BM25: one match each, so shorter comments first; 1, 2 and 4 have six words each and tie.
    assertThat(r.ids()).containsExactly(6L, 1L, 2L, 4L, 3L);
    assertThat(r.hits().get(1).relevance()).isEqualTo(r.hits().get(3).relevance());
    assertThat(r.literalFallback()).isFalse();
    SearchResult.Hit two = r.hits().stream().filter(h -> h.answerId() == 2).findFirst().get();
    assertThat(two.snippet()).isEqualTo("Network <em>fee</em> was higher than the quote shown.");
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.snippet()).containsPattern("<em>fees?</em>"));
    assertThat(two.themeId()).isEqualTo("fees");
    assertThat(two.themeLabel()).isEqualTo("Fees");
    assertThat(two.week()).isEqualTo("2026-W40");
    assertThat(two.score()).isEqualTo(3);
  }

  @Test
  void booleanAnd() throws IOException {
    SearchResult r = find("swap AND slow");
    assertThat(r.ids()).containsExactlyInAnyOrder(8L, 10L, 14L);
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.snippet())
        .containsPattern("<em>(?i)swaps?</em>").containsPattern("<em>(?i)slow</em>"));
  }

  @Test
  void phrase() throws IOException {
    SearchResult r = find("\"dark mode\"");
    assertThat(r.ids()).containsExactlyInAnyOrder(22L, 23L, 26L);
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.snippet()).containsIgnoringCase("<em>"));
    assertThat(find("\"swap fee\"").ids()).containsExactly(4L);
  }

  @Test
  void wildcard() throws IOException {
    SearchResult r = find("swa*");
    assertThat(r.ids()).containsExactlyInAnyOrder(4L, 8L, 9L, 10L, 11L, 14L);
    SearchResult.Hit nine = r.hits().stream().filter(h -> h.answerId() == 9).findFirst().get();
    assertThat(nine.snippet()).contains("<em>Swapping</em>");
  }

  @Test
  void scoreFilter() throws IOException {
    assertThat(find("fees", SearchFilters.none().withScores(null, 3)).ids())
        .containsExactlyInAnyOrder(1L, 2L, 3L, 6L);
    SearchResult all = find("", SearchFilters.none().withScores(null, 3));
    assertThat(all.totalHits()).isEqualTo(17);
    assertThat(all.ids()).containsExactly(
        1L, 2L, 3L, 5L, 6L, 8L, 9L, 10L, 14L, 15L, 16L, 17L, 18L, 20L, 21L, 28L, 30L);
  }

  @Test
  void otherFilters() throws IOException {
    assertThat(find("", SearchFilters.none().withTheme("darkmode").withWeeks(W42, W43)).ids())
        .containsExactly(24L, 25L, 26L);
    assertThat(find("", SearchFilters.none().withFeatureRequest(true).withSentiment("negative"))
        .ids()).containsExactly(6L);
    assertThat(find("", SearchFilters.none().withSurvey(WalletAnswers.SURVEY)).totalHits())
        .isEqualTo(30);
    assertThat(find("", SearchFilters.none().withSurvey(99L)).totalHits()).isZero();
    assertThat(find("slow", SearchFilters.none().withWeeks(W41, W41)).ids()).containsExactly(10L);
  }

  @Test
  void facetCountsOverAllMatches() throws IOException {
    SearchResult r = search.search(SearchRequest.of("").withPage(0, 1));
    assertThat(r.hits()).hasSize(1);
    assertThat(r.facets().get(AnswerFields.FACET_THEME)).containsExactly(
        new FacetCount("fees", 7), new FacetCount("login", 7), new FacetCount("speed", 7),
        new FacetCount("darkmode", 5), new FacetCount("support", 4));
    assertThat(r.facets().get(AnswerFields.FACET_WEEK)).containsExactly(
        new FacetCount(W42.toString(), 9), new FacetCount(W40.toString(), 7),
        new FacetCount(W41.toString(), 7), new FacetCount(W43.toString(), 7));
    // 7-point CSAT with top-2 box: low 1-2, mid 3-5, high 6-7.
    assertThat(r.facets().get(AnswerFields.FACET_SCORE_BUCKET)).containsExactly(
        new FacetCount("mid", 14), new FacetCount("low", 10), new FacetCount("high", 6));
    assertThat(r.facets().get(AnswerFields.FACET_SENTIMENT)).containsExactly(
        new FacetCount("negative", 17), new FacetCount("neutral", 7),
        new FacetCount("positive", 6));
  }

  @Test
  void themeFacetOfAQuery() throws IOException {
    SearchResult r = find("slow");
    assertThat(r.ids()).containsExactlyInAnyOrder(8L, 10L, 13L, 14L, 30L);
    assertThat(r.facets().get(AnswerFields.FACET_THEME))
        .containsExactly(new FacetCount("speed", 4), new FacetCount("support", 1));
    assertThat(find("zebra").facets().get(AnswerFields.FACET_THEME)).isEmpty();
  }

  @Test
  void malformedQueriesFallBackToLiteralWords() throws IOException {
    SearchResult r = find("swap AND (");
    assertThat(r.literalFallback()).isTrue();
    assertThat(r.ids()).containsExactlyInAnyOrder(4L, 8L, 9L, 10L, 11L, 14L);
    SearchResult quote = find("\"dark mode");
    assertThat(quote.literalFallback()).isTrue();
    assertThat(quote.ids()).containsExactlyInAnyOrder(22L, 23L, 25L, 26L);
    assertThat(find("*").literalFallback()).isTrue();
    assertThat(find("AND OR").totalHits()).isZero();
  }

  @Test
  void pagingIsBounded() throws IOException {
    SearchRequest all = SearchRequest.of("");
    assertThat(search.search(all.withPage(2, 10)).ids())
        .containsExactly(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
    SearchResult beyond = search.search(all.withPage(3, 10));
    assertThat(beyond.hits()).isEmpty();
    assertThat(beyond.totalHits()).isEqualTo(30);
    assertThat(search.search(all.withPage(0, 100)).hits()).hasSize(30);
    assertThatThrownBy(() -> all.withPage(0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page size: 0");
    assertThatThrownBy(() -> all.withPage(0, 101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page size: 101");
    assertThatThrownBy(() -> all.withPage(-1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page: -1");
  }

  @Test
  void tiesAreBrokenByAnswerId() throws IOException {
    // Every answer scores the same for a blank query: relevance order is id order.
    assertThat(search.search(SearchRequest.of("").withPage(0, 5)).ids())
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    // Week 40 by date, newest first: Thursday 8; Wednesday 2, 22, 27; Tuesday 1, 16; Monday 15.
    SearchRequest byDate = SearchRequest.of("")
        .withFilters(SearchFilters.none().withWeeks(W40, W40)).withSort(SortOrder.DATE_DESC);
    assertThat(search.search(byDate).ids()).containsExactly(8L, 2L, 22L, 27L, 1L, 16L, 15L);
  }

  @Test
  void similarAnswersShareTheTopic() throws IOException {
    // "Charges on every transaction add up quickly" does not say "fee" either.
    List<SimilarAnswer> fees = search.similar(5, 6);
    assertThat(fees).extracting(SimilarAnswer::answerId)
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L, 7L);
    assertThat(search.similar(5, 3)).allSatisfy(s -> assertThat(s.themeId()).isEqualTo("fees"));
    // "Exchange between coins is sluggish" shares no word with the other speed answers.
    List<SimilarAnswer> speed = search.similar(12, 8);
    assertThat(speed).extracting(SimilarAnswer::answerId).doesNotContain(12L);
    assertThat(speed.subList(0, 6)).extracting(SimilarAnswer::answerId)
        .containsExactlyInAnyOrder(8L, 9L, 10L, 11L, 13L, 14L);
    assertThat(speed.subList(6, 8)).allSatisfy(s -> assertThat(s.themeId()).isNotEqualTo("speed"));
    assertThat(speed.get(0).similarity()).isGreaterThan(speed.get(7).similarity());
    assertThat(search.similar(30, 5)).isEmpty();
    assertThatThrownBy(() -> search.similar(999, 5)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> search.similar(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k: 0");
  }

  @Test
  void reindexingAnAnswerReplacesIt() throws IOException {
    AnswerRecord five = WalletAnswers.all().get(4);
    index.upsert(five.withTheme("support", "Support", "pricing"));
    index.commit();
    assertThat(find("").totalHits()).isEqualTo(30);
    SearchResult charges = find("charges");
    assertThat(charges.ids()).containsExactly(5L);
    assertThat(charges.hits().get(0).themeId()).isEqualTo("support");
    assertThat(find("").facets().get(AnswerFields.FACET_THEME)).containsExactly(
        new FacetCount("login", 7), new FacetCount("speed", 7), new FacetCount("fees", 6),
        new FacetCount("darkmode", 5), new FacetCount("support", 5));
  }

  @Test
  void committedAnswersSurviveReopening() throws IOException {
    index.close();
    index = AnswerIndex.open(folder.resolve("index"));
    search = new AnswerSearch(index);
    assertThat(find("fees").ids()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L);
    index.delete(1);
    index.commit();
    assertThat(find("fees").ids()).containsExactlyInAnyOrder(2L, 3L, 4L, 6L);
  }

  @Test
  void anEmptyIndexAnswersEmpty() throws IOException {
    try (AnswerIndex empty = AnswerIndex.open(folder.resolve("empty"))) {
      SearchResult r = new AnswerSearch(empty).search(SearchRequest.of("fees"));
      assertThat(r.totalHits()).isZero();
      assertThat(r.facets().get(AnswerFields.FACET_THEME)).isEmpty();
    }
  }

  @Test
  void scoreBucketsFollowTheScale() {
    assertThat(ScoreBucket.of(WalletAnswers.SCALE, 2)).isEqualTo(ScoreBucket.LOW);
    assertThat(ScoreBucket.of(WalletAnswers.SCALE, 3)).isEqualTo(ScoreBucket.MID);
    assertThat(ScoreBucket.of(WalletAnswers.SCALE, 6)).isEqualTo(ScoreBucket.HIGH);
    assertThatThrownBy(() -> ScoreBucket.of(WalletAnswers.SCALE, 8))
        .hasMessageContaining("score: 8");
  }

  @Test
  void snippetsAreSafeHtml() throws IOException {
    index.upsert(new AnswerRecord(31, WalletAnswers.SURVEY, W43, W43.monday(), 1, ScoreBucket.LOW,
        "<script>alert('fees')</script> & \"more\"", null, null, null, "negative", null, false, null));
    index.commit();
    SearchResult r = find("alert");
    assertThat(r.ids()).containsExactly(31L);
    assertThat(r.hits().get(0).snippet())
        .isEqualTo("&lt;script&gt;<em>alert</em>(&#39;fees&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    // Without a match to mark (a filter-only search) the whole comment is escaped the same way.
    SearchResult all = find("", SearchFilters.none().withWeeks(W43, W43).withScores(1, 1));
    assertThat(all.hits().stream().filter(h -> h.answerId() == 31).findFirst().orElseThrow().snippet())
        .isEqualTo("&lt;script&gt;alert(&#39;fees&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
  }
}
