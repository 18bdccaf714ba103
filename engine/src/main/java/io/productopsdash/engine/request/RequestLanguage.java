package io.productopsdash.engine.request;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a short answer, among those the request detector reads: English, Spanish,
 * German and French. Answers to a survey's open question are often three words long, too short
 * for character n-gram profiles, so the guess counts words that only one of the languages uses
 * (function words, request markers such as "por favor", "bitte", "svp"), letters only one of them
 * writes (ñ, ß, ç), and words of {@link RequestGlossary} (a German "Dunkelmodus" is German). Ties
 * and answers without evidence are English. Deterministic; thread-safe.
 */
public enum RequestLanguage {
  ENGLISH("en"),
  SPANISH("es"),
  GERMAN("de"),
  FRENCH("fr");

  private final String code;

  RequestLanguage(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code: en, es, de, fr. */
  public String code() {
    return code;
  }

  /** The language of an ISO 639-1 code this detector reads; English for any other. */
  public static RequestLanguage ofCode(String code) {
    for (RequestLanguage l : values()) {
      if (l.code.equals(code)) {
        return l;
      }
    }
    return ENGLISH;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  // Words frequent in one language and rare or absent in the others (so "de", "la", "en", "un"
  // are left out: they are shared). Lower case.
  private static final Map<RequestLanguage, Set<String>> WORDS =
      Map.of(
          ENGLISH,
          Set.of(
              "the", "and", "is", "are", "to", "of", "with", "please", "pls", "plz", "i", "my",
              "it", "would", "be", "can", "you", "this", "that", "not", "have", "add", "want",
              "like", "when", "why", "what", "there", "was", "for", "on", "in", "a", "an", "me",
              "could", "should", "need", "support", "since", "after", "from", "we", "they",
              "love", "great", "nice", "wish", "any", "no", "still", "just", "so", "but", "or",
              "does", "doesn't", "can't", "don't", "i'd", "it's", "more", "let", "make", "use"),
          SPANISH,
          Set.of(
              "el", "los", "las", "del", "que", "y", "por", "favor", "para", "con", "una", "es",
              "mi", "mis", "sería", "seria", "gustaría", "gustaria", "añadir", "añadan", "agregar",
              "agreguen", "poder", "más", "muy", "desde", "se", "al", "lo", "como", "pero",
              "también", "está", "hay", "quiero", "necesito", "podrían", "podrian", "tener",
              "cuando", "cuándo", "ojalá", "falta", "otras", "personas", "aplicación", "mostrar",
              "mostrad", "muestren", "ayer", "martes", "cierra", "funciona", "desapareció", "nota",
              "notas", "entre", "dentro", "pago", "todo", "otro", "otra", "saldo", "saldos"),
          GERMAN,
          Set.of(
              "der", "die", "das", "und", "ist", "nicht", "ich", "mit", "für", "bitte", "wäre",
              "wären", "ein", "eine", "einen", "einer", "auf", "seit", "dem", "den", "mein",
              "meine", "meinen", "zu", "auch", "sehr", "gut", "toll", "schön", "danke", "noch",
              "kein", "keine", "gibt", "habe", "hätte", "gerne", "gern", "brauche", "fehlt",
              "wünsche", "könnt", "ihr", "einbauen", "unterstützen", "hinzufügen", "klasse",
              "praktisch", "hilfreich", "wichtig", "genial", "stürzt", "ab", "verschwunden",
              "findet", "nichts", "mehr", "dann", "wie", "wir", "uns", "euch", "machen", "bei"),
          FRENCH,
          Set.of(
              "le", "les", "des", "du", "et", "est", "pas", "je", "une", "pour", "avec", "svp",
              "stp", "s'il", "plaît", "plait", "mon", "mes", "ce", "serait", "dans", "sur", "qui",
              "au", "aux", "merci", "très", "bien", "j'aimerais", "depuis", "ne", "plus",
              "l'application", "pouvoir", "utiliser", "vous", "nous", "il", "manque", "ajouter",
              "ajoutez", "pourriez", "voudrais", "génial", "géniale", "hier", "mardi", "plante",
              "disparu", "sont", "ont", "d'adresses", "l'écran", "d'accueil", "même", "vue",
              "attente", "cours", "limité"));

  // Letters written in one of the languages only (é, á, ó are shared by Spanish and French).
  private static final Map<RequestLanguage, Pattern> LETTERS =
      Map.of(
          SPANISH, Pattern.compile("[ñ¿¡]"),
          GERMAN, Pattern.compile("[ßäöü]"),
          FRENCH, Pattern.compile("[çèêëàâîïôûœ]"));

  /** The language of {@code text}; English when nothing points elsewhere. */
  public static RequestLanguage of(String text) {
    Objects.requireNonNull(text, "text");
    String lower = text.toLowerCase(Locale.ROOT);
    Map<RequestLanguage, Double> score = new EnumMap<>(RequestLanguage.class);
    Matcher m = WORD.matcher(lower);
    while (m.find()) {
      String w = m.group();
      for (RequestLanguage l : values()) {
        if (WORDS.get(l).contains(w)) {
          score.merge(l, 1.0, Double::sum);
        }
      }
      RequestLanguage glossed = RequestGlossary.standard().languageOfWord(w);
      if (glossed != null) {
        score.merge(glossed, 1.0, Double::sum);
      }
    }
    for (Map.Entry<RequestLanguage, Pattern> e : LETTERS.entrySet()) {
      Matcher letters = e.getValue().matcher(lower);
      while (letters.find()) {
        score.merge(e.getKey(), 1.5, Double::sum);
      }
    }
    RequestLanguage best = ENGLISH;
    double bestScore = score.getOrDefault(ENGLISH, 0.0);
    for (RequestLanguage l : values()) {
      double s = score.getOrDefault(l, 0.0);
      if (s > bestScore) {
        best = l;
        bestScore = s;
      }
    }
    return best;
  }
}
