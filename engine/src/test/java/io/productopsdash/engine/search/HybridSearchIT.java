package io.productopsdash.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.productopsdash.engine.embed.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vector and hybrid search with the real all-MiniLM-L6-v2 embeddings of the thirty fixture answers:
 * a paraphrase sharing no word with any answer finds nothing by keywords and the right answers by
 * hybrid search; the default fusion (convex, 0.05 BM25 + 0.95 cosine) computed by its formula from
 * both rankings' scores, and reciprocal rank fusion (k = 60) computed by hand; filters bind both
 * rankings; totals and facets count the fused candidates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridSearchIT {
  @TempDir static Path folder;
  private AnswerIndex index;
  private AnswerSearch search;

  @BeforeAll
  void indexFixture() throws IOException {
    index = AnswerIndex.open(folder.resolve("index"));
    SentenceEmbedder embedder = SentenceEmbedder.shared();
    List<AnswerRecord> real = new ArrayList<>();
    for (AnswerRecord r : WalletAnswers.all()) {
      real.add(new AnswerRecord(r.answerId(), r.surveyId(), r.week(), r.date(), r.score(), r.scoreBucket(),
          r.comment(), r.themeId(), r.themeLabel(), r.subTheme(), r.sentiment(), r.segment(), r.featureRequest(),
          embedder.embed(r.comment())));
    }
    index.upsertAll(real);
    index.commit();
    search = AnswerSearch.withSentenceEmbedder(index);
  }

  @AfterAll
  void close() throws IOException {
    index.close();
  }

  private SearchResult find(String q, SearchRequest.Mode mode) throws IOException {
    return search.search(SearchRequest.of(q).withMode(mode).withPage(0, 5));
  }

  @Test
  void aParaphraseWithNoSharedWordIsFoundByHybridNotByKeywords() throws IOException {
    // No fixture comment has "evening", "colour" or "scheme" (after stemming): keywords find nothing.
    assertThat(find("evening colour scheme", SearchRequest.Mode.KEYWORD).totalHits()).isZero();
    SearchResult hybrid = find("evening colour scheme", SearchRequest.Mode.HYBRID);
    // The five dark-mode answers (22..26) are the top five.
    assertThat(hybrid.ids()).containsExactlyInAnyOrder(22L, 23L, 24L, 25L, 26L);
    assertThat(find("overpriced", SearchRequest.Mode.KEYWORD).totalHits()).isZero();
    assertThat(find("overpriced", SearchRequest.Mode.HYBRID).ids().subList(0, 2)).allMatch(id -> id <= 7);
  }

  @Test
  void convexFusionOfBothRankingsByDefault() throws IOException {
    SearchResult keyword = find("too pricey", SearchRequest.Mode.KEYWORD);
    assertThat(keyword.ids()).containsExactly(1L, 14L); // "too" in both; BM25 prefers the shorter
    SearchResult vector = find("too pricey", SearchRequest.Mode.VECTOR);
    assertThat(vector.ids()).containsExactly(7L, 6L, 14L, 1L, 4L);
    assertThat(vector.totalHits()).isEqualTo(30); // every embedded answer fits the 100-candidate window
    // The default fusion by its documented formula, from the two rankings' own scores: 0.05 * BM25
    // / best BM25 + 0.95 * cosine min-max normalised over the 30 candidates (all in the vector window).
    SearchResult allByVector = search.search(
        SearchRequest.of("too pricey").withMode(SearchRequest.Mode.VECTOR).withPage(0, 100));
    double min = allByVector.hits().get(29).relevance();
    double max = allByVector.hits().get(0).relevance();
    double best = keyword.hits().get(0).relevance();
    Map<Long, Double> expected = new HashMap<>();
    for (SearchResult.Hit h : allByVector.hits()) {
      expected.put(h.answerId(), 0.95 * (h.relevance() - min) / (max - min));
    }
    for (SearchResult.Hit h : keyword.hits()) {
      expected.merge(h.answerId(), 0.05 * h.relevance() / best, Double::sum);
    }
    SearchResult hybrid = search.search(
        SearchRequest.of("too pricey").withMode(SearchRequest.Mode.HYBRID).withPage(0, 100));
    assertThat(hybrid.totalHits()).isEqualTo(30);
    assertThat(hybrid.hits()).hasSize(30).allSatisfy(h ->
        assertThat(h.relevance()).isCloseTo(expected.get(h.answerId()).floatValue(), within(1e-6f)));
    // Cosines (Lucene's (1 + cos) / 2) 7: 0.71830 (max), 6: 0.68787, 14: 0.67253, 1: 0.65019,
    // 4: 0.62546, the 30th 0.51579 (min); BM25 1: 1.12029, 14: 1.04674. So 7: 0.95 * 1 = 0.95;
    // 6: 0.95 * 0.84970 = 0.80721; 14: 0.95 * 0.77398 + 0.05 * 0.93435 = 0.78200; 1: 0.95 *
    // 0.66366 + 0.05 = 0.68047; 4: 0.51447. The keyword share lifts 1 and 14 (here not past 6).
    assertThat(hybrid.ids().subList(0, 5)).containsExactly(7L, 6L, 14L, 1L, 4L);
    assertThat(hybrid.hits().get(0).relevance()).isCloseTo(0.95f, within(1e-6f));
    assertThat(hybrid.hits().get(2).relevance()).isCloseTo(0.78200f, within(1e-5f));
    assertThat(hybrid.hits().get(3).relevance()).isCloseTo(0.68047f, within(1e-5f));
    assertThat(hybrid.hits().get(3).snippet()).isEqualTo("The fees are way <em>too</em> high for small transfers.");
  }

  @Test
  void reciprocalRankFusionWhenConfigured() throws IOException {
    AnswerSearch rrf = new AnswerSearch(index, text -> SentenceEmbedder.shared().embed(text), Fusion.rrf());
    SearchResult hybrid = rrf.search(SearchRequest.of("too pricey").withMode(SearchRequest.Mode.HYBRID).withPage(0, 5));
    // keyword 1, 14; vector 7, 6, 14, 1, 4.
    // 1: 1/61 + 1/64 = 0.032018; 14: 1/62 + 1/63 = 0.032002; 7: 1/61; 6: 1/62; 4: 1/65
    assertThat(hybrid.ids()).containsExactly(1L, 14L, 7L, 6L, 4L);
    assertThat(hybrid.hits().get(0).relevance()).isEqualTo((float) (1.0 / 61 + 1.0 / 64));
    assertThat(hybrid.hits().get(1).relevance()).isEqualTo((float) (1.0 / 62 + 1.0 / 63));
    assertThat(hybrid.hits().get(2).relevance()).isEqualTo((float) (1.0 / 61));
    assertThat(hybrid.totalHits()).isEqualTo(30);
  }

  @Test
  void filtersBindBothRankingsAndFacetsCountTheCandidates() throws IOException {
    SearchResult r = search.search(SearchRequest.of("too pricey").withMode(SearchRequest.Mode.HYBRID)
        .withFilters(SearchFilters.none().withWeeks(WalletAnswers.W40, WalletAnswers.W40)).withPage(0, 100));
    // W40 holds answers 1, 2, 8, 15, 16, 22, 27, all embedded.
    assertThat(r.ids()).containsExactlyInAnyOrder(1L, 2L, 8L, 15L, 16L, 22L, 27L);
    assertThat(r.ids().get(0)).isEqualTo(1L); // the only keyword match, and near by meaning
    assertThat(r.totalHits()).isEqualTo(7);
    assertThat(r.facets().get(AnswerFields.FACET_WEEK)).containsExactly(new SearchResult.FacetCount("2026-W40", 7));
    assertThat(r.facets().get(AnswerFields.FACET_THEME)).containsExactly(
        new SearchResult.FacetCount("fees", 2), new SearchResult.FacetCount("login", 2),
        new SearchResult.FacetCount("darkmode", 1), new SearchResult.FacetCount("speed", 1),
        new SearchResult.FacetCount("support", 1));
    // By date, newest first, ties by id: W40's Monday plus id % 5 days.
    SearchResult byDate = search.search(SearchRequest.of("too pricey").withMode(SearchRequest.Mode.HYBRID)
        .withFilters(SearchFilters.none().withWeeks(WalletAnswers.W40, WalletAnswers.W40))
        .withSort(SearchRequest.SortOrder.DATE_DESC).withPage(0, 100));
    assertThat(byDate.ids()).containsExactly(8L, 2L, 22L, 27L, 1L, 16L, 15L);
    SearchResult lowScores = search.search(SearchRequest.of("overpriced").withMode(SearchRequest.Mode.VECTOR)
        .withFilters(SearchFilters.none().withScores(null, 1)));
    assertThat(lowScores.ids()).containsExactlyInAnyOrder(3L, 15L, 20L, 28L); // every score-1 answer
  }

  @Test
  void aBlankQueryIsAKeywordSearchInEveryMode() throws IOException {
    for (SearchRequest.Mode m : SearchRequest.Mode.values()) {
      assertThat(search.search(SearchRequest.of("").withMode(m)).totalHits()).isEqualTo(30);
    }
  }
}
