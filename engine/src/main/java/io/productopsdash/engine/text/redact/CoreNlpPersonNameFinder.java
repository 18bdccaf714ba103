package io.productopsdash.engine.text.redact;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.util.List;
import java.util.Objects;

/**
 * Person names from CoreNLP named-entity recognition, on evidence: each run of consecutive tokens
 * of one sentence that the NER model tagged PERSON is a candidate, and {@link PersonNameRules}
 * decides, with a {@link ProductVocabulary}, which candidates are names.
 *
 * <p>The tokens' tags are read rather than the document's entity mentions because CoreNLP adds
 * pronouns ("she", "him") to the mentions as PERSON for coreference, and on Banking77 that alone
 * changed 0.4% of the answers; a pronoun's own tag is O. The model also tags chains, exchanges and
 * wallets ("Solana", "Kraken", "Nano X") as persons, which the rules keep. Thread-safe: the
 * pipeline is shared, the document is per call.
 */
public final class CoreNlpPersonNameFinder implements PersonNameFinder {
  private final StanfordCoreNLP pipeline;
  private final PersonNameRules rules;
  private final ProductVocabulary vocabulary;

  /**
   * A finder over {@code pipeline} (which must run ner and the annotators it needs), the standard
   * rules and the built-in vocabulary.
   */
  public CoreNlpPersonNameFinder(StanfordCoreNLP pipeline) {
    this(pipeline, PersonNameRules.standard(), ProductVocabulary.builtIn());
  }

  private CoreNlpPersonNameFinder(
      StanfordCoreNLP pipeline, PersonNameRules rules, ProductVocabulary vocabulary) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /** The finder over the process-wide {@link NlpPipelines#ner()} pipeline, loaded on first use. */
  public static CoreNlpPersonNameFinder shared() {
    return Shared.INSTANCE;
  }

  /** The same pipeline with other rules and vocabulary. */
  public CoreNlpPersonNameFinder with(PersonNameRules rules, ProductVocabulary vocabulary) {
    return new CoreNlpPersonNameFinder(pipeline, rules, vocabulary);
  }

  @Override
  public List<Mention> find(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    CoreDocument doc = new CoreDocument(text);
    pipeline.annotate(doc);
    return rules.redacted(text, PersonNameRules.personRuns(doc), vocabulary);
  }

  /** Every PERSON run of {@code text} with the rules' decision, for the dry run and benchmarks. */
  public List<PersonNameRules.Decision> decisions(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    CoreDocument doc = new CoreDocument(text);
    pipeline.annotate(doc);
    return rules.decide(text, PersonNameRules.personRuns(doc), vocabulary);
  }

  private static final class Shared {
    static final CoreNlpPersonNameFinder INSTANCE = new CoreNlpPersonNameFinder(NlpPipelines.ner());
  }
}
