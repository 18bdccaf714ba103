package io.productopsdash.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures are retried at once, which are refusals, and which wait for the next round. */
class DeliveryFailuresTest {
  @Test
  void unreachableServersAndFourHundredRepliesAreTransient() throws Exception {
    assertThat(DeliveryFailures.classify(
            new MailConnectException(new SocketConnectException("refused", new ConnectException("Connection refused"), "h", 25, 1000))))
        .isEqualTo(DeliveryFailures.Kind.TRANSIENT);
    assertThat(DeliveryFailures.classify(new MessagingException("read", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(DeliveryFailures.Kind.TRANSIENT);
    InternetAddress to = new InternetAddress("ann@example.com");
    SMTPAddressFailedException greylisted = new SMTPAddressFailedException(to, "RCPT TO:<ann@example.com>", 451, "451 try later");
    assertThat(DeliveryFailures.classify(new SendFailedException("Invalid Addresses", greylisted, new Address[0], new Address[0], new Address[] {to})))
        .isEqualTo(DeliveryFailures.Kind.TRANSIENT);
    assertThat(DeliveryFailures.classify(new SMTPSendFailedException("DATA", 452, "452 mailbox full", null, null, null, null)))
        .isEqualTo(DeliveryFailures.Kind.TRANSIENT);
  }

  @Test
  void fiveHundredRepliesArePermanentAndOtherFailuresWaitForTheNextRound() throws Exception {
    InternetAddress to = new InternetAddress("nobody@example.com");
    SMTPAddressFailedException unknown = new SMTPAddressFailedException(to, "RCPT TO:<nobody@example.com>", 550, "550 no such user");
    assertThat(DeliveryFailures.classify(new SendFailedException("Invalid Addresses", unknown, new Address[0], new Address[0], new Address[] {to})))
        .isEqualTo(DeliveryFailures.Kind.PERMANENT);
    assertThat(DeliveryFailures.classify(new AuthenticationFailedException("535 bad credentials")))
        .isEqualTo(DeliveryFailures.Kind.OTHER);
    assertThat(DeliveryFailures.describe(new MessagingException("outer\r\nline", new ConnectException("Connection refused"))))
        .isEqualTo("MessagingException: outer line <- ConnectException: Connection refused");
  }
}
