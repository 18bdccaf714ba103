package io.productopsdash.engine.text.redact;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Person names from CoreNLP named-entity recognition: each run of consecutive tokens of one
 * sentence that the NER model tagged PERSON, by its character offsets in the original text.
 *
 * <p>The tokens' tags are read rather than the document's entity mentions because CoreNLP adds
 * pronouns ("she", "him") to the mentions as PERSON for coreference, and on Banking77 that alone
 * changed 0.4% of the answers; a pronoun's own tag is O. Thread-safe: the pipeline is shared, the
 * document is per call.
 */
public final class CoreNlpPersonNameFinder implements PersonNameFinder {
  private static final String PERSON = "PERSON";

  private final StanfordCoreNLP pipeline;

  /** A finder over {@code pipeline}, which must run ner (and the annotators it needs before it). */
  public CoreNlpPersonNameFinder(StanfordCoreNLP pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** The finder over the process-wide {@link NlpPipelines#ner()} pipeline, loaded on first use. */
  public static CoreNlpPersonNameFinder shared() {
    return Shared.INSTANCE;
  }

  @Override
  public List<Mention> find(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    CoreDocument doc = new CoreDocument(text);
    pipeline.annotate(doc);
    List<Mention> out = new ArrayList<>();
    for (CoreSentence sentence : doc.sentences()) {
      int start = -1;
      int end = -1;
      for (CoreLabel token : sentence.tokens()) {
        if (PERSON.equals(token.ner())) {
          if (start < 0) {
            start = token.beginPosition();
          }
          end = token.endPosition();
        } else if (start >= 0) {
          out.add(new Mention(start, end));
          start = -1;
        }
      }
      if (start >= 0) {
        out.add(new Mention(start, end));
      }
    }
    return out;
  }

  private static final class Shared {
    static final CoreNlpPersonNameFinder INSTANCE = new CoreNlpPersonNameFinder(NlpPipelines.ner());
  }
}
