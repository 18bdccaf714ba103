package io.productopsdash.engine.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
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
