package io.productopsdash.data.events;

import com.google.gson.JsonObject;
import io.productopsdash.data.DataAccessException;
import io.productopsdash.data.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.xerial.snappy.Snappy;

/**
 * Writes the event store as Parquet for the Spark job ({@code productopsdash export-events
 * --parquet DIR}), streaming rows in rowid order, never the whole table in memory:
 *
 * <ul>
 *   <li>{@code events/event_date=YYYY-MM-DD/part-NNNNN.parquet}: every event (all six call types)
 *       with a timestamp in the range, partitioned by its UTC date as Hive and Spark read it,
 *       with the store's rowid as {@code seq} (the order the store keeps: the first of duplicates
 *       and ties between equal timestamps) and the JSON payloads as text;
 *   <li>{@code identities/part-00000.parquet} and {@code user_traits/part-00000.parquet}: the
 *       store's identity links and latest traits per user, which the events alone cannot give
 *       back (an alias's previousId is not stored on the event);
 *   <li>{@code _export.json}, written last: what was exported (Spark skips names starting with
 *       an underscore).
 * </ul>
 *
 * Files are Snappy-compressed Parquet written without Hadoop (parquet-hadoop's writer on a local
 * file, Snappy from snappy-java). A few days stay open at once; a day seen again after its file
 * was closed continues in a new part file.
 */
public final class ParquetEventExport {
  /** Events per day file before a new part starts, and the longest a day stays open. */
  static final int OPEN_DAYS = 8;
  private static final int ROW_GROUP_BYTES = 16 << 20;
  private static final long DAY = 86_400_000L;
  static final MessageType EVENTS =
      MessageTypeParser.parseMessageType(
          "message event { required int64 seq; required binary message_id (STRING); required binary type (STRING);"
              + " optional binary name (STRING); optional binary user_id (STRING); optional binary anonymous_id (STRING);"
              + " required int64 ts (TIMESTAMP(MILLIS,true)); required int64 received_at (TIMESTAMP(MILLIS,true));"
              + " optional binary path (STRING); optional binary properties (STRING); optional binary traits (STRING);"
              + " optional binary context (STRING); }");
  static final MessageType IDENTITIES =
      MessageTypeParser.parseMessageType(
          "message identity { required binary anonymous_id (STRING); required binary user_id (STRING);"
              + " required int64 linked_at (TIMESTAMP(MILLIS,true)); }");
  static final MessageType USER_TRAITS =
      MessageTypeParser.parseMessageType(
          "message user_traits { required binary user_id (STRING); required binary traits (STRING);"
              + " required int64 updated_at (TIMESTAMP(MILLIS,true)); }");

  /** What was written. */
  public record Result(long events, long identities, long userTraits, int files) {}

  /** Told every few thousand events: how many are written, of how many. */
  @FunctionalInterface
  public interface Progress {
    void update(long done, long total);

    Progress NONE = (done, total) -> {};
  }

  private ParquetEventExport() {}

  /**
   * Exports the events with {@code fromMillis <= ts < toMillis} (and all identity links and
   * traits) into {@code folder}, which must not exist or be empty.
   *
   * @throws IllegalArgumentException when the folder holds files
   */
  public static Result export(Database db, Path folder, long fromMillis, long toMillis, Progress progress) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> inside = Files.list(folder)) {
        if (inside.findAny().isPresent()) {
          throw new IllegalArgumentException(folder + " exists and is not empty");
        }
      }
    }
    Files.createDirectories(folder);
    long total = db.read(c -> count(c, fromMillis, toMillis));
    DayFiles days = new DayFiles(folder.resolve("events"));
    long events;
    try {
      events = db.read(c -> events(c, fromMillis, toMillis, days, total, progress));
    } catch (DataAccessException | UncheckedIOException e) {
      days.closeQuietly();
      throw e;
    }
    days.closeAll();
    long identities =
        db.read(c -> table(c, folder.resolve("identities/part-00000.parquet"), IDENTITIES,
            "SELECT anonymous_id, user_id, linked_at FROM identities ORDER BY anonymous_id"));
    long traits =
        db.read(c -> table(c, folder.resolve("user_traits/part-00000.parquet"), USER_TRAITS,
            "SELECT user_id, traits, updated_at FROM user_traits ORDER BY user_id"));
    JsonObject summary = new JsonObject();
    summary.addProperty("exportedAt", Instant.now().toString());
    summary.addProperty("fromMillis", fromMillis);
    summary.addProperty("toMillis", toMillis);
    summary.addProperty("events", events);
    summary.addProperty("identities", identities);
    summary.addProperty("userTraits", traits);
    summary.addProperty("eventFiles", days.files);
    Files.writeString(folder.resolve("_export.json"), summary + "\n", StandardCharsets.UTF_8);
    return new Result(events, identities, traits, days.files + 2);
  }

  private static long count(Connection c, long from, long to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE ts >= ? AND ts < ?")) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long events(Connection c, long from, long to, DayFiles days, long total, Progress progress) throws SQLException {
    long n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, message_id, type, name, user_id, anonymous_id, ts, received_at, path, properties, traits, context"
                + " FROM events WHERE ts >= ? AND ts < ? ORDER BY id")) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      ps.setFetchSize(4096);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ts = rs.getLong(7);
          Group g = days.factory.newGroup().append("seq", rs.getLong(1)).append("message_id", rs.getString(2)).append("type", rs.getString(3));
          optional(g, "name", rs.getString(4));
          optional(g, "user_id", rs.getString(5));
          optional(g, "anonymous_id", rs.getString(6));
          g.append("ts", ts).append("received_at", rs.getLong(8));
          optional(g, "path", rs.getString(9));
          optional(g, "properties", rs.getString(10));
          optional(g, "traits", rs.getString(11));
          optional(g, "context", rs.getString(12));
          days.write(Math.floorDiv(ts, DAY), g);
          if (++n % 10_000 == 0) {
            progress.update(n, total);
          }
        }
      }
    }
    progress.update(n, total);
    return n;
  }

  private static void optional(Group g, String field, String value) {
    if (value != null) {
      g.append(field, value);
    }
  }

  /** One table, all its rows, into one file. */
  private static long table(Connection c, Path file, MessageType schema, String sql) throws SQLException {
    SimpleGroupFactory factory = new SimpleGroupFactory(schema);
    long n = 0;
    try (ParquetWriter<Group> w = writer(file, schema);
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        w.write(factory.newGroup().append(schema.getFieldName(0), rs.getString(1)).append(schema.getFieldName(1), rs.getString(2))
            .append(schema.getFieldName(2), rs.getLong(3)));
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  static ParquetWriter<Group> writer(Path file, MessageType schema) throws IOException {
    Files.createDirectories(file.getParent());
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCodecFactory(SnappyCodec.INSTANCE)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize((long) ROW_GROUP_BYTES)
        .build();
  }

  /** The open day files, least recently written first; at most {@link #OPEN_DAYS} at once. */
  private static final class DayFiles {
    final SimpleGroupFactory factory = new SimpleGroupFactory(EVENTS);
    private final Path root;
    private final LinkedHashMap<Long, ParquetWriter<Group>> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, Integer> parts = new java.util.HashMap<>();
    int files;

    DayFiles(Path root) {
      this.root = root;
    }

    void write(long epochDay, Group g) {
      try {
        ParquetWriter<Group> w = open.get(epochDay);
        if (w == null) {
          if (open.size() == OPEN_DAYS) {
            Iterator<Map.Entry<Long, ParquetWriter<Group>>> eldest = open.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
          }
          int part = parts.merge(epochDay, 1, Integer::sum) - 1;
          Path file = root.resolve("event_date=" + LocalDate.ofEpochDay(epochDay)).resolve(String.format("part-%05d.parquet", part));
          w = writer(file, EVENTS);
          files++;
          open.put(epochDay, w);
        }
        w.write(g);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void closeAll() throws IOException {
      for (ParquetWriter<Group> w : open.values()) {
        w.close();
      }
      open.clear();
    }

    void closeQuietly() {
      try {
        closeAll();
      } catch (IOException | RuntimeException e) {
        // the export failed already; its own error is the one reported
      }
    }
  }

  /** Parquet's SNAPPY codec (raw Snappy blocks, one per page) without Hadoop's codec classes. */
  private static final class SnappyCodec implements CompressionCodecFactory {
    static final SnappyCodec INSTANCE = new SnappyCodec();
    private static final BytesInputCompressor COMPRESSOR =
        new BytesInputCompressor() {
          @Override
          public BytesInput compress(BytesInput bytes) throws IOException {
            java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream((int) bytes.size());
            bytes.writeAllTo(page);
            return BytesInput.from(Snappy.compress(page.toByteArray()));
          }

          @Override
          public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
          }

          @Override
          public void release() {}
        };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      if (codec != CompressionCodecName.SNAPPY) {
        throw new IllegalArgumentException("only SNAPPY is written, not " + codec);
      }
      return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
      throw new UnsupportedOperationException("the export only writes");
    }

    @Override
    public void release() {}
  }
}
