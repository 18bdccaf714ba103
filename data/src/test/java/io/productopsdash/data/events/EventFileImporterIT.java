package io.productopsdash.data.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.data.Database;
import io.productopsdash.definitions.events.SkipReason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File import into a real SQLite file: formats, gzip, CSV quoting, every skip reason, duplicates. */
class EventFileImporterIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private Database db;
  private EventFileImporter importer;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("data"));
    importer = new EventFileImporter(db, CLOCK);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path gzip(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private EventFileImporter.Result run(Path file, EventFileImporter.Options options) throws IOException {
    EventFileImporter.Result r = importer.importFile(file, options, EventFileImporter.Progress.NONE);
    ImportCounters c = r.counters();
    assertThat(c.read()).as("read = imported + duplicate + skipped: %s", c).isEqualTo(c.imported() + c.duplicate() + c.skipped());
    return r;
  }

  private EventFileImporter.Result run(Path file) throws IOException {
    return run(file, EventFileImporter.Options.defaults());
  }

  private List<String> rows(String sql) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder sb = new StringBuilder();
              for (int i = 1; i <= n; i++) {
                sb.append(i > 1 ? "|" : "").append(rs.getString(i));
              }
              out.add(sb.toString());
            }
          }
          return out;
        });
  }

  static final String SEGMENT =
      String.join(
          "\n",
          "{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"Wallet Opened\",\"anonymousId\":\"a1\",\"timestamp\":\"2026-03-02T10:00:00.000Z\",\"properties\":{\"chain\":\"eth\"}}",
          "{\"messageId\":\"m2\",\"type\":\"page\",\"name\":\"Swap\",\"anonymousId\":\"a1\",\"timestamp\":\"2026-03-02T10:01:00Z\",\"properties\":{\"path\":\"/swap\"}}",
          "{\"messageId\":\"m3\",\"type\":\"identify\",\"userId\":\"u1\",\"anonymousId\":\"a1\",\"timestamp\":\"2026-03-02T10:02:00Z\",\"traits\":{\"plan\":\"pro\"}}",
          "{\"messageId\":\"m4\",\"type\":\"alias\",\"userId\":\"u1\",\"previousId\":\"old1\",\"timestamp\":1772445780000}",
          "{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"Wallet Opened\",\"anonymousId\":\"a1\",\"timestamp\":\"2026-03-02T10:00:00.000Z\"}")
          + "\n";

  @Test
  void segmentJsonLinesWithIdentitiesAndAnInFileDuplicate() throws IOException {
    EventFileImporter.Result r = run(write("events.jsonl", SEGMENT));
    assertThat(r.format()).isEqualTo(ImportFormat.SEGMENT);
    assertThat(r.counters().read()).isEqualTo(5);
    assertThat(r.counters().imported()).isEqualTo(4);
    assertThat(r.counters().duplicate()).isEqualTo(1);
    assertThat(rows("SELECT message_id, type, name, user_id, anonymous_id, ts, path FROM events ORDER BY message_id"))
        .containsExactly(
            "m1|track|Wallet Opened|null|a1|1772445600000|null",
            "m2|page|Swap|null|a1|1772445660000|/swap",
            "m3|identify|null|u1|a1|1772445720000|null",
            "m4|alias|null|u1|null|1772445780000|null");
    assertThat(rows("SELECT anonymous_id, user_id FROM identities ORDER BY anonymous_id")).containsExactly("a1|u1", "old1|u1");
    assertThat(rows("SELECT user_id, traits FROM user_traits")).containsExactly("u1|{\"plan\":\"pro\"}");
    assertThat(rows("SELECT received_at FROM events LIMIT 1")).containsExactly(String.valueOf(CLOCK.millis()));
  }

  @Test
  void theWriterConnectionsSettingsAreRestoredAfterAnImport() throws IOException {
    run(write("events.jsonl", SEGMENT));
    long cache = db.write(c -> {
      try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    long checkpoint = db.write(c -> {
      try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(cache).isEqualTo(-2000);
    assertThat(checkpoint).isEqualTo(1000);
  }

  @Test
  void importingTheSameFileTwiceStoresNothingTwice() throws IOException {
    Path file = write("events.jsonl", SEGMENT);
    run(file);
    EventFileImporter.Result again = run(file);
    assertThat(again.counters().imported()).isZero();
    assertThat(again.counters().duplicate()).isEqualTo(5);
    assertThat(rows("SELECT COUNT(*) FROM events")).containsExactly("4");
  }

  @Test
  void gzipIsToldByItsMagicBytesNotItsName() throws IOException {
    EventFileImporter.Result r = run(gzip("events.json", SEGMENT));
    assertThat(r.format()).isEqualTo(ImportFormat.SEGMENT);
    assertThat(r.counters().imported()).isEqualTo(4);
    Path csvGz = gzip("rows.txt", "messageId,event,userId,timestamp\nc1,Signed Up,u9,2026-03-02T10:00:00Z\n");
    EventFileImporter.Result csv = run(csvGz);
    assertThat(csv.format()).isEqualTo(ImportFormat.CSV);
    assertThat(csv.counters().imported()).isEqualTo(1);
  }

  @Test
  void aTruncatedGzipIsAnUnreadableFileAndWhatCameBeforeStaysStored() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      many.append("{\"messageId\":\"t").append(i).append("\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u").append(i % 97)
          .append("\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"i\":").append(i * 7919L % 100_003).append("}}\n");
    }
    Path full = gzip("full.gz", many.toString());
    byte[] bytes = Files.readAllBytes(full);
    Path truncated = dir.resolve("truncated.gz");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertThatThrownBy(() -> importer.importFile(truncated, EventFileImporter.Options.defaults().withBatchSize(1000), EventFileImporter.Progress.NONE))
        .isInstanceOfSatisfying(
            EventFileImporter.UnreadableFileException.class,
            e -> {
              assertThat(e.countersSoFar().imported()).isPositive();
              assertThat(rows("SELECT COUNT(*) FROM events")).containsExactly(String.valueOf(e.countersSoFar().imported()));
            });
  }

  @Test
  void aMissingFileIsAnIoException() {
    assertThatThrownBy(() -> run(dir.resolve("nope.jsonl"))).isInstanceOf(IOException.class);
  }

  @Test
  void amplitudeExportLines() throws IOException {
    String text =
        "{\"event_type\":\"Signed Up\",\"user_id\":\"u1\",\"device_id\":\"d1\",\"event_time\":\"2026-03-02 10:00:00.123456\",\"uuid\":\"x1\","
            + "\"$insert_id\":\"ins-1\",\"event_properties\":{\"source\":\"ad\"},\"user_properties\":{\"plan\":\"free\"}}\n"
            + "{\"event_type\":\"[Amplitude] Page Viewed\",\"device_id\":\"d2\",\"event_time\":\"2026-03-02 10:05:00.000000\",\"uuid\":\"x2\","
            + "\"event_properties\":{\"[Amplitude] Page Path\":\"/pricing\"}}\n"
            + "{\"event_type\":\"Deposit Completed\",\"user_id\":\"u1\",\"event_time\":\"2026-03-02 11:00:00.000000\"}\n"
            + "{\"event_type\":\"No Time\",\"user_id\":\"u1\"}\n";
    EventFileImporter.Result r = run(write("amplitude.json", text));
    assertThat(r.format()).isEqualTo(ImportFormat.AMPLITUDE);
    assertThat(r.counters().imported()).isEqualTo(3);
    assertThat(r.counters().skippedByReason()).isEqualTo(Map.of(SkipReason.BAD_TIMESTAMP, 1L));
    assertThat(rows("SELECT message_id, type, name, user_id, anonymous_id, ts, path FROM events ORDER BY ts"))
        .containsExactly(
            "ins-1|track|Signed Up|u1|d1|1772445600123|null",
            "x2|page|null|null|d2|1772445900000|/pricing",
            rows("SELECT message_id FROM events WHERE message_id LIKE 'amp-%'").get(0) + "|track|Deposit Completed|u1|null|1772449200000|null");
    assertThat(rows("SELECT anonymous_id, user_id FROM identities")).containsExactly("d1|u1");
  }

  @Test
  void csvWithQuotedCommasDoubledQuotesAndNewlines() throws IOException {
    String text =
        "messageId,type,event,userId,anonymousId,timestamp,path,properties.note,traits.name,context.campaign.source\r\n"
            + "c1,track,\"Swap, then Send\",u1,,2026-03-02T10:00:00Z,,\"said \"\"hi\"\"\",,google\r\n"
            + "c2,page,,u1,,1772445660000,/swap,\"line one\nline two\",,\r\n"
            + "c3,identify,,u1,a7,2026-03-02T10:02:00Z,,,\"Doe, Jane \"\"JD\"\"\",\r\n";
    EventFileImporter.Result r = run(write("events.csv", text));
    assertThat(r.format()).isEqualTo(ImportFormat.CSV);
    assertThat(r.counters().read()).isEqualTo(3);
    assertThat(r.counters().imported()).isEqualTo(3);
    assertThat(rows("SELECT message_id, type, name, user_id, anonymous_id, ts, path, properties, traits, context FROM events ORDER BY message_id"))
        .containsExactly(
            "c1|track|Swap, then Send|u1|null|1772445600000|null|{\"note\":\"said \\\"hi\\\"\"}|null|{\"campaign\":{\"source\":\"google\"}}",
            "c2|page|null|u1|null|1772445660000|/swap|{\"note\":\"line one\\nline two\"}|null|{\"page\":{\"path\":\"/swap\"}}",
            "c3|identify|null|u1|a7|1772445720000|null|null|{\"name\":\"Doe, Jane \\\"JD\\\"\"}|null");
    assertThat(rows("SELECT anonymous_id, user_id FROM identities")).containsExactly("a7|u1");
  }

  @Test
  void csvColumnsRenamedWithMapAndUnknownColumnsListed() throws IOException {
    String text = "id,user,what,when,plan,junk\nr1,u1,Signed Up,2026-03-02T10:00:00Z,pro,x\n";
    EventFileImporter.Options options =
        EventFileImporter.Options.defaults()
            .withFormat(ImportFormat.CSV)
            .withCsvMapping(
                CsvEventMapping.parse(List.of("messageId=id", "userId=user", "event=what", "timestamp=when", "properties.plan=plan")));
    EventFileImporter.Result r = run(write("renamed.csv", text), options);
    assertThat(r.counters().imported()).isEqualTo(1);
    assertThat(r.ignoredColumns()).containsExactly("junk");
    assertThat(rows("SELECT message_id, name, user_id, properties FROM events")).containsExactly("r1|Signed Up|u1|{\"plan\":\"pro\"}");
  }

  @Test
  void everySkipReasonIsCountedAndNoBadLineStopsTheFile() throws IOException {
    String tooLarge =
        "{\"messageId\":\"big\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":{\"x\":\""
            + "x".repeat(40_000) + "\"}}";
    String json =
        String.join(
            "\n",
            "{\"messageId\":\"ok1\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "",
            "{\"messageId\":\"bad\",",
            "[1,2,3]",
            "{\"messageId\":\"t\",\"type\":\"purchase\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"nu\",\"type\":\"track\",\"event\":\"E\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"ne\",\"type\":\"track\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}",
            "{\"messageId\":\"ts\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"last tuesday\"}",
            "{\"messageId\":\"bf\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"properties\":\"not an object\"}",
            tooLarge,
            "{\"messageId\":\"ok2\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}");
    EventFileImporter.Result r = run(write("mixed.jsonl", json), EventFileImporter.Options.defaults().withFormat(ImportFormat.SEGMENT).withBatchSize(3));
    assertThat(r.counters().read()).isEqualTo(11);
    assertThat(r.counters().imported()).isEqualTo(2);
    assertThat(r.counters().skippedByReason())
        .isEqualTo(
            Map.of(
                SkipReason.EMPTY_LINE, 1L,
                SkipReason.MALFORMED_JSON, 1L,
                SkipReason.NOT_AN_OBJECT, 1L,
                SkipReason.UNKNOWN_TYPE, 1L,
                SkipReason.MISSING_USER, 1L,
                SkipReason.MISSING_EVENT_NAME, 1L,
                SkipReason.BAD_TIMESTAMP, 1L,
                SkipReason.BAD_FIELD, 1L,
                SkipReason.TOO_LARGE, 1L));
    String csv = "messageId,event,userId,timestamp\nk1,E,u,2026-03-02T10:00:00Z\nk2,E,u\n\nk3,E,u,2026-03-02T10:00:00Z\n";
    EventFileImporter.Result c = run(write("rows.csv", csv));
    assertThat(c.counters().read()).isEqualTo(4);
    assertThat(c.counters().imported()).isEqualTo(2);
    assertThat(c.counters().skippedByReason()).isEqualTo(Map.of(SkipReason.BAD_CSV_ROW, 1L, SkipReason.EMPTY_LINE, 1L));
    // Every reason the enum knows is exercised by one of the two files.
    assertThat(SkipReason.values()).hasSize(10);
  }

  @Test
  void progressIsReportedUpToTheWholeFile() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2500; i++) {
      text.append("{\"messageId\":\"p").append(i).append("\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"2026-03-02T10:00:00Z\"}\n");
    }
    Path file = write("p.jsonl", text.toString());
    List<long[]> updates = new ArrayList<>();
    importer.importFile(
        file,
        EventFileImporter.Options.defaults().withBatchSize(1000),
        (read, total, counters) -> updates.add(new long[] {read, total, counters.read()}));
    assertThat(updates).hasSize(3);
    long[] last = updates.get(2);
    assertThat(last[0]).isEqualTo(Files.size(file));
    assertThat(last[1]).isEqualTo(Files.size(file));
    assertThat(last[2]).isEqualTo(2500);
    assertThat(updates.get(0)[2]).isEqualTo(1000);
  }
}
