package io.productopsdash.engine.text.redact;

/**
 * What a redacted span was, and the placeholder that replaces it. The declaration order is the
 * priority used when overlapping detections of equal length are merged into one span.
 */
public enum RedactionKind {
  SEED_PHRASE("[seed phrase]"),
  PRIVATE_KEY("[private key]"),
  API_KEY("[api key]"),
  PASSWORD("[password]"),
  CRYPTO_ADDRESS("[crypto address]"),
  CARD_NUMBER("[card number]"),
  IBAN("[iban]"),
  NATIONAL_ID("[national id]"),
  EMAIL("[email]"),
  PHONE("[phone]"),
  IP_ADDRESS("[ip address]"),
  NAME("[name]");

  private final String placeholder;

  RedactionKind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The kind whose placeholder is {@code placeholder}, or null. */
  public static RedactionKind ofPlaceholder(String placeholder) {
    for (RedactionKind k : values()) {
      if (k.placeholder.equals(placeholder)) {
        return k;
      }
    }
    return null;
  }

  /** Every kind's {@link #label()}, in declaration order. */
  public static java.util.List<String> labels() {
    return java.util.Arrays.stream(values()).map(RedactionKind::label).toList();
  }

  /** The name used in reports and JSON: the placeholder without brackets, e.g. {@code card number}. */
  public String label() {
    return placeholder.substring(1, placeholder.length() - 1);
  }

  /** The text that replaces a span of this kind, for example {@code [card number]}. */
  public String placeholder() {
    return placeholder;
  }
}
