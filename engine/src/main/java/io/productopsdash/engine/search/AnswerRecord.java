package io.productopsdash.engine.search;

import io.productopsdash.models.WeekId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One answer as the index needs it: already redacted, enriched and themed. Raw input, kept apart
 * from its Lucene document ({@link AnswerDocuments}).
 *
 * @param themeId null while the answer has no theme yet
 * @param subTheme nullable
 * @param sentiment lower-case sentiment code ("negative", "neutral", "positive")
 * @param segment nullable
 * @param embedding {@value AnswerFields#EMBEDDING_DIMENSION} floats, or null when not embedded
 */
public record AnswerRecord(
    long answerId,
    long surveyId,
    WeekId week,
    LocalDate date,
    int score,
    ScoreBucket scoreBucket,
    String comment,
    String themeId,
    String themeLabel,
    String subTheme,
    String sentiment,
    String segment,
    boolean featureRequest,
    float[] embedding) {

  public AnswerRecord {
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(scoreBucket, "scoreBucket");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(sentiment, "sentiment");
    if (themeId == null && themeLabel != null) {
      throw new IllegalArgumentException("Invalid theme label without a theme id: " + themeLabel);
    }
    if (embedding != null) {
      if (embedding.length != AnswerFields.EMBEDDING_DIMENSION) {
        throw new IllegalArgumentException(
            "Invalid embedding dimension: " + embedding.length + " (expected "
                + AnswerFields.EMBEDDING_DIMENSION + ")");
      }
      embedding = embedding.clone();
    }
  }

  /** A copy of the embedding, or null. */
  @Override
  public float[] embedding() {
    return embedding == null ? null : embedding.clone();
  }

  /** The same answer with another theme (re-indexed when themes change). */
  public AnswerRecord withTheme(String newThemeId, String newThemeLabel, String newSubTheme) {
    return new AnswerRecord(answerId, surveyId, week, date, score, scoreBucket, comment, newThemeId,
        newThemeLabel, newSubTheme, sentiment, segment, featureRequest, embedding);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnswerRecord r
        && answerId == r.answerId && surveyId == r.surveyId && score == r.score
        && featureRequest == r.featureRequest && week.equals(r.week) && date.equals(r.date)
        && scoreBucket == r.scoreBucket && comment.equals(r.comment)
        && Objects.equals(themeId, r.themeId) && Objects.equals(themeLabel, r.themeLabel)
        && Objects.equals(subTheme, r.subTheme) && sentiment.equals(r.sentiment)
        && Objects.equals(segment, r.segment) && Arrays.equals(embedding, r.embedding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(answerId, surveyId, week, date, score, comment, themeId, sentiment)
        * 31 + Arrays.hashCode(embedding);
  }

  @Override
  public String toString() {
    return "AnswerRecord[answerId=" + answerId + ", surveyId=" + surveyId + ", week=" + week
        + ", score=" + score + ", themeId=" + themeId + ", sentiment=" + sentiment + "]";
  }
}
