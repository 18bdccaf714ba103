package io.productopsdash.engine.request;

import java.util.Objects;

/**
 * Whether one answer asks for something according to {@link BlendedFeatureRequestDetector}, and
 * the two signals behind the answer.
 *
 * @param request true when {@code confidence} reached the detector's threshold
 * @param confidence in [0, 1]: the weighted mean of the rules' confidence and {@code embedding}
 * @param rules the rule detection (its cues and sentence explain the answer; its own {@code
 *     request} flag is the rules' verdict alone)
 * @param embedding in [0, 1]: the embedding signal's probability
 */
public record BlendedDetection(
    boolean request, double confidence, RequestDetection rules, double embedding) {
  public BlendedDetection {
    Objects.requireNonNull(rules, "rules");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("Invalid confidence: " + confidence);
    }
    if (!(embedding >= 0.0 && embedding <= 1.0)) {
      throw new IllegalArgumentException("Invalid embedding probability: " + embedding);
    }
  }
}
