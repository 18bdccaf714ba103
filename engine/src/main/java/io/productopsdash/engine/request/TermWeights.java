package io.productopsdash.engine.request;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How much a shared term says that two asks are the same ask: a smoothed inverse document
 * frequency over a product's answers, {@code ln((N + 1) / (df + 1)) + 1}. A word every answer uses
 * ("wallet" in a wallet app, "note" in a notes app) weighs little; the name of a thing weighs
 * much. Immutable.
 */
public final class TermWeights {
  private final Map<String, Integer> documentFrequency;
  private final int documents;

  private TermWeights(Map<String, Integer> documentFrequency, int documents) {
    this.documentFrequency = documentFrequency;
    this.documents = documents;
  }

  /** Weights from the English texts of a product's answers (each counted once per term). */
  public static TermWeights of(Collection<String> englishTexts) {
    Objects.requireNonNull(englishTexts, "englishTexts");
    Map<String, Integer> df = new HashMap<>();
    for (String text : englishTexts) {
      Set<String> seen = new HashSet<>();
      for (AskTerms.Term t : AskTerms.of(text)) {
        if (seen.add(t.term())) {
          df.merge(t.term(), 1, Integer::sum);
        }
      }
    }
    return new TermWeights(Map.copyOf(df), englishTexts.size());
  }

  /** The weight of a canonical term; an unseen term weighs most. */
  public double weight(String term) {
    int df = documentFrequency.getOrDefault(term, 0);
    return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
  }
}
