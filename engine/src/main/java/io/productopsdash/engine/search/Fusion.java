package io.productopsdash.engine.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * How the hybrid mode fuses the keyword (BM25) and the vector ranking of a query.
 *
 * <ul>
 *   <li>{@link Kind#CONVEX}: a convex combination of the two scores, {@code keywordWeight * bm25'
 *       + vectorWeight * cosine'}, the weights summing to 1. Every candidate (the union of both
 *       windows) gets its true cosine similarity to the query, also a keyword match outside the
 *       vector window, min-max normalised over the candidates ({@code cosine' = (cosine - min) /
 *       (max - min)}, 1 when all are equal; 0 for an answer without embedding); {@code bm25'} is
 *       the BM25 score divided by the best keyword score (0 outside the keyword window).
 *   <li>{@link Kind#RRF}: reciprocal rank fusion, an answer scores {@code keywordWeight / (k +
 *       keyword rank) + vectorWeight / (k + vector rank)} (ranks from 1; a ranking the answer is
 *       not in adds nothing). Needs no score scale; weights 1 and 1 are plain RRF.
 * </ul>
 *
 * <p>The default, {@link #hybridDefault()}, is convex with {@value #DEFAULT_KEYWORD_WEIGHT} on
 * BM25: chosen on a validation split of Banking77 train (held-out train questions as queries, the
 * test questions unseen) among convex weights 0.05..0.5 and RRF with k 10 or 60 and keyword
 * weights 0.1..1; on the test questions it then beat both BM25 and vector alone, where plain RRF
 * did not (docs/benchmarks.md, "Retrieval quality on Banking77").
 *
 * @param k the RRF constant (unused by CONVEX)
 */
public record Fusion(Kind kind, double keywordWeight, double vectorWeight, int k) {
  /** The fusion function. */
  public enum Kind {
    RRF,
    CONVEX
  }

  public Fusion {
    if (kind == null) {
      throw new IllegalArgumentException("Invalid fusion: no kind");
    }
    if (!(keywordWeight >= 0 && vectorWeight >= 0 && keywordWeight + vectorWeight > 0)) {
      throw new IllegalArgumentException(
          "Invalid fusion weights: " + keywordWeight + ", " + vectorWeight + " (must be >= 0, not both 0)");
    }
    if (kind == Kind.CONVEX && Math.abs(keywordWeight + vectorWeight - 1) > 1e-9) {
      throw new IllegalArgumentException(
          "Invalid convex weights: " + keywordWeight + " + " + vectorWeight + " (must sum to 1)");
    }
    if (k < 1) {
      throw new IllegalArgumentException("Invalid RRF constant: " + k + " (must be >= 1)");
    }
  }

  /** BM25's share in the default convex fusion; the cosine gets the rest. */
  public static final double DEFAULT_KEYWORD_WEIGHT = 0.05;

  /** The hybrid mode's default: convex, {@value #DEFAULT_KEYWORD_WEIGHT} BM25 + the rest cosine. */
  public static Fusion hybridDefault() {
    return convex(1 - DEFAULT_KEYWORD_WEIGHT);
  }

  /** Plain reciprocal rank fusion, k = {@value AnswerSearch#RRF_K}. */
  public static Fusion rrf() {
    return weightedRrf(1, 1);
  }

  /** Reciprocal rank fusion with these weights, k = {@value AnswerSearch#RRF_K}. */
  public static Fusion weightedRrf(double keywordWeight, double vectorWeight) {
    return new Fusion(Kind.RRF, keywordWeight, vectorWeight, AnswerSearch.RRF_K);
  }

  /** Convex combination of min-max normalised scores, {@code vectorShare} on the vector side. */
  public static Fusion convex(double vectorShare) {
    return new Fusion(Kind.CONVEX, 1 - vectorShare, vectorShare, AnswerSearch.RRF_K);
  }

  /**
   * The fused score of every candidate of {@code keyword} and {@code vector} (doc ids, best first,
   * ties already broken by answer id). For {@link Kind#CONVEX}, {@code cosine} must hold each
   * candidate's cosine to the query (NaN for an answer without embedding); RRF ignores it.
   */
  public Map<Integer, Double> fuse(ScoreDoc[] keyword, ScoreDoc[] vector, Map<Integer, Double> cosine) {
    Map<Integer, Double> scores = new HashMap<>();
    if (kind == Kind.RRF) {
      addRanks(scores, keyword, keywordWeight);
      addRanks(scores, vector, vectorWeight);
      return scores;
    }
    Map<Integer, Double> bm25 = new HashMap<>();
    for (ScoreDoc sd : keyword) {
      bm25.put(sd.doc, (double) sd.score);
    }
    double min = cosine.values().stream().filter(d -> !d.isNaN()).min(Double::compare).orElse(0.0);
    double max = cosine.values().stream().filter(d -> !d.isNaN()).max(Double::compare).orElse(1.0);
    double best = keyword.length == 0 ? 1 : Math.max(keyword[0].score, Float.MIN_VALUE);
    for (Map.Entry<Integer, Double> e : cosine.entrySet()) {
      double c = e.getValue().isNaN() ? 0 : max > min ? (e.getValue() - min) / (max - min) : 1;
      double b = bm25.getOrDefault(e.getKey(), 0.0) / best;
      scores.put(e.getKey(), keywordWeight * b + vectorWeight * c);
    }
    return scores;
  }

  /* Adds one ranking's reciprocal ranks (ranks from 1) to the scores. */
  private void addRanks(Map<Integer, Double> scores, ScoreDoc[] ranking, double weight) {
    for (int rank = 0; rank < ranking.length; rank++) {
      scores.merge(ranking[rank].doc, weight / (k + rank + 1.0), Double::sum);
    }
  }

  @Override
  public String toString() {
    return kind == Kind.RRF
        ? String.format(java.util.Locale.ROOT, "RRF k=%d, weights %.2f:%.2f", k, keywordWeight, vectorWeight)
        : String.format(java.util.Locale.ROOT, "convex, %.2f BM25 + %.2f cosine (min-max)", keywordWeight, vectorWeight);
  }
}
