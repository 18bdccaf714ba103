package io.productopsdash.engine.text.enrich;

import java.util.List;
import java.util.Objects;

/**
 * The enrichment of one answer comment.
 *
 * @param text the comment after redaction (secrets and person names replaced by placeholders);
 *     this is the text to store, index, cluster and email
 * @param tokens the words of {@code text} outside redacted spans, as written
 * @param lemmas lower-cased POS-aware lemmas of the content words (nouns, verbs other than
 *     auxiliaries, adjectives), in text order, repeats kept
 * @param nounPhrases lower-cased lemmatised noun phrases of 1-4 words, in text order, repeats kept
 * @param namesRedacted number of person names the NER pass replaced by {@code [name]}
 */
public record Enrichment(
    String text,
    List<String> tokens,
    List<String> lemmas,
    List<String> nounPhrases,
    int namesRedacted) {
  public Enrichment {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    lemmas = List.copyOf(lemmas);
    nounPhrases = List.copyOf(nounPhrases);
    if (namesRedacted < 0) {
      throw new IllegalArgumentException("Invalid number of redacted names: " + namesRedacted);
    }
  }
}
