package io.productopsdash.engine.text.enrich;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phrases of a comment that could name a theme, from its CoreNLP part-of-speech tags: noun
 * phrases ("seed phrase backup", "failed swaps": adjectives, participles and nouns ending in a
 * noun, at most {@value #MAX_WORDS} words) and verb-object phrases ("add Solana support", "top up
 * card", "lost card": a verb, an optional particle, then a noun phrase, determiners and possessives
 * left out), subject-verb pairs ("swap failed", "card stolen") and predicate adjectives ("fees are
 * too high" gives "high fees"). Each phrase has a key (its
 * distinct lower-cased lemmas in alphabetical order, to count one phrase in any word order across
 * answers) and its
 * surface form as written (proper nouns and acronyms keep their capitals, other words are lower
 * case).
 *
 * <p>Never part of a phrase: redaction placeholders ({@code [name]}, {@code [email]}, ...), words
 * with a digit (a letter-digit token such as "dl123" is an id more often than a name), one-letter
 * words, quantifiers and vague words ("many", "other", "thing", "days"), and auxiliary or light
 * verbs. Thread-safe.
 */
public final class NamePhrases {
  /** Most words in a phrase. */
  public static final int MAX_WORDS = 5;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[a-z][a-z ]*\\]");
  /* Quantifiers and vague adjectives name nothing: "many times", "other card". */
  private static final Set<String> VAGUE =
      Set.of("many", "much", "several", "few", "more", "most", "other", "same", "such", "own", "certain", "various",
          "enough", "whole", "able", "sure", "possible", "lot", "lots", "thing", "things", "way", "time", "times",
          "day", "days", "week", "weeks", "today", "yesterday", "tomorrow", "tonight", "anything", "something",
          "everything", "nothing", "someone", "anyone", "everyone", "please", "thanks");

  private static final Set<String> LIGHT_VERBS =
      Set.of("be", "have", "do", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
          "get", "let", "make", "go", "want", "need", "like", "love", "hate", "wish", "try", "keep", "say", "think",
          "know", "see", "look", "use", "please", "thank", "hope");

  /**
   * A candidate name.
   *
   * @param key the lemmas, lower case, separated by single spaces
   * @param surface the words as written (see the class comment for case)
   * @param words number of words
   * @param weight how well its pattern names things: 1 for noun and verb-object phrases, {@value
   *     #SUBJECT_VERB} for subject-verb pairs, {@value #PREDICATE} for predicate adjectives
   */
  public record Phrase(String key, String surface, int words, double weight) {
    public Phrase {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(surface, "surface");
      if (words < 1) {
        throw new IllegalArgumentException("Invalid phrase length: " + words);
      }
    }

    /** A noun or verb-object phrase (weight 1). */
    public Phrase(String key, String surface, int words) {
      this(key, surface, words, 1.0);
    }
  }

  /** Weight of a subject-verb pair ("swap failed"): a little below a noun phrase. */
  public static final double SUBJECT_VERB = 0.9;

  /** Weight of a predicate adjective ("fees are too high"): a fallback more than a name. */
  public static final double PREDICATE = 0.6;

  /** A token as the extraction sees it. */
  record Token(String word, String tag, String lemma) {}

  private final StanfordCoreNLP pipeline;

  private NamePhrases(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  /** Phrases over the shared part-of-speech pipeline ({@link NlpPipelines#posLemma()}). */
  public static NamePhrases shared() {
    return Shared.INSTANCE;
  }

  /** The candidate names in {@code text}, in text order, repeats kept. */
  public List<Phrase> of(String text) {
    // A placeholder ends a phrase, like punctuation would.
    String cleaned = PLACEHOLDER.matcher(text).replaceAll(" ; ");
    if (cleaned.isBlank()) {
      return List.of();
    }
    CoreDocument doc = new CoreDocument(cleaned);
    pipeline.annotate(doc);
    List<Phrase> out = new ArrayList<>();
    for (CoreSentence sentence : doc.sentences()) {
      List<Token> tokens = new ArrayList<>();
      for (CoreLabel t : sentence.tokens()) {
        String lemma = t.lemma() == null ? t.word() : t.lemma();
        tokens.add(new Token(t.word(), t.tag(), lemma));
      }
      out.addAll(fromTokens(tokens));
    }
    return out;
  }

  /** The phrases of one sentence's tokens. */
  static List<Phrase> fromTokens(List<Token> tokens) {
    List<Phrase> out = new ArrayList<>();
    int n = tokens.size();
    boolean[] usable = new boolean[n];
    for (int i = 0; i < n; i++) {
      usable[i] =
          usable(tokens.get(i).word()) && !VAGUE.contains(tokens.get(i).word().toLowerCase(Locale.ROOT));
    }
    // Noun phrases: maximal runs of modifiers and nouns, cut after their last noun.
    int i = 0;
    while (i < n) {
      if (!usable[i] || !modifierOrNoun(tokens.get(i).tag())) {
        i++;
        continue;
      }
      int start = i;
      int lastNoun = -1;
      while (i < n && usable[i] && modifierOrNoun(tokens.get(i).tag())) {
        if (tokens.get(i).tag().startsWith("NN")) {
          lastNoun = i;
        }
        i++;
      }
      // Every span of the run that ends in a noun, so the shared part of "seed phrase backup screen"
      // and "seed phrase" is counted in both ("seed phrase"); a participle or gerund only modifies
      // ("failed swaps"), so a span never ends in one.
      for (int end = start; end <= lastNoun; end++) {
        if (!tokens.get(end).tag().startsWith("NN")) {
          continue;
        }
        for (int from = Math.max(start, end + 1 - MAX_WORDS); from <= end; from++) {
          out.add(phrase(tokens.subList(from, end + 1), 0, end + 1 - from));
        }
      }
    }
    // Subject-verb phrases: a noun, at most two adverbs, modals or auxiliaries, then a verb ("swap
    // failed", "swaps keep failing", "card was stolen") or an adjective ("fees are too high").
    for (int subject = 0; subject < n; subject++) {
      if (!usable[subject] || !tokens.get(subject).tag().startsWith("NN")) {
        continue;
      }
      int j = subject + 1;
      int skipped = 0;
      while (j < n && skipped < 2 && bridge(tokens.get(j))) {
        j++;
        skipped++;
      }
      if (j < n && usable[j] && tokens.get(j).tag().startsWith("VB")
          && !LIGHT_VERBS.contains(tokens.get(j).lemma().toLowerCase(Locale.ROOT))) {
        out.add(phrase(List.of(tokens.get(subject), tokens.get(j)), 0, 2, SUBJECT_VERB));
      } else if (j < n && usable[j] && tokens.get(j).tag().startsWith("JJ") && skipped > 0) {
        // A predicate adjective reads as a modifier: "fees are too high" is "high fees".
        out.add(phrase(List.of(tokens.get(j), tokens.get(subject)), 0, 2, PREDICATE));
      }
    }
    // Verb-object phrases: VB [RP] (DT|PRP$|JJ)* noun phrase.
    for (int v = 0; v < n; v++) {
      Token verb = tokens.get(v);
      if (!usable[v] || !verb.tag().startsWith("VB")) {
        continue;
      }
      String lemma = verb.lemma().toLowerCase(Locale.ROOT);
      if (LIGHT_VERBS.contains(lemma)) {
        continue;
      }
      List<Token> words = new ArrayList<>();
      words.add(verb);
      int j = v + 1;
      if (j < n && usable[j] && tokens.get(j).tag().equals("RP")) {
        words.add(tokens.get(j));
        j++;
      }
      while (j < n && (tokens.get(j).tag().equals("DT") || tokens.get(j).tag().equals("PRP$"))) {
        j++;
      }
      boolean modifier = (verb.tag().equals("VBN") || verb.tag().equals("VBG")) && j == v + 1;
      if (modifier) {
        continue; // "failed swaps": a participle right before its noun is the noun phrase's modifier
      }
      int objectStart = j;
      int lastNoun = -1;
      while (j < n && usable[j] && modifierOrNoun(tokens.get(j).tag())) {
        if (tokens.get(j).tag().startsWith("NN")) {
          lastNoun = j;
        }
        j++;
      }
      if (lastNoun >= 0) {
        int from = Math.max(objectStart, lastNoun + 1 - (MAX_WORDS - words.size()));
        words.addAll(tokens.subList(from, lastNoun + 1));
        out.add(phrase(words, 0, words.size()));
      } else if (words.size() == 2) {
        out.add(phrase(words, 0, 2)); // "top up", "log in"
      }
    }
    return out;
  }

  /* An adverb, a modal or an auxiliary or light verb between a subject and its verb. */
  private static boolean bridge(Token t) {
    String tag = t.tag();
    return tag.startsWith("RB") || tag.equals("MD")
        || (tag.startsWith("VB") && LIGHT_VERBS.contains(t.lemma().toLowerCase(Locale.ROOT)));
  }

  /*
   * The key is the phrase's distinct lemmas in alphabetical order, so "failed swaps" and "swap
   * failed" count as one phrase and the form most answers use names it.
   */
  private static Phrase phrase(List<Token> tokens, int from, int to) {
    return phrase(tokens, from, to, 1.0);
  }

  private static Phrase phrase(List<Token> tokens, int from, int to, double weight) {
    java.util.TreeSet<String> lemmas = new java.util.TreeSet<>();
    StringBuilder surface = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (surface.length() > 0) {
        surface.append(' ');
      }
      lemmas.add(t.lemma().toLowerCase(Locale.ROOT));
      surface.append(surface(t));
    }
    return new Phrase(String.join(" ", lemmas), surface.toString(), to - from, weight);
  }

  /* Proper nouns and acronyms keep their case; other words are lower case. */
  private static String surface(Token t) {
    String w = t.word();
    boolean acronym = w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT));
    if (t.tag().startsWith("NNP") || acronym) {
      return w;
    }
    return w.toLowerCase(Locale.ROOT);
  }

  private static boolean modifierOrNoun(String tag) {
    return tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("VBN") || tag.equals("VBG");
  }

  private static boolean usable(String word) {
    if (word.length() < 2) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  private static final class Shared {
    static final NamePhrases INSTANCE = new NamePhrases(NlpPipelines.posLemma());
  }
}
