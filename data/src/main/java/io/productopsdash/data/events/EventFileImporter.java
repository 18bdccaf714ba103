package io.productopsdash.data.events;

import com.google.gson.JsonObject;
import io.productopsdash.data.Database;
import io.productopsdash.definitions.events.EventRejectedException;
import io.productopsdash.definitions.events.JsonFields;
import io.productopsdash.definitions.events.JsonLines;
import io.productopsdash.definitions.events.SegmentNormalizer;
import io.productopsdash.definitions.events.SkipReason;
import io.productopsdash.models.Event;
import io.productopsdash.models.EventType;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports an event file (Segment JSON lines, Amplitude export JSON lines or CSV; gzip-compressed
 * or not, told by its magic bytes) into the event store. Every line (CSV: record) is counted as
 * imported, duplicate, or skipped with its {@link SkipReason}: a bad line never stops the file.
 *
 * <p>A pipeline keeps both cores busy: a reader thread cuts the file into chunks of {@value
 * #PARSE_CHUNK} lines, parser threads decode and normalise chunks (Segment lines through {@link
 * SegmentLineScanner}'s fast path when they can), and the calling thread gathers them in file
 * order into transactions of up to {@code batchSize} events, one {@link Database#write} each, so
 * a messageId seen twice in a file is the same duplicate on every run.
 */
public final class EventFileImporter {
  /**
   * Events per transaction. With random messageIds every transaction dirties messageId index
   * pages all over the file, and each commit writes them to the WAL and checkpoints them back:
   * 100,000 a transaction costs about half the CPU of 10,000 (measured with
   * bench/import-bench.sh on 1M events), and one still commits in about half a second, so a
   * server sharing the file waits at most that long for its own writes.
   */
  public static final int DEFAULT_BATCH_SIZE = 100_000;
  /** Lines (CSV: records) parsed as one unit of work on a parser thread. */
  static final int PARSE_CHUNK = 10_000;
  /** The page cache while importing: 128 MiB (a negative cache_size is KiB). */
  static final long IMPORT_CACHE_KIB = -128 * 1024;
  /**
   * The WAL size, in pages, that triggers a checkpoint while importing (SQLite's default is
   * 1,000): a page that several transactions touch is copied back once instead of each time.
   */
  static final long IMPORT_WAL_AUTOCHECKPOINT = 16_384;
  private static final int MAX_BATCH_SIZE = 100_000;
  private static final Future<Parsed> END = CompletableFuture.completedFuture(null);

  /**
   * How to import: {@code format} null means detect it from the content (a first line that is a
   * JSON object with {@code event_type} is Amplitude, another JSON object Segment, else CSV).
   */
  public record Options(ImportFormat format, CsvEventMapping csvMapping, int batchSize, int parserThreads) {
    public Options {
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new IllegalArgumentException("batchSize must be within 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
      }
      if (parserThreads < 1 || parserThreads > 64) {
        throw new IllegalArgumentException("parserThreads must be within 1..64, got " + parserThreads);
      }
      csvMapping = csvMapping == null ? CsvEventMapping.defaults() : csvMapping;
    }

    /** Detected format, default CSV columns, {@value #DEFAULT_BATCH_SIZE} events a transaction, one parser per core. */
    public static Options defaults() {
      return new Options(null, null, DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors());
    }

    public Options withFormat(ImportFormat f) {
      return new Options(f, csvMapping, batchSize, parserThreads);
    }

    public Options withCsvMapping(CsvEventMapping m) {
      return new Options(format, m, batchSize, parserThreads);
    }

    public Options withBatchSize(int n) {
      return new Options(format, csvMapping, n, parserThreads);
    }
  }

  /** What an import did: the format read, the counters, and CSV columns that filled no field. */
  public record Result(ImportFormat format, ImportCounters counters, List<String> ignoredColumns) {}

  /** Told after each stored chunk: bytes of the file read so far, its size, the counters. */
  @FunctionalInterface
  public interface Progress {
    void update(long bytesRead, long totalBytes, ImportCounters counters);

    Progress NONE = (read, total, counters) -> {};
  }

  /** The file could be opened but not read to its end (a truncated gzip, an I/O error). */
  public static final class UnreadableFileException extends IOException {
    private final transient ImportCounters countersSoFar;

    UnreadableFileException(String message, IOException cause, ImportCounters countersSoFar) {
      super(message, cause);
      this.countersSoFar = countersSoFar;
    }

    /** What was imported before the failure (it stays stored). */
    public ImportCounters countersSoFar() {
      return countersSoFar;
    }
  }

  private final Database db;
  private final Clock clock;
  private final EventStore store = new EventStore();

  public EventFileImporter(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Imports {@code file}. Throws {@link IOException} only when the file cannot be opened or read;
   * events of a file that fails midway stay stored, and the exception carries their counters.
   */
  public Result importFile(Path file, Options options, Progress progress) throws IOException {
    long total = Files.size(file);
    try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file))) {
      InputStream in = new BufferedInputStream(counting, 1 << 16);
      if (isGzip(in)) {
        in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      skipBom(in);
      ImportFormat format = options.format() != null ? options.format() : detect(in);
      Instant receivedAt = clock.instant();
      ImportCounters counters = new ImportCounters();
      List<String> ignored = List.of();
      ChunkReader reader;
      if (format == ImportFormat.CSV) {
        CsvReader csv = new CsvReader(in, options.csvMapping(), counting, receivedAt);
        ignored = csv.bound == null ? List.of() : csv.bound.ignoredColumns();
        reader = csv;
      } else {
        reader = new JsonLinesReader(in, format, counting, receivedAt);
      }
      long cacheBefore = pragma("cache_size", IMPORT_CACHE_KIB);
      long checkpointBefore = pragma("wal_autocheckpoint", IMPORT_WAL_AUTOCHECKPOINT);
      try {
        run(reader, options, counters, total, progress);
      } finally {
        pragma("cache_size", cacheBefore);
        pragma("wal_autocheckpoint", checkpointBefore);
      }
      return new Result(format, counters, ignored);
    }
  }

  /**
   * Sets a numeric pragma of the writer connection and returns the value it had. While
   * importing, a large page cache keeps the messageId index in memory (random ids touch its pages
   * all over, and re-reading them for every transaction costs more than inserting), and a larger
   * WAL between checkpoints copies each page back fewer times.
   */
  private long pragma(String name, long value) {
    return db.write(
        c -> {
          try (java.sql.Statement st = c.createStatement()) {
            long before;
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA " + name)) {
              before = rs.next() ? rs.getLong(1) : value;
            }
            st.execute("PRAGMA " + name + " = " + value);
            return before;
          }
        });
  }

  // ---- the pipeline ----

  /** Reads the next chunk on the reader thread and returns the work that parses it, or null at the end. */
  private interface ChunkReader {
    java.util.concurrent.Callable<Parsed> next(int maxItems) throws IOException;
  }

  /** A parsed chunk: its valid events in file order, how many inputs it held, skips by reason. */
  private record Parsed(List<Event> events, long inputs, Map<SkipReason, Long> skipped, long bytesRead) {}

  private void run(ChunkReader reader, Options options, ImportCounters counters, long total, Progress progress)
      throws IOException {
    int threads = options.parserThreads();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService parsers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "import-parser-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Small chunks keep the parsers busy and memory low; the storing side gathers them into
    // transactions of up to batchSize events.
    int chunkSize = Math.min(options.batchSize(), PARSE_CHUNK);
    BlockingQueue<Future<Parsed>> inFlight = new ArrayBlockingQueue<>(threads * 2);
    AtomicBoolean stop = new AtomicBoolean();
    Thread readerThread =
        new Thread(
            () -> {
              try {
                java.util.concurrent.Callable<Parsed> work;
                while (!stop.get() && (work = reader.next(chunkSize)) != null) {
                  offer(inFlight, parsers.submit(work), stop);
                }
                offer(inFlight, END, stop);
              } catch (IOException | RuntimeException e) {
                offer(inFlight, CompletableFuture.failedFuture(e), stop);
              }
            },
            "import-reader");
    readerThread.setDaemon(true);
    readerThread.start();
    List<Parsed> pending = new ArrayList<>();
    int pendingEvents = 0;
    try {
      while (true) {
        Future<Parsed> next = inFlight.take();
        if (next == END) {
          store(pending, counters, total, progress);
          return;
        }
        Parsed parsed;
        try {
          parsed = next.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
          if (cause instanceof IOException io) {
            store(pending, counters, total, progress);
            throw new UnreadableFileException("The file could not be read to its end: " + io.getMessage(), io, counters);
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(cause);
        }
        if (pendingEvents + parsed.events().size() > options.batchSize()) {
          store(pending, counters, total, progress);
          pendingEvents = 0;
        }
        pending.add(parsed);
        pendingEvents += parsed.events().size();
        if (pendingEvents >= options.batchSize()) {
          store(pending, counters, total, progress);
          pendingEvents = 0;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while importing", e);
    } finally {
      stop.set(true);
      inFlight.clear();
      parsers.shutdownNow();
    }
  }

  /** Stores the events of {@code chunks} in one transaction, counts them, reports progress, and empties the list. */
  private void store(List<Parsed> chunks, ImportCounters counters, long total, Progress progress) {
    if (chunks.isEmpty()) {
      return;
    }
    List<Event> events = new ArrayList<>(chunks.stream().mapToInt(p -> p.events().size()).sum());
    chunks.forEach(p -> events.addAll(p.events()));
    EventStore.StoreResult stored = events.isEmpty() ? new EventStore.StoreResult(0, 0) : db.write(c -> store.insertAll(c, events));
    synchronized (counters) {
      for (Parsed p : chunks) {
        counters.countRead(p.inputs());
        p.skipped().forEach(counters::countSkipped);
      }
      counters.countStored(stored.inserted(), stored.duplicates());
    }
    progress.update(chunks.get(chunks.size() - 1).bytesRead(), total, counters);
    chunks.clear();
  }

  private static void offer(BlockingQueue<Future<Parsed>> queue, Future<Parsed> item, AtomicBoolean stop) {
    try {
      while (!stop.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the storing thread is behind: wait for it (back-pressure)
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- JSON lines ----

  private static final class JsonLinesReader implements ChunkReader {
    private final LineChunker chunker;
    private final ImportFormat format;
    private final CountingInputStream counting;
    private final Instant receivedAt;

    JsonLinesReader(InputStream in, ImportFormat format, CountingInputStream counting, Instant receivedAt) {
      this.chunker = new LineChunker(in, JsonFields.MAX_EVENT_BYTES);
      this.format = format;
      this.counting = counting;
      this.receivedAt = receivedAt;
    }

    @Override
    public java.util.concurrent.Callable<Parsed> next(int maxItems) throws IOException {
      LineChunker.LineChunk chunk = chunker.next(maxItems);
      if (chunk == null) {
        return null;
      }
      long bytesRead = counting.count();
      return () -> parse(chunk, bytesRead);
    }

    private Parsed parse(LineChunker.LineChunk chunk, long bytesRead) {
      List<Event> events = new ArrayList<>(chunk.count());
      EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
      JsonLines.Source source = format == ImportFormat.AMPLITUDE ? JsonLines.Source.AMPLITUDE : JsonLines.Source.SEGMENT;
      for (int i = 0; i < chunk.count(); i++) {
        try {
          long length = chunk.lengths()[i];
          // A line too long to keep has no text; JsonLines refuses it by its length alone.
          String line = chunk.starts()[i] < 0 ? "" : new String(chunk.data(), chunk.starts()[i], (int) length, StandardCharsets.UTF_8);
          events.add(JsonLines.normalize(line, length, source, receivedAt));
        } catch (EventRejectedException e) {
          skipped.merge(e.reason(), 1L, Long::sum);
        }
      }
      return new Parsed(events, chunk.count(), skipped, bytesRead);
    }
  }

  // ---- CSV ----

  private static final class CsvReader implements ChunkReader {
    private final Iterator<CSVRecord> records;
    private final CountingInputStream counting;
    private final Instant receivedAt;
    private final CsvEventMapping.Bound bound;

    CsvReader(InputStream in, CsvEventMapping mapping, CountingInputStream counting, Instant receivedAt) throws IOException {
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CSVFormat format =
          CSVFormat.RFC4180.builder()
              .setIgnoreEmptyLines(false)
              // Never throw on a bad quote: a stray quote or an unclosed one at the end of the
              // file is kept as data and the row is judged on its own.
              .setLenientEof(true)
              .setTrailingData(true)
              .get();
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      this.records = parser.iterator();
      this.counting = counting;
      this.receivedAt = receivedAt;
      this.bound = records.hasNext() ? mapping.bind(header(records.next())) : null;
    }

    private static List<String> header(CSVRecord r) {
      List<String> names = new ArrayList<>(r.size());
      for (String v : r) {
        names.add(v.strip());
      }
      return names;
    }

    @Override
    public java.util.concurrent.Callable<Parsed> next(int maxItems) {
      if (bound == null || !records.hasNext()) {
        return null;
      }
      List<List<String>> rows = new ArrayList<>(Math.min(maxItems, 1024));
      while (rows.size() < maxItems && records.hasNext()) {
        rows.add(records.next().toList());
      }
      long bytesRead = counting.count();
      return () -> parse(rows, bytesRead);
    }

    private Parsed parse(List<List<String>> rows, long bytesRead) {
      List<Event> events = new ArrayList<>(rows.size());
      EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
      for (List<String> row : rows) {
        try {
          if (row.size() == 1 && row.get(0).isBlank() && bound.columns() != 1) {
            throw new EventRejectedException(SkipReason.EMPTY_LINE, "blank line");
          }
          if (row.size() != bound.columns()) {
            throw new EventRejectedException(
                SkipReason.BAD_CSV_ROW, "the row has " + row.size() + " columns, the header " + bound.columns());
          }
          events.add(SegmentNormalizer.normalize(bound.toJson(row), EventType.TRACK, receivedAt, false));
        } catch (EventRejectedException e) {
          skipped.merge(e.reason(), 1L, Long::sum);
        }
      }
      return new Parsed(events, rows.size(), skipped, bytesRead);
    }
  }

  // ---- stream helpers ----

  /** Gzip is told by its magic bytes 1f 8b, whatever the file is called. */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b;
  }

  private static void skipBom(InputStream in) throws IOException {
    in.mark(3);
    if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      return;
    }
    in.reset();
  }

  /** Looks at the first line: a JSON object with event_type is Amplitude, another object Segment, else CSV. */
  static ImportFormat detect(InputStream in) throws IOException {
    int peek = 1 << 16;
    in.mark(peek);
    byte[] head = in.readNBytes(peek);
    in.reset();
    int i = 0;
    while (i < head.length && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i == head.length) {
      return ImportFormat.SEGMENT;
    }
    if (head[i] != '{') {
      return ImportFormat.CSV;
    }
    int end = i;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    try {
      JsonObject first = JsonLines.parseObject(new String(head, i, end - i, StandardCharsets.UTF_8));
      return first.has("event_type") ? ImportFormat.AMPLITUDE : ImportFormat.SEGMENT;
    } catch (EventRejectedException e) {
      return ImportFormat.SEGMENT;
    }
  }

  /** Counts the bytes read from the file (compressed bytes for gzip), for progress. */
  private static final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
