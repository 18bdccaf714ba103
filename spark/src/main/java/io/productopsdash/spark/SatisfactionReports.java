package io.productopsdash.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;

import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The survey answers for satisfaction by usage: JSON lines as {@code productopsdash
 * export-answers} writes them ({@link #ANSWERS}), each under its respondent, the userId resolved
 * through the identity links, so the per-user pass ({@link UserPass}) meets them with the user's
 * events (a user without activity events has no signup and adopted nothing).
 */
final class SatisfactionReports {
  /**
   * One answer: survey version, its scale, the ISO week, the user, the score and, when known, when
   * it was given ({@code createdAt}, an ISO-8601 instant).
   */
  static final StructType ANSWERS =
      new StructType()
          .add("surveyId", DataTypes.LongType)
          .add("kind", DataTypes.StringType)
          .add("points", DataTypes.IntegerType)
          .add("topBox", DataTypes.IntegerType)
          .add("week", DataTypes.StringType)
          .add("userId", DataTypes.StringType)
          .add("score", DataTypes.IntegerType)
          .add("createdAt", DataTypes.StringType);

  private SatisfactionReports() {}

  /** Reads the answers file(s); a line that is not such an answer fails the job. */
  static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().schema(ANSWERS).option("mode", "FAILFAST").json(path);
  }

  /**
   * The answers given at or before {@code asOf} (epoch milliseconds), as the embedded engine counts
   * them; an answer without {@code createdAt} (files written before it was exported) is kept.
   */
  static Dataset<Row> givenBy(Dataset<Row> answers, long asOf) {
    return answers.filter(
        col("createdAt").isNull().or(unix_millis(col("createdAt").cast("timestamp")).leq(lit(asOf))));
  }

  /**
   * The answers as rows of the users' stream ({@link UserPass#STREAM}, part {@link
   * UserPass#ANSWER}), under the respondent: the userId, resolved through the identity links.
   */
  static Dataset<Row> stream(Dataset<Row> answers, Dataset<Row> links, boolean broadcastLinks) {
    Dataset<Row> linked = Identities.linked(links, broadcastLinks);
    return answers
        .join(linked, answers.col("userId").equalTo(linked.col("linkedId")), "left")
        .select(
            coalesce(col("linkedUser"), col("userId")).as("user"), lit(UserPass.ANSWER).as("part"), lit(null).cast("long").as("ts"),
            lit(null).cast("int").as("file"), lit(null).cast("long").as("block"), lit(null).cast("long").as("row"),
            lit(null).cast("string").as("type"), lit(null).cast("string").as("name"), lit(null).cast("string").as("path"),
            lit(null).cast("string").as("source"), lit(null).cast("string").as("signupTrait"),
            lit(null).cast("string").as("userTrait"), col("surveyId"), col("week"), col("score"));
  }

  /**
   * Each survey version's scale and how many answers it has; refuses answers without their
   * fields, a version with two scales and a scale that is not one.
   */
  static Map<Long, Scale> scales(Dataset<Row> answers, long[] count) {
    Map<Long, Scale> out = new TreeMap<>();
    Dataset<Row> complete =
        answers.withColumn(
            "complete", col("surveyId").isNotNull().and(col("kind").isNotNull()).and(col("points").isNotNull())
                .and(col("topBox").isNotNull()).and(col("score").isNotNull()).and(col("week").rlike("^[0-9]{4}-W[0-9]{2}$")));
    for (Row r : complete.groupBy("surveyId", "kind", "points", "topBox", "complete").count().collectAsList()) {
      count[0] += r.getLong(5);
      if (!r.getBoolean(4)) {
        throw new InvalidInputException("--answers", "every answer needs surveyId, kind, points, topBox, score and an ISO week like 2026-W07");
      }
      ScoreKind kind;
      try {
        kind = ScoreKind.valueOf(r.getString(1));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--answers", "kind must be CSAT or NPS, got '" + r.getString(1) + "'");
      }
      Scale scale;
      try {
        scale = new Scale(kind, r.getInt(2), null, null, r.getInt(3));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--answers", "survey " + r.getLong(0) + ": " + e.getMessage());
      }
      Scale before = out.put(r.getLong(0), scale);
      if (before != null && !before.equals(scale)) {
        throw new InvalidInputException("--answers", "survey " + r.getLong(0) + " has answers on two scales");
      }
    }
    return out;
  }
}
