package io.productopsdash.engine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns an {@link AnswerRecord} into its Lucene document; the one place that knows the schema. */
public final class AnswerDocuments {
  /** Comment: analysed, stored, with offsets in the postings for the unified highlighter. */
  static final FieldType COMMENT_TYPE;

  static {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    COMMENT_TYPE = type;
  }

  private static final FacetsConfig FACETS = new FacetsConfig();

  private AnswerDocuments() {}

  /** English analysis (possessives, stop words, Porter stemming), shared by index and queries. */
  public static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  /** The facets configuration: single-valued sorted-set dimensions in the default field. */
  public static FacetsConfig facetsConfig() {
    return FACETS;
  }

  /** Week as one sortable integer: year * 100 + week. */
  static int weekOrdinal(io.productopsdash.models.WeekId week) {
    return week.year() * 100 + week.week();
  }

  /**
   * The identity of a comment's text for collapsing exact duplicates: case folded, white space
   * runs made one space, ends trimmed, then a 64-bit FNV-1a hash of its UTF-16 units (a collision
   * of two different comments is about one in 10^19 per pair).
   */
  public static long commentKey(String comment) {
    String folded = comment.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < folded.length(); i++) {
      hash ^= folded.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The document for {@code answer}, facets already built. */
  public static Document toDocument(AnswerRecord answer) {
    Document doc = new Document();
    String id = Long.toString(answer.answerId());
    doc.add(new StringField(AnswerFields.ID, id, Field.Store.YES));
    doc.add(new NumericDocValuesField(AnswerFields.ID, answer.answerId()));

    String survey = Long.toString(answer.surveyId());
    doc.add(new StringField(AnswerFields.SURVEY, survey, Field.Store.YES));
    facet(doc, AnswerFields.FACET_SURVEY, survey);

    String week = answer.week().toString();
    doc.add(new StringField(AnswerFields.WEEK, week, Field.Store.YES));
    doc.add(new IntPoint(AnswerFields.WEEK_ORDINAL, weekOrdinal(answer.week())));
    facet(doc, AnswerFields.FACET_WEEK, week);

    long epochDay = answer.date().toEpochDay();
    doc.add(new LongPoint(AnswerFields.DATE, epochDay));
    doc.add(new NumericDocValuesField(AnswerFields.DATE, epochDay));
    doc.add(new StoredField(AnswerFields.DATE, epochDay));

    doc.add(new IntPoint(AnswerFields.SCORE, answer.score()));
    doc.add(new NumericDocValuesField(AnswerFields.SCORE, answer.score()));
    doc.add(new StoredField(AnswerFields.SCORE, answer.score()));

    String bucket = answer.scoreBucket().code();
    doc.add(new StringField(AnswerFields.SCORE_BUCKET, bucket, Field.Store.YES));
    facet(doc, AnswerFields.FACET_SCORE_BUCKET, bucket);

    doc.add(new Field(AnswerFields.COMMENT, answer.comment(), COMMENT_TYPE));
    boolean commented = !answer.comment().isBlank();
    doc.add(new StringField(AnswerFields.HAS_COMMENT, Boolean.toString(commented), Field.Store.NO));
    if (commented) {
      long key = commentKey(answer.comment());
      doc.add(new NumericDocValuesField(AnswerFields.COMMENT_KEY, key));
      doc.add(new StringField(AnswerFields.COMMENT_KEY, Long.toHexString(key), Field.Store.NO));
    }

    if (answer.themeId() != null) {
      doc.add(new StringField(AnswerFields.THEME, answer.themeId(), Field.Store.YES));
      facet(doc, AnswerFields.FACET_THEME, answer.themeId());
    }
    if (answer.themeLabel() != null) {
      doc.add(new StoredField(AnswerFields.THEME_LABEL, answer.themeLabel()));
    }
    if (answer.subTheme() != null) {
      doc.add(new StringField(AnswerFields.SUB_THEME, answer.subTheme(), Field.Store.YES));
    }

    doc.add(new StringField(AnswerFields.SENTIMENT, answer.sentiment(), Field.Store.YES));
    facet(doc, AnswerFields.FACET_SENTIMENT, answer.sentiment());

    if (answer.segment() != null) {
      doc.add(new StringField(AnswerFields.SEGMENT, answer.segment(), Field.Store.YES));
      facet(doc, AnswerFields.FACET_SEGMENT, answer.segment());
    }

    doc.add(new StringField(AnswerFields.FEATURE_REQUEST,
        Boolean.toString(answer.featureRequest()), Field.Store.YES));

    float[] embedding = answer.embedding();
    if (embedding != null) {
      doc.add(new KnnFloatVectorField(
          AnswerFields.EMBEDDING, embedding, VectorSimilarityFunction.COSINE));
    }
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void facet(Document doc, String dim, String value) {
    if (!value.isEmpty()) {
      doc.add(new SortedSetDocValuesFacetField(dim, value));
    }
  }
}
