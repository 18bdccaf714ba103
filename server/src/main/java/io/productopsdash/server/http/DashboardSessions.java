package io.productopsdash.server.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard login sessions: a random id handed to the browser in an HttpOnly cookie, kept here
 * only as its SHA-256 with an expiry. Sessions live in memory, so a restart logs everyone out,
 * which is acceptable for a single-process tool and keeps no session secret on disk.
 */
public final class DashboardSessions {
  /** Name of the session cookie. */
  public static final String COOKIE = "pod_session";
  /** How long a login lasts. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private final Map<String, Instant> expiryByHash = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public DashboardSessions(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /** A new session id (the cookie value); only its hash is kept. */
  String open() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    expiryByHash.values().removeIf(expiry -> !expiry.isAfter(now));
    expiryByHash.put(hash(id), now.plus(LIFETIME));
    return id;
  }

  /** Whether {@code id} is a live session. */
  boolean isValid(String id) {
    if (id == null || id.isBlank()) {
      return false;
    }
    Instant expiry = expiryByHash.get(hash(id));
    return expiry != null && expiry.isAfter(clock.instant());
  }

  /** Ends the session {@code id}, if any. */
  void close(String id) {
    if (id != null) {
      expiryByHash.remove(hash(id));
    }
  }

  private static String hash(String id) {
    return HexFormat.of().formatHex(AdminAuth.sha256(id));
  }
}
