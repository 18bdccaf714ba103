package io.productopsdash.engine.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names of things users ask for ({@code ask-vocabulary.tsv}): abbreviations and synonyms mapped to
 * one canonical term ("ln", "Lightning Network" → lightning; "Face ID", "fingerprint" →
 * biometric), how a term is displayed in a group's name ("Bitcoin Lightning"), whether it is a
 * named entity (asks for two different entities are two asks), and the family an entity belongs
 * to (Ledger and Trezor are hardware wallets). Immutable and thread-safe.
 */
public final class AskVocabulary {
  /** The longest phrase of the vocabulary, in words. */
  static final int MAX_WORDS = 4;

  /**
   * One entry.
   *
   * @param term the canonical term
   * @param display how the term is written in a name
   * @param entity true for a named thing (product, device, network, language)
   * @param parent the canonical term of the family, or null
   */
  public record Entry(String term, String display, boolean entity, String parent) {
    public Entry {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(display, "display");
    }
  }

  private static final AskVocabulary STANDARD = load();

  private final Map<String, Entry> byPhrase;
  private final Map<String, Entry> byTerm;
  private final List<String> joined;

  private AskVocabulary(Map<String, Entry> byPhrase, Map<String, Entry> byTerm) {
    this.byPhrase = byPhrase;
    this.byTerm = byTerm;
    this.joined = byPhrase.keySet().stream().filter(p -> p.contains(" and ")).sorted().toList();
  }

  /** The shipped vocabulary. */
  public static AskVocabulary standard() {
    return STANDARD;
  }

  /** The entry of a lower-case phrase, if any. */
  public Optional<Entry> phrase(String lowerCasePhrase) {
    return Optional.ofNullable(byPhrase.get(lowerCasePhrase));
  }

  /** Whether a lower-case phrase holds a vocabulary phrase joined by "and" ("profit and loss"). */
  public boolean holdsJoinedPhrase(String lowerCasePhrase) {
    for (String p : joined) {
      if (lowerCasePhrase.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The entry of a canonical term, if any. */
  public Optional<Entry> term(String term) {
    return Optional.ofNullable(byTerm.get(term));
  }

  private static AskVocabulary load() {
    Map<String, Entry> byPhrase = new HashMap<>();
    Map<String, Entry> byTerm = new HashMap<>();
    try (InputStream in = AskVocabulary.class.getResourceAsStream("ask-vocabulary.tsv")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource ask-vocabulary.tsv");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 4 || !(f[3].equals("entity") || f[3].equals("term"))) {
          throw new IllegalStateException(
              "ask-vocabulary.tsv line " + number + ": expected phrase<TAB>term<TAB>display<TAB>entity|term[<TAB>parent]");
        }
        Entry e = new Entry(f[1], f[2], f[3].equals("entity"), f.length > 4 ? f[4] : null);
        byPhrase.put(f[0].replace('-', ' '), e);
        byTerm.putIfAbsent(e.term(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AskVocabulary(Map.copyOf(byPhrase), Map.copyOf(byTerm));
  }
}
