package io.productopsdash.engine.text.enrich;

import java.util.Locale;
import java.util.Objects;

/**
 * The sentiment of one answer from CoreNLP's sentence classes (very negative 0 .. very positive 4).
 *
 * @param label the answer's polarity
 * @param score mean over its sentences of {@code (class - 2) / 2}, in [-1, 1]
 * @param sentences number of sentences scored (0 for a blank text, which is neutral)
 */
public record Sentiment(Label label, double score, int sentences) {
  /** Polarity of an answer; stored lower-case. */
  public enum Label {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The stored form: "negative", "neutral", "positive". */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A mean score at or beyond this distance from 0 makes an answer negative or positive. */
  public static final double POLAR = 0.25;

  public Sentiment {
    Objects.requireNonNull(label, "label");
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("Invalid sentiment score: " + score);
    }
    if (sentences < 0) {
      throw new IllegalArgumentException("Invalid number of sentences: " + sentences);
    }
  }

  /** The sentiment of an answer whose sentences got {@code classes} (each 0..4). */
  public static Sentiment ofClasses(int[] classes) {
    if (classes.length == 0) {
      return new Sentiment(Label.NEUTRAL, 0, 0);
    }
    double sum = 0;
    for (int c : classes) {
      if (c < 0 || c > 4) {
        throw new IllegalArgumentException("Invalid sentiment class: " + c);
      }
      sum += (c - 2) / 2.0;
    }
    double score = sum / classes.length;
    Label label =
        score <= -POLAR ? Label.NEGATIVE : score >= POLAR ? Label.POSITIVE : Label.NEUTRAL;
    return new Sentiment(label, score, classes.length);
  }
}
