package io.productopsdash.engine.text.redact;

/**
 * What a redacted span was, and the placeholder that replaces it. The declaration order is the
 * priority used when overlapping detections of equal length are merged into one span.
 */
public enum RedactionKind {
  SEED_PHRASE("[seed phrase]"),
  PRIVATE_KEY("[private key]"),
  CRYPTO_ADDRESS("[crypto address]"),
  CARD_NUMBER("[card number]"),
  IBAN("[iban]"),
  EMAIL("[email]"),
  PHONE("[phone]"),
  NAME("[name]");

  private final String placeholder;

  RedactionKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The text that replaces a span of this kind, for example {@code [card number]}. */
  public String placeholder() {
    return placeholder;
  }
}
