package io.productopsdash.engine.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The on-disk answer index: one document per answer id, replaced (never duplicated) when the
 * answer is indexed again. Changes become durable on {@link #commit()}, which also makes them
 * visible to new searches. Thread-safe.
 */
public final class AnswerIndex implements Closeable {
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private AnswerIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
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
    writer.updateDocument(idTerm(answer.answerId()), AnswerDocuments.toDocument(answer));
  }

  /** {@link #upsert} for each answer. */
  public void upsertAll(Iterable<AnswerRecord> answers) throws IOException {
    for (AnswerRecord answer : answers) {
      upsert(answer);
    }
  }

  /** Removes the answer's document, if any. */
  public void delete(long answerId) throws IOException {
    writer.deleteDocuments(idTerm(answerId));
  }

  /** Removes every document (pending until {@link #commit()}). */
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Makes all changes durable and visible to searches started afterwards. */
  public void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** A searcher on the latest committed state; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
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
