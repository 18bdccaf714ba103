package io.productopsdash.engine.demo;

/** The stages of {@link DemoDataSet#generate}, in order. */
public enum DemoPhase {
  /** Users and their product events, counted in users. */
  EVENTS("events"),
  /** The weekly survey: eligibility, impressions, dismissals and answers, counted in visits. */
  SURVEY("survey"),
  /**
   * Loading the language models (CoreNLP's pipeline, the sentence embedder) before the first
   * theme run, counted in models: seconds in which nothing else moves.
   */
  MODELS("models"),
  /** Enrichment and the weekly theme runs, counted in weeks. */
  THEMES("themes"),
  /** The answer index, counted in answers: from here the data set can be served. */
  INDEX("index"),
  /** Sentiment of every comment, then the index again with it, counted in comments. */
  SENTIMENT("sentiment");

  private final String label;

  DemoPhase(String label) {
    this.label = label;
  }

  /** A short lower-case name for progress lines. */
  public String label() {
    return label;
  }
}
