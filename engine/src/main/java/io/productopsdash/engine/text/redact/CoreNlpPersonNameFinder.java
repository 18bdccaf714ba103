package io.productopsdash.engine.text.redact;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.productopsdash.engine.text.nlp.NlpPipelines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Person names from CoreNLP named-entity recognition: each run of consecutive tokens of one
 * sentence that the NER model tagged PERSON, by its character offsets in the original text.
 *
 * <p>The tokens' tags are read rather than the document's entity mentions because CoreNLP adds
 * pronouns ("she", "him") to the mentions as PERSON for coreference, and on Banking77 that alone
 * changed 0.4% of the answers; a pronoun's own tag is O. Thread-safe: the pipeline is shared, the
 * document is per call.
 *
 * <p>The model also tags chain, exchange and wallet names ("Solana", "Arbitrum", "Coinbase") as
 * persons; in a wallet app's feedback that would turn "please add Solana support" into "please add
 * [name] support". A run made only of the words in {@code not-person-names.txt} is therefore kept.
 */
public final class CoreNlpPersonNameFinder implements PersonNameFinder {
  private static final String PERSON = "PERSON";
  private static final Set<String> NOT_NAMES = load("not-person-names.txt");

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
      boolean onlyProductWords = true;
      for (CoreLabel token : sentence.tokens()) {
        if (PERSON.equals(token.ner())) {
          if (start < 0) {
            start = token.beginPosition();
            onlyProductWords = true;
          }
          end = token.endPosition();
          onlyProductWords &= NOT_NAMES.contains(token.word().toLowerCase(Locale.ROOT));
        } else if (start >= 0) {
          add(out, start, end, onlyProductWords);
          start = -1;
        }
      }
      if (start >= 0) {
        add(out, start, end, onlyProductWords);
      }
    }
    return out;
  }

  private static void add(List<Mention> out, int start, int end, boolean onlyProductWords) {
    if (!onlyProductWords) {
      out.add(new Mention(start, end));
    }
  }

  /** The words of a list resource: one per line, lower-cased, # comments and blanks skipped. */
  static Set<String> load(String resource) {
    try (InputStream in = CoreNlpPersonNameFinder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + resource + " failed", e);
    }
  }

  private static final class Shared {
    static final CoreNlpPersonNameFinder INSTANCE = new CoreNlpPersonNameFinder(NlpPipelines.ner());
  }
}
