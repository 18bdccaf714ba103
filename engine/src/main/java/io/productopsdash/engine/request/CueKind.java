package io.productopsdash.engine.request;

/**
 * The kinds of linguistic cue that signal a request, each with the weight one match of it adds to
 * the confidence. Strong cues (an explicit wish, a polite request) decide alone; weak ones (a
 * capability noun such as "option to", a bare "please") need a second cue in the same sentence.
 */
public enum CueKind {
  /** "I wish …", "wish there was …", "my wish list". */
  WISH(0.9, "a wish"),
  /** "it would be nice/great/cool if …", "would be a great addition". */
  WOULD_BE_NICE(0.9, "would be nice"),
  /** "I would love/like/appreciate …", "I'd love to see …". */
  WOULD_LIKE(0.85, "would like"),
  /** "I suggest …", "suggestion:", "feature request", "one improvement would be …". */
  SUGGESTION(0.85, "a suggestion"),
  /** "can you add …", "could we get …", "is it possible to have …", "when will you add …". */
  POLITE_ASK(0.85, "a polite ask"),
  /** An imperative request verb: "please add …", "Add a dark mode", "bring back …". */
  IMPERATIVE(0.8, "an imperative"),
  /** "there should be …", "you should be able to …", "it should support …". */
  SHOULD(0.75, "should"),
  /** "the app needs a dark mode", "we need …", "I need an option to …". */
  NEED(0.75, "a need"),
  /** "missing a …", "lacks …", "there is no way to …", "doesn't have an option …". */
  MISSING(0.6, "something missing"),
  /** "would give it 5 stars if it had …", "if only it could …". */
  CONDITIONAL(0.65, "a condition for a better rating"),
  /** "why can't I …", "why is there no …", "where is the …?". */
  WHY_NOT(0.55, "a why-not question"),
  /** "bring back the old …", "change it back", "revert". */
  REVERT(0.6, "asking for the old behaviour"),
  /** "option to", "ability to", "support for", "dark mode", "more themes". */
  CAPABILITY(0.3, "a capability noun"),
  /** A short answer that only names the wanted thing: "csv export", "Trezor support plz". */
  TERSE(0.6, "a terse ask"),
  /** An ask implied by a lack: "no Solana support??", "without limit orders I still …". */
  IMPLICIT(0.75, "an implicit ask"),
  /** A bare "please" before something that is not a fix or a plea for help. */
  PLEASE(0.35, "please");

  private final double weight;
  private final String description;

  CueKind(double weight, String description) {
    this.weight = weight;
    this.description = description;
  }

  /** What one match adds: confidences combine as a noisy-or, {@code 1 - Π(1 - weight)}. */
  public double weight() {
    return weight;
  }

  /** A short human description for explanations. */
  public String description() {
    return description;
  }
}
