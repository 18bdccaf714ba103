package io.productopsdash.engine.digest;

import java.util.Objects;

/**
 * A digest as an email's parts: a one-line subject (no control characters), the HTML part and the
 * plain-text part.
 */
public record RenderedDigest(String subject, String html, String text) {
  /** Checks the subject is a single line. */
  public RenderedDigest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A subject must not hold control characters");
    }
  }
}
