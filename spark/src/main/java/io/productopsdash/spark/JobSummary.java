package io.productopsdash.spark;

import com.google.gson.JsonElement;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}, written last into the output folder, so a folder with it is complete:
 * what was read (format, inputs, every line counted: events, duplicates, skipped per reason),
 * with which configuration (the metrics configuration JSON itself), for which weeks and
 * evaluation instant, and which report files were written. {@code productopsdash import-rollups}
 * refuses a folder without it or whose configuration differs from the workspace's.
 *
 * @param events the event inputs as given
 * @param lines what happened to every input line (for Parquet: every stored event read)
 * @param activityEvents track, page and screen events at or before {@code asOf}
 * @param users users with such events
 * @param answers answers read for satisfaction by usage (null without {@code --answers})
 * @param reports the report files, e.g. {@code acquisition.json}, {@code satisfaction-3.json}
 * @param tasks what the job's Spark tasks cost (CPU, input, shuffle, spill, peak task memory)
 */
public record JobSummary(
    String job,
    String sparkVersion,
    String format,
    List<String> events,
    WeekId from,
    WeekId to,
    Instant asOf,
    JsonElement config,
    Lines lines,
    long activityEvents,
    long users,
    Long answers,
    List<String> reports,
    Instant finishedAt,
    double seconds,
    JobMetrics.Totals tasks) {
  /** The file name in the output folder. */
  public static final String FILE = "summary.json";

  /**
   * Every input line counted once: {@code read == events + skipped} and {@code events ==
   * stored + duplicates}; {@code skippedByReason} by {@code SkipReason} in lower case.
   */
  public record Lines(long read, long events, long duplicates, long stored, long skipped, Map<String, Long> skippedByReason) {}
}
