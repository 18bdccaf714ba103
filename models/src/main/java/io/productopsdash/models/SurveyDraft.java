package io.productopsdash.models;

/**
 * What an admin sends to create or edit a survey. Defaults: 7 points, CSAT, cooldown 4 weeks,
 * active. The compact constructor names the first bad field.
 */
public record SurveyDraft(
    String name,
    String question,
    Scale scale,
    String openQuestion,
    double sampleRate,
    int cooldownWeeks,
    boolean active) {
  public static final int DEFAULT_COOLDOWN_WEEKS = 4;
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_QUESTION_LENGTH = 500;

  public SurveyDraft {
    name = Texts.required("name", name, MAX_NAME_LENGTH);
    question = Texts.requiredText("question", question, MAX_QUESTION_LENGTH);
    if (scale == null) {
      throw new InvalidInputException("points", "a scale is required");
    }
    openQuestion = Texts.optionalText("openQuestion", openQuestion, MAX_QUESTION_LENGTH);
    if (Double.isNaN(sampleRate) || sampleRate < 0 || sampleRate > 1) {
      throw new InvalidInputException("sampleRate", "must be within 0..1, got " + sampleRate);
    }
    if (cooldownWeeks < 0 || cooldownWeeks > 52) {
      throw new InvalidInputException("cooldownWeeks", "must be within 0..52, got " + cooldownWeeks);
    }
  }

  /**
   * True when going from {@code this} to {@code edited} changes what respondents are asked
   * (question text or scale): such an edit of a survey with answers becomes a new version.
   */
  public boolean changesInstrument(SurveyDraft edited) {
    return !question.equals(edited.question) || !scale.equals(edited.scale);
  }
}
