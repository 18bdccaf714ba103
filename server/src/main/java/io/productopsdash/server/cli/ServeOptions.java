package io.productopsdash.server.cli;

import io.productopsdash.server.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options of every command that serves. Each resolves from the option, else the environment
 * variable ({@code PRODUCTOPSDASH_PORT}, {@code _DATA}, {@code _ADMIN_TOKEN}, {@code _ZONE},
 * {@code _ALLOWED_ORIGINS}), else the config file ({@code --config}, {@code
 * PRODUCTOPSDASH_CONFIG}, or {@code productopsdash.properties} in the data folder; keys {@code
 * port}, {@code data}, {@code admin-token}, {@code zone}, {@code allowed-origins}), else the default.
 */
public final class ServeOptions {
  static final String CONFIG_FILE_NAME = "productopsdash.properties";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--port", description = "HTTP port (default 7070; 0 picks a free one).")
  Integer port;

  @Option(names = "--data", description = "Folder holding the SQLite file and the index (default ./productopsdash-data).")
  Path data;

  @Option(
      names = "--admin-token",
      description = "Token for the admin API and dashboard; without one a token is generated once and printed.")
  String adminToken;

  @Option(names = "--zone", description = "Time zone of ISO weeks, e.g. Europe/Berlin (default UTC).")
  String zone;

  @Option(
      names = "--allowed-origins",
      description = "Comma-separated origins whose pages may embed the widget, or * for any.")
  String allowedOrigins;

  @Option(names = "--config", description = "A properties file with the same settings.")
  Path config;

  /** Resolves every setting; {@code defaultData} is the data folder when none is configured. */
  ServerConfig resolve(Map<String, String> env, Path defaultData) {
    Path configPath = config != null ? config : env.containsKey("PRODUCTOPSDASH_CONFIG") ? Path.of(env.get("PRODUCTOPSDASH_CONFIG")) : null;
    Path dataDir = data != null ? data : env.containsKey("PRODUCTOPSDASH_DATA") ? Path.of(env.get("PRODUCTOPSDASH_DATA")) : null;
    if (configPath == null) {
      Path inData = (dataDir != null ? dataDir : defaultData).resolve(CONFIG_FILE_NAME);
      configPath = Files.isRegularFile(inData) ? inData : null;
    }
    Properties file = load(configPath);
    if (dataDir == null) {
      String fromFile = file.getProperty("data");
      dataDir = fromFile != null ? Path.of(fromFile) : defaultData;
    }
    String portText = pick(port == null ? null : port.toString(), env, "PRODUCTOPSDASH_PORT", file, "port", "7070");
    String token = pick(adminToken, env, "PRODUCTOPSDASH_ADMIN_TOKEN", file, "admin-token", null);
    String zoneText = pick(zone, env, "PRODUCTOPSDASH_ZONE", file, "zone", "UTC");
    String origins = pick(allowedOrigins, env, "PRODUCTOPSDASH_ALLOWED_ORIGINS", file, "allowed-origins", "");
    int portNumber;
    try {
      portNumber = Integer.parseInt(portText.strip());
    } catch (NumberFormatException e) {
      throw bad("port must be a number within 0..65535, got '" + portText + "'");
    }
    if (portNumber < 0 || portNumber > 65535) {
      throw bad("port must be within 0..65535, got " + portNumber);
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zoneText.strip());
    } catch (DateTimeException e) {
      throw bad("zone must be a time zone id such as Europe/Berlin or UTC, got '" + zoneText + "'");
    }
    List<String> originList = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new ServerConfig(portNumber, dataDir, token, zoneId, originList);
  }

  private static String pick(String option, Map<String, String> env, String envName, Properties file, String key, String fallback) {
    if (option != null) {
      return option;
    }
    if (env.get(envName) != null && !env.get(envName).isBlank()) {
      return env.get(envName);
    }
    return file.getProperty(key, fallback);
  }

  private Properties load(Path path) {
    Properties p = new Properties();
    if (path == null) {
      return p;
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw bad("cannot read the config file " + path + ": " + e.getMessage());
    }
    return p;
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
