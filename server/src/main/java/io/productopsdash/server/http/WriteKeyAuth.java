package io.productopsdash.server.http;

import io.productopsdash.data.Database;
import io.productopsdash.data.events.SourceRepository;
import io.productopsdash.data.events.SourceRepository.Source;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Write keys of event sources: made from 24 random bytes, shown once, stored as their SHA-256
 * only (as {@link AdminAuth} keeps the admin token). A key is looked up by its hash, so the key
 * itself is never compared, stored or logged.
 */
public final class WriteKeyAuth {
  static final String KEY_PREFIX = "pod_wk_";

  private final Database db;
  private final SecureRandom random;
  private final SourceRepository sources = new SourceRepository();

  public WriteKeyAuth(Database db, SecureRandom random) {
    this.db = db;
    this.random = random;
  }

  /** A fresh key. */
  String newKey() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String key) {
    return HexFormat.of().formatHex(AdminAuth.sha256(key));
  }

  /** The active source of {@code key}; a 401 when the key is missing, unknown or revoked. */
  Source authenticate(String key) {
    if (key == null || key.isBlank()) {
      throw IngestionException.unauthorized("Missing write key");
    }
    Source source = db.read(c -> sources.findByKeyHash(c, hash(key.strip()))).orElse(null);
    if (source == null) {
      throw IngestionException.unauthorized("Invalid API key: unknown write key");
    }
    if (!source.active()) {
      throw IngestionException.unauthorized("Invalid API key: the write key of source " + source.id() + " was revoked");
    }
    return source;
  }
}
