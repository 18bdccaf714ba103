package io.productopsdash.engine.search;

/** Every field and facet name of the answer index, in one place. */
public final class AnswerFields {
  /** Answer id: exact term (for updates), numeric doc values (for ties), stored. */
  public static final String ID = "id";
  /** Survey (series) id: exact term, stored. */
  public static final String SURVEY = "survey";
  /** ISO week as text ("2026-W40"): exact term, stored. */
  public static final String WEEK = "week";
  /** ISO week as year * 100 + week, for week ranges. */
  public static final String WEEK_ORDINAL = "week_ordinal";
  /** Answer date as epoch day: point, doc values (date sort), stored. */
  public static final String DATE = "date";
  /** Score: point, doc values, stored. */
  public static final String SCORE = "score";
  /** Score bucket code: "low", "mid", "high". */
  public static final String SCORE_BUCKET = "score_bucket";
  /** Redacted comment: English analysis, stored with offsets for highlighting. */
  public static final String COMMENT = "comment";
  public static final String THEME = "theme";
  public static final String THEME_LABEL = "theme_label";
  public static final String SUB_THEME = "sub_theme";
  /** Sentiment code: "negative", "neutral", "positive". */
  public static final String SENTIMENT = "sentiment";
  public static final String SEGMENT = "segment";
  /** "true" or "false". */
  public static final String FEATURE_REQUEST = "feature_request";
  /** "true" when the answer has a comment, else "false": exact term. */
  public static final String HAS_COMMENT = "has_comment";
  /**
   * The comment's identity for collapsing exact duplicates: a 64-bit hash of the comment with case
   * and runs of white space folded ({@link AnswerDocuments#commentKey}); numeric doc values and an
   * exact term (its hex form); absent for an answer without a comment.
   */
  public static final String COMMENT_KEY = "comment_key";
  /** Sentence embedding, cosine similarity. */
  public static final String EMBEDDING = "embedding";
  public static final int EMBEDDING_DIMENSION = 384;

  /** Facet dimensions (kept in the facets field, apart from the fields above). */
  public static final String FACET_THEME = "theme";
  public static final String FACET_WEEK = "week";
  public static final String FACET_SCORE_BUCKET = "score_bucket";
  public static final String FACET_SENTIMENT = "sentiment";
  public static final String FACET_SURVEY = "survey";
  public static final String FACET_SEGMENT = "segment";

  private AnswerFields() {}
}
