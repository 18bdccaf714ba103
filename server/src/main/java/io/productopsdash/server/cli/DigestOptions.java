package io.productopsdash.server.cli;

import io.productopsdash.server.digest.DigestMail;
import io.productopsdash.server.digest.DigestSettings;
import io.productopsdash.server.digest.SmtpSettings;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options of the weekly digest, shared by {@code serve} and {@code digest}. Each resolves from the
 * option, else the environment variable ({@code PRODUCTOPSDASH_SMTP_HOST}, {@code _SMTP_PORT},
 * {@code _SMTP_USERNAME}, {@code _SMTP_PASSWORD}, {@code _SMTP_STARTTLS}, {@code _SMTP_SSL}, {@code
 * _SMTP_FROM}, {@code _PUBLIC_URL}, {@code _DIGEST_DAY}, {@code _DIGEST_HOUR}), else the config file
 * (keys as the long option names), else the default. Without an SMTP host digests go to the outbox
 * folder. The password is best given by the environment or the config file (an option is visible
 * in the process list); it is never printed.
 */
public final class DigestOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--smtp-host", description = "SMTP server for the weekly digest (default: none, digests go to <data>/outbox).")
  String smtpHost;

  @Option(names = "--smtp-port", description = "SMTP port (default 587, or 465 with --smtp-ssl).")
  String smtpPort;

  @Option(names = "--smtp-username", description = "SMTP login name (default: no login).")
  String smtpUsername;

  @Option(names = "--smtp-password", description = "SMTP password; prefer PRODUCTOPSDASH_SMTP_PASSWORD.")
  String smtpPassword;

  @Option(names = "--smtp-starttls", paramLabel = "true|false", description = "Require STARTTLS (default true unless --smtp-ssl).")
  String smtpStartTls;

  @Option(names = "--smtp-ssl", paramLabel = "true|false", description = "TLS from the first byte, usually port 465 (default false).")
  String smtpSsl;

  @Option(names = "--smtp-from", description = "From address of digests (default: " + DigestSettings.DEFAULT_FROM + ").")
  String smtpFrom;

  @Option(names = "--public-url", description = "Base URL of the dashboard for links in digests (default http://localhost:<port>).")
  String publicUrl;

  @Option(names = "--digest-day", description = "Weekday the digest of the last week is sent (default MONDAY).")
  String digestDay;

  @Option(names = "--digest-hour", description = "Hour (0-23, in --zone) the digest is sent (default 8).")
  String digestHour;

  /** Every digest setting; {@code file} is the config file's settings. */
  DigestSettings resolve(Map<String, String> env, Properties file) {
    String host = ServeOptions.pick(smtpHost, env, "PRODUCTOPSDASH_SMTP_HOST", file, "smtp-host", null);
    boolean ssl = bool(ServeOptions.pick(smtpSsl, env, "PRODUCTOPSDASH_SMTP_SSL", file, "smtp-ssl", "false"), "smtp-ssl");
    boolean startTls =
        bool(ServeOptions.pick(smtpStartTls, env, "PRODUCTOPSDASH_SMTP_STARTTLS", file, "smtp-starttls", ssl ? "false" : "true"), "smtp-starttls");
    String from = ServeOptions.pick(smtpFrom, env, "PRODUCTOPSDASH_SMTP_FROM", file, "smtp-from", DigestSettings.DEFAULT_FROM);
    String url = ServeOptions.pick(publicUrl, env, "PRODUCTOPSDASH_PUBLIC_URL", file, "public-url", null);
    String dayText = ServeOptions.pick(digestDay, env, "PRODUCTOPSDASH_DIGEST_DAY", file, "digest-day", "MONDAY");
    int hour = integer(ServeOptions.pick(digestHour, env, "PRODUCTOPSDASH_DIGEST_HOUR", file, "digest-hour", "8"), "digest-hour", 0, 23);
    DayOfWeek day;
    try {
      day = DayOfWeek.valueOf(dayText.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("digest-day must be a weekday such as MONDAY, got '" + dayText + "'");
    }
    try {
      DigestMail.from(from);
    } catch (IllegalArgumentException e) {
      throw bad("smtp-from must be an address such as 'Ops <ops@example.com>', got '" + from + "'");
    }
    SmtpSettings smtp = null;
    if (host != null && !host.isBlank()) {
      int port = integer(ServeOptions.pick(smtpPort, env, "PRODUCTOPSDASH_SMTP_PORT", file, "smtp-port", ssl ? "465" : "587"), "smtp-port", 1, 65535);
      String user = ServeOptions.pick(smtpUsername, env, "PRODUCTOPSDASH_SMTP_USERNAME", file, "smtp-username", null);
      String password = ServeOptions.pick(smtpPassword, env, "PRODUCTOPSDASH_SMTP_PASSWORD", file, "smtp-password", null);
      try {
        smtp = new SmtpSettings(host, port, user, password, startTls, ssl);
      } catch (IllegalArgumentException e) {
        throw bad("SMTP settings: " + e.getMessage());
      }
    }
    try {
      return new DigestSettings(
          smtp, from.strip(), url == null || url.isBlank() ? null : url.strip(), day, hour, DigestSettings.DEFAULTS.attempts(),
          DigestSettings.DEFAULTS.backoff());
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private boolean bool(String text, String name) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    throw bad(name + " must be true or false, got '" + text + "'");
  }

  private int integer(String text, String name, int min, int max) {
    try {
      int v = Integer.parseInt(text.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name + " must be a number within " + min + ".." + max + ", got '" + text + "'");
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
