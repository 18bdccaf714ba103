package io.productopsdash.engine.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total number of matches, and facet counts over all matches.
 *
 * @param facets per dimension ({@link AnswerFields#FACET_THEME}, ...), labels by count
 *     descending then label ascending; a dimension without matches has an empty list
 * @param literalFallback true when the query text did not parse and was searched as plain words
 */
public record SearchResult(
    long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets,
    boolean literalFallback) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** The answer ids of this page, in order. */
  public List<Long> ids() {
    return hits.stream().map(Hit::answerId).toList();
  }

  /**
   * One matching answer with its highlighted snippet, which is HTML: the comment's text escaped
   * ({@code & < > " '}) and matches in {@code <em>}.
   */
  public record Hit(
      long answerId, float relevance, String week, int score, String themeId, String themeLabel,
      String sentiment, String snippet) {}

  /** How many matches carry a facet label. */
  public record FacetCount(String label, int count) {}
}
