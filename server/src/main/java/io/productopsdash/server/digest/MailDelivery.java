package io.productopsdash.server.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Where digest messages go: an SMTP server ({@link SmtpDelivery}) or the outbox folder ({@link OutboxDelivery}). */
public interface MailDelivery {
  /** The mail session messages for this delivery are built in. */
  Session session();

  /** Hands {@code message} on for {@code recipient}; returns where it went, for the log. */
  String deliver(MimeMessage message, String recipient) throws MessagingException, IOException;

  /** What this delivery is, for the log (never a secret). */
  String describe();
}
