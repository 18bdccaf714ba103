package io.productopsdash.spark;

import io.productopsdash.definitions.metrics.SignupAttribution;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import io.productopsdash.models.MetricsConfig;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One input line or stored event as a row of {@link #SCHEMA}: a normalised event (the columns the
 * rollups use, no JSON payloads) or, when {@code reason} is set, a skipped line and why.
 *
 * <ul>
 *   <li>{@code file}, {@code block}, {@code row}: where it was read, the order the embedded store
 *       would have stored it in (the file's place among the input files sorted by path, the split's
 *       offset, the position in the split; for the Parquet export 0, 0 and the store's rowid),
 *       which decides the first of duplicates and of identity links and breaks timestamp ties as
 *       the store's rowid does;
 *   <li>the Segment fields: {@code messageId}, {@code type} (lower case), {@code name}, {@code
 *       userId}, {@code anonymousId}, {@code previousId}, {@code ts} (epoch ms), {@code path};
 *   <li>from the JSON, for the configured meaning only: a signup event's {@code source} and
 *       segment trait ({@code signupTrait}); and the {@code traits} that change a user's stored
 *       traits ({@link #identityTraits}), for the identity replay.
 * </ul>
 */
final class EventRows {
  static final StructType SCHEMA =
      new StructType()
          .add("reason", DataTypes.StringType)
          .add("file", DataTypes.IntegerType, false)
          .add("block", DataTypes.LongType, false)
          .add("row", DataTypes.LongType, false)
          .add("messageId", DataTypes.StringType)
          .add("type", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("userId", DataTypes.StringType)
          .add("anonymousId", DataTypes.StringType)
          .add("previousId", DataTypes.StringType)
          .add("ts", DataTypes.LongType)
          .add("path", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("signupTrait", DataTypes.StringType)
          .add("traits", DataTypes.StringType);

  private EventRows() {}

  /** A skipped input with its reason (a {@code SkipReason} name in lower case). */
  static Row skipped(String reason, int file, long block, long row) {
    return RowFactory.create(reason, file, block, row, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The row of a normalised event. */
  static Row of(Event e, int file, long block, long row, MetricsConfig config) {
    String source = null;
    String signupTrait = null;
    if (e.type() == EventType.TRACK && config.signupEvent().equals(e.name())) {
      source = SignupAttribution.source(e.properties(), e.context(), config);
      signupTrait = SignupAttribution.signupTrait(e.traits(), e.context(), config);
    }
    String type = e.type().name().toLowerCase(Locale.ROOT);
    return RowFactory.create(
        null, file, block, row, e.messageId(), type, e.name(), e.userId(), e.anonymousId(), e.previousId(),
        e.timestamp().toEpochMilli(), e.path(), source, signupTrait, identityTraits(type, e.userId(), e.traits()));
  }

  /**
   * The traits of an event that the store merges into its user's (an identify's plain traits,
   * person-property operations from any event), else null: the others (a track call's snapshot)
   * are never stored per user.
   */
  static String identityTraits(String type, String userId, String traits) {
    return userId != null && traits != null && (type.equals("identify") || traits.startsWith("{\"$")) ? traits : null;
  }
}
