package io.productopsdash.engine.text.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders redaction leaves in stored text ({@code [name]}, {@code [email]}...), for the
 * stages that read stored text and must not take them for words: theme labels and keywords,
 * feature-request names. Stateless and thread-safe.
 */
public final class Placeholders {
  private static final Pattern ANY;

  static {
    StringBuilder alternatives = new StringBuilder();
    for (RedactionKind k : RedactionKind.values()) {
      alternatives.append(alternatives.length() > 0 ? "|" : "").append(Pattern.quote(k.placeholder()));
    }
    ANY = Pattern.compile(alternatives.toString());
  }

  private Placeholders() {}

  /** Where placeholders are in {@code text}: {@code [start, end)} ranges, in order. */
  public static List<int[]> find(String text) {
    List<int[]> out = new ArrayList<>();
    if (text.indexOf('[') < 0) {
      return out;
    }
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  /** {@code text} with every placeholder replaced by a space, so no word is made of one. */
  public static String blankedOut(String text) {
    return text.indexOf('[') < 0 ? text : ANY.matcher(text).replaceAll(" ");
  }

  /** The offset of the first placeholder in {@code text}, or -1. */
  public static int firstIn(String text) {
    if (text.indexOf('[') < 0) {
      return -1;
    }
    Matcher m = ANY.matcher(text);
    return m.find() ? m.start() : -1;
  }
}
