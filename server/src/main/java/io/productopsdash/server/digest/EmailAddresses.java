package io.productopsdash.server.digest;

import io.productopsdash.models.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validation of subscriber addresses: a bare RFC 5322 addr-spec ({@code name@example.com}), no
 * display name, no whitespace or control characters, a dotted domain, at most 254 characters (the
 * SMTP path limit). Jakarta Mail's strict parser does the grammar.
 */
public final class EmailAddresses {
  /** Subscribers per survey. */
  public static final int MAX_SUBSCRIBERS = 200;
  static final int MAX_LENGTH = 254;

  private EmailAddresses() {}

  /** {@code text} as a valid address, stripped; else a 400 naming {@code field} and the address. */
  public static String parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must be an email address, got nothing");
    }
    String address = text.strip();
    String shown = shown(address);
    if (address.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "'" + shown + "' is longer than " + MAX_LENGTH + " characters");
    }
    if (address.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
      throw new InvalidInputException(field, "'" + shown + "' is not a valid email address (it holds spaces or control characters)");
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at != address.indexOf('@') || at == address.length() - 1
        || !address.substring(at + 1).contains(".") || address.endsWith(".")) {
      throw new InvalidInputException(field, "'" + shown + "' is not a valid email address (expected name@example.com)");
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
        throw new AddressException("not a bare address");
      }
    } catch (AddressException e) {
      throw new InvalidInputException(field, "'" + shown + "' is not a valid email address (expected name@example.com)");
    }
    return address;
  }

  /**
   * Parses a subscriber list: every address valid (the first bad one is named with its index),
   * duplicates (ignoring case) kept once in their first spelling.
   */
  public static List<String> parseAll(List<String> texts, String field) {
    if (texts.size() > MAX_SUBSCRIBERS) {
      throw new InvalidInputException(field, "at most " + MAX_SUBSCRIBERS + " subscribers, got " + texts.size());
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < texts.size(); i++) {
      String address;
      try {
        address = parse(texts.get(i), field);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(field, "item " + i + ": " + e.rule());
      }
      if (seen.add(address.toLowerCase(Locale.ROOT))) {
        out.add(address);
      }
    }
    return out;
  }

  private static String shown(String s) {
    String flat = s.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
  }
}
