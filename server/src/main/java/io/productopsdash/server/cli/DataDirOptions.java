package io.productopsdash.server.cli;

import io.productopsdash.data.Database;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command finds its data folder and config file; shared by every command (serving ones
 * get it through {@link ServeOptions}). The data folder is {@code --data}, else {@code
 * PRODUCTOPSDASH_DATA}, else the {@code data} key of the config file, else the command's default.
 * The config file is {@code --config}, else {@code PRODUCTOPSDASH_CONFIG}, else {@code
 * productopsdash.properties} in the data folder when there is one.
 */
public final class DataDirOptions {
  static final String CONFIG_FILE_NAME = "productopsdash.properties";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--data", description = "Folder holding the SQLite file and the index (default ./productopsdash-data).")
  Path data;

  @Option(names = "--config", description = "A properties file with the settings (keys as the long option names).")
  Path config;

  /** The data folder. */
  Path resolve(Map<String, String> env, Path defaultData) {
    if (data != null) {
      return data;
    }
    String fromEnv = env.get("PRODUCTOPSDASH_DATA");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv.strip());
    }
    String fromFile = config(env, defaultData).getProperty("data");
    return fromFile != null && !fromFile.isBlank() ? Path.of(fromFile.strip()) : defaultData;
  }

  /** The data folder when it holds a database, else null: the caller reports {@link #noDatabase}. */
  Path withDatabase(Map<String, String> env, Path defaultData) {
    Path dir = resolve(env, defaultData);
    return Files.isRegularFile(dir.resolve(io.productopsdash.data.Database.FILE_NAME)) ? dir : null;
  }

  /** The line a command prints when {@link #withDatabase} found none. */
  String noDatabase(Map<String, String> env, Path defaultData) {
    return "No ProductOpsDash database in " + resolve(env, defaultData).toAbsolutePath() + " (use --data DIR)";
  }

  /** Where {@code demo} makes its workspaces, relative to the working folder. */
  static final Path DEMO_WORKSPACES = Path.of("demo-workspaces");

  /**
   * The data folder of a command that reads an existing one: as {@link #resolve}, except that when
   * nothing chose a folder and the default holds no database, the newest demo workspace with one
   * is used, and a note on {@code err} says so.
   */
  Path existing(Map<String, String> env, Path defaultData, java.io.PrintWriter err) {
    Path dir = resolve(env, defaultData);
    if (data != null || !dir.equals(defaultData) || Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
      return dir;
    }
    Path demo = newestDemo(DEMO_WORKSPACES);
    if (demo == null) {
      return dir;
    }
    err.println("Note: no --data given and " + defaultData + " has no database; using the newest demo workspace "
        + demo + " (pass --data to choose another).");
    err.flush();
    return demo;
  }

  /** The newest {@code demo-*} folder under {@code root} that holds a database, or null. */
  static Path newestDemo(Path root) {
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (java.util.stream.Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("demo-"))
          .filter(d -> Files.isRegularFile(d.resolve(Database.FILE_NAME)))
          .max(java.util.Comparator.comparing((Path d) -> d.getFileName().toString()))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The settings of the config file that applies to {@code dataDir} (empty when there is none). */
  Properties config(Map<String, String> env, Path dataDir) {
    Path path = config;
    if (path == null && env.get("PRODUCTOPSDASH_CONFIG") != null && !env.get("PRODUCTOPSDASH_CONFIG").isBlank()) {
      path = Path.of(env.get("PRODUCTOPSDASH_CONFIG").strip());
    }
    if (path == null) {
      Path inData = dataDir.resolve(CONFIG_FILE_NAME);
      path = Files.isRegularFile(inData) ? inData : null;
    }
    Properties p = new Properties();
    if (path == null) {
      return p;
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read the config file " + path + ": " + e.getMessage());
    }
    return p;
  }
}
