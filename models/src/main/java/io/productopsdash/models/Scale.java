package io.productopsdash.models;

/**
 * A survey's answer scale. CSAT runs 1..points with 5 to 11 points; NPS is the special 0..10
 * kind with 11 points. {@code topBox} is how many of the highest points count as "satisfied"
 * (top-2-box on 7 points is 6-7); the bottom box has the same width at the low end.
 */
public record Scale(ScoreKind kind, int points, String minLabel, String maxLabel, int topBox) {
  public static final int DEFAULT_POINTS = 7;
  public static final int DEFAULT_TOP_BOX = 2;
  public static final int MAX_LABEL_LENGTH = 60;

  public Scale {
    if (kind == null) {
      throw new InvalidInputException("kind", "must be CSAT or NPS");
    }
    if (kind == ScoreKind.NPS && points != 11) {
      throw new InvalidInputException("points", "an NPS scale has 11 points (0..10), got " + points);
    }
    if (points < 5 || points > 11) {
      throw new InvalidInputException("points", "must be within 5..11, got " + points);
    }
    minLabel = Texts.optional("minLabel", minLabel, MAX_LABEL_LENGTH);
    maxLabel = Texts.optional("maxLabel", maxLabel, MAX_LABEL_LENGTH);
    if (topBox < 1 || topBox >= points / 2 + 1) {
      throw new InvalidInputException(
          "topBox", "must be within 1.." + (points / 2) + " for " + points + " points, got " + topBox);
    }
  }

  /** The lowest score: 0 for NPS, 1 otherwise. */
  public int min() {
    return kind == ScoreKind.NPS ? 0 : 1;
  }

  /** The highest score. */
  public int max() {
    return min() + points - 1;
  }

  public boolean contains(int score) {
    return score >= min() && score <= max();
  }

  /** True for scores in the top box (for NPS: promoters, 9-10). */
  public boolean isTopBox(int score) {
    return kind == ScoreKind.NPS ? score >= 9 : score > max() - topBox;
  }

  /** True for scores in the bottom box (for NPS: detractors, 0-6). */
  public boolean isBottomBox(int score) {
    return kind == ScoreKind.NPS ? score <= 6 : score < min() + topBox;
  }
}
