package io.productopsdash.engine.text.redact;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of redacting one text: the redacted text and where its placeholders are. It never
 * holds the original text, nor the length or position of anything that was removed.
 *
 * @param text the text with every detection replaced by its kind's placeholder
 * @param spans the placeholders in {@code text}, in order, never overlapping
 */
public record Redaction(String text, List<Span> spans) {
  /**
   * One placeholder in the redacted text: {@code text.substring(start, end)} is {@code
   * kind.placeholder()}.
   *
   * @param kind what was removed
   * @param start offset of the placeholder in the redacted text (inclusive)
   * @param end offset of the placeholder's end in the redacted text (exclusive)
   */
  public record Span(RedactionKind kind, int start, int end) {
    public Span {
      Objects.requireNonNull(kind, "kind");
      if (start < 0 || end - start != kind.placeholder().length()) {
        throw new IllegalArgumentException(
            "Invalid span for " + kind + ": [" + start + ", " + end + ")");
      }
    }
  }

  public Redaction {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    int previousEnd = 0;
    for (Span s : spans) {
      if (s.start() < previousEnd || s.end() > text.length()) {
        throw new IllegalArgumentException(
            "Invalid span " + s + " in a text of length " + text.length());
      }
      if (!text.startsWith(s.kind().placeholder(), s.start())) {
        throw new IllegalArgumentException("Span " + s + " does not cover its placeholder");
      }
      previousEnd = s.end();
    }
  }

  /** True when at least one span was redacted. */
  public boolean changed() {
    return !spans.isEmpty();
  }

  /**
   * As {@link #counts()}, keyed by {@link RedactionKind#label()} ("card number"): the form stored in
   * the redaction report and shown by the API.
   */
  public Map<String, Integer> countsByLabel() {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    counts().forEach((k, n) -> out.put(k.label(), n));
    return out;
  }

  /** How many spans of each kind were redacted; kinds with none are absent. */
  public Map<RedactionKind, Integer> counts() {
    Map<RedactionKind, Integer> counts = new EnumMap<>(RedactionKind.class);
    for (Span s : spans) {
      counts.merge(s.kind(), 1, Integer::sum);
    }
    return counts;
  }
}
