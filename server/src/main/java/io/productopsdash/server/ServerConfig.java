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
  /**
   * Shortest admin token accepted: 24 characters of a random token are over 140 bits (base64),
   * and even a passphrase of that length resists the throttled guessing the server allows.
   */
  public static final int MIN_ADMIN_TOKEN_LENGTH = 24;

  public ServerConfig {
    if (adminToken != null && !adminToken.isBlank() && adminToken.strip().length() < MIN_ADMIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "the admin token must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters, got "
              + adminToken.strip().length() + ": use a long random one (openssl rand -base64 32), or none to have one generated");
    }
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
