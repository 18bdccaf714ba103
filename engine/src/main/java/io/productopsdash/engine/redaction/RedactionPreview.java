package io.productopsdash.engine.redaction;

import io.productopsdash.engine.text.redact.CoreNlpPersonNameFinder;
import io.productopsdash.engine.text.redact.PersonNameFinder;
import io.productopsdash.engine.text.redact.PersonNameRules;
import io.productopsdash.engine.text.redact.Redaction;
import io.productopsdash.engine.text.redact.Redactor;
import io.productopsdash.engine.text.vocabulary.ProductVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The dry run: what a text would become if it arrived now as a comment, with the same patterns,
 * name rules and product vocabulary as stored answers (the secrets of the answer path, then the
 * person names of enrichment), and, for each word NER took for a person, whether it was redacted
 * and why. Nothing is stored.
 */
public final class RedactionPreview {
  /**
   * A candidate person name and the decision on it.
   *
   * @param text the words as written
   * @param redacted whether it would be replaced by {@code [name]}
   * @param reason "known name", "name cue", "product term" or "no evidence"
   */
  public record Candidate(String text, boolean redacted, String reason) {}

  /**
   * The outcome.
   *
   * @param text the text as it would be stored
   * @param redacted spans per kind label
   * @param candidates the person-name candidates, in order
   * @param vocabularyTerms terms of the vocabulary used
   */
  public record Result(
      String text, Map<String, Integer> redacted, List<Candidate> candidates, int vocabularyTerms) {}

  private final Supplier<ProductVocabulary> vocabulary;
  private final CoreNlpPersonNameFinder finder;

  /** A dry run with the workspace's vocabulary (read at each call) over the shared NER pipeline. */
  public RedactionPreview(Supplier<ProductVocabulary> vocabulary) {
    this(vocabulary, CoreNlpPersonNameFinder.shared());
  }

  RedactionPreview(Supplier<ProductVocabulary> vocabulary, CoreNlpPersonNameFinder finder) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.finder = Objects.requireNonNull(finder, "finder");
  }

  /** What {@code text} would become. */
  public Result preview(String text) {
    Objects.requireNonNull(text, "text");
    ProductVocabulary terms = vocabulary.get();
    Redaction secrets = Redactor.regexOnly().redact(text);
    CoreNlpPersonNameFinder names = finder.with(PersonNameRules.standard(), terms);
    List<PersonNameRules.Decision> decisions = names.decisions(secrets.text());
    List<PersonNameFinder.Mention> mentions = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (PersonNameRules.Decision d : decisions) {
      if (d.verdict().redacted()) {
        mentions.add(new PersonNameFinder.Mention(d.start(), d.end()));
      }
      String written = secrets.text().substring(d.start(), d.end());
      if (!written.startsWith("[")) {
        candidates.add(new Candidate(written, d.verdict().redacted(), reason(d.verdict())));
      }
    }
    Redaction all = Redactor.withNames(t -> mentions).redact(secrets.text());
    Map<String, Integer> counts = secrets.countsByLabel();
    all.countsByLabel().forEach((k, n) -> counts.merge(k, n, Integer::sum));
    return new Result(all.text(), counts, candidates, terms.size());
  }

  private static String reason(PersonNameRules.Verdict v) {
    return switch (v) {
      case KNOWN_NAME -> "known name";
      case NAME_CUE -> "name cue";
      case PRODUCT_TERM -> "product term";
      case NO_EVIDENCE -> "no evidence";
    };
  }
}
