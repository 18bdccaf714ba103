package io.productopsdash.engine.request;

import java.util.List;
import java.util.Objects;

/**
 * Whether one answer asks for something, how sure the detector is, and why.
 *
 * @param request true when {@code confidence} reached the detector's threshold
 * @param confidence in [0, 1]: the noisy-or of the counted cues' weights in the best sentence
 * @param sentence the sentence that carried the request (normalised), or empty when none did
 * @param cues every cue matched, in sentence and text order, counted or suppressed
 * @param language the language the answer is written in
 * @param english the text the rules read: the answer itself, or its English gloss ({@link
 *     RequestGlossary})
 */
public record RequestDetection(
    boolean request,
    double confidence,
    String sentence,
    List<RequestCue> cues,
    RequestLanguage language,
    String english) {
  public RequestDetection {
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(english, "english");
    cues = List.copyOf(cues);
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("Invalid confidence: " + confidence);
    }
  }

  /** An English answer's detection. */
  public RequestDetection(boolean request, double confidence, String sentence, List<RequestCue> cues) {
    this(request, confidence, sentence, cues, RequestLanguage.ENGLISH, sentence);
  }

  /** The cues that count towards the confidence. */
  public List<RequestCue> counted() {
    return cues.stream().filter(RequestCue::counts).toList();
  }

  /** The cues that matched but were discarded, each with its reason. */
  public List<RequestCue> suppressed() {
    return cues.stream().filter(c -> !c.counts()).toList();
  }
}
