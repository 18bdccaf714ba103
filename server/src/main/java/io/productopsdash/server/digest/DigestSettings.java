package io.productopsdash.server.digest;

import java.time.DayOfWeek;
import java.time.Duration;

/**
 * Settings of the weekly digest: where mail goes ({@code smtp}, or null for the outbox folder
 * {@code <data>/outbox}), the From address, the dashboard's public base URL for links (null:
 * {@code http://localhost:<port>}), when the scheduler sends (weekday and hour in the server's
 * zone), and the retries of a transient SMTP failure: {@code attempts} tries, waiting {@code
 * backoff}, then twice that, and so on, between them.
 */
public record DigestSettings(
    SmtpSettings smtp, String from, String publicUrl, DayOfWeek day, int hour, int attempts, Duration backoff) {
  /** The From address when none is configured. */
  public static final String DEFAULT_FROM = "ProductOpsDash <productopsdash@localhost>";
  /** The defaults: outbox, Monday 08:00, four tries 2 s, 4 s, 8 s apart. */
  public static final DigestSettings DEFAULTS =
      new DigestSettings(null, DEFAULT_FROM, null, DayOfWeek.MONDAY, 8, 4, Duration.ofSeconds(2));

  public DigestSettings {
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("a From address is required");
    }
    if (publicUrl != null && !(publicUrl.startsWith("http://") || publicUrl.startsWith("https://"))) {
      throw new IllegalArgumentException("the public URL must start with http:// or https://, got '" + publicUrl + "'");
    }
    if (day == null) {
      throw new IllegalArgumentException("a weekday is required");
    }
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("the digest hour must be within 0..23, got " + hour);
    }
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("attempts must be within 1..10, got " + attempts);
    }
    if (backoff == null || backoff.isNegative()) {
      throw new IllegalArgumentException("the backoff must not be negative");
    }
  }

  /** A copy with other retry settings (tests use short waits). */
  public DigestSettings withRetries(int attempts, Duration backoff) {
    return new DigestSettings(smtp, from, publicUrl, day, hour, attempts, backoff);
  }

  /** A copy sending through {@code smtp} (null: the outbox). */
  public DigestSettings withSmtp(SmtpSettings smtp) {
    return new DigestSettings(smtp, from, publicUrl, day, hour, attempts, backoff);
  }
}
