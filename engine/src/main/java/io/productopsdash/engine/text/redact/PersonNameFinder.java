package io.productopsdash.engine.text.redact;

import java.util.List;

/**
 * Finds person names in a text, for {@link Redactor}. Implementations must be safe to call from
 * several threads at once. The production one is {@link CoreNlpPersonNameFinder}; the regex part of
 * the redactor works without any.
 */
@FunctionalInterface
public interface PersonNameFinder {
  /**
   * A person name at {@code [start, end)} in the text given to {@link #find}.
   *
   * @param start offset of the first character (inclusive)
   * @param end offset after the last character (exclusive)
   */
  record Mention(int start, int end) {
    public Mention {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("Invalid mention range: [" + start + ", " + end + ")");
      }
    }
  }

  /** The person names in {@code text}, in any order; overlapping mentions are allowed. */
  List<Mention> find(String text);
}
