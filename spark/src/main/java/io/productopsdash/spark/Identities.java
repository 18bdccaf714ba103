package io.productopsdash.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The event store's set rules, as Spark operations on {@link EventRows}, in the store's order
 * (file, block, row; see {@link EventRows}):
 *
 * <ul>
 *   <li><b>dedupe</b>: the first event of each messageId is kept, later ones are duplicates (the
 *       store's {@code INSERT OR IGNORE} on its unique messageId);
 *   <li><b>identity links</b>: an event that carries both ids links its anonymousId to its
 *       userId, an alias links its previousId to its userId (after the event's own link); the
 *       first link of an anonymous id wins, and an id is never linked to itself;
 *   <li><b>traits</b>: per userId, the traits of its identify with the latest timestamp, the later
 *       stored one on a tie (the store's upsert {@code WHERE excluded.updated_at >= updated_at});
 *   <li><b>resolution</b>: an activity event's user is its userId, else its anonymousId, replaced
 *       by the user that id is linked to (one step, as the store's scan resolves it).
 * </ul>
 */
final class Identities {
  /** The export's stored traits: userId, ts, and the segment trait's value. */
  static final StructType STORED_TRAITS =
      new StructType()
          .add("userId", DataTypes.StringType, false)
          .add("ts", DataTypes.LongType, false)
          .add("userTrait", DataTypes.StringType);

  private Identities() {}

  /**
   * Numbers the rows of each messageId in stored order ({@code nth}; 1 for the one the store
   * keeps); a skipped line gets 1 under a key of its own, so bad lines never pile up in one group.
   */
  static Dataset<Row> numbered(Dataset<Row> rows) {
    Column key = coalesce(col("messageId"), concat_ws("\u0000", lit("skipped"), col("file"), col("block"), col("row")));
    return rows.withColumn("nth", row_number().over(Window.partitionBy(key).orderBy("file", "block", "row")));
  }

  /**
   * anonymousId to userId; {@code storedLinks} (anonymousId, userId; may be null) are the store's
   * own, which come first.
   */
  static Dataset<Row> links(Dataset<Row> events, Dataset<Row> storedLinks) {
    Dataset<Row> both =
        events
            .filter(col("userId").isNotNull().and(col("anonymousId").isNotNull()).and(col("anonymousId").notEqual(col("userId"))))
            .select(col("anonymousId"), col("userId"), lit(1).as("rank"), col("file"), col("block"), col("row"), lit(0).as("sub"));
    Dataset<Row> alias =
        events
            .filter(
                col("type").equalTo("alias").and(col("previousId").isNotNull()).and(col("userId").isNotNull())
                    .and(col("previousId").notEqual(col("userId"))))
            .select(
                col("previousId").as("anonymousId"), col("userId"), lit(1).as("rank"), col("file"), col("block"), col("row"),
                lit(1).as("sub"));
    Dataset<Row> all = both.unionByName(alias);
    if (storedLinks != null) {
      all =
          all.unionByName(
              storedLinks.select(
                  col("anonymousId"), col("userId"), lit(0).as("rank"), lit(0).as("file"), lit(0L).as("block"),
                  lit(0L).as("row"), lit(0).as("sub")));
    }
    return first(all, "anonymousId", col("rank"), col("file"), col("block"), col("row"), col("sub"))
        .select("anonymousId", "userId");
  }

  /**
   * userId to the segment trait's value in its latest traits (null when they lack it); {@code
   * storedTraits} ({@link #STORED_TRAITS}; may be null) are the store's own, which win a tie.
   */
  static Dataset<Row> traits(Dataset<Row> events, Dataset<Row> storedTraits) {
    Dataset<Row> identify =
        events
            .filter(col("traitsSet"))
            .select(col("userId"), col("ts"), lit(1).as("rank"), col("file"), col("block"), col("row"), col("userTrait"));
    if (storedTraits != null) {
      identify =
          identify.unionByName(
              storedTraits.select(
                  col("userId"), col("ts"), lit(2).as("rank"), lit(0).as("file"), lit(0L).as("block"), lit(0L).as("row"),
                  col("userTrait")));
    }
    return first(
            identify, "userId", col("ts").desc(), col("rank").desc(), col("file").desc(), col("block").desc(),
            col("row").desc())
        .select("userId", "userTrait");
  }

  /**
   * The activity events (track, page, screen) at or before {@code asOf} under their resolved
   * user, as rows of the users' stream ({@link UserPass#STREAM}, part {@link UserPass#EVENT}).
   */
  static Dataset<Row> activity(Dataset<Row> events, Dataset<Row> links, boolean broadcastLinks, long asOf) {
    Dataset<Row> linked = linked(links, broadcastLinks);
    Dataset<Row> activity =
        events
            .filter(col("type").isin("track", "page", "screen").and(col("ts").leq(asOf)))
            .withColumn("key", coalesce(col("userId"), col("anonymousId")));
    return activity
        .join(linked, activity.col("key").equalTo(linked.col("linkedId")), "left")
        .select(
            coalesce(col("linkedUser"), col("key")).as("user"), lit(UserPass.EVENT).as("part"), col("ts"), col("file"),
            col("block"), col("row"), col("type"), col("name"), col("path"), col("source"), col("signupTrait"),
            lit(null).cast("string").as("userTrait"), lit(null).cast("long").as("surveyId"), lit(null).cast("string").as("week"),
            lit(null).cast("int").as("score"));
  }

  /** The links as (linkedId, linkedUser) to join on, sent whole to every task when {@code broadcast}. */
  static Dataset<Row> linked(Dataset<Row> links, boolean broadcast) {
    Dataset<Row> linked = links.select(col("anonymousId").as("linkedId"), col("userId").as("linkedUser"));
    return broadcast ? functions.broadcast(linked) : linked;
  }

  /** The latest traits ({@link #traits}) as rows of the users' stream (part {@link UserPass#TRAITS}). */
  static Dataset<Row> traitsStream(Dataset<Row> traits) {
    return traits.select(
        col("userId").as("user"), lit(UserPass.TRAITS).as("part"), lit(null).cast("long").as("ts"),
        lit(null).cast("int").as("file"), lit(null).cast("long").as("block"), lit(null).cast("long").as("row"),
        lit(null).cast("string").as("type"), lit(null).cast("string").as("name"), lit(null).cast("string").as("path"),
        lit(null).cast("string").as("source"), lit(null).cast("string").as("signupTrait"), col("userTrait"),
        lit(null).cast("long").as("surveyId"), lit(null).cast("string").as("week"), lit(null).cast("int").as("score"));
  }

  /** The first row of each {@code key} in the given order. */
  private static Dataset<Row> first(Dataset<Row> rows, String key, Column... order) {
    return rows
        .withColumn("nth", row_number().over(Window.partitionBy(key).orderBy(order)))
        .filter(col("nth").equalTo(1))
        .drop("nth");
  }
}
