package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Detects answers that ask for something ("please add …", "I wish …", "would be great if …",
 * "the app needs a dark mode", "why can't I …") with transparent English rules: no model, no
 * network, the same answer for the same text on every run.
 *
 * <p>The answer is cut into sentences; in each, every rule of {@link RequestRules} is matched and
 * kept or suppressed (a request for a fix, "I wish I had never bought it"). The kept cues of a
 * sentence combine as a noisy-or over their kinds, each kind counted once at its strongest
 * weight: {@code confidence = 1 - Π(1 - weight)}. The answer's confidence is that of its best
 * sentence; it is a request when the confidence reaches the threshold. One strong cue (a wish, a
 * polite ask) is enough; weak ones (a capability noun, a bare "please") need company.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FeatureRequestDetector {
  /** Texts longer than this are cut: requests come early and regexes must stay bounded. */
  static final int MAX_CHARS = 20_000;

  private static final int MAX_SENTENCE = 1_000;

  /** Terse cues that count only when their sentence is the whole answer. */
  private static final java.util.Set<String> ALONE = java.util.Set.of("terse.noun-phrase", "terse.question");

  /**
   * Detector options.
   *
   * @param threshold the confidence from which an answer counts as a request, in (0, 1]
   * @param modelWeight the weight of the {@link RequestClassifier} in the confidence, in [0, 1]
   *     (0: the rules alone)
   */
  public record Options(double threshold, double modelWeight) {
    public Options {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("Invalid threshold: " + threshold);
      }
      if (!(modelWeight >= 0.0 && modelWeight <= 1.0)) {
        throw new IllegalArgumentException("Invalid model weight: " + modelWeight);
      }
    }

    /** Rules alone at a threshold. */
    public Options(double threshold) {
      this(threshold, 0.0);
    }

    /**
     * The default: threshold 0.5 (one strong cue or two weak ones of different kinds) and the
     * model weighed at {@value FeatureRequestDetector#MODEL_WEIGHT} (chosen on the wallet corpus).
     */
    public static Options defaults() {
      return new Options(0.5, MODEL_WEIGHT);
    }
  }

  /** The weight from which one cue can make a request with the classifier's support. */
  static final double STRONG_CUE = 0.5;

  /** The classifier's weight in the default detector. */
  static final double MODEL_WEIGHT = 0.3;

  private static final FeatureRequestDetector STANDARD =
      new FeatureRequestDetector(Options.defaults());

  private final Options options;

  private FeatureRequestDetector(Options options) {
    this.options = options;
  }

  /** The detector with default options. */
  public static FeatureRequestDetector standard() {
    return STANDARD;
  }

  /** A detector with the given options. */
  public static FeatureRequestDetector of(Options options) {
    return new FeatureRequestDetector(Objects.requireNonNull(options, "options"));
  }

  public Options options() {
    return options;
  }

  /**
   * Whether {@code text} asks for something: the rules' confidence and the {@link
   * RequestClassifier}'s probability, blended as {@code (1 - w) * rules + w * model} with the
   * options' model weight, against the threshold.
   */
  public RequestDetection detect(String text) {
    RequestDetection rules = rules(text);
    if (options.modelWeight() == 0) {
      return rules;
    }
    double p = RequestClassifier.standard().probability(rules);
    double confidence = (1 - options.modelWeight()) * rules.confidence() + options.modelWeight() * p;
    // The model weighs the rules' cues; it does not make a request out of a bare "please" or a
    // capability noun alone (support pleas are full of both).
    boolean cued = rules.counted().stream().anyMatch(c -> c.kind().weight() >= STRONG_CUE);
    return new RequestDetection(
        cued && confidence >= options.threshold(), confidence, rules.sentence(), rules.cues(), rules.language(), rules.english());
  }

  /** The rules' verdict alone: the confidence and the cues that decided. */
  public RequestDetection rules(String text) {
    Objects.requireNonNull(text, "text");
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    RequestLanguage language = RequestLanguage.of(bounded);
    // Spanish, German and French answers are read through their English gloss ("modo oscuro por
    // favor" as "dark mode please"), so one set of rules decides for all four languages.
    String english = RequestGlossary.standard().toEnglish(bounded, language);
    List<String> sentences = chunks(RequestText.sentences(english));
    List<RequestCue> cues = new ArrayList<>();
    double best = 0.0;
    String bestSentence = "";
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      List<RequestRules.Match> matches = RequestRules.match(sentence);
      matches.sort(
          (a, b) ->
              a.start() != b.start()
                  ? Integer.compare(a.start(), b.start())
                  : a.rule().id().compareTo(b.rule().id()));
      Map<CueKind, Double> strongest = new EnumMap<>(CueKind.class);
      for (RequestRules.Match m : matches) {
        // A bare noun phrase is an ask only as the whole answer ("csv export"), not as one sentence
        // of a longer text ("Paid app.", "Galaxy Note.").
        String suppressed =
            m.suppressedBy().isEmpty() && ALONE.contains(m.rule().id()) && sentences.size() > 1
                ? "not alone"
                : m.suppressedBy();
        cues.add(
            new RequestCue(
                m.rule().kind(),
                m.rule().id(),
                sentence.substring(m.start(), m.end()).strip(),
                i,
                suppressed));
        if (suppressed.isEmpty()) {
          strongest.merge(m.rule().kind(), m.rule().weight(), Math::max);
        }
      }
      double miss = 1.0;
      for (double w : strongest.values()) {
        miss *= 1.0 - w;
      }
      double confidence = 1.0 - miss;
      if (confidence > best) {
        best = confidence;
        bestSentence = sentence;
      }
    }
    double confidence = Math.min(1.0, Math.max(0.0, best));
    return new RequestDetection(
        confidence >= options.threshold(), confidence, bestSentence, cues, language, english);
  }

  /** Sentences longer than {@link #MAX_SENTENCE} are cut at spaces into smaller pieces. */
  private static List<String> chunks(List<String> sentences) {
    List<String> out = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      String rest = s;
      while (rest.length() > MAX_SENTENCE) {
        int cut = rest.lastIndexOf(' ', MAX_SENTENCE);
        if (cut <= 0) {
          cut = MAX_SENTENCE;
        }
        out.add(rest.substring(0, cut).strip());
        rest = rest.substring(cut).strip();
      }
      if (!rest.isEmpty()) {
        out.add(rest);
      }
    }
    return out;
  }
}
