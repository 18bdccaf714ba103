package io.productopsdash.server.digest;

/**
 * How to reach the SMTP server. {@code ssl} is SMTP over TLS from the first byte (usually port
 * 465); {@code startTls} upgrades a plain connection and is then required (the send fails rather
 * than going out in clear text). The password is a secret: {@link #toString()} never shows it.
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, boolean ssl) {
  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("an SMTP host is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be within 1..65535, got " + port);
    }
    if (ssl && startTls) {
      throw new IllegalArgumentException("choose SSL (TLS from the start) or STARTTLS, not both");
    }
    if (password != null && (username == null || username.isBlank())) {
      throw new IllegalArgumentException("an SMTP password needs a username");
    }
    host = host.strip();
  }

  /** True when the server wants a login. */
  public boolean auth() {
    return username != null && !username.isBlank();
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + (username == null ? "none" : username)
        + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls + ", ssl=" + ssl + "]";
  }
}
