package io.productopsdash.engine.text.redact;

import io.productopsdash.engine.text.redact.SecretScanner.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Removes personal data and secrets from a text and puts a typed placeholder in their place: {@code
 * [email]}, {@code [phone]}, {@code [card number]}, {@code [iban]}, {@code [crypto address]},
 * {@code [private key]}, {@code [seed phrase]} and, when built with a {@link PersonNameFinder},
 * {@code [name]}.
 *
 * <p>Patterns find candidates and checksums or context confirm them (Luhn, ISO 7064 mod 97,
 * bech32/bech32m, Base58Check double SHA-256, the BIP39 list with its checksum, a seed cue or a
 * list layout, a phone cue for ten bare North American digits; see {@code SecretScanner}), so near
 * misses stay: amounts, dates, versions, order numbers, short hex, a 16-digit number that fails
 * Luhn, an IBAN with a wrong check, a bech32 string with a broken checksum, an ordinary sentence
 * made of BIP39 words. Overlapping detections merge into one span that takes the kind of its
 * longest detection (ties by {@link RedactionKind} order), so the output is deterministic. Existing
 * placeholders are left alone: redacting a redacted text changes nothing.
 *
 * <p>Immutable and thread-safe; {@link #regexOnly()} needs no model and is cheap enough for the
 * answer POST path, {@link #withNames} adds a name finder for the enrichment stage.
 */
public final class Redactor {
  private static final Redactor REGEX_ONLY = new Redactor(null);

  private static final Comparator<Hit> BY_POSITION =
      Comparator.comparingInt(Hit::start)
          .thenComparing(Comparator.comparingInt(Hit::end).reversed());

  private final PersonNameFinder names;

  private Redactor(PersonNameFinder names) {
    this.names = names;
  }

  /** The pattern-and-checksum redactor: everything but person names. */
  public static Redactor regexOnly() {
    return REGEX_ONLY;
  }

  /** The pattern-and-checksum redactor plus person names from {@code names}. */
  public static Redactor withNames(PersonNameFinder names) {
    return new Redactor(Objects.requireNonNull(names, "names"));
  }

  /** Redacts {@code text}; the result does not hold the original. */
  public Redaction redact(String text) {
    Objects.requireNonNull(text, "text");
    List<Hit> hits = new ArrayList<>();
    SecretScanner.scan(text, hits);
    if (names != null) {
      for (PersonNameFinder.Mention m : names.find(text)) {
        if (m.end() > text.length()) {
          throw new IllegalStateException(
              "Name finder returned " + m + " for a text of length " + text.length());
        }
        hits.add(new Hit(RedactionKind.NAME, m.start(), m.end()));
      }
    }
    if (hits.isEmpty()) {
      return new Redaction(text, List.of());
    }
    dropHitsOnPlaceholders(text, hits);
    return apply(text, merge(hits));
  }

  /** Overlapping hits become one; the longest hit of a group names its kind. */
  static List<Hit> merge(List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(BY_POSITION);
    List<Hit> merged = new ArrayList<>();
    Hit best = null;
    int start = -1;
    int end = -1;
    for (Hit h : sorted) {
      if (best != null && h.start() < end) {
        end = Math.max(end, h.end());
        if (longer(h, best)) {
          best = h;
        }
        continue;
      }
      if (best != null) {
        merged.add(new Hit(best.kind(), start, end));
      }
      best = h;
      start = h.start();
      end = h.end();
    }
    if (best != null) {
      merged.add(new Hit(best.kind(), start, end));
    }
    return merged;
  }

  private static boolean longer(Hit a, Hit b) {
    int la = a.end() - a.start();
    int lb = b.end() - b.start();
    return la > lb || (la == lb && a.kind().ordinal() < b.kind().ordinal());
  }

  private static Redaction apply(String text, List<Hit> merged) {
    StringBuilder out = new StringBuilder(text.length());
    List<Redaction.Span> spans = new ArrayList<>(merged.size());
    int position = 0;
    for (Hit h : merged) {
      out.append(text, position, h.start());
      int at = out.length();
      out.append(h.kind().placeholder());
      spans.add(new Redaction.Span(h.kind(), at, out.length()));
      position = h.end();
    }
    out.append(text, position, text.length());
    return new Redaction(out.toString(), spans);
  }

  /* A name finder may tag the word inside "[name]": a placeholder is never redacted again, and
   * a hit that reaches into one keeps only its parts outside, so "[name] Smith" still loses Smith. */
  private static void dropHitsOnPlaceholders(String text, List<Hit> hits) {
    if (text.indexOf('[') < 0) {
      return;
    }
    List<int[]> placeholders = new ArrayList<>();
    for (RedactionKind kind : RedactionKind.values()) {
      String p = kind.placeholder();
      for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length())) {
        placeholders.add(new int[] {i, i + p.length()});
      }
    }
    if (placeholders.isEmpty()) {
      return;
    }
    List<Hit> kept = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      List<Hit> pieces = new ArrayList<>(List.of(h));
      for (int[] p : placeholders) {
        List<Hit> next = new ArrayList<>();
        for (Hit piece : pieces) {
          if (piece.start() < p[1] && p[0] < piece.end()) {
            addIfWordy(text, piece.kind(), piece.start(), p[0], next);
            addIfWordy(text, piece.kind(), p[1], piece.end(), next);
          } else {
            next.add(piece);
          }
        }
        pieces = next;
      }
      kept.addAll(pieces);
    }
    hits.clear();
    hits.addAll(kept);
  }

  private static void addIfWordy(
      String text, RedactionKind kind, int start, int end, List<Hit> out) {
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(new Hit(kind, start, end));
    }
  }
}
