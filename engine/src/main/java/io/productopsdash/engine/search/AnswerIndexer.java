package io.productopsdash.engine.search;

import io.productopsdash.data.Database;
import io.productopsdash.data.SearchSourceRepository;
import io.productopsdash.data.SqlWork;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link AnswerRecord}s from SQLite (the source of truth) and writes them to an {@link
 * AnswerIndex}: the whole index at once ({@link #rebuild}), what changed since the index was last
 * brought up to date ({@link #catchUp}), given answers as they arrive ({@link #indexAnswers}), or
 * one series' week after its theme run ({@link #indexSeriesWeek}). Answers without a comment are
 * indexed with an empty comment so that filters and facets still count them; an answer without
 * sentiment gets {@value #NO_SENTIMENT}.
 *
 * <p>How the index stays true: the commit data of each index commit records, per ISO week, the
 * {@linkplain SearchSourceRepository#weekFingerprints fingerprint} SQLite had when that week was
 * last indexed whole, read in the same read transaction as the rows, so it never claims more than
 * the commit holds. Any later change to a week's answers, enrichment, sentiment, embeddings,
 * themes or labels changes its fingerprint, and {@link #catchUp} re-indexes exactly those weeks
 * (a crash before a commit loses the documents and the claim together). Answers indexed one by
 * one leave the recorded fingerprint alone: their week just gets re-indexed at the next catch-up.
 * An index without the current {@value #SCHEMA_VERSION} schema version is rebuilt.
 */
public final class AnswerIndexer {
  /** The sentiment code of an answer not yet scored. */
  public static final String NO_SENTIMENT = "unknown";
  /** Version of the document layout; an index recorded with another one is rebuilt. */
  static final String SCHEMA_VERSION = "2";
  static final String SCHEMA_KEY = "schema";
  static final String WEEK_KEY_PREFIX = "week:";

  /** Told how far indexing got. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void indexed(int done, int total);
  }

  private static final SearchSourceRepository SOURCE = new SearchSourceRepository();
  private static final int PROGRESS_EVERY = 500;
  /** Threads adding documents in a rebuild or catch-up: every core, up to four. */
  static final int INDEX_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final ZoneId zone;

  /** {@code zone} gives an answer's date from its creation instant. */
  public AnswerIndexer(ZoneId zone) {
    this.zone = zone;
  }

  /** Replaces the whole index by every answer in {@code db}; returns how many were indexed. */
  public int rebuild(Database db, AnswerIndex index, Progress progress) {
    index.sync.lock();
    try {
      return forgetOnFailure(index, () -> db.read(
          c -> {
            int total = SOURCE.count(c);
            Map<String, String> fingerprints = SOURCE.weekFingerprints(c);
            try {
              index.deleteAll();
              int done = stream(c, null, index, total, progress);
              index.setCommitData(commitData(Map.of(), fingerprints, fingerprints.keySet(), Set.of()));
              index.commit();
              progress.indexed(done, total);
              return done;
            } catch (IOException e) {
              throw new UncheckedIOException("Rebuilding the answer index failed", e);
            }
          }));
    } finally {
      index.sync.unlock();
    }
  }

  /**
   * Re-indexes every week whose answers changed in SQLite since the index recorded it (all of
   * them for an index of another schema version, by {@link #rebuild}) and drops the documents of
   * weeks no longer in SQLite; returns how many answers were indexed (0 when the index was true).
   */
  public int catchUp(Database db, AnswerIndex index, Progress progress) {
    index.sync.lock();
    try {
      Map<String, String> recorded = index.commitData();
      if (!SCHEMA_VERSION.equals(recorded.get(SCHEMA_KEY))) {
        return rebuild(db, index, progress);
      }
      return forgetOnFailure(index, () -> db.read(
          c -> {
            Map<String, String> now = SOURCE.weekFingerprints(c);
            Set<String> stale = new TreeSet<>();
            int total = 0;
            for (Map.Entry<String, String> e : now.entrySet()) {
              if (!e.getValue().equals(recorded.get(WEEK_KEY_PREFIX + e.getKey()))) {
                stale.add(e.getKey());
                total += answerCount(e.getValue());
              }
            }
            Set<String> gone = new TreeSet<>();
            for (String key : recorded.keySet()) {
              if (key.startsWith(WEEK_KEY_PREFIX) && !now.containsKey(key.substring(WEEK_KEY_PREFIX.length()))) {
                gone.add(key.substring(WEEK_KEY_PREFIX.length()));
              }
            }
            if (stale.isEmpty() && gone.isEmpty()) {
              return 0;
            }
            try {
              for (String week : union(stale, gone)) {
                index.deleteWeek(week);
              }
              int done = stale.isEmpty() ? 0 : stream(c, stale, index, total, progress);
              index.setCommitData(commitData(recorded, now, stale, gone));
              index.commit();
              progress.indexed(done, total);
              return done;
            } catch (IOException e) {
              throw new UncheckedIOException("Catching up the answer index failed", e);
            }
          }));
    } finally {
      index.sync.unlock();
    }
  }

  /**
   * (Re)indexes the answers with these ids as SQLite has them now, and commits; ids without an
   * answer are skipped. Returns how many were indexed.
   */
  public int indexAnswers(Database db, AnswerIndex index, Collection<Long> answerIds) {
    return upsertRows(db, index, c -> SOURCE.byIds(c, answerIds), "answers " + answerIds);
  }

  /** (Re)indexes the answers of one survey series in one week; returns how many were indexed. */
  public int indexSeriesWeek(Database db, AnswerIndex index, long seriesId, WeekId week) {
    return upsertRows(db, index, c -> SOURCE.seriesWeek(c, seriesId, week.toString()), "week " + week);
  }

  /* Reads the rows and replaces their documents under the index's lock, then commits. */
  private int upsertRows(
      Database db, AnswerIndex index, SqlWork<List<SearchSourceRepository.Row>> rows,
      String what) {
    index.sync.lock();
    try {
      List<AnswerRecord> records = db.read(rows).stream().map(this::record).toList();
      for (AnswerRecord r : records) {
        index.upsert(r);
      }
      index.commit();
      return records.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Indexing " + what + " failed", e);
    } finally {
      index.sync.unlock();
    }
  }

  /*
   * A failed rebuild or catch-up leaves deletions and part of its documents pending, which the next
   * commit (of the live indexer, say) would make durable. So the claims go first: with no schema
   * version recorded, the next catch-up rebuilds whatever got committed.
   */
  private static int forgetOnFailure(AnswerIndex index, java.util.function.IntSupplier work) {
    try {
      return work.getAsInt();
    } catch (RuntimeException | Error e) {
      index.setCommitData(Map.of());
      throw e;
    }
  }

  private int stream(Connection c, Set<String> weeks, AnswerIndex index, int total, Progress progress)
      throws SQLException {
    int[] done = {0};
    // SQLite is read on this thread while the documents are built and indexed on the others.
    try (ParallelAdder adder = new ParallelAdder(index, INDEX_THREADS)) {
      SOURCE.each(
          c,
          weeks,
          row -> {
            // The week's (or whole index's) old documents are already deleted: add, no lookup.
            adder.add(record(row));
            if (++done[0] % PROGRESS_EVERY == 0) {
              progress.indexed(done[0], total);
            }
          });
      adder.finish();
    }
    return done[0];
  }

  private static Map<String, String> commitData(
      Map<String, String> recorded, Map<String, String> now, Set<String> indexed, Set<String> gone) {
    Map<String, String> data = new HashMap<>(recorded);
    data.put(SCHEMA_KEY, SCHEMA_VERSION);
    for (String week : indexed) {
      data.put(WEEK_KEY_PREFIX + week, now.get(week));
    }
    for (String week : gone) {
      data.remove(WEEK_KEY_PREFIX + week);
    }
    return data;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  /* A fingerprint starts with the week's answer count. */
  private static int answerCount(String fingerprint) {
    return Integer.parseInt(fingerprint.substring(0, fingerprint.indexOf('|')));
  }

  AnswerRecord record(SearchSourceRepository.Row row) {
    Scale scale =
        new Scale(ScoreKind.valueOf(row.scaleKind()), row.points(), null, null, row.topBox());
    float[] embedding =
        row.embedding() != null && row.embedding().length == AnswerFields.EMBEDDING_DIMENSION
            ? row.embedding()
            : null;
    String sentiment =
        row.sentiment() == null ? NO_SENTIMENT : row.sentiment().toLowerCase(Locale.ROOT);
    return new AnswerRecord(
        row.answerId(),
        row.surveyId(),
        WeekId.parse(row.week()),
        date(row.createdAt()),
        row.score(),
        ScoreBucket.of(scale, row.score()),
        row.comment() == null ? "" : row.comment(),
        row.themeId() == null ? null : Long.toString(row.themeId()),
        row.themeId() == null ? null : row.themeLabel(),
        row.subTheme() == null ? null : Integer.toString(row.subTheme()),
        sentiment,
        null,
        row.featureRequest(),
        embedding);
  }

  private LocalDate date(String createdAt) {
    try {
      return Instant.parse(createdAt).atZone(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      return LocalDate.parse(createdAt.substring(0, 10));
    }
  }
}
