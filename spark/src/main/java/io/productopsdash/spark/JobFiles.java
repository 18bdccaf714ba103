package io.productopsdash.spark;

import io.productopsdash.models.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's file work on any Hadoop file system ({@code s3a://}, {@code hdfs://}, local): checks
 * that inputs exist and can be listed, reads the configuration and writes the output files.
 * Problems become {@link InvalidInputException}s naming the option, so the job ends with one
 * clear line.
 */
final class JobFiles {
  /** Longest configuration file read: far more than any real one. */
  private static final int MAX_CONFIG_BYTES = 1 << 20;
  private final Configuration hadoop;

  JobFiles(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** Refuses a path (or glob) that matches nothing or cannot be listed. */
  void requireExisting(String option, String path) {
    try {
      Path p = new Path(path);
      FileStatus[] found = p.getFileSystem(hadoop).globStatus(p);
      if (found == null || found.length == 0) {
        throw new InvalidInputException(option, path + ": no such file or folder");
      }
      for (FileStatus s : found) {
        if (s.isDirectory()) {
          p.getFileSystem(hadoop).listStatus(s.getPath());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(option, path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** A small text file, such as the metrics configuration. */
  String readText(String option, String path) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
      if (bytes.length > MAX_CONFIG_BYTES) {
        throw new InvalidInputException(option, path + ": larger than " + MAX_CONFIG_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      throw new InvalidInputException(option, path + ": no such file");
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(option, path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Refuses an output folder that already holds files (a finished or running job's). */
  void requireEmptyOutput(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      if (fs.exists(p) && (!fs.getFileStatus(p).isDirectory() || fs.listStatus(p).length > 0)) {
        throw new InvalidInputException("--out", path + ": exists and is not an empty folder");
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("--out", path + ": cannot be used (" + e.getMessage() + ")");
    }
  }

  /** Writes {@code name} into the output folder (created when missing). */
  void write(String folder, String name, String text) {
    Path p = new Path(folder, name);
    try (OutputStream out = p.getFileSystem(hadoop).create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidInputException("--out", p + ": cannot be written (" + e.getMessage() + ")");
    }
  }
}
