package io.productopsdash.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.unix_millis;

import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonLines;
import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.definitions.metrics.SignupAttribution;
import io.productopsdash.models.Event;
import io.productopsdash.models.MetricsConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the job's event inputs as {@link EventRows}:
 *
 * <ul>
 *   <li><b>JSON lines</b> (Segment calls or Amplitude export events): every file under the given
 *       paths, at any depth (Segment's S3 destination writes {@code <source>/<day>/<file>.gz});
 *       files ending in {@code .gz} are gunzipped; lines end at LF (a CR before it is dropped), as
 *       the embedded importer cuts them. Each line goes through {@link JsonLines#normalize}, the
 *       function the importer calls, so it gives the same event or is skipped for the same
 *       reason;
 *   <li><b>Parquet</b> from {@code productopsdash export-events --parquet}: {@code events/}
 *       (already normalised and deduplicated by the store, in its rowid order), and the store's
 *       {@code identities/} links and {@code user_traits/}, which the job takes as they are.
 * </ul>
 */
final class EventInputs {
  private EventInputs() {}

  /** The lines of JSON-lines files, each normalised or marked skipped. */
  static Dataset<Row> jsonLines(
      SparkSession spark, List<String> paths, JsonLines.Source source, String configJson, Instant receivedAt) {
    Dataset<Row> text = spark.read().option("lineSep", "\n").option("recursiveFileLookup", "true").text(paths.toArray(String[]::new));
    // Each file's place in path order: an int in every row and shuffle instead of its path.
    String[] files = Arrays.stream(text.inputFiles()).map(EventInputs::samePath).sorted().toArray(String[]::new);
    HashMap<String, Integer> fileIndex = new HashMap<>();
    for (int i = 0; i < files.length; i++) {
      fileIndex.put(files[i], i);
    }
    Dataset<Row> lines =
        text
            .select(
                col("value"), octet_length(col("value")).as("bytes"), col("_metadata.file_path").as("file"),
                col("_metadata.file_block_start").as("block"))
            // Increasing within a split, which one task reads in order: with (file, block) the
            // line's position, the order the importer stores lines in.
            .withColumn("row", monotonically_increasing_id());
    return lines.mapPartitions(new LineParser(configJson, source, receivedAt.toEpochMilli(), fileIndex), Encoders.row(EventRows.SCHEMA));
  }

  /** The events of a Parquet export folder. */
  static Dataset<Row> parquetEvents(SparkSession spark, String folder, String configJson) {
    return spark.read()
        .parquet(folder + "/events")
        .select(
            col("seq"), col("message_id"), col("type"), col("name"), col("user_id"), col("anonymous_id"),
            unix_millis(col("ts")).as("ts"), col("path"), col("properties"), col("traits"), col("context"))
        .mapPartitions(new StoredEventParser(configJson), Encoders.row(EventRows.SCHEMA));
  }

  /** The store's identity links of a Parquet export: anonymousId, userId. */
  static Dataset<Row> parquetLinks(SparkSession spark, String folder) {
    return spark.read().parquet(folder + "/identities").select(col("anonymous_id").as("anonymousId"), col("user_id").as("userId"));
  }

  /** The store's traits per user of a Parquet export: userId, ts, the segment trait's value. */
  static Dataset<Row> parquetTraits(SparkSession spark, String folder, String configJson) {
    return spark.read()
        .parquet(folder + "/user_traits")
        .select(col("user_id"), unix_millis(col("updated_at")), col("traits"))
        .mapPartitions(new TraitsParser(configJson), Encoders.row(Identities.STORED_TRAITS));
  }

  /**
   * One spelling of a file's URI: the listing writes {@code file:///tmp/a}, a row's metadata
   * {@code file:/tmp/a}; Hadoop's {@code Path} writes both the same way.
   */
  static String samePath(String uri) {
    return new org.apache.hadoop.fs.Path(java.net.URI.create(uri)).toString();
  }

  /** Text lines (value, bytes, file, block, row) to event rows. */
  private static final class LineParser implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String configJson;
    private final JsonLines.Source source;
    private final long receivedAt;
    private final HashMap<String, Integer> fileIndex;
    private transient String lastPath;
    private transient Integer lastIndex;

    LineParser(String configJson, JsonLines.Source source, long receivedAt, HashMap<String, Integer> fileIndex) {
      this.configJson = configJson;
      this.source = source;
      this.receivedAt = receivedAt;
      this.fileIndex = fileIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) {
      MetricsConfig config = MetricsConfigJson.read(configJson);
      Instant received = Instant.ofEpochMilli(receivedAt);
      return new MappedIterator<>(lines, r -> parse(r, config, received));
    }

    private Row parse(Row r, MetricsConfig config, Instant received) {
      String line = r.getString(0);
      long bytes = r.getInt(1);
      if (!r.getString(2).equals(lastPath)) {
        lastPath = r.getString(2);
        lastIndex = fileIndex.get(samePath(lastPath));
      }
      Integer file = lastIndex;
      if (file == null) {
        throw new IllegalStateException("a line of " + r.getString(2) + ", which is not among the listed input files");
      }
      long block = r.getLong(3);
      long row = r.getLong(4);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
        bytes--;
      }
      try {
        Event e = JsonLines.normalize(line, bytes, source, received);
        return EventRows.of(e, file, block, row, config);
      } catch (EventRejectedException e) {
        return EventRows.skipped(e.reason().name().toLowerCase(Locale.ROOT), file, block, row);
      }
    }
  }

  /** Stored events (the export's columns) to event rows, in the store's rowid order. */
  private static final class StoredEventParser implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String configJson;

    StoredEventParser(String configJson) {
      this.configJson = configJson;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      MetricsConfig config = MetricsConfigJson.read(configJson);
      return new MappedIterator<>(rows, r -> parse(r, config));
    }

    private static Row parse(Row r, MetricsConfig config) {
      String type = r.getString(2);
      String name = r.getString(3);
      String userId = r.getString(4);
      String properties = r.getString(8);
      String traits = r.getString(9);
      String context = r.getString(10);
      String source = null;
      String signupTrait = null;
      if (type.equals("track") && config.signupEvent().equals(name)) {
        source = SignupAttribution.source(properties, context, config);
        signupTrait = SignupAttribution.signupTrait(traits, context, config);
      }
      return RowFactory.create(
          null, 0, 0L, r.getLong(0), r.getString(1), type, name, userId, r.getString(5), null, r.getLong(6),
          r.getString(7), source, signupTrait, EventRows.identityTraits(type, userId, traits));
    }
  }

  /** The export's user_traits (userId, ts, traits JSON) to (userId, ts, the segment trait's value). */
  private static final class TraitsParser implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String configJson;

    TraitsParser(String configJson) {
      this.configJson = configJson;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      MetricsConfig config = MetricsConfigJson.read(configJson);
      return new MappedIterator<>(
          rows, r -> RowFactory.create(r.getString(0), r.getLong(1), SignupAttribution.userTrait(r.getString(2), config)));
    }
  }

  /** An iterator that maps each element of another one. */
  private record MappedIterator<A, B>(Iterator<A> in, java.util.function.Function<A, B> f) implements Iterator<B> {
    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public B next() {
      return f.apply(in.next());
    }
  }
}
