package io.productopsdash.engine.search;

import io.productopsdash.models.Scale;
import java.util.Locale;

/** Where a score falls on its survey's scale: bottom box, middle, or top box. */
public enum ScoreBucket {
  LOW,
  MID,
  HIGH;

  /** The indexed form: "low", "mid", "high". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The bucket of {@code score} on {@code scale}, from the scale's bottom and top boxes. */
  public static ScoreBucket of(Scale scale, int score) {
    if (!scale.contains(score)) {
      throw new IllegalArgumentException(
          "Invalid score: " + score + " (scale " + scale.min() + ".." + scale.max() + ")");
    }
    if (scale.isBottomBox(score)) {
      return LOW;
    }
    return scale.isTopBox(score) ? HIGH : MID;
  }
}
