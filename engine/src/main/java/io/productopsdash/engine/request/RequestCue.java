package io.productopsdash.engine.request;

import java.util.Objects;

/**
 * One matched cue: which rule fired, on what words, and in which sentence.
 *
 * @param kind the kind of cue
 * @param rule the id of the rule that matched (stable, for explanations and tests)
 * @param evidence the matched words as they appear in the normalised sentence
 * @param sentence index of the sentence in the answer (0-based)
 * @param suppressedBy empty when the cue counts; otherwise why it was discarded (for instance
 *     {@code "fix"}: the thing asked for is a bug fix, not new behaviour)
 */
public record RequestCue(
    CueKind kind, String rule, String evidence, int sentence, String suppressedBy) {
  public RequestCue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(suppressedBy, "suppressedBy");
    if (sentence < 0) {
      throw new IllegalArgumentException("Invalid sentence index: " + sentence);
    }
  }

  /** True when the cue counts towards the confidence. */
  public boolean counts() {
    return suppressedBy.isEmpty();
  }

  @Override
  public String toString() {
    return kind
        + "/"
        + rule
        + "[\""
        + evidence
        + "\"]"
        + (counts() ? "" : " suppressed by " + suppressedBy);
  }
}
