package io.productopsdash.server.cli;

import io.productopsdash.server.ServerConfig;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options of every command that serves. Each resolves from the option, else the environment
 * variable ({@code PRODUCTOPSDASH_PORT}, {@code _ADMIN_TOKEN}, {@code _ZONE}, {@code
 * _ALLOWED_ORIGINS}), else the config file (keys {@code port}, {@code admin-token}, {@code zone},
 * {@code allowed-origins}), else the default. The data folder and config file come from {@link
 * DataDirOptions}.
 */
public final class ServeOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin DataDirOptions location;

  @Mixin DigestOptions digest;

  @Option(names = "--port", description = "HTTP port (default 7070; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--admin-token",
      description = "Token for the admin API and dashboard; without one a token is generated once and printed.")
  String adminToken;

  @Option(names = "--zone", description = "Time zone of ISO weeks, e.g. Europe/Berlin (default UTC).")
  String zone;

  @Option(
      names = "--allowed-origins",
      description = "Comma-separated origins whose web apps may embed the widget and send analytics events from the browser, or * for any.")
  String allowedOrigins;

  /** Resolves every setting; {@code defaultData} is the data folder when none is configured. */
  ServerConfig resolve(Map<String, String> env, Path defaultData) {
    Path dataDir = location.resolve(env, defaultData);
    Properties file = location.config(env, dataDir);
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
    if (token != null && !token.isBlank() && token.strip().length() < ServerConfig.MIN_ADMIN_TOKEN_LENGTH) {
      throw bad("--admin-token: the admin token must be at least " + ServerConfig.MIN_ADMIN_TOKEN_LENGTH
          + " characters, got " + token.strip().length()
          + "; use a long random one (openssl rand -base64 32), or leave it out to have one generated and printed");
    }
    return new ServerConfig(portNumber, dataDir, token, zoneId, originList, digest.resolve(env, file));
  }

  /** The option, else the environment variable, else the config file's key, else {@code fallback}. */
  static String pick(String option, Map<String, String> env, String envName, Properties file, String key, String fallback) {
    if (option != null) {
      return option;
    }
    if (env.get(envName) != null && !env.get(envName).isBlank()) {
      return env.get(envName);
    }
    return file.getProperty(key, fallback);
  }



  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
