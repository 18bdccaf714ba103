package io.productopsdash.server.digest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus). Timeouts are bounded so a hanging server
 * cannot stall the scheduler; with STARTTLS configured the upgrade is required, and with TLS the
 * server's certificate must match its host name.
 */
public final class SmtpDelivery implements MailDelivery {
  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int IO_TIMEOUT_MS = 30_000;

  private final SmtpSettings settings;
  private final Session session;

  public SmtpDelivery(SmtpSettings settings, String envelopeFrom) {
    this.settings = settings;
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
    p.put("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
    p.put("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
    p.put("mail.smtp.from", envelopeFrom);
    p.put("mail.smtp.auth", Boolean.toString(settings.auth()));
    if (settings.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (settings.ssl()) {
      p.put("mail.smtp.ssl.enable", "true");
    }
    if (settings.ssl() || settings.startTls()) {
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(p);
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public String deliver(MimeMessage message, String recipient) throws MessagingException {
    Address[] to = {new InternetAddress(recipient, true)};
    if (settings.auth()) {
      Transport.send(message, to, settings.username(), settings.password() == null ? "" : settings.password());
    } else {
      Transport.send(message, to);
    }
    return "smtp://" + settings.host() + ":" + settings.port();
  }

  @Override
  public String describe() {
    return "SMTP " + settings.host() + ":" + settings.port() + (settings.ssl() ? " (TLS)" : settings.startTls() ? " (STARTTLS)" : "");
  }
}
