package io.productopsdash.engine.demo;

/** The stages of {@link DemoDataSet#generate}, in order. */
public enum DemoPhase {
  /** Users and their product events, counted in users. */
  EVENTS("events"),
  /** The weekly survey: eligibility, impressions, dismissals and answers, counted in visits. */
  SURVEY("survey"),
  /** Enrichment and the weekly theme runs, counted in weeks. */
  THEMES("themes"),
  /** Sentiment of every comment (the search facets need it), counted in comments. */
  SENTIMENT("sentiment"),
  /** The answer index, counted in answers. */
  INDEX("index");

  private final String label;

  DemoPhase(String label) {
    this.label = label;
  }

  /** A short lower-case name for progress lines. */
  public String label() {
    return label;
  }
}
