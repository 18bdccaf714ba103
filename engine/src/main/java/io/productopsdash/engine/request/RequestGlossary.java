package io.productopsdash.engine.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-for-word English gloss of a Spanish, German or French ask, so that "modo oscuro por
 * favor" is grouped and named with "dark mode please": known phrases (longest first, up to four
 * words) become their English gloss from {@code request-glossary.tsv}, the language's function
 * words and request markers ("por favor", "wäre toll", "svp") are dropped, and any other word is
 * kept as written (product names such as "Lightning" or "Markdown" need no translation). Not a
 * translation: it only has to carry the thing asked for. Immutable and thread-safe.
 */
public final class RequestGlossary {
  private static final int MAX_PHRASE_WORDS = 4;
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-@]*(?:\\.[\\p{L}\\p{N}]+)*|[?!.,;:]");

  // Function words that carry neither the ask nor the thing asked for (request markers such as
  // "por favor" are glossed instead, so the English rules still see the asking).
  private static final Map<RequestLanguage, Set<String>> DROPPED =
      Map.of(
          RequestLanguage.SPANISH,
          Set.of(
              "el", "la", "los", "las", "de", "del", "que", "y", "para", "con", "una", "un", "es",
              "me", "se", "al", "lo", "en", "a", "muy", "todo", "otras", "otros",
              "personas", "dentro", "pago"),
          RequestLanguage.GERMAN,
          Set.of(
              "der", "die", "das", "den", "dem", "des", "und", "ist", "ein", "eine", "einen",
              "einer", "eines", "für", "mit", "zu", "auf", "bei", "wie", "mir", "ihr", "euch",
              "dann", "zweite", "machen", "es", "noch", "ab"),
          RequestLanguage.FRENCH,
          Set.of(
              "le", "la", "les", "l'", "de", "des", "du", "d'", "et", "est", "un", "une", "pour",
              "avec", "ce", "dans", "sur", "en", "au", "aux", "je", "n'ai", "pas", "il",
              "y", "a", "même", "qui", "que"));

  private static final RequestGlossary STANDARD = load();

  private final Map<RequestLanguage, Map<String, String>> phrases;
  private final Map<String, RequestLanguage> wordLanguage;

  private RequestGlossary(
      Map<RequestLanguage, Map<String, String>> phrases, Map<String, RequestLanguage> wordLanguage) {
    this.phrases = phrases;
    this.wordLanguage = wordLanguage;
  }

  /** The shipped glossary. */
  public static RequestGlossary standard() {
    return STANDARD;
  }

  /**
   * The language whose glossary has {@code lowerCaseWord} as a one-word entry that is not also an
   * English word of the same spelling in the glosses, else null.
   */
  RequestLanguage languageOfWord(String lowerCaseWord) {
    return wordLanguage.get(lowerCaseWord);
  }

  /** The English gloss of {@code text} written in {@code language}; English text is returned as is. */
  public String toEnglish(String text, RequestLanguage language) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    if (language == RequestLanguage.ENGLISH) {
      return text;
    }
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, String> known = phrases.getOrDefault(language, Map.of());
    Set<String> dropped = DROPPED.getOrDefault(language, Set.of());
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String gloss = null;
      int used = 0;
      for (int len = Math.min(MAX_PHRASE_WORDS, tokens.size() - i); len >= 1 && gloss == null; len--) {
        String phrase = String.join(" ", tokens.subList(i, i + len)).toLowerCase(Locale.ROOT);
        gloss = known.get(phrase);
        used = len;
      }
      if (gloss != null) {
        out.add(gloss);
        i += used;
        continue;
      }
      String token = tokens.get(i);
      String lower = token.toLowerCase(Locale.ROOT);
      // "l'application", "d'adresses": an elided article glued to the word.
      int apostrophe = lower.indexOf('\'');
      if (apostrophe > 0 && apostrophe <= 2 && apostrophe < lower.length() - 1) {
        String rest = lower.substring(apostrophe + 1);
        String restGloss = known.get(rest);
        out.add(restGloss != null ? restGloss : token.substring(apostrophe + 1));
      } else if (lower.indexOf('-') > 0) {
        // "Lightning-Zahlungen": a compound's parts glossed one by one.
        for (String part : token.split("-")) {
          String partGloss = known.get(part.toLowerCase(Locale.ROOT));
          if (!part.isEmpty()) {
            out.add(partGloss != null ? partGloss : part);
          }
        }
      } else if (!dropped.contains(lower)) {
        out.add(token);
      }
      i++;
    }
    return String.join(" ", out).replaceAll(" (?=[?!.,;:])", "");
  }

  private static RequestGlossary load() {
    Map<RequestLanguage, Map<String, String>> phrases = new EnumMap<>(RequestLanguage.class);
    Map<String, RequestLanguage> wordLanguage = new HashMap<>();
    Map<String, RequestLanguage> codes = new HashMap<>();
    for (RequestLanguage l : RequestLanguage.values()) {
      codes.put(l.code(), l);
    }
    try (InputStream in = RequestGlossary.class.getResourceAsStream("request-glossary.tsv")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource request-glossary.tsv");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      java.util.Set<String> englishWords = new java.util.HashSet<>();
      List<String[]> rows = new ArrayList<>();
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        RequestLanguage language = f.length == 3 ? codes.get(f[0]) : null;
        if (language == null || language == RequestLanguage.ENGLISH) {
          throw new IllegalStateException("request-glossary.tsv line " + number + ": expected es|de|fr<TAB>phrase<TAB>English");
        }
        rows.add(f);
        for (String w : f[2].toLowerCase(Locale.ROOT).split("\\s+")) {
          englishWords.add(w);
        }
      }
      for (String[] f : rows) {
        RequestLanguage language = codes.get(f[0]);
        phrases.computeIfAbsent(language, k -> new HashMap<>()).put(f[1].strip(), f[2].strip());
        String phrase = f[1].strip();
        if (!phrase.contains(" ") && !englishWords.contains(phrase)) {
          wordLanguage.putIfAbsent(phrase, language);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<RequestLanguage, Map<String, String>> frozen = new EnumMap<>(RequestLanguage.class);
    phrases.forEach((l, m) -> frozen.put(l, Map.copyOf(m)));
    return new RequestGlossary(frozen, Map.copyOf(wordLanguage));
  }
}
