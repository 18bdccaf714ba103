package io.productopsdash.server.http;

import io.javalin.http.Context;
import io.productopsdash.data.Database;
import io.productopsdash.data.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks {@code Authorization: Bearer <admin token>}, or a dashboard session cookie obtained by
 * logging in with that token. Only the token's SHA-256 is kept (in the database), compared in
 * constant time; the token itself is never stored or logged.
 *
 * <p>A request authenticated by cookie that changes something must also carry the {@link
 * #DASHBOARD_HEADER} header: browsers send cookies on cross-site form posts, but no other site
 * can add a custom header without a CORS preflight, which the admin API never grants.
 */
public final class AdminAuth {
  static final String TOKEN_HASH_KEY = "admin.token.sha256";
  /** Header the dashboard's script adds to its writes (cross-site request forgery guard). */
  public static final String DASHBOARD_HEADER = "X-ProductOpsDash";

  private final byte[] tokenHash;
  private final DashboardSessions sessions;
  private final AuthFailures failures;

  public AdminAuth(byte[] tokenHash) {
    this(tokenHash, new DashboardSessions(java.time.Clock.systemUTC()));
  }

  public AdminAuth(byte[] tokenHash, DashboardSessions sessions) {
    this.tokenHash = tokenHash.clone();
    this.sessions = sessions;
    this.failures = new AuthFailures(sessions.clock());
  }

  /** The dashboard's login sessions. */
  DashboardSessions sessions() {
    return sessions;
  }

  /** Whether {@code token} is the admin token (constant-time comparison of hashes). */
  boolean isAdminToken(String token) {
    return token != null && MessageDigest.isEqual(sha256(token.strip()), tokenHash);
  }

  /**
   * Checks a token the client at {@code ctx}'s address sent: 429 while that address has sent too
   * many wrong ones (see {@link AuthFailures}), else whether it is the admin token, counting a
   * wrong one.
   */
  boolean checkToken(Context ctx, String token) {
    failures.checkAllowed(ctx.ip());
    if (isAdminToken(token)) {
      return true;
    }
    failures.failed(ctx.ip());
    return false;
  }

  /** Whether the request carries a live dashboard session cookie. */
  boolean hasSession(Context ctx) {
    return sessions.isValid(ctx.cookie(DashboardSessions.COOKIE));
  }

  /** The outcome of setting up admin auth: the check, and a token made now (else null). */
  public record Setup(AdminAuth auth, String generatedToken) {}

  /**
   * Uses {@code configuredToken} when given (its hash replaces any stored one); else keeps the
   * stored hash; else generates a token, stores its hash and returns it so it can be printed once.
   * Sessions and windows of wrong tokens follow {@code clock}.
   */
  public static Setup setUp(Database db, String configuredToken, SecureRandom random, java.time.Clock clock) {
    SettingsRepository settings = new SettingsRepository();
    if (configuredToken != null && !configuredToken.isBlank()) {
      String hash = HexFormat.of().formatHex(sha256(configuredToken.strip()));
      db.write(
          c -> {
            settings.put(c, TOKEN_HASH_KEY, hash);
            return null;
          });
      return new Setup(new AdminAuth(HexFormat.of().parseHex(hash), new DashboardSessions(clock)), null);
    }
    String stored = db.read(c -> settings.get(c, TOKEN_HASH_KEY)).orElse(null);
    if (stored != null) {
      return new Setup(new AdminAuth(HexFormat.of().parseHex(stored), new DashboardSessions(clock)), null);
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = "pod_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = HexFormat.of().formatHex(sha256(token));
    String inForce = db.write(c -> settings.putIfAbsent(c, TOKEN_HASH_KEY, hash));
    return new Setup(
        new AdminAuth(HexFormat.of().parseHex(inForce), new DashboardSessions(clock)), inForce.equals(hash) ? token : null);
  }

  /** Throws {@link UnauthorizedException} unless the request carries the admin token. */
  public void require(Context ctx) {
    String header = ctx.header("Authorization");
    if ((header == null || header.isBlank()) && hasSession(ctx)) {
      if (!"GET".equals(ctx.req().getMethod()) && !"HEAD".equals(ctx.req().getMethod())
          && ctx.header(DASHBOARD_HEADER) == null) {
        throw new UnauthorizedException(DASHBOARD_HEADER, "A dashboard write must carry the " + DASHBOARD_HEADER + " header");
      }
      return;
    }
    if (header == null || header.isBlank()) {
      throw new UnauthorizedException("Authorization", "Missing admin token: send 'Authorization: Bearer <token>' or log in to the dashboard");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException("Authorization", "The Authorization header must use the Bearer scheme");
    }
    if (!checkToken(ctx, header.substring(7))) {
      throw new UnauthorizedException("Authorization", "Wrong admin token");
    }
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
