package io.productopsdash.server.digest;

import jakarta.mail.MessagingException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sorts a delivery failure. Transient: the server could not be reached or talked to (connection
 * refused, timeouts, resets) or answered with a 4xx reply; worth retrying at once with backoff.
 * Permanent: a 5xx reply refusing the sender, recipient or message; retrying will not help. Any
 * other failure (a login refused, a TLS problem) is neither: it is recorded as failed and retried
 * at the next round, after the operator had a chance to fix the configuration.
 */
final class DeliveryFailures {
  enum Kind {
    TRANSIENT,
    PERMANENT,
    OTHER
  }

  private DeliveryFailures() {}

  static Kind classify(Exception e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++) {
      Integer code = replyCode(t);
      if (code != null) {
        return code >= 400 && code < 500 ? Kind.TRANSIENT : code >= 500 ? Kind.PERMANENT : Kind.OTHER;
      }
      if (t instanceof MailConnectException || t instanceof IOException) {
        return Kind.TRANSIENT;
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
      t = next == t ? null : next;
    }
    return Kind.OTHER;
  }

  /** A one-line description for the send log and the log file (never holds credentials). */
  static String describe(Exception e) {
    StringBuilder b = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 4; depth++) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        b.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
      t = next == t ? null : next;
    }
    String s = b.toString();
    return s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }

  private static Integer replyCode(Throwable t) {
    if (t instanceof SMTPSendFailedException s) {
      return s.getReturnCode();
    }
    if (t instanceof SMTPAddressFailedException s) {
      return s.getReturnCode();
    }
    if (t instanceof SMTPSenderFailedException s) {
      return s.getReturnCode();
    }
    return null;
  }
}
