package io.productopsdash.server;

import io.productopsdash.server.digest.DigestSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Settings of a serving process, resolved from options, environment and config file. The admin
 * token and the SMTP password are secrets: {@link #toString()} never shows them.
 */
public record ServerConfig(
    int port, Path dataDir, String adminToken, ZoneId zone, List<String> allowedOrigins, DigestSettings digest) {
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, got " + port);
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("a data folder is required");
    }
    if (zone == null) {
      throw new IllegalArgumentException("a time zone is required");
    }
    allowedOrigins = List.copyOf(allowedOrigins);
    if (digest == null) {
      digest = DigestSettings.DEFAULTS;
    }
  }

  /** Settings with the digest's defaults (outbox, Monday 08:00). */
  public ServerConfig(int port, Path dataDir, String adminToken, ZoneId zone, List<String> allowedOrigins) {
    this(port, dataDir, adminToken, zone, allowedOrigins, DigestSettings.DEFAULTS);
  }

  @Override
  public String toString() {
    return "ServerConfig[port=" + port + ", dataDir=" + dataDir + ", adminToken=" + (adminToken == null ? "none" : "***")
        + ", zone=" + zone + ", allowedOrigins=" + allowedOrigins + ", digest=" + digest + "]";
  }
}
