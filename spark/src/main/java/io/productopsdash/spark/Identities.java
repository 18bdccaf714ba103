package io.productopsdash.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.definitions.metrics.SignupAttribution;
import io.productopsdash.models.MetricsConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The event store's rules for a set of events, as Spark operations on {@link EventRows}, in the
 * store's order (file, block, row; see {@link EventRows}):
 *
 * <ul>
 *   <li><b>dedupe</b>: the first event of each messageId is kept, later ones are duplicates (the
 *       store's {@code INSERT OR IGNORE} on its unique messageId);
 *   <li><b>identity links and traits</b>: the events that link ids or change traits, replayed per
 *       group of connected ids in stored order ({@link IdentityReplay}), which gives each linked
 *       id the id its links end at and each user the traits the store would hold;
 *   <li><b>resolution</b>: an activity event's user is its userId, else its anonymousId, replaced
 *       by the end of that id's links, as the store's scan resolves it.
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
   * The store's identity state at the end: {@code links} (anonymousId, userId: the id its links
   * end at) and {@code traits} (userId, userTrait: the segment trait's value in the user's stored
   * traits, only where it has one).
   */
  record State(Dataset<Row> links, Dataset<Row> traits) {}

  /**
   * Replays the store's identity rules ({@link IdentityReplay}) over the events that link ids or
   * change traits, in stored order, per group of connected ids ({@link IdentityComponents}).
   */
  static State replay(Dataset<Row> events, String configJson) {
    Dataset<Row> identity =
        events
            .filter(
                col("userId").isNotNull().and(col("anonymousId").isNotNull()).and(col("userId").notEqual(col("anonymousId")))
                    .or(col("type").equalTo("alias").and(col("previousId").isNotNull()).and(col("userId").isNotNull()))
                    .or(col("traits").isNotNull()))
            .select("file", "block", "row", "type", "userId", "anonymousId", "previousId", "ts", "traits");
    Dataset<Row> edges =
        identity
            .filter(col("anonymousId").isNotNull().and(col("userId").isNotNull()).and(col("anonymousId").notEqual(col("userId"))))
            .select(col("anonymousId").as("a"), col("userId").as("u"))
            .unionByName(
                identity
                    .filter(col("type").equalTo("alias").and(col("previousId").isNotNull()).and(col("userId").isNotNull())
                        .and(col("previousId").notEqual(col("userId"))))
                    .select(col("previousId").as("a"), col("userId").as("u")));
    Dataset<Row> groups = IdentityComponents.labels(edges);
    Dataset<Row> keyed =
        identity
            .join(groups, identity.col("userId").equalTo(groups.col("id")), "left")
            .withColumn("group", coalesce(col("label"), col("userId")));
    Dataset<Row> replayed =
        keyed
            .repartition(col("group"))
            .sortWithinPartitions("group", "file", "block", "row")
            .select("group", "type", "userId", "anonymousId", "previousId", "ts", "traits")
            .mapPartitions(new ReplayPass(configJson), Encoders.row(REPLAYED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new State(
        replayed.filter(col("kind").equalTo("link")).select(col("id").as("anonymousId"), col("value").as("userId")),
        replayed.filter(col("kind").equalTo("traits")).select(col("id").as("userId"), col("value").as("userTrait")));
  }

  /**
   * The state a Parquet export carries: its links (already the store's; each followed to its
   * end) and its users' stored traits (STORED_TRAITS).
   */
  static State stored(Dataset<Row> storedLinks, Dataset<Row> storedTraits) {
    Dataset<Row> edges = storedLinks.select(col("anonymousId").as("a"), col("userId").as("u"));
    Dataset<Row> groups = IdentityComponents.labels(edges);
    Dataset<Row> ends =
        edges
            .join(groups, edges.col("u").equalTo(groups.col("id")), "left")
            .select(coalesce(col("label"), col("u")).as("group"), lit("identify").as("type"), col("u").as("userId"),
                col("a").as("anonymousId"), lit(null).cast("string").as("previousId"), lit(0L).as("ts"),
                lit(null).cast("string").as("traits"))
            .repartition(col("group"))
            .mapPartitions(new ReplayPass(null), Encoders.row(REPLAYED))
            .filter(col("kind").equalTo("link"))
            .select(col("id").as("anonymousId"), col("value").as("userId"));
    return new State(ends, storedTraits.filter(col("userTrait").isNotNull()).select("userId", "userTrait"));
  }

  /** What the replay gives per id: kind {@code link} (value: the end) or {@code traits} (value: the segment trait). */
  static final StructType REPLAYED =
      new StructType().add("kind", DataTypes.StringType, false).add("id", DataTypes.StringType, false).add("value", DataTypes.StringType);

  /** One group's events in stored order through an {@link IdentityReplay}; its links and traits out. */
  private static final class ReplayPass implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String configJson;

    /** {@code configJson} null: links only. */
    ReplayPass(String configJson) {
      this.configJson = configJson;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      MetricsConfig config = configJson == null ? null : MetricsConfigJson.read(configJson);
      List<Row> out = new ArrayList<>();
      String group = null;
      IdentityReplay replay = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        if (!r.getString(0).equals(group)) {
          emit(replay, config, out);
          group = r.getString(0);
          replay = new IdentityReplay();
        }
        replay.apply(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getString(6));
      }
      emit(replay, config, out);
      return out.iterator();
    }

    private static void emit(IdentityReplay replay, MetricsConfig config, List<Row> out) {
      if (replay == null) {
        return;
      }
      replay.ends().forEach((id, end) -> out.add(RowFactory.create("link", id, end)));
      if (config != null) {
        replay.traits().forEach((id, t) -> {
          String value = SignupAttribution.userTrait(t.json(), config);
          if (value != null) {
            out.add(RowFactory.create("traits", id, value));
          }
        });
      }
    }
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

  /** Each user's segment trait ({@link State#traits}) as rows of the users' stream (part {@link UserPass#TRAITS}). */
  static Dataset<Row> traitsStream(Dataset<Row> traits) {
    return traits.select(
        col("userId").as("user"), lit(UserPass.TRAITS).as("part"), lit(null).cast("long").as("ts"),
        lit(null).cast("int").as("file"), lit(null).cast("long").as("block"), lit(null).cast("long").as("row"),
        lit(null).cast("string").as("type"), lit(null).cast("string").as("name"), lit(null).cast("string").as("path"),
        lit(null).cast("string").as("source"), lit(null).cast("string").as("signupTrait"), col("userTrait"),
        lit(null).cast("long").as("surveyId"), lit(null).cast("string").as("week"), lit(null).cast("int").as("score"));
  }

}
