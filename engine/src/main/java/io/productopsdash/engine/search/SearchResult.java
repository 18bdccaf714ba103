package io.productopsdash.engine.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total number of hits, and facet counts over all matching answers.
 *
 * @param totalHits hits in all: matching answers, or, with duplicates collapsed, distinct comments
 * @param answers matching answers (equal to {@code totalHits} unless duplicates were collapsed)
 * @param facets per dimension ({@link AnswerFields#FACET_THEME}, ...), labels by count
 *     descending then label ascending; a dimension without matches has an empty list
 * @param literalFallback true when the query text did not parse and was searched as plain words
 */
public record SearchResult(
    long totalHits, long answers, List<Hit> hits, Map<String, List<FacetCount>> facets,
    boolean literalFallback) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** A result without collapsed duplicates. */
  public SearchResult(long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets, boolean literalFallback) {
    this(totalHits, totalHits, hits, facets, literalFallback);
  }

  /** The answer ids of this page, in order. */
  public List<Long> ids() {
    return hits.stream().map(Hit::answerId).toList();
  }

  /**
   * One matching answer with its highlighted snippet, which is HTML: the comment's text escaped
   * ({@code & < > " '}) and matches in {@code <em>}. With duplicates collapsed, {@code sameText}
   * lists the other matching answers with the identical comment (in rank order, at most {@value
   * #MAX_SAME_TEXT}) and {@code sameTextCount} counts all of them.
   */
  public record Hit(
      long answerId, float relevance, String week, int score, String themeId, String themeLabel,
      String sentiment, String snippet, int sameTextCount, List<Twin> sameText) {
    /** At most this many identical answers are listed per hit. */
    public static final int MAX_SAME_TEXT = 100;

    public Hit {
      sameText = List.copyOf(sameText);
    }

    /** A hit without identical answers. */
    public Hit(long answerId, float relevance, String week, int score, String themeId, String themeLabel,
        String sentiment, String snippet) {
      this(answerId, relevance, week, score, themeId, themeLabel, sentiment, snippet, 0, List.of());
    }

    /** This hit with the identical answers collapsed into it. */
    public Hit withSameText(int count, List<Twin> twins) {
      return new Hit(answerId, relevance, week, score, themeId, themeLabel, sentiment, snippet, count, twins);
    }
  }

  /** Another answer with the identical comment: its id, week and score. */
  public record Twin(long answerId, String week, int score) {}

  /** How many matches carry a facet label. */
  public record FacetCount(String label, int count) {}
}
