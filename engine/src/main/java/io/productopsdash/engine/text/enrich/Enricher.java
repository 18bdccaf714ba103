package io.productopsdash.engine.text.enrich;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import io.productopsdash.engine.text.redact.PersonNameFinder;
import io.productopsdash.engine.text.redact.PersonNameRules;
import io.productopsdash.engine.text.redact.Placeholders;
import io.productopsdash.engine.text.redact.Redaction;
import io.productopsdash.engine.text.redact.Redactor;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Enriches an answer comment with one CoreNLP annotation (tokenize, ssplit, pos, lemma, ner): the
 * same pass gives the person names for redaction and the tokens, lemmas and noun phrases, so a
 * comment is annotated once. Secrets are redacted first by the pattern redactor (a no-op on
 * comments the answer path already redacted); names come from the runs of tokens tagged PERSON
 * that {@link PersonNameRules} finds evidence for, with a product vocabulary that keeps brands,
 * chains and features (as {@link io.productopsdash.engine.text.redact.CoreNlpPersonNameFinder}).
 * Redacted spans contribute no tokens, lemmas or phrases.
 *
 * <p>Noun phrases are maximal runs of adjectives and nouns ({@code (JJ.*|NN.*)* NN.*}) within a
 * sentence, cut after their last noun, lemmatised and lower-cased; a run longer than 4 words keeps
 * its last 4 (the head noun and its nearest modifiers); "today", "yesterday", "tomorrow" and
 * "tonight" end a run rather than join it. Thread-safe: the pipeline is shared, the
 * document is per call.
 */
public final class Enricher {
  private static final Set<String> AUXILIARIES =
      Set.of("be", "have", "do", "will", "would", "can", "could", "shall", "should", "may",
          "might", "must", "'s", "'re", "'m", "'ve", "'d", "'ll", "n't", "not");
  /* Deictic time words are tagged NN and would glue onto phrases ("card today"): they end a run. */
  private static final Set<String> DEICTIC_TIME = Set.of("today", "yesterday", "tomorrow", "tonight");
  private static final int MAX_PHRASE_WORDS = 4;

  private final StanfordCoreNLP pipeline;
  private final PersonNameRules rules;

  /** An enricher over {@code pipeline}, which must run tokenize, ssplit, pos, lemma and ner. */
  public Enricher(StanfordCoreNLP pipeline) {
    this(pipeline, PersonNameRules.standard());
  }

  /** As {@link #Enricher(StanfordCoreNLP)} with other name rules. */
  public Enricher(StanfordCoreNLP pipeline, PersonNameRules rules) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The enricher over the process-wide {@link NlpPipelines#ner()} pipeline, loaded on first use. */
  public static Enricher shared() {
    return Shared.INSTANCE;
  }

  /** Redacts and enriches {@code comment}, keeping the built-in product vocabulary. */
  public Enrichment enrich(String comment) {
    return enrich(comment, ProductVocabulary.builtIn());
  }

  /** Redacts and enriches {@code comment}; no word of {@code vocabulary} is taken for a name. */
  public Enrichment enrich(String comment, ProductVocabulary vocabulary) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(vocabulary, "vocabulary");
    Redaction secrets = Redactor.regexOnly().redact(comment);
    String text = secrets.text();
    if (text.isBlank()) {
      return new Enrichment(text, List.of(), List.of(), List.of(), 0);
    }
    CoreDocument doc = new CoreDocument(text);
    pipeline.annotate(doc);

    List<PersonNameFinder.Mention> names =
        rules.redacted(text, PersonNameRules.personRuns(doc), vocabulary);
    boolean[] masked = new boolean[text.length()];
    // Placeholders already in the text (the answer path stored it redacted) are no words either.
    for (int[] p : Placeholders.find(text)) {
      mask(masked, p[0], p[1]);
    }
    for (PersonNameFinder.Mention m : names) {
      mask(masked, m.start(), m.end());
    }
    String redacted = names.isEmpty() ? text : Redactor.withNames(t -> names).redact(text).text();

    List<String> tokens = new ArrayList<>();
    List<String> lemmas = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (CoreSentence sentence : doc.sentences()) {
      List<String> run = new ArrayList<>();
      int lastNoun = -1;
      for (CoreLabel token : sentence.tokens()) {
        String tag = token.tag();
        boolean wordy = hasLetter(token.word());
        if (isMasked(masked, token) || !wordy) {
          lastNoun = flush(run, lastNoun, phrases);
          continue;
        }
        tokens.add(token.word());
        String lemma = lemma(token);
        if (isContent(tag) && !AUXILIARIES.contains(lemma) && lemma.length() > 1) {
          lemmas.add(lemma);
        }
        if ((tag.startsWith("NN") || tag.startsWith("JJ")) && !DEICTIC_TIME.contains(lemma)) {
          run.add(lemma);
          if (tag.startsWith("NN")) {
            lastNoun = run.size() - 1;
          }
        } else {
          lastNoun = flush(run, lastNoun, phrases);
        }
      }
      flush(run, lastNoun, phrases);
    }
    return new Enrichment(redacted, tokens, lemmas, phrases, names.size());
  }

  private static int flush(List<String> run, int lastNoun, List<String> phrases) {
    if (lastNoun >= 0) {
      int from = Math.max(0, lastNoun + 1 - MAX_PHRASE_WORDS);
      List<String> words = run.subList(from, lastNoun + 1);
      phrases.add(String.join(" ", words));
    }
    run.clear();
    return -1;
  }

  private static boolean isContent(String tag) {
    return tag.startsWith("NN") || tag.startsWith("VB") || tag.startsWith("JJ");
  }

  private static String lemma(CoreLabel token) {
    String lemma = token.lemma();
    return (lemma == null ? token.word() : lemma).toLowerCase(Locale.ROOT);
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void mask(boolean[] masked, int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, masked.length); i++) {
      masked[i] = true;
    }
  }

  private static boolean isMasked(boolean[] masked, CoreLabel token) {
    for (int i = token.beginPosition(); i < token.endPosition() && i < masked.length; i++) {
      if (masked[i]) {
        return true;
      }
    }
    return false;
  }

  private static final class Shared {
    static final Enricher INSTANCE = new Enricher(NlpPipelines.ner());
  }
}
