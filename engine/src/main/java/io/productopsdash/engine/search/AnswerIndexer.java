package io.productopsdash.engine.search;

import io.productopsdash.data.Database;
import io.productopsdash.data.SearchSourceRepository;
import io.productopsdash.models.Scale;
import io.productopsdash.models.ScoreKind;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link AnswerRecord}s from SQLite (the source of truth) and writes them to an {@link
 * AnswerIndex}: the whole index at once ({@link #rebuild}) or one series' week after its theme run
 * ({@link #indexSeriesWeek}). Answers without a comment are indexed with an empty comment so that
 * filters and facets still count them; an answer without sentiment gets {@value #NO_SENTIMENT}.
 */
public final class AnswerIndexer {
  /** The sentiment code of an answer not yet scored. */
  public static final String NO_SENTIMENT = "unknown";

  /** Told how far indexing got. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void indexed(int done, int total);
  }

  private static final SearchSourceRepository SOURCE = new SearchSourceRepository();

  private final ZoneId zone;

  /** {@code zone} gives an answer's date from its creation instant. */
  public AnswerIndexer(ZoneId zone) {
    this.zone = zone;
  }

  /** Replaces the whole index by every answer in {@code db}; returns how many were indexed. */
  public int rebuild(Database db, AnswerIndex index, Progress progress) {
    List<AnswerRecord> records = db.read(c -> SOURCE.all(c)).stream().map(this::record).toList();
    try {
      index.deleteAll();
      write(index, records, progress);
      return records.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Rebuilding the answer index failed", e);
    }
  }

  /** (Re)indexes the answers of one survey series in one week; returns how many were indexed. */
  public int indexSeriesWeek(Database db, AnswerIndex index, long seriesId, WeekId week) {
    List<AnswerRecord> records =
        db.read(c -> SOURCE.seriesWeek(c, seriesId, week.toString())).stream().map(this::record).toList();
    try {
      write(index, records, Progress.NONE);
      return records.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Indexing week " + week + " failed", e);
    }
  }

  private static void write(AnswerIndex index, List<AnswerRecord> records, Progress progress)
      throws IOException {
    int done = 0;
    for (AnswerRecord r : records) {
      index.upsert(r);
      done++;
      if (done % 500 == 0) {
        progress.indexed(done, records.size());
      }
    }
    index.commit();
    progress.indexed(done, records.size());
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
