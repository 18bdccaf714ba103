package io.productopsdash.engine.text.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of product terms and where they occur in a text. A term is one or more words; words are
 * runs of letters and digits, compared case-insensitively, so "Crypto.com", "crypto com" and
 * "CRYPTO.COM" are the same term and "Kraken's" contains "Kraken". A term of several words
 * matches only that sequence: "Wallet of Satoshi" protects "Satoshi" there, not alone.
 *
 * <p>Immutable and thread-safe. Matching costs one hash lookup per word of the text.
 */
public final class ProductVocabulary {
  /** The resource of the built-in list, beside this class. */
  static final String BUILT_IN_RESOURCE = "product-vocabulary.txt";

  private static final ProductVocabulary EMPTY = new ProductVocabulary(Set.of(), "none");

  /** A word of a text: {@code [start, end)} and its lower-case form. */
  public record Word(String lower, int start, int end) {}

  private final Set<String> terms;
  private final String version;
  /* First word of a term -> the terms (as word arrays) starting with it, longest first. */
  private final Map<String, List<String[]>> byFirstWord;

  private ProductVocabulary(Set<String> terms, String version) {
    this.terms = Set.copyOf(terms);
    this.version = version;
    Map<String, List<String[]>> index = new HashMap<>();
    for (String term : this.terms) {
      String[] words = words(term).stream().map(Word::lower).toArray(String[]::new);
      if (words.length > 0) {
        index.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
      }
    }
    index.values().forEach(l -> l.sort((a, b) -> Integer.compare(b.length, a.length)));
    this.byFirstWord = Map.copyOf(index);
  }

  /** No terms. */
  public static ProductVocabulary empty() {
    return EMPTY;
  }

  /** The shipped list of technology, finance and crypto brands (see its resource's header). */
  public static ProductVocabulary builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** A vocabulary of exactly these terms (blank ones ignored). */
  public static ProductVocabulary of(Collection<String> terms) {
    return new ProductVocabulary(normalise(terms), "custom");
  }

  /** This vocabulary plus {@code more} terms. */
  public ProductVocabulary with(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(terms);
    all.addAll(normalise(more));
    return new ProductVocabulary(all, version);
  }

  /** The built-in list's version line (e.g. {@code 2026.12-1}), "custom" or "none" otherwise. */
  public String version() {
    return version;
  }

  /** Number of distinct terms. */
  public int size() {
    return terms.size();
  }

  /** True when {@code term} is one of the terms (case and punctuation aside). */
  public boolean contains(String term) {
    List<Word> words = words(term);
    if (words.isEmpty()) {
      return false;
    }
    for (String[] candidate : byFirstWord.getOrDefault(words.get(0).lower(), List.of())) {
      if (candidate.length == words.size() && matchesAt(candidate, words, 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where terms occur in {@code text}: one {@code [start, end)} range per occurrence, from the
   * start of its first word to the end of its last, the longest term at each position, in order.
   */
  public List<int[]> occurrences(String text) {
    List<Word> words = words(text);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (String[] term : byFirstWord.getOrDefault(words.get(i).lower(), List.of())) {
        if (i + term.length <= words.size() && matchesAt(term, words, i)) {
          out.add(new int[] {words.get(i).start(), words.get(i + term.length - 1).end()});
          break;
        }
      }
    }
    return out;
  }

  private static boolean matchesAt(String[] term, List<Word> words, int at) {
    for (int k = 0; k < term.length; k++) {
      if (!term[k].equals(words.get(at + k).lower())) {
        return false;
      }
    }
    return true;
  }

  /** The words of {@code text}: maximal runs of letters and digits, lower-cased. */
  public static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      out.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
    }
    return out;
  }

  private static Set<String> normalise(Collection<String> terms) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : Objects.requireNonNull(terms, "terms")) {
      if (t != null && !words(t).isEmpty()) {
        out.add(t.strip());
      }
    }
    return out;
  }

  /** The terms in insertion order of the resource or collection they came from. */
  public Set<String> terms() {
    return terms;
  }

  private static final class BuiltIn {
    static final ProductVocabulary INSTANCE = load();

    private static ProductVocabulary load() {
      try (InputStream in = ProductVocabulary.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + BUILT_IN_RESOURCE);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Set<String> terms = new LinkedHashSet<>();
        String version = "unversioned";
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String t = line.strip();
          if (t.startsWith("# version:")) {
            version = t.substring("# version:".length()).strip();
          } else if (!t.isEmpty() && !t.startsWith("#")) {
            terms.add(t);
          }
        }
        return new ProductVocabulary(terms, version);
      } catch (IOException e) {
        throw new UncheckedIOException("Reading " + BUILT_IN_RESOURCE + " failed", e);
      }
    }
  }
}
