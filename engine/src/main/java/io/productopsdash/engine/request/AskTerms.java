package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thing an ask names, as normalised terms: lower case, singular, synonyms and abbreviations
 * mapped through {@link AskVocabulary} ("ln" and "Lightning Network" are both {@code lightning}),
 * words that only carry the asking ("support", "add", "option", "please", "app") dropped. Words
 * after a preposition are marked as arguments ("bridge <em>to Base</em>"): they say where or with
 * what, and weigh less than the head; when the head names nothing ("support for Solana"), the
 * first argument becomes the head.
 */
public final class AskTerms {
  private AskTerms() {}

  /**
   * One term of an ask.
   *
   * @param term the canonical, lower-case term
   * @param display how it was written (or the vocabulary's display form)
   * @param argument true when it follows a preposition
   * @param entity true for a named thing of the vocabulary
   */
  public record Term(String term, String display, boolean argument, boolean entity) {
    public Term {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(display, "display");
    }
  }

  private static final Pattern REDACTED = Pattern.compile("\\[[a-z][a-z _-]{0,30}\\]");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'@.]*");
  private static final Set<String> PREPOSITIONS =
      Set.of(
          "to", "from", "between", "on", "in", "into", "for", "with", "over", "at", "like", "via",
          "by", "without", "instead", "inside", "within", "than", "when", "while", "if", "so",
          "because", "before", "after", "during", "across", "through", "next", "as", "of");
  /** Words that carry the asking or nothing at all, not the thing asked for. */
  static final Set<String> GENERIC =
      Set.of(
          "a", "an", "the", "my", "our", "your", "their", "its", "me", "us", "i", "we", "you",
          "it", "this", "that", "these", "those", "some", "any", "more", "other", "another",
          "each", "every", "all", "own", "same", "please", "support", "supported", "supporting",
          "add", "adding", "added", "allow", "allowing", "let", "enable", "make", "give", "get",
          "have", "having", "see", "seeing", "show", "use", "using", "want", "like", "love",
          "need", "option", "ability", "feature", "way", "possibility", "function",
          "functionality", "integration", "integrate", "app", "application", "able", "be", "and",
          "or", "also", "just", "so", "too", "here", "there", "directly", "thing", "new",
          "better", "good", "great", "nice", "would", "could", "can", "will", "again", "right",
          "now", "only", "still", "really", "version", "mode", "button", "setting", "toggle",
          "tab", "possible", "choose", "set", "up", "one", "two", "is", "are", "was", "it's",
          "i'd", "i'm", "much", "many", "very", "simple", "easy", "easier", "quick", "there's",
          "lot", "bit", "something", "someone", "people", "friend", "time", "day", "i've",
          "finally", "already", "automatically", "properly", "perfect", "ideal", "useful",
          "handy", "which", "what", "how", "where", "who", "not", "no", "do", "does", "did",
          "them", "they", "he", "she", "ok", "okay");

  /** The terms of an English ask phrase, in order, each once. */
  public static List<Term> of(String phrase) {
    Objects.requireNonNull(phrase, "phrase");
    List<String> words = new ArrayList<>();
    List<String> written = new ArrayList<>();
    // Redaction tokens ("[name]", "[email]") stand for what was removed, not for a thing asked for.
    String text = REDACTED.matcher(phrase).replaceAll(" ");
    Matcher m = TOKEN.matcher(text.replace('-', ' ').replace('_', ' '));
    while (m.find()) {
      String w = m.group();
      while (w.endsWith(".") || w.endsWith("'")) {
        w = w.substring(0, w.length() - 1);
      }
      if (!w.isEmpty()) {
        written.add(w);
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    AskVocabulary vocabulary = AskVocabulary.standard();
    Map<String, Term> out = new LinkedHashMap<>();
    boolean argument = false;
    int i = 0;
    while (i < words.size()) {
      Optional<AskVocabulary.Entry> entry = Optional.empty();
      int used = 1;
      for (int len = Math.min(AskVocabulary.MAX_WORDS, words.size() - i); len >= 1 && entry.isEmpty(); len--) {
        entry = vocabulary.phrase(String.join(" ", words.subList(i, i + len)));
        used = len;
      }
      if (entry.isPresent()) {
        AskVocabulary.Entry e = entry.get();
        out.putIfAbsent(e.term(), new Term(e.term(), e.display(), argument, e.entity()));
        i += used;
        continue;
      }
      String w = words.get(i);
      if (PREPOSITIONS.contains(w)) {
        argument = true;
      } else if (!GENERIC.contains(w) && !w.matches("\\d+")) {
        String singular = singular(w);
        if (!GENERIC.contains(singular)) {
          Optional<AskVocabulary.Entry> e = vocabulary.phrase(singular);
          if (e.isPresent()) {
            out.putIfAbsent(e.get().term(), new Term(e.get().term(), e.get().display(), argument, e.get().entity()));
          } else {
            out.putIfAbsent(singular, new Term(singular, written.get(i), argument, false));
          }
        }
      }
      i++;
    }
    List<Term> terms = new ArrayList<>(out.values());
    if (!terms.isEmpty() && terms.stream().allMatch(Term::argument)) {
      // "support for Solana": the head named nothing, so what follows the preposition is the thing.
      boolean first = true;
      List<Term> promoted = new ArrayList<>();
      for (Term t : terms) {
        promoted.add(new Term(t.term(), t.display(), !first && t.argument(), t.entity()));
        first = false;
      }
      terms = promoted;
    }
    return List.copyOf(terms);
  }

  /**
   * The text embedded for an ask: its terms as written, heads first, without the words that only
   * carry the asking, so "Spanish version" and "web version" do not look alike for sharing
   * "version".
   */
  public static String embeddingText(List<Term> terms, String phrase) {
    StringBuilder b = new StringBuilder();
    for (boolean argument : new boolean[] {false, true}) {
      for (Term t : terms) {
        if (t.argument() == argument) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(t.display());
        }
      }
    }
    return b.length() == 0 ? phrase : b.toString();
  }

  private static final String FIELD = "\u001f";
  private static final String ITEM = "\u001e";

  /** The terms as one text, for storage ({@link #decode} reads it back). */
  public static String encode(List<Term> terms) {
    StringBuilder b = new StringBuilder();
    for (Term t : terms) {
      if (b.length() > 0) {
        b.append(ITEM);
      }
      b.append(t.term()).append(FIELD).append(t.display()).append(FIELD).append(t.argument() ? 'A' : 'H')
          .append(FIELD).append(t.entity() ? 'E' : 'W');
    }
    return b.toString();
  }

  /** Terms stored by {@link #encode}; an empty or unreadable text gives no terms. */
  public static List<Term> decode(String text) {
    List<Term> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String item : text.split(ITEM)) {
      String[] f = item.split(FIELD, -1);
      if (f.length == 4) {
        out.add(new Term(f[0], f[1], f[2].equals("A"), f[3].equals("E")));
      }
    }
    return out;
  }

  /** English plural to singular for the usual endings; short words and "-ss" are kept. */
  static String singular(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
