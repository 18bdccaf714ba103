package io.productopsdash.engine.cluster;

import io.productopsdash.engine.text.redact.Placeholders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Theme labels from class-based TF-IDF keywords (Grootendorst, BERTopic, 2022): all texts of a
 * theme form one document, and a term's weight in theme c is {@code count(t, c) * log(1 + A /
 * f(t))}, with {@code f(t)} the term's count over all themes and {@code A} the average number of
 * terms per theme. The label is the top terms joined by ", ".
 *
 * <p>Terms are lower-cased runs of letters and digits (apostrophes dropped, so "don't" is
 * "dont"; a hyphen between two letters kept, so "two-factor" is one term), at least 2
 * characters, not only digits, and not in a list of English function words; redaction
 * placeholders ({@code [name]}) are skipped. Ties go to the alphabetically first term.
 * Deterministic.
 */
public final class ClassTfIdfLabeler implements ThemeLabeler {
  /** Terms per label by default. */
  public static final int DEFAULT_TERMS = 3;

  private static final Set<String> STOP_WORDS = loadStopWords();

  private final int terms;

  private ClassTfIdfLabeler(int terms) {
    this.terms = terms;
  }

  /** A labeler that names each theme with its top {@code terms} keywords (1 or more). */
  public static ClassTfIdfLabeler of(int terms) {
    if (terms < 1) {
      throw new IllegalArgumentException("Invalid number of label terms: " + terms);
    }
    return new ClassTfIdfLabeler(terms);
  }

  @Override
  public List<String> labels(List<String> texts, int[] assignments, int k) {
    List<List<String>> keywords = keywords(texts, assignments, k, terms);
    List<String> out = new ArrayList<>(k);
    for (List<String> words : keywords) {
      out.add(words.isEmpty() ? "(no keywords)" : String.join(", ", words));
    }
    return Collections.unmodifiableList(out);
  }

  /** The {@code top} keywords of each theme, best first (fewer when a theme has fewer terms). */
  public List<List<String>> keywords(List<String> texts, int[] assignments, int k, int top) {
    if (texts.size() != assignments.length) {
      throw new IllegalArgumentException(
          "Texts and assignments differ in length: " + texts.size() + " and " + assignments.length);
    }
    if (k < 1) {
      throw new IllegalArgumentException("Invalid number of themes: " + k);
    }
    List<Map<String, Integer>> counts = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      counts.add(new HashMap<>());
    }
    Map<String, Integer> total = new HashMap<>();
    long terms = 0;
    for (int i = 0; i < assignments.length; i++) {
      int c = assignments[i];
      if (c < 0 || c >= k) {
        throw new IllegalArgumentException("Invalid theme of text " + i + ": " + c + " (k = " + k + ")");
      }
      for (String t : tokens(texts.get(i))) {
        counts.get(c).merge(t, 1, Integer::sum);
        total.merge(t, 1, Integer::sum);
        terms++;
      }
    }
    double average = terms / (double) k;
    List<List<String>> out = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.get(c).entrySet());
      Map<String, Double> score = new HashMap<>();
      for (Map.Entry<String, Integer> e : entries) {
        score.put(e.getKey(), e.getValue() * Math.log(1 + average / total.get(e.getKey())));
      }
      entries.sort(
          (a, b) -> {
            int s = Double.compare(score.get(b.getKey()), score.get(a.getKey()));
            return s != 0 ? s : a.getKey().compareTo(b.getKey());
          });
      List<String> words = new ArrayList<>(top);
      for (int r = 0; r < Math.min(top, entries.size()); r++) {
        words.add(entries.get(r).getKey());
      }
      out.add(Collections.unmodifiableList(words));
    }
    return Collections.unmodifiableList(out);
  }

  /** The label terms of one text, in order. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    // Redaction placeholders ("[name]", "[email]") are no words of the theme.
    String lower = Placeholders.blankedOut(text).toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); ) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (isHyphen(cp) && joinsLetters(lower, i)) {
        // "two-factor" and "sign-in" are one term: their halves alone ("two", "factor") mislead.
        word.append('-');
      } else if (cp != '\'' && cp != '\u2019' || word.length() == 0) {
        flush(word, out);
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
    return out;
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || cp == '\u2010' || cp == '\u2011';
  }

  /* The hyphen at i has a letter right before and after it (so dates and "24-7" still split). */
  private static boolean joinsLetters(String s, int i) {
    return i > 0
        && i + 1 < s.length()
        && Character.isLetter(s.codePointBefore(i))
        && Character.isLetter(s.codePointAt(i + 1));
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    word.setLength(0);
    if (w.length() < 2 || STOP_WORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
      return;
    }
    out.add(w);
  }

  private static Set<String> loadStopWords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = ClassTfIdfLabeler.class.getResourceAsStream("stopwords-en.txt")) {
      if (in == null) {
        throw new IllegalStateException("stopwords-en.txt is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSet(words);
  }
}
