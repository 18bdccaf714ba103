package io.productopsdash.engine.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The on-disk answer index: one document per answer id, replaced (never duplicated) when the
 * answer is indexed again. Changes become durable on {@link #commit()}, which also makes them
 * visible to new searches; each commit carries the {@linkplain #commitData() commit data} last set
 * (what {@link AnswerIndexer} knows is indexed), so after a crash the data describes exactly the
 * documents of the last commit. Thread-safe.
 *
 * <p>Only one process may write an index (Lucene's write lock, {@code write.lock}); another
 * process, such as the {@code search} command beside a running server, opens it {@linkplain
 * #openReadOnly read-only} and sees its last commit.
 */
public final class AnswerIndex implements Closeable {
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /**
   * Held by whoever reads answers from SQLite and writes them here, for the read and the write
   * together: a writer that read later also writes later, so an older row never overwrites a newer
   * one (the live indexer and a catch-up touching the same answer).
   */
  final ReentrantLock sync = new ReentrantLock();
  /** Indexing buffer; the default 16 MB flushed a rebuild with vectors every ten thousand answers. */
  static final double RAM_BUFFER_MB = 128;
  /** Neighbours per HNSW node (Lucene's default). */
  static final int HNSW_MAX_CONNECTIONS = 16;
  /** Candidates considered per HNSW insertion (Lucene's default is 100). */
  static final int HNSW_BEAM_WIDTH = 50;

  private AnswerIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens the last commit of the index in {@code folder} for searching only, without the write
   * lock; a missing or empty folder is an empty index.
   */
  public static AnswerIndex openReadOnly(Path folder) throws IOException {
    Directory directory = Files.isDirectory(folder) ? FSDirectory.open(folder) : new ByteBuffersDirectory();
    try {
      if (!DirectoryReader.indexExists(directory)) {
        // Never written yet: search an empty in-memory index rather than create files here.
        directory.close();
        directory = new ByteBuffersDirectory();
        new IndexWriter(directory, new IndexWriterConfig(AnswerDocuments.analyzer())).close();
      }
      return new AnswerIndex(directory, null, new SearcherManager(directory, null));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** True when this index was opened read-only. */
  public boolean readOnly() {
    return writer == null;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("The answer index was opened read-only");
    }
    return writer;
  }

  /** Opens the index in {@code folder}, creating the folder and an empty index if needed. */
  public static AnswerIndex open(Path folder) throws IOException {
    Files.createDirectories(folder);
    Directory directory = FSDirectory.open(folder);
    try {
      IndexWriterConfig config = new IndexWriterConfig(AnswerDocuments.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      // Fewer, larger flushed segments: fewer merges, and a merge rebuilds the vectors' HNSW graph.
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      config.setCodec(codec());
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        return new AnswerIndex(directory, writer, new SearcherManager(writer, null));
      } catch (IOException | RuntimeException e) {
        writer.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * The default codec with the HNSW graph built with beam width {@value #HNSW_BEAM_WIDTH} instead
   * of 100: indexing with vectors about 1.7 times faster (measured, bench/search-speed.sh) for a
   * recall the benchmarks show unchanged. Only writing depends on it; any codec reads the index.
   */
  static Codec codec() {
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return new Lucene99HnswVectorsFormat(HNSW_MAX_CONNECTIONS, HNSW_BEAM_WIDTH);
      }
    };
  }

  /** Adds the answer, or replaces the document with the same answer id. */
  public void upsert(AnswerRecord answer) throws IOException {
    writer().updateDocument(idTerm(answer.answerId()), AnswerDocuments.toDocument(answer));
  }

  /** Adds the answer without looking for an older copy: only right on an index known not to hold it. */
  void add(AnswerRecord answer) throws IOException {
    writer().addDocument(AnswerDocuments.toDocument(answer));
  }

  /** Removes every document of the ISO week {@code week} ("2026-W40"). */
  void deleteWeek(String week) throws IOException {
    writer().deleteDocuments(new Term(AnswerFields.WEEK, week));
  }

  /** The commit data of the next commit (that of the last one, until changed). */
  public Map<String, String> commitData() {
    Map<String, String> out = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer().getLiveCommitData();
    if (live != null) {
      live.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Replaces the commit data carried by the next commit. */
  void setCommitData(Map<String, String> data) {
    writer().setLiveCommitData(Map.copyOf(data).entrySet());
  }

  /** {@link #upsert} for each answer. */
  public void upsertAll(Iterable<AnswerRecord> answers) throws IOException {
    for (AnswerRecord answer : answers) {
      upsert(answer);
    }
  }

  /** Removes the answer's document, if any. */
  public void delete(long answerId) throws IOException {
    writer().deleteDocuments(idTerm(answerId));
  }

  /** Removes every document (pending until {@link #commit()}). */
  public void deleteAll() throws IOException {
    writer().deleteAll();
  }

  /** Makes all changes durable and visible to searches started afterwards. */
  public void commit() throws IOException {
    writer().commit();
    searchers.maybeRefreshBlocking();
  }

  /** A searcher on the latest committed state; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    if (writer == null) {
      searchers.maybeRefresh();
    }
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  static Term idTerm(long answerId) {
    return new Term(AnswerFields.ID, Long.toString(answerId));
  }

  /** Commits pending changes and closes. */
  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, directory);
  }
}
