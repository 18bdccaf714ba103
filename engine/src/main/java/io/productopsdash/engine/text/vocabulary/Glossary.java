package io.productopsdash.engine.text.vocabulary;

import io.productopsdash.engine.text.redact.Redaction;
import io.productopsdash.engine.text.redact.Redactor;
import io.productopsdash.models.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terms a PM adds to the product vocabulary, validated: at most {@link #MAX_TERMS} terms of 1
 * to {@link #MAX_TERM_LENGTH} characters without control characters (each error names {@code
 * terms}), and no term shaped like a secret (an email address, a phone or card number, or anything
 * the secret patterns remove), since secrets are always removed and a glossary must not look as if
 * it could keep one. Terms are stripped, duplicates (ignoring case) dropped, order kept.
 *
 * @param terms the validated terms
 */
public record Glossary(List<String> terms) {
  /** Most terms in a glossary. */
  public static final int MAX_TERMS = 5_000;

  /** Most characters in a term. */
  public static final int MAX_TERM_LENGTH = 100;

  /* Digits in a term from which it could be a phone or card number. */
  private static final int MAX_DIGITS = 6;

  public Glossary {
    if (terms == null) {
      throw new InvalidInputException("terms", "is required: a list of strings");
    }
    if (terms.size() > MAX_TERMS) {
      throw new InvalidInputException(
          "terms", "has " + terms.size() + " terms, at most " + MAX_TERMS + " are allowed");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      String term = check(terms.get(i), i);
      if (seen.add(term.toLowerCase(Locale.ROOT))) {
        kept.add(term);
      }
    }
    terms = List.copyOf(kept);
  }

  /** No terms. */
  public static Glossary empty() {
    return new Glossary(List.of());
  }

  private static String check(String raw, int index) {
    String at = "term " + (index + 1);
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("terms", at + " is empty");
    }
    String term = raw.strip();
    if (term.length() > MAX_TERM_LENGTH) {
      throw new InvalidInputException(
          "terms", at + " has " + term.length() + " characters, at most " + MAX_TERM_LENGTH);
    }
    for (int i = 0; i < term.length(); i++) {
      if (Character.isISOControl(term.charAt(i))) {
        throw new InvalidInputException("terms", at + " contains a control character");
      }
    }
    String shape = secretShape(term);
    if (shape != null) {
      throw new InvalidInputException(
          "terms",
          "\"" + term + "\" looks like " + shape
              + "; secrets are always removed, so it cannot be a product term");
    }
    return term;
  }

  /** What secret {@code term} is shaped like, or null. */
  static String secretShape(String term) {
    if (term.indexOf('@') >= 0) {
      return "an email address";
    }
    int digits = 0;
    for (int i = 0; i < term.length(); i++) {
      digits += Character.isDigit(term.charAt(i)) ? 1 : 0;
    }
    if (digits > MAX_DIGITS) {
      return "a phone or card number";
    }
    Redaction r = Redactor.regexOnly().redact(term);
    if (r.changed()) {
      return "a secret (" + r.spans().get(0).kind().label() + ")";
    }
    return null;
  }
}
