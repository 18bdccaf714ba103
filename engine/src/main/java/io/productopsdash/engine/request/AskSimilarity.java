package io.productopsdash.engine.request;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How alike two asks are, in [0, 1]: the larger of the cosine of their phrase embeddings and the
 * weighted overlap of their terms, {@code Σ shared min(w) / min(Σ w_a, Σ w_b)} with an argument
 * term ("bridge <em>to Base</em>") at half its weight, so an ask that adds a detail to another
 * ("Lightning invoices" to "Lightning") is the same ask. Two asks for different named things
 * ("Solana" and "Lightning") that share no other word are different asks whatever their wording:
 * their similarity is 0. The cosine counts at {@value #COSINE_SCALE} of its value; two asks naming
 * the same entity are at least {@value #HEAD_ENTITY} alike (both in their heads) or {@value
 * #ARGUMENT_ENTITY} (one in an argument).
 */
public final class AskSimilarity {
  private AskSimilarity() {}

  /**
   * The cosine counts at 0.9 of its value: two asks with no word in common must look alike to the
   * embedding by more than the terms' overlap needs to (chosen on the wallet corpus).
   */
  static final double COSINE_SCALE = 0.9;

  /** The weight of an argument term against a head term. */
  static final double ARGUMENT_WEIGHT = 0.5;

  /**
   * One ask, ready to compare.
   *
   * @param terms its terms ({@link AskTerms})
   * @param vector its phrase embedding, unit length (or null: terms only)
   */
  public record Ask(List<AskTerms.Term> terms, float[] vector) {
    public Ask {
      terms = List.copyOf(terms);
    }
  }

  /** The similarity of two asks under {@code weights}. */
  public static double of(Ask a, Ask b, TermWeights weights) {
    Objects.requireNonNull(weights, "weights");
    Map<String, Double> wa = weighted(a, weights);
    Map<String, Double> wb = weighted(b, weights);
    if (conflict(a, b)) {
      return 0.0;
    }
    double shared = 0;
    for (Map.Entry<String, Double> e : wa.entrySet()) {
      Double other = wb.get(e.getKey());
      if (other != null) {
        shared += Math.min(e.getValue(), other);
      }
    }
    double sa = wa.values().stream().mapToDouble(Double::doubleValue).sum();
    double sb = wb.values().stream().mapToDouble(Double::doubleValue).sum();
    double overlap = sa == 0 || sb == 0 ? 0 : shared / Math.min(sa, sb);
    double cosine = 0;
    if (a.vector() != null && b.vector() != null) {
      for (int i = 0; i < a.vector().length; i++) {
        cosine += a.vector()[i] * b.vector()[i];
      }
    }
    double value = Math.max(COSINE_SCALE * cosine, overlap);
    // The same named thing asked for ("Lightning balance", "Lightning support") is the same ask.
    int sameEntity = sharedEntity(a, b);
    if (sameEntity == 2) {
      value = Math.max(value, HEAD_ENTITY);
    } else if (sameEntity == 1) {
      value = Math.max(value, ARGUMENT_ENTITY);
    }
    return Math.max(0, Math.min(1, value));
  }

  /**
   * The least similarity of two asks whose heads name the same entity ("Lightning balance",
   * "Lightning support"), and of two where one's head and the other's argument do ("swap into
   * Lightning sats"): chosen on the wallet corpus (the argument case: 39 to 38 groups, ARI 0.88 to
   * 0.89; the head case changed nothing there, term overlap already covers most of it).
   */
  static final double HEAD_ENTITY = 0.6;

  static final double ARGUMENT_ENTITY = 0.45;

  /** 2 when both heads name the same entity, 1 when one head and the other's argument do, else 0. */
  static int sharedEntity(Ask a, Ask b) {
    int best = 0;
    for (AskTerms.Term x : a.terms()) {
      if (!x.entity()) {
        continue;
      }
      for (AskTerms.Term y : b.terms()) {
        if (y.entity() && y.term().equals(x.term())) {
          int level = !x.argument() && !y.argument() ? 2 : (!x.argument() || !y.argument()) ? 1 : 0;
          best = Math.max(best, level);
        }
      }
    }
    return best;
  }

  /** Different named things in the heads, and no other head word in common. */
  static boolean conflict(Ask a, Ask b) {
    Set<String> entitiesA = new HashSet<>();
    Set<String> wordsA = new HashSet<>();
    for (AskTerms.Term t : a.terms()) {
      if (!t.argument()) {
        (t.entity() ? entitiesA : wordsA).add(t.term());
      }
    }
    Set<String> entitiesB = new HashSet<>();
    Set<String> wordsB = new HashSet<>();
    for (AskTerms.Term t : b.terms()) {
      if (!t.argument()) {
        (t.entity() ? entitiesB : wordsB).add(t.term());
      }
    }
    if (entitiesA.isEmpty() || entitiesB.isEmpty()) {
      return false;
    }
    Set<String> sharedEntities = new HashSet<>(entitiesA);
    sharedEntities.retainAll(entitiesB);
    Set<String> sharedWords = new HashSet<>(wordsA);
    sharedWords.retainAll(wordsB);
    return sharedEntities.isEmpty() && sharedWords.isEmpty();
  }

  private static Map<String, Double> weighted(Ask ask, TermWeights weights) {
    Map<String, Double> out = new HashMap<>();
    for (AskTerms.Term t : ask.terms()) {
      double w = weights.weight(t.term()) * (t.argument() ? ARGUMENT_WEIGHT : 1.0);
      out.merge(t.term(), w, Math::max);
    }
    return out;
  }
}
