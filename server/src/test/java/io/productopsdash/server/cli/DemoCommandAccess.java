package io.productopsdash.server.cli;

import io.productopsdash.models.SurveyDraft;

/** Test access to the demo's example survey. */
public final class DemoCommandAccess {
  private DemoCommandAccess() {}

  public static SurveyDraft exampleSurvey() {
    return DemoCommand.exampleSurvey();
  }
}
