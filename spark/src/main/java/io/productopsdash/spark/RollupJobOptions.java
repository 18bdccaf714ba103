package io.productopsdash.spark;

import io.productopsdash.models.InvalidInputException;
import io.productopsdash.models.WeekId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link RollupJob} is asked to do, validated: where the events are and in which format,
 * the metrics configuration, the ISO weeks to report, the evaluation instant, where to write,
 * and optionally survey answers (for satisfaction by usage) and a master for runs outside
 * spark-submit. Paths are Hadoop paths ({@code s3a://}, {@code hdfs://}, {@code file:} or plain).
 */
public record RollupJobOptions(
    List<String> events,
    InputFormat format,
    String config,
    WeekId from,
    WeekId to,
    Instant asOf,
    String out,
    String answers,
    String master) {
  /** The event inputs the job reads. */
  public enum InputFormat {
    /** Segment spec calls as JSON lines (gzip when the name ends in .gz), e.g. Segment's S3 destination. */
    SEGMENT,
    /** Amplitude export JSON lines. */
    AMPLITUDE,
    /** The folder {@code productopsdash export-events --parquet} writes. */
    PARQUET;

    static InputFormat parse(String text) {
      for (InputFormat f : values()) {
        if (f.name().equalsIgnoreCase(text.strip())) {
          return f;
        }
      }
      throw new InvalidInputException("--format", "must be segment, amplitude or parquet, got '" + text + "'");
    }

    /** The lower-case name used on the command line and in the summary. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String USAGE =
      "usage: RollupJob --events PATH [--events PATH ...] [--format segment|amplitude|parquet] --config metrics.json"
          + " --from 2026-W01 --to 2026-W13 --out PATH [--as-of 2026-04-01T00:00:00Z] [--answers answers.jsonl]"
          + " [--master local[*]]";

  public RollupJobOptions {
    if (events == null || events.isEmpty()) {
      throw new InvalidInputException("--events", "is required (a folder or file of events; may be repeated)");
    }
    events = List.copyOf(events);
    if (format == null) {
      format = InputFormat.SEGMENT;
    }
    required("--config", config);
    required("--out", out);
    if (from == null) {
      throw new InvalidInputException("--from", "is required (an ISO week such as 2026-W01)");
    }
    if (to == null) {
      throw new InvalidInputException("--to", "is required (an ISO week such as 2026-W13)");
    }
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("--from", from + " is after --to " + to + " (weeks out of order)");
    }
    if (asOf == null) {
      throw new IllegalArgumentException("asOf is required");
    }
  }

  private static void required(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(option, "is required");
    }
  }

  /**
   * Parses the command line; {@code now} is the evaluation instant when {@code --as-of} is not
   * given. Errors name the option.
   */
  public static RollupJobOptions parse(String[] args, Instant now) {
    List<String> events = new ArrayList<>();
    InputFormat format = null;
    String config = null;
    WeekId from = null;
    WeekId to = null;
    Instant asOf = now;
    String out = null;
    String answers = null;
    String master = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!option.startsWith("--")) {
        throw new InvalidInputException(option, "is not an option; " + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new InvalidInputException(option, "needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--events" -> events.add(value);
        case "--format" -> format = InputFormat.parse(value);
        case "--config" -> config = value;
        case "--from" -> from = WeekId.parse(value, "--from");
        case "--to" -> to = WeekId.parse(value, "--to");
        case "--as-of" -> asOf = instant(value);
        case "--out" -> out = value;
        case "--answers" -> answers = value;
        case "--master" -> master = value;
        default -> throw new InvalidInputException(option, "is not a known option; " + USAGE);
      }
    }
    return new RollupJobOptions(events, format, config, from, to, asOf, out, answers, master);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--as-of", "must be an ISO-8601 instant like 2026-04-01T00:00:00Z, got '" + text + "'");
    }
  }
}
