package io.productopsdash.server.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * Writes each message as an RFC 5322 {@code .eml} file into the outbox folder (used when no SMTP
 * server is configured). A file appears whole or not at all: it is written and synced under a
 * temporary name, then renamed. The name is the recipient and the Message-ID's local part with
 * everything but letters, digits, dot, dash and underscore replaced.
 */
public final class OutboxDelivery implements MailDelivery {
  private final Path folder;
  private final Session session = Session.getInstance(new Properties());

  public OutboxDelivery(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public String deliver(MimeMessage message, String recipient) throws MessagingException, IOException {
    Files.createDirectories(folder);
    String id = message.getMessageID() == null ? "message" : message.getMessageID().replaceAll("[<>]", "");
    int at = id.indexOf('@');
    String name = safe(recipient) + "_" + safe(at > 0 ? id.substring(0, at) : id) + ".eml";
    Path target = folder.resolve(name);
    Path temporary = Files.createTempFile(folder, ".writing-", ".part");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = Channels.newOutputStream(channel)) {
        message.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target.toString();
  }

  @Override
  public String describe() {
    return "outbox " + folder.toAbsolutePath();
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
