package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalisation and sentence splitting for request detection. Case is kept (the request phrase
 * is cut from this text); every later pattern is case-insensitive.
 *
 * <p>Review text is informal: apostrophes are curly, missing or replaced by two spaces ({@code
 * "I  m"}, {@code "don  t"}), "please" is spelt {@code plz}, {@code pls}, {@code plis}, and
 * punctuation between sentences is often lost. The rules are simpler when these are undone once.
 */
final class RequestText {
  private RequestText() {}

  private static final Pattern LITERAL_ESCAPE = Pattern.compile("\\\\[nrt]");
  private static final Pattern CURLY_SINGLE = Pattern.compile("[\u2018\u2019\u201B\u00B4`]");
  private static final Pattern CURLY_DOUBLE = Pattern.compile("[\u201C\u201D\u201E]");
  // "don  t", "I  m": an apostrophe lost and replaced by two spaces.
  private static final Pattern SPACED_APOSTROPHE =
      Pattern.compile("(?i)\\b(\\p{L}+)\\s{2}(t|s|m|d|ll|re|ve)\\b");
  private static final Pattern MISSING_APOSTROPHE =
      Pattern.compile(
          "(?i)\\b(do|does|did|ca|wo|is|are|was|were|should|would|could|have|has|had|must|need)"
              + "(nt)\\b");
  // "im", "ive"; "Ill" only capitalised ("ill" is a word).
  private static final Pattern I_AM = Pattern.compile("(?i:\\bi(m|ve)\\b)|\\bI(ll)\\b");
  private static final Pattern PLEASE =
      Pattern.compile("(?i)\\b(ple+a+s+e*|pl[sz]+e*|plis|plse|pleez|pliz|plez)\\b");
  // "editingplz add": a please glued to the previous word.
  private static final Pattern GLUED_PLEASE = Pattern.compile("(?<=\\p{Ll}{3})(?:plz|pls)\\b");
  private static final Pattern YOU =
      Pattern.compile("(?i)\\b(?:u|yu|ya|y'all|y all|yall|you all|you guys)\\b(?!\\.s\\.)");
  private static final Pattern YOUR = Pattern.compile("(?i)\\bur\\b");
  private static final Pattern WANNA = Pattern.compile("(?i)\\bwanna\\b");
  private static final Pattern GONNA = Pattern.compile("(?i)\\bgonna\\b");
  private static final Pattern MODAL_OF =
      Pattern.compile("(?i)\\b(would|could|should|might|must)\\s+of\\b");
  private static final Pattern HTML_ENTITY = Pattern.compile("&(amp|quot|#39|apos|lt|gt);");
  private static final Pattern SPACES = Pattern.compile("[ \\u00A0]+");

  // Sentence boundaries: line breaks and tabs (a review's title is followed by a tab), end
  // punctuation, two or more spaces (punctuation stripped by the source), and a capitalised
  // discourse marker glued to the previous sentence ("great layout But I wish ...").
  private static final Pattern HARD_BREAK = Pattern.compile("[\\r\\n\\t]+|\\s{2,}");
  private static final Pattern SOFT_BREAK =
      Pattern.compile(
          "(?<=[.!?;])\\s+|(?<=\\.\\.)(?=\\S)|(?<=[!?])(?=\\p{L})"
              + "|(?<=\\p{Ll})(?<!\\b(?:But|And|So|Also|Just|Only|However|Otherwise|Please))"
              + "\\s+(?=(?:But|However|Also|Otherwise|Please|Just wish|I wish"
              + "|Would|It would|Only|Wish)\\b)");

  /** The text with apostrophes, entities, "please" and "you" spellings normalised. */
  static String normalize(String text) {
    String t = LITERAL_ESCAPE.matcher(text).replaceAll("\n");
    t = HTML_ENTITY.matcher(t).replaceAll(RequestText::entity);
    t = CURLY_SINGLE.matcher(t).replaceAll("'");
    t = CURLY_DOUBLE.matcher(t).replaceAll("\"");
    t = SPACED_APOSTROPHE.matcher(t).replaceAll("$1'$2");
    t = MISSING_APOSTROPHE.matcher(t).replaceAll("$1n't");
    t = I_AM.matcher(t).replaceAll(m -> "I'" + (m.group(1) != null ? m.group(1) : m.group(2)));
    t = GLUED_PLEASE.matcher(t).replaceAll(" please");
    t = PLEASE.matcher(t).replaceAll("please");
    t = YOU.matcher(t).replaceAll("you");
    t = YOUR.matcher(t).replaceAll("your");
    t = WANNA.matcher(t).replaceAll("want to");
    t = GONNA.matcher(t).replaceAll("going to");
    t = MODAL_OF.matcher(t).replaceAll("$1 have");
    return t;
  }

  private static String entity(java.util.regex.MatchResult m) {
    switch (m.group(1)) {
      case "amp":
        return "&";
      case "quot":
        return "\"";
      case "lt":
        return "<";
      case "gt":
        return ">";
      default:
        return "'";
    }
  }

  /** The normalised text cut into sentences, trimmed, empty ones dropped, single spaces. */
  static List<String> sentences(String text) {
    String normalized = normalize(text);
    List<String> out = new ArrayList<>();
    for (String block : HARD_BREAK.split(normalized)) {
      for (String s : SOFT_BREAK.split(block)) {
        String trimmed = SPACES.matcher(s).replaceAll(" ").strip();
        if (!trimmed.isEmpty()) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }

  /** Offset of the end of the clause starting at {@code from}: punctuation or a conjunction. */
  static int clauseEnd(String sentence, int from) {
    Matcher m = CLAUSE_BREAK.matcher(sentence);
    return m.find(from) ? m.start() : sentence.length();
  }

  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "[,;:.!?()\\[\\]\"]|\\s[-\u2013\u2014]\\s|(?i)\\s(?:but|however|because|cause|cuz|since"
              + "|though|although|otherwise|except|unless|whereas|instead|also|plus|thanks"
              + "|then|thank you|and (?:i|it|the|this|please|also|then))\\b");
}
