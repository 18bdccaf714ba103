package io.productopsdash.server.digest;

import io.productopsdash.engine.digest.RenderedDigest;
import io.productopsdash.models.WeekId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds a digest email: {@code multipart/alternative} with the plain-text part first and the HTML
 * part last (mail readers show the last part they can), UTF-8, a Message-ID made here (so the send
 * log knows it before the message leaves), Date, From, To and {@code Auto-Submitted:
 * auto-generated} (RFC 3834, so auto-responders stay quiet).
 */
public final class DigestMail {
  private DigestMail() {}

  /** A Message-ID naming the series and week, unique by a random UUID, in the From address's domain. */
  public static String messageId(long seriesId, WeekId week, InternetAddress from) {
    String address = from.getAddress();
    String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (!domain.matches("[a-z0-9.-]+")) {
      domain = "productopsdash.invalid";
    }
    return "<digest." + seriesId + "." + week + "." + UUID.randomUUID() + "@" + domain + ">";
  }

  /** The From address of {@code text} (an address with an optional display name). */
  public static InternetAddress from(String text) {
    try {
      InternetAddress from = new InternetAddress(text, true);
      from.validate();
      return from;
    } catch (AddressException e) {
      throw new IllegalArgumentException("the From address is not valid: '" + text + "'", e);
    }
  }

  public static MimeMessage build(
      Session session, RenderedDigest digest, InternetAddress from, String to, String messageId, Instant date)
      throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(digest.subject(), "UTF-8");
    message.setSentDate(Date.from(date));
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(digest.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(digest.html(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /* Jakarta Mail makes up a Message-ID on saveChanges(); this one keeps ours. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
