package io.productopsdash.server.cli;

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
 * The data folder of a command that works on the database without serving it ({@code import}):
 * resolved as {@link ServeOptions} does, from {@code --data}, else {@code PRODUCTOPSDASH_DATA},
 * else the {@code data} key of the config file ({@code --config}, {@code PRODUCTOPSDASH_CONFIG},
 * or {@code productopsdash.properties} in the default folder), else the default.
 */
public final class DataDirOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--data", description = "Folder holding the SQLite file (default ./productopsdash-data).")
  Path data;

  @Option(names = "--config", description = "A properties file whose 'data' key names the folder.")
  Path config;

  Path resolve(Map<String, String> env, Path defaultData) {
    if (data != null) {
      return data;
    }
    if (env.get("PRODUCTOPSDASH_DATA") != null && !env.get("PRODUCTOPSDASH_DATA").isBlank()) {
      return Path.of(env.get("PRODUCTOPSDASH_DATA"));
    }
    Path configPath =
        config != null ? config : env.containsKey("PRODUCTOPSDASH_CONFIG") ? Path.of(env.get("PRODUCTOPSDASH_CONFIG")) : null;
    if (configPath == null) {
      Path inDefault = defaultData.resolve(ServeOptions.CONFIG_FILE_NAME);
      configPath = Files.isRegularFile(inDefault) ? inDefault : null;
    }
    if (configPath != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(configPath, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read the config file " + configPath + ": " + e.getMessage());
      }
      String fromFile = p.getProperty("data");
      if (fromFile != null && !fromFile.isBlank()) {
        return Path.of(fromFile.strip());
      }
    }
    return defaultData;
  }
}
