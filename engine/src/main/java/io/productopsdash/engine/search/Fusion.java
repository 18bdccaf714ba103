package io.productopsdash.engine.search;

/**
 * How the hybrid mode fuses the keyword (BM25) and the vector ranking of a query.
 *
 * <ul>
 *   <li>{@link Kind#RRF}: reciprocal rank fusion, an answer scores {@code keywordWeight / (k +
 *       keyword rank) + vectorWeight / (k + vector rank)} (ranks from 1; a ranking the answer is
 *       not in adds nothing). Needs no score scale; weights 1 and 1 are plain RRF.
 *   <li>{@link Kind#CONVEX}: a convex combination of the two scores, each min-max normalised over
 *       its ranking's window: {@code keywordWeight * bm25' + vectorWeight * cosine'} (0 for a
 *       ranking the answer is not in), with the weights summing to 1.
 * </ul>
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

  @Override
  public String toString() {
    return kind == Kind.RRF
        ? String.format(java.util.Locale.ROOT, "RRF k=%d, weights %.2f:%.2f", k, keywordWeight, vectorWeight)
        : String.format(java.util.Locale.ROOT, "convex, %.2f BM25 + %.2f cosine (min-max)", keywordWeight, vectorWeight);
  }
}
