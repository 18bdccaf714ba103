package io.productopsdash.spark;

import io.productopsdash.definitions.metrics.MetricsConfigJson;
import io.productopsdash.models.MetricsConfig;
import io.productopsdash.models.WeekId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers of the Spark tests: files written as a source would, and job runs on the local Spark. */
final class JobRuns {
  private JobRuns() {}

  /** Writes lines (each ending with LF) to {@code file}, gzip-compressed when its name ends in .gz. */
  static Path writeLines(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream raw = Files.newOutputStream(file);
          OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
        for (String line : lines) {
          out.write(line.getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeConfig(Path file, MetricsConfig config) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, MetricsConfigJson.write(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the job on the shared local Spark and returns its summary (its output stays in {@code out}). */
  static JobSummary run(
      List<String> events, RollupJobOptions.InputFormat format, Path config, WeekId from, WeekId to, Instant asOf,
      Path out, Path answers) {
    RollupJobOptions options =
        new RollupJobOptions(events, format, config.toString(), from, to, asOf, out.toString(), answers == null ? null : answers.toString(), null);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      return RollupJob.run(LocalSpark.get(), options, new PrintStream(text, true, StandardCharsets.UTF_8));
    } finally {
      System.out.print(text.toString(StandardCharsets.UTF_8));
    }
  }
}
